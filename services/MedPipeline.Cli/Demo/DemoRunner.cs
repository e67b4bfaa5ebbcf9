using MedPipeline.LocalStack;

namespace MedPipeline.Cli.Demo;

/// <summary>
/// Starts the demo stack. Today that is the infrastructure the pipeline runs on (a private RabbitMQ
/// with its management dashboard, and PostgreSQL); the services join it as they are built.
/// </summary>
internal static class DemoRunner
{
    public static async Task<int> RunAsync(DirectoryInfo checkout, FileInfo? gatewayDll, bool startOnly, TextWriter output, CancellationToken outer)
    {
        using var signals = new ShutdownSignals(outer);
        var cancellationToken = signals.Token;
        var stale = await MarkedProcesses.StopStaleAsync();
        if (stale > 0)
        {
            await output.WriteLineAsync($"Stopped {stale} process(es) left by an earlier run.");
        }

        await output.WriteLineAsync("Starting a private RabbitMQ and PostgreSQL on loopback...");
        await using var rabbitMq = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        await using var postgres = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90));
        await using var gateway = gatewayDll is null ? null : await LocalGateway.StartAsync(gatewayDll.FullName, checkout.FullName, TimeSpan.FromSeconds(60));

        var endpoints = new DemoEndpoints
        {
            Gateway = gateway?.Address.ToString(),
            RabbitMqManagement = rabbitMq.Endpoint.ManagementUri.ToString(),
            RabbitMqAmqp = rabbitMq.Endpoint.AmqpUri().ToString(),
            Postgres = postgres.Endpoint.ConnectionString,
        };
        var endpointsPath = Path.Combine(checkout.FullName, ".medpipe", "endpoints.json");
        await endpoints.WriteAsync(endpointsPath, CancellationToken.None);

        if (gateway is not null)
        {
            await output.WriteLineAsync($"Gateway:             {gateway.Address} (try a model: upload an image or draw a digit; OpenAPI at {gateway.Address}openapi/v1.json)");
        }

        await output.WriteLineAsync($"RabbitMQ management: {endpoints.RabbitMqManagement} (user guest, password guest)");
        await output.WriteLineAsync($"RabbitMQ AMQP:       {endpoints.RabbitMqAmqp}");
        await output.WriteLineAsync($"PostgreSQL:          {endpoints.Postgres}");
        await output.WriteLineAsync($"Endpoints written to {endpointsPath}");
        if (!startOnly)
        {
            await output.WriteLineAsync(
                "The series pipeline (workers, saga, callbacks) is not built yet: the infrastructure and the " +
                "single-image gateway run. See README.md, 'Status'.");
        }

        await output.WriteLineAsync("Press Ctrl-C to stop everything.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping...");
        }

        File.Delete(endpointsPath);
        return 0;
    }
}
