using System.Text.RegularExpressions;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

/// <summary>Our own metrics in each real service's /metrics text after one series went through, and no patient or series identifier in it.</summary>
public sealed class When_our_metrics_are_scraped
{
    [Test]
    public async Task Each_service_exports_what_it_measures_by_stage_model_organization_and_state()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(series, "ct-lesion-classifier", seriesId)).Dispose();
        await client.WaitForCallbacksAsync(seriesId, 1);
        // The orchestrator counts its read model every second here (Pipeline's settings); give it two rounds.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var expected = new Dictionary<string, string[]>
        {
            [PipelineService.Unpacker] = [Sample("medpipeline_stage_duration_milliseconds_count", "medpipeline_stage=\"unpack\"", "outcome=\"ok\""),
                Sample("medpipeline_instances_processed_total", "medpipeline_stage=\"unpack\"")],
            [PipelineService.Preprocessor] = [Sample("medpipeline_stage_duration_milliseconds_count", "medpipeline_stage=\"preprocess\"", "outcome=\"ok\""),
                Sample("medpipeline_instances_processed_total", "medpipeline_stage=\"preprocess\"")],
            [PipelineService.Inference] = [Sample("medpipeline_stage_duration_milliseconds_count", "medpipeline_stage=\"inference\"", "outcome=\"ok\""),
                Sample("medpipeline_model_run_duration_milliseconds_count", "medpipeline_model=\"ct-lesion-classifier\"")],
            [PipelineService.StatusCallback] = [Sample("medpipeline_stage_duration_milliseconds_count", "medpipeline_stage=\"callback\""),
                Sample("medpipeline_callbacks_total", "medpipeline_organization=\"st-olaf\"", "outcome=\"delivered\"")],
            [PipelineService.Orchestrator] = [Sample("medpipeline_series", "medpipeline_state=\"Completed\"", "medpipeline_organization=\"st-olaf\""),
                Line("medpipeline_series_stuck", "0", "medpipeline_stage=\"Inference\"")],
        };
        foreach (var (name, samples) in expected)
        {
            using var http = new HttpClient { BaseAddress = Pipeline.Running.AddressOf(name) };
            var text = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));

            foreach (var sample in samples)
            {
                Assert.That(Regex.IsMatch(text, sample, RegexOptions.Multiline), Is.True, $"{name}: {sample}");
            }

            Assert.That(text, Does.Not.Contain(series.SeriesInstanceUid).And.Not.Contain(series.StudyInstanceUid).And.Not.Contain(seriesId), $"{name}: no identifiers");
        }
    }

    /// <summary>A Prometheus sample line of <paramref name="metric"/> carrying every label and a value of at least 1.</summary>
    private static string Sample(string metric, params string[] labels) => Line(metric, "[1-9][0-9.e+]*", labels);

    /// <summary>A Prometheus sample line of <paramref name="metric"/> carrying every label, its value matching <paramref name="value"/>.</summary>
    private static string Line(string metric, string value, params string[] labels) =>
        $"^{metric}\\{{{string.Concat(labels.Select(l => $"(?=[^}}\\n]*{Regex.Escape(l)})"))}[^}}\\n]*\\}} {value}( |$)";
}
