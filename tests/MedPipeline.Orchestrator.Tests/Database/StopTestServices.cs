using MedPipeline.Testing;

namespace MedPipeline.Orchestrator.Tests.Database;

[SetUpFixture]
public sealed class StopTestServices
{
    [OneTimeTearDown]
    public Task StopAsync() => TestServices.StopAsync();
}
