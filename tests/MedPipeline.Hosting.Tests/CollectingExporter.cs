using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace MedPipeline.Hosting.Tests;

/// <summary>Keeps every exported span in memory (OpenTelemetry.Exporter.InMemory is not on the mirror).</summary>
public sealed class CollectingExporter : BaseExporter<Activity>
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var activity in batch)
        {
            Spans.Enqueue(activity);
        }

        return ExportResult.Success;
    }
}
