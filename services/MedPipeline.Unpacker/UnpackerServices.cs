using MassTransit;
using MedPipeline.Hosting;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;
using MedPipeline.Unpacker.Consumers;
using MedPipeline.Unpacker.Retention;
using Microsoft.Extensions.Options;

namespace MedPipeline.Unpacker;

/// <summary>What the Unpacker process runs: the store, the archive limits ("Unpacker:Limits") and its consumer.</summary>
public static class UnpackerServices
{
    public static WebApplicationBuilder AddUnpacker(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeriesStore();
        builder.Services.AddOptions<ArchiveLimits>().BindConfiguration("Unpacker:Limits").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(provider => provider.GetRequiredService<IOptions<ArchiveLimits>>().Value);
        builder.Services.AddOptions<StoreRetentionOptions>().BindConfiguration(StoreRetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<StoreDataSweep>();
        builder.AddMedPipelineMassTransit(x =>
        {
            x.AddConsumer<UnpackSeriesArchiveConsumer, UnpackSeriesArchiveConsumerDefinition>();
            x.AddConsumer<DeleteSeriesDataConsumer, DeleteSeriesDataConsumerDefinition>();
        });
        return builder;
    }
}
