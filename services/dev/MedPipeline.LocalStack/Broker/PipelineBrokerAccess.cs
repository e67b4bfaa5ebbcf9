using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Organizations;

namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// The one table of who may do what on the broker: the fixtures, the demo and infra/rabbitmq/definitions.json
/// (docker-compose) all derive their users and permissions from it. Nobody uses <c>guest</c>.
/// </summary>
public static class PipelineBrokerAccess
{
    /// <summary>For people and test set-up (management UI and API): everything, on every virtual host it is granted.</summary>
    public const string AdministratorUser = "medpipeline-admin";

    public static IReadOnlyDictionary<string, ServiceBrokerAccess> Services { get; } = new Dictionary<string, ServiceBrokerAccess>
    {
        // SendSeriesStatusCallback: a DICOMweb series no routing rule takes is answered not_supported by the gateway itself.
        // Live progress: the stage events, bound to a temporary queue per gateway process (SeriesProgressConsumerDefinition).
        [PipelineService.Gateway] = new("medpipeline-gateway", [],
            [
                typeof(SeriesUnpackingStarted), typeof(SeriesUnpacked), typeof(SeriesPreprocessingProgressed), typeof(SeriesPreprocessed),
                typeof(SeriesInferenceCompleted), typeof(SeriesFinished),
            ],
            [typeof(PredictSeries), typeof(RerunSeries), typeof(CancelSeries), typeof(SendSeriesStatusCallback)],
            TemporaryQueues: [@"gateway-live-[0-9a-f]{32}"]),
        // It declares every organization's ingress exchange and binds it to series-state.
        [PipelineService.Orchestrator] = new("medpipeline-orchestrator", ["series-state"],
            [
                typeof(PredictSeries), typeof(SeriesUnpackingStarted), typeof(SeriesUnpacked), typeof(SeriesArchiveRejected),
                typeof(SeriesPreprocessed), typeof(SeriesPreprocessingFailed), typeof(SeriesInferenceCompleted), typeof(SeriesInferenceFailed),
                typeof(SeriesStageTimedOut), typeof(Fault<UnpackSeriesArchive>), typeof(Fault<PreprocessSeries>), typeof(Fault<RunSeriesInference>),
                typeof(SeriesStatusCallbackDelivered), typeof(SeriesStatusCallbackFailed), typeof(RerunSeries), typeof(CancelSeries),
                typeof(DicomResultsBuilt), typeof(Fault<BuildDicomResults>),
            ],
            [
                typeof(UnpackSeriesArchive), typeof(PreprocessSeries), typeof(RunSeriesInference), typeof(SendSeriesStatusCallback),
                typeof(DeleteSeriesData), typeof(SeriesStageTimedOut), typeof(BuildDicomResults), typeof(SeriesFinished),
            ],
            OwnExchanges: [OrganizationIngress.AnyExchangePattern]),
        [PipelineService.Unpacker] = new("medpipeline-unpacker", ["unpack-series-archive", "delete-series-data"],
            [typeof(UnpackSeriesArchive), typeof(DeleteSeriesData)],
            [typeof(SeriesUnpackingStarted), typeof(SeriesUnpacked), typeof(SeriesArchiveRejected)]),
        [PipelineService.Preprocessor] = new("medpipeline-preprocessor", ["preprocess-series"],
            [typeof(PreprocessSeries)], [typeof(SeriesPreprocessed), typeof(SeriesPreprocessingFailed), typeof(SeriesPreprocessingProgressed)]),
        [PipelineService.Inference] = new("medpipeline-inference", ["run-series-inference"],
            [typeof(RunSeriesInference)], [typeof(SeriesInferenceCompleted), typeof(SeriesInferenceFailed)]),
        // And the DICOM results: the one worker that talks to hospital systems (callbacks, STOW-RS to their PACS).
        [PipelineService.StatusCallback] = new("medpipeline-status-callback", ["send-series-status-callback", "build-dicom-results"],
            [typeof(SendSeriesStatusCallback), typeof(BuildDicomResults)],
            [typeof(SeriesStatusCallbackDelivered), typeof(SeriesStatusCallbackFailed), typeof(DicomResultsBuilt)]),
    };

    /// <summary>The direct-enqueue user of one organization (a hospital backend that publishes without the gateway).</summary>
    public static string IngressUser(string organization) => $"ingress-{organization}";

    /// <summary>
    /// Publish PredictSeries to its organization's ingress exchange and nothing else: no declaring, no reading, no other
    /// exchange (the orchestrator declares and binds the exchange, and takes the organization from it: see
    /// <see cref="OrganizationIngress"/>). The <c>management</c> tag only lets the standard-library example publish through
    /// the management HTTP API; an AMQP client does not need it (leave the tags empty then).
    /// </summary>
    public static BrokerPermissions Ingress(string organization) =>
        new("", BrokerEntityNames.Only([BrokerEntityNames.Exactly(OrganizationIngress.ExchangeOf(organization))]), "", "management");

    /// <summary>The gateway's failure-queue operations (Gateway:Admin:Broker): see <see cref="Ops"/>.</summary>
    public const string OpsUser = "medpipeline-ops";

    /// <summary>
    /// Read (get and acknowledge) the pipeline queues' _error, _skipped and _dead-letter queues; write to those queues'
    /// exchanges (a walk puts the messages it keeps back) and to the pipeline queues' own exchanges (a replay); declare
    /// nothing. The <c>management</c> tag lists the virtual host's queues with their counts (not their messages).
    /// </summary>
    public static BrokerPermissions Ops => new("",
        BrokerEntityNames.Only(Services.Values.SelectMany(s => s.Queues).Select(BrokerEntityNames.EndpointFamily)),
        BrokerEntityNames.Only(Services.Values.SelectMany(s => s.Queues).Select(q => $"{BrokerEntityNames.Exactly(q)}(_error|_skipped|_dead-letter)")),
        "management");
}
