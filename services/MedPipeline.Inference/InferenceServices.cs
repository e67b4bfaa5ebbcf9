using MassTransit;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Inference.Consumers;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Inference.Options;
using MedPipeline.Inference.Series;
using MedPipeline.Models;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Inference;

/// <summary>What the Inference process runs: the store, the model registry (sessions opened once), the inference core and its consumer.</summary>
public static class InferenceServices
{
    public static WebApplicationBuilder AddInference(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeriesStore();
        builder.Services.AddModelRegistry();
        builder.Services.AddSeriesInference();
        builder.Services.AddOptions<HeatmapOptions>().BindConfiguration(HeatmapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CodecPoolOptions>().BindConfiguration(CodecPoolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Only heatmaps decode here (a source with a compressed syntax); the processes start on first use.
        builder.Services.AddSingleton<ICompressedFrameDecoder>(provider => new CodecProcessPool(provider.GetRequiredService<IOptions<CodecPoolOptions>>().Value));
        builder.AddMedPipelineMassTransit(x => x.AddConsumer<RunSeriesInferenceConsumer, RunSeriesInferenceConsumerDefinition>());
        return builder;
    }
}
