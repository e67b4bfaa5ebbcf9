using MedPipeline.Testing;

namespace MedPipeline.Testing.Tests;

[SetUpFixture]
public sealed class StopTestServices
{
    [OneTimeTearDown]
    public Task StopAsync() => TestServices.StopAsync();
}
