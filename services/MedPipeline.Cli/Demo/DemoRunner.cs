using MedPipeline.LocalStack;
using MedPipeline.Organizations;

namespace MedPipeline.Cli.Demo;

/// <summary>
/// The demo: a private RabbitMQ and PostgreSQL, every pipeline service and a sample hospital backend
/// on loopback; then (unless --start-only) sample series through the gateway with their progress and
/// callbacks. Everything it starts is stopped by PID on Ctrl-C.
/// </summary>
internal static class DemoRunner
{
    private const string Organization = "demo-hospital";

    public static async Task<int> RunAsync(DemoOptions options, TextWriter output, CancellationToken outer)
    {
        using var signals = new ShutdownSignals(outer);
        var cancellationToken = signals.Token;
        var checkout = options.Checkout.FullName;
        var stale = await MarkedProcesses.StopStaleAsync();
        if (stale > 0)
        {
            await output.WriteLineAsync($"Stopped {stale} process(es) left by an earlier run.");
        }

        await output.WriteLineAsync("Starting a private RabbitMQ and PostgreSQL on loopback...");
        await using var rabbitMq = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        await using var postgres = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90), durable: true);
        await output.WriteLineAsync("Starting the sample backend, orchestrator, Unpacker, Preprocessor, Inference, StatusCallback and gateway...");
        var database = await postgres.Endpoint.CreatePipelineDatabaseAsync("medpipeline");
        await using var pipeline = await LocalPipeline.StartAsync(new PipelineSettings(checkout, options.Configuration, rabbitMq.Endpoint, database)
        {
            Organization = Organization,
            // As a supervisor would: a service that exits (a crash, the bus watchdog after a broker outage) comes back.
            RestartExitedServices = true,
            Log = output,
        });

        var endpoints = new DemoEndpoints
        {
            Gateway = pipeline.Gateway.ToString(),
            RabbitMqManagement = rabbitMq.Endpoint.ManagementUri.ToString(),
            SampleBackend = pipeline.SampleBackend.ToString(),
            Organization = Organization,
            ApiKey = pipeline.ApiKey,
            OtherOrganization = pipeline.OtherOrganization,
            OtherApiKey = pipeline.OtherApiKey,
            RabbitMqUser = rabbitMq.Endpoint.Username,
            RabbitMqPassword = rabbitMq.Endpoint.Password,
            IngressUser = pipeline.BrokerUsers.IngressOf(Organization).User,
            IngressPassword = pipeline.BrokerUsers.IngressOf(Organization).Password,
            OtherIngressUser = pipeline.BrokerUsers.IngressOf(pipeline.OtherOrganization).User,
            OtherIngressPassword = pipeline.BrokerUsers.IngressOf(pipeline.OtherOrganization).Password,
            RabbitMqAmqp = rabbitMq.Endpoint.AmqpUri().ToString(),
            Postgres = database.Administrator,
            Store = pipeline.StorePath,
        };
        var endpointsPath = Path.Combine(checkout, ".medpipe", "endpoints.json");
        await endpoints.WriteAsync(endpointsPath, CancellationToken.None);
        try
        {
            await output.WriteLineAsync($"Gateway:             {endpoints.Gateway} (series: POST api/studies/series/predict; single images: the page; OpenAPI: openapi/v1.json)");
            await output.WriteLineAsync($"API key of '{Organization}': {pipeline.ApiKey} (send as X-API-Key; every series request needs it)");
            await output.WriteLineAsync($"API key of '{pipeline.OtherOrganization}': {pipeline.OtherApiKey} (a second hospital: it cannot see the first one's series)");
            await output.WriteLineAsync("Single images and the page answer without a key, from this machine only (Gateway:Identity:AllowAnonymousSingleImage, loopback).");
            await output.WriteLineAsync($"RabbitMQ management: {endpoints.RabbitMqManagement} (user {endpoints.RabbitMqUser}, password {endpoints.RabbitMqPassword}; no guest)");
            await output.WriteLineAsync("Broker users:        one per service (medpipeline-gateway, -orchestrator, ...), each limited to its own queues and messages;");
            await output.WriteLineAsync($"                     ingress user {endpoints.IngressUser} may only publish PredictSeries to exchange {OrganizationIngress.ExchangeOf(Organization)} (direct enqueue; password in the endpoints file)");
            await output.WriteLineAsync($"Sample backend:      {endpoints.SampleBackend}received (callbacks for organization '{Organization}')");
            await output.WriteLineAsync($"Service logs:        {pipeline.Directory}");
            await output.WriteLineAsync($"Endpoints written to {endpointsPath}");
            if (!options.StartOnly)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync("Submitting sample series:");
                using var progress = new SeriesProgress(pipeline.GatewayClient(timeout: TimeSpan.FromMinutes(2)), pipeline.SampleBackend, Organization, output);
                await progress.RunAsync(DemoSeries.All(Path.Combine(checkout, "models")), cancellationToken);
                await output.WriteLineAsync();
                await output.WriteLineAsync($"RabbitMQ management: {endpoints.RabbitMqManagement} (queues, rates, consumers per service)");
            }

            if (!options.ExitWhenDone)
            {
                await output.WriteLineAsync("The stack stays up: press Ctrl-C to stop everything.");
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await output.WriteLineAsync("Stopping...");
            File.Delete(endpointsPath);
        }

        return 0;
    }
}
