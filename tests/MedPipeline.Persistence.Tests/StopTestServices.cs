using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[SetUpFixture]
public sealed class StopTestServices
{
    [OneTimeTearDown]
    public Task StopAsync() => TestServices.StopAsync();
}
