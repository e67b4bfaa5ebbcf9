using MedPipeline.Hosting;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Models;
using MedPipeline.Orchestrator.Metrics;
using MedPipeline.Orchestrator.Options;
using MedPipeline.Orchestrator.Retention;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Validation;
using MedPipeline.Persistence;

namespace MedPipeline.Orchestrator;

/// <summary>What the orchestrator process runs: the series saga in PostgreSQL behind the transactional outbox.</summary>
public static class OrchestratorServices
{
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StageTimeouts>().BindConfiguration(StageTimeouts.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CallbackRetry>().BindConfiguration(CallbackRetry.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SeriesDataCleanup>().BindConfiguration(SeriesDataCleanup.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddModelManifests();
        builder.Services.AddSingleton<IModelSupport, ManifestModelSupport>();
        builder.Services.AddSingleton<IDicomOutput, OrganizationDicomOutput>();
        builder.Services.AddPredictSeriesValidation();
        builder.Services.AddMedPipelinePersistence();
        builder.Services.AddRetention();
        builder.Services.AddSeriesMetrics();
        builder.AddMedPipelineMassTransit(x =>
            x.AddSagaStateMachine<SeriesStateMachine, SeriesState>(typeof(SeriesStateDefinition)).NpgsqlRepository(SeriesStateTable.Map));
        return builder;
    }
}
