using MedPipeline.Gateway.Admin;
using MedPipeline.Gateway.Admin.Queues;
using MedPipeline.Gateway.DicomWeb;
using MedPipeline.Gateway.Live;
using MedPipeline.Gateway.Options;
using MedPipeline.Gateway.Similar;
using MedPipeline.Gateway.Uploads;
using MedPipeline.Hosting;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Organizations;
using MedPipeline.Storage;
using Npgsql;

namespace MedPipeline.Gateway.Series;

/// <summary>
/// The series endpoints' dependencies: store, organizations, upload limits, the bus (publishing, and the live-progress consumer on a temporary endpoint) and
/// read access to the orchestrator's status read model (ConnectionStrings:SeriesStatus, as a role that may
/// only SELECT it). Enabled when a "RabbitMq" section is configured; without
/// one the gateway serves the single-image APIs only (as the browser tests and latency bench run it).
/// </summary>
public static class SeriesPipelineServices
{
    public static bool IsConfigured(IConfiguration configuration) => configuration.GetSection(RabbitMqOptions.Section).Exists();

    public static WebApplicationBuilder AddSeriesPipeline(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(SeriesStatusReader.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{SeriesStatusReader.ConnectionStringName} is required when RabbitMq is configured (the series status is read from it).");
        }

        builder.Services.AddSeriesStore();
        builder.Services.AddOrganizations();
        builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IModelCatalog, RegistryModelCatalog>();
        builder.Services.AddSingleton<ArchiveIntake>();
        builder.Services.AddSingleton<SeriesUploadReader>();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<SeriesStatusReader>();
        builder.Services.AddSingleton<SimilarCaseReader>();
        builder.Services.AddSingleton<SimilarCaseIndex>();
        builder.Services.AddHostedService<SimilarCasePreload>();
        builder.Services.AddSingleton<AdminSeriesReader>();
        builder.Services.AddSingleton<SeriesActionTargetReader>();
        builder.Services.AddSingleton<AdminStatsReader>();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAdminQueues();
        builder.Services.AddDicomWeb();
        builder.Services.AddLiveProgress();
        builder.AddMedPipelineMassTransit(x => x.AddLiveProgressConsumer(), readyOnlyWhileBrokerAnswers: false);
        return builder;
    }
}
