using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>Stand-in for the DICOM results worker: answers per <see cref="Scenario.DicomResultsAnswer"/>.</summary>
public sealed class FakeDicomResults(Scenario scenario) : IConsumer<BuildDicomResults>
{
    public const string StructuredReportUid = "2.25.1";

    public async Task Consume(ConsumeContext<BuildDicomResults> context)
    {
        var m = context.Message;
        switch (scenario.DicomResultsAnswer)
        {
            case "throw":
                throw new IOException("could not read /var/lib/medpipe/store/series/x/00001.dcm");
            case "silent":
                return;
        }

        await context.Publish(new DicomResultsBuilt
        {
            CorrelationId = m.CorrelationId,
            AttemptId = m.AttemptId,
            Results = new DicomResults
            {
                StructuredReportUid = StructuredReportUid,
                SecondaryCaptureUids = [.. m.Heatmaps.Select((_, i) => $"2.25.{i + 2}")],
                Exports = [new DicomExportOutcome { Destination = "pacs.example", Outcome = "stored", Attempts = 1, Instances = 1 + m.Heatmaps.Count }],
            },
        });
    }
}
