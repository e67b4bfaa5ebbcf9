using Microsoft.Extensions.Logging;

namespace MedPipeline.Persistence.Tests;

/// <summary>
/// One logger factory for every host of the test run: MassTransit keeps the first bus's log context
/// in a static, so a per-host factory would be disposed under the next host.
/// </summary>
public static class TestLogging
{
    public static ILoggerFactory Factory { get; } =
        LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
}
