using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// One broker and one database server for every test of this project, stopped after the last: each class makes its
/// own database and queues, so none needs a server of its own (restarting them per class cost about 4 minutes a run).
/// </summary>
[SetUpFixture]
public sealed class StopTestServices
{
    [OneTimeTearDown]
    public Task StopAsync() => TestServices.StopAsync();
}
