namespace MedPipeline.Hosting.Health;

/// <summary>Whether the broker accepts connections again, asked while the bus is not healthy.</summary>
public interface IBrokerProbe
{
    Task<bool> AnswersAsync(CancellationToken cancellationToken);
}
