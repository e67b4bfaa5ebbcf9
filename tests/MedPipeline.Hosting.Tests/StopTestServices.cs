using MedPipeline.Testing;

namespace MedPipeline.Hosting.Tests;

[SetUpFixture]
public sealed class StopTestServices
{
    [OneTimeTearDown]
    public Task StopAsync() => TestServices.StopAsync();
}
