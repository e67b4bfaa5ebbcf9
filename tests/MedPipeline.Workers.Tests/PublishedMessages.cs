using MassTransit.Testing;
using MedPipeline.Contracts;

namespace MedPipeline.Workers.Tests;

/// <summary>
/// Waits for a series' answer by polling: the harness's own Any() stops waiting for good once the bus was
/// idle for a moment, which a test that publishes several series one after another runs into.
/// </summary>
internal static class PublishedMessages
{
    /// <summary>The series' SeriesPreprocessed, or null when it failed (then its reason is in <paramref name="failure"/>) or never came.</summary>
    public static async Task<(SeriesPreprocessed? Done, string? Failure)> PreprocessedAsync(ITestHarness harness, Guid correlationId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var done = harness.Published.Select<SeriesPreprocessed>().Select(m => m.Context.Message).FirstOrDefault(m => m.CorrelationId == correlationId);
            var failed = harness.Published.Select<SeriesPreprocessingFailed>().Select(m => m.Context.Message).FirstOrDefault(m => m.CorrelationId == correlationId);
            if (done is not null || failed is not null)
            {
                return (done, failed?.Reason);
            }

            await Task.Delay(20);
        }

        return (null, "no answer within 2 minutes");
    }
}
