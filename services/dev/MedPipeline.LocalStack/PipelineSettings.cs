namespace MedPipeline.LocalStack;

/// <summary>How to start a local pipeline: where the checkout and its build are, and settings for every service.</summary>
public sealed record PipelineSettings(string Checkout, string Configuration, RabbitMqEndpoint Broker, PipelineDatabase Database)
{
    /// <summary>The organization whose callbacks go to the sample backend.</summary>
    public string Organization { get; init; } = "demo-hospital";

    /// <summary>A second organization with its own key and callback path, to try what one hospital can see of another's.</summary>
    public string OtherOrganization { get; init; } = "other-hospital";

    /// <summary>Extra configuration for every service (keys in environment form, e.g. Orchestrator__Timeouts__Unpack).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Start a service again (same port, after a short backoff) when it exits on its own, as a supervisor would.</summary>
    public bool RestartExitedServices { get; init; }

    /// <summary>Where the launcher says what it does (restarts); nothing is written when null.</summary>
    public TextWriter? Log { get; init; }
}
