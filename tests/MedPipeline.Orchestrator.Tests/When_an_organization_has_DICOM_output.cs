using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Saga;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_an_organization_has_DICOM_output : SagaTest
{
    [SetUp]
    public void TurnDicomOutputOn() => Scenario.DicomOutput = true;

    [Test]
    public async Task The_results_are_made_before_the_callback_which_carries_their_UIDs()
    {
        Scenario.Modality = "CR";
        Scenario.Prediction = Scenario.Prediction with { Task = "anomaly", PredictedClass = null, Probability = null, ReconstructionMse = 0.01, IsAnomaly = true };
        Scenario.Heatmaps = [new InstanceHeatmap { SopInstanceUid = "1.2.3.4.1", StoreKey = "series/x/heatmaps/1.png", Width = 4, Height = 4 }];
        var request = Request("xray-anomaly");

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.Completed);
        var command = Harness.Published.Select<BuildDicomResults>().Single().Context.Message;
        var results = Callbacks().Single().Prediction!.DicomResults!;
        Assert.Multiple(() =>
        {
            Assert.That(command.AttemptId, Is.EqualTo(saga.AttemptId));
            Assert.That(command.InstancesKey, Is.EqualTo($"series/{request.CorrelationId}"), "the results worker reads the source instances");
            Assert.That(command.Heatmaps.Single().StoreKey, Is.EqualTo("series/x/heatmaps/1.png"));
            Assert.That(command.Prediction.IsAnomaly, Is.True);
            Assert.That(results.StructuredReportUid, Is.EqualTo(FakeDicomResults.StructuredReportUid));
            Assert.That(results.SecondaryCaptureUids, Is.EqualTo(new[] { "2.25.2" }));
            Assert.That(results.Exports.Single().Outcome, Is.EqualTo("stored"));
            Assert.That(saga.DicomResultsAt, Is.Not.Null);
            Assert.That(saga.Stage, Is.Null);
            Assert.That(Saga.Consumed.Select<DicomResultsBuilt>().Any(), Is.True);
        });
    }

    [Test]
    public async Task A_results_worker_that_keeps_failing_leaves_the_prediction_and_says_why()
    {
        Scenario.DicomResultsAnswer = "throw";
        var request = Request();

        await Harness.Bus.Publish(request);

        await ReachesAsync(request.CorrelationId, m => m.Completed);
        var callback = Callbacks().Single();
        Assert.That(callback.Status, Is.EqualTo(SeriesStatus.Completed));
        Assert.That(callback.Prediction!.PredictedClass, Is.EqualTo("lesion"));
        Assert.That(callback.Prediction.DicomResults!.StructuredReportUid, Is.Null);
        Assert.That(callback.Prediction.DicomResults.Failure, Is.EqualTo(SeriesDicomResultsBehaviors.KeptFailingReason).And.Not.Contain("/var/lib"));
    }

    [Test]
    public async Task A_results_worker_that_does_not_answer_in_time_leaves_the_prediction()
    {
        Scenario.DicomResultsAnswer = "silent";
        var request = Request();
        await Harness.Bus.Publish(request);
        var saga = await ReachesAsync(request.CorrelationId, m => m.Reporting, callbacks: 0);
        Assert.That(saga.Stage, Is.EqualTo(SeriesStage.DicomResults));
        Assert.That(Callbacks(), Is.Empty, "no callback before the DICOM results");

        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = saga.AttemptId, Stage = "inference" });
        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = saga.AttemptId, Stage = nameof(SeriesStage.DicomResults) });

        saga = await ReachesAsync(request.CorrelationId, m => m.Completed);
        Assert.That(saga.Prediction!.PredictedClass, Is.EqualTo("lesion"));
        Assert.That(saga.Prediction.DicomResults!.Failure, Is.EqualTo(SeriesDicomResultsBehaviors.TimedOutReason));
        Assert.That(Callbacks().Single().Status, Is.EqualTo(SeriesStatus.Completed));
    }

    [Test]
    public async Task An_operator_may_cancel_a_series_waiting_for_its_DICOM_results()
    {
        Scenario.DicomResultsAnswer = "silent";
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Reporting, callbacks: 0);

        await ActAsync(Cancel(request.CorrelationId));

        var saga = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(saga.Reason, Is.EqualTo(SeriesOperatorBehaviors.CancelledReason));
        Assert.That(Callbacks().Single().Status, Is.EqualTo(SeriesStatus.Failed));
    }

    [Test]
    public async Task Without_DICOM_output_no_results_are_asked_for()
    {
        Scenario.DicomOutput = false;
        var request = Request();

        await Harness.Bus.Publish(request);

        await ReachesAsync(request.CorrelationId, m => m.Completed);
        Assert.That(Published<BuildDicomResults>(), Is.Zero);
        Assert.That(Callbacks().Single().Prediction!.DicomResults, Is.Null);
    }
}
