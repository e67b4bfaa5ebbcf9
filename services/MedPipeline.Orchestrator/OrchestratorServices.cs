using MedPipeline.Hosting;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Models;
using MedPipeline.Orchestrator.Options;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Persistence;

namespace MedPipeline.Orchestrator;

/// <summary>What the orchestrator process runs: the series saga in PostgreSQL behind the transactional outbox.</summary>
public static class OrchestratorServices
{
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StageTimeouts>(StageTimeouts.Section);
        builder.Services.AddValidatedOptions<CallbackRetry>(CallbackRetry.Section);
        builder.Services.AddValidatedOptions<SeriesDataCleanup>(SeriesDataCleanup.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddModelManifests();
        builder.Services.AddSingleton<IModelSupport, ManifestModelSupport>();
        builder.Services.AddMedPipelinePersistence();
        builder.AddMedPipelineMassTransit(x =>
            x.AddSagaStateMachine<SeriesStateMachine, SeriesState>(typeof(SeriesStateDefinition)).NpgsqlRepository(SeriesStateTable.Map));
        return builder;
    }
}
