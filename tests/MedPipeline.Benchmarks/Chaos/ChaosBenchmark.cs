using System.Diagnostics;
using System.Globalization;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks.Chaos;

/// <summary>
/// Issue 12, chaos measured: N series submitted while every worker type and the orchestrator are SIGKILLed and
/// restarted, the RabbitMQ app is stopped and started twice, PostgreSQL crashes (immediate shutdown) and comes back,
/// and the backend answers 503 for 20 s. Prints accepted, completed, lost, stuck and duplicate-callback counts.
/// The database is durable, as in the demo: a crash must not lose a series that was answered 202.
/// </summary>
internal static class ChaosBenchmark
{
    private const string Model = "ct-lesion-classifier";
    private const int Instances = 3;
    private const int SubmittersAtOnce = 8;

    public static async Task<int> RunAsync(int count)
    {
        await using var broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        await using var postgres = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90), durable: true);
        await using var pipeline = await LocalPipeline.StartAsync(new PipelineSettings(RepositoryPaths.Root, TestBuild.Configuration, broker.Endpoint,
            await postgres.Endpoint.CreatePipelineDatabaseAsync("chaos"))
        {
            // As a supervisor would: a service whose bus watchdog gave up after a broker outage comes back.
            RestartExitedServices = true,
            Settings = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Warning",
                // The backend's 20 s outage is retried within seconds instead of the production 30 s doubling.
                ["Orchestrator__CallbackRetry__FirstDelay"] = "00:00:02",
                ["Orchestrator__CallbackRetry__MaxDelay"] = "00:00:10",
            },
        });
        var samples = new SampleSeriesFactory(RepositoryPaths.Models);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chaos: {count} series of {Instances} CT instances for {Model}, {Environment.ProcessorCount} cores, durable PostgreSQL"));

        var clock = Stopwatch.StartNew();
        var submitter = new ChaosSubmitter(pipeline, Model);
        using var gate = new SemaphoreSlim(SubmittersAtOnce);
        var submissions = Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await submitter.SubmitAsync(samples.ForModel(Model, Instances), $"chaos-{i:D5}");
            }
            finally
            {
                gate.Release();
            }
        }));
        var faults = new ChaosFaults(pipeline, broker, postgres, clock);
        await Task.WhenAll(submissions, faults.RunAsync());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"submissions and faults done after {clock.Elapsed.TotalSeconds:0} s"));

        var tally = await ChaosTally.SettleAsync(pipeline, submitter.Accepted, Model, TimeSpan.FromMinutes(10));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after {clock.Elapsed.TotalSeconds:0} s: submitted {count}, accepted {submitter.Accepted.Count} ({submitter.Retries} retried submissions), " +
            $"completed {tally.Completed}, other outcomes {tally.OtherOutcomes}, lost {tally.Lost}, stuck {tally.Stuck}, duplicate callbacks {tally.Duplicates}"));
        return tally.Lost == 0 && tally.Stuck == 0 && tally.Duplicates == 0 && submitter.Accepted.Count == count ? 0 : 1;
    }
}
