using System.Diagnostics;
using System.Globalization;
using MedPipeline.LocalStack;

namespace MedPipeline.Benchmarks.Chaos;

/// <summary>The faults, one after another while series are submitted, each printed with the time it happened.</summary>
internal sealed class ChaosFaults(LocalPipeline pipeline, PrivateRabbitMq broker, PrivatePostgres postgres, Stopwatch clock)
{
    private static readonly string[] Killed =
        [PipelineService.Unpacker, PipelineService.Preprocessor, PipelineService.Inference, PipelineService.StatusCallback, PipelineService.Orchestrator];

    public async Task RunAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        foreach (var name in Killed)
        {
            Say($"SIGKILL {name}, then start it again");
            await pipeline.KillAsync(name);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await pipeline.StartAsync(name);
            await Task.Delay(TimeSpan.FromSeconds(4));
        }

        for (var restart = 1; restart <= 2; restart++)
        {
            Say($"RabbitMQ app stopped ({restart} of 2) for 3 s");
            await broker.StopAppAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await broker.StartAppAsync();
            await Task.Delay(TimeSpan.FromSeconds(25));
        }

        Say("PostgreSQL crashed (immediate shutdown) and started again");
        await postgres.CrashAndRestartAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(5));

        Say("the backend answers 503 for 20 s");
        using var backend = new HttpClient { BaseAddress = pipeline.SampleBackend };
        (await backend.PostAsync("outage?seconds=20", null)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(20));
    }

    private void Say(string what) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.0} s  {what}"));
}
