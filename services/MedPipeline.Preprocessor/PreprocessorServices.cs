using MassTransit;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Hosting;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Options;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Preprocessor;

/// <summary>What the Preprocessor process runs: the store, the models' manifests (no ONNX session), the codec pool, its consumer.</summary>
public static class PreprocessorServices
{
    public static WebApplicationBuilder AddPreprocessor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeriesStore();
        builder.Services.AddModelManifests();
        builder.Services.AddSeriesPreprocessing();
        builder.Services.AddOptions<SeriesLimitsOptions>().BindConfiguration(SeriesLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CodecPoolOptions>().BindConfiguration(CodecPoolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ICompressedFrameDecoder>(provider => new CodecProcessPool(provider.GetRequiredService<IOptions<CodecPoolOptions>>().Value));
        builder.AddMedPipelineMassTransit(x => x.AddConsumer<PreprocessSeriesConsumer, PreprocessSeriesConsumerDefinition>());
        return builder;
    }
}
