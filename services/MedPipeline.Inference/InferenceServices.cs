using MassTransit;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Inference.Consumers;
using MedPipeline.Inference.Heatmaps;
using MedPipeline.Inference.Series;
using MedPipeline.Models;
using MedPipeline.Storage;

namespace MedPipeline.Inference;

/// <summary>What the Inference process runs: the store, the model registry (sessions opened once), the inference core and its consumer.</summary>
public static class InferenceServices
{
    public static WebApplicationBuilder AddInference(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeriesStore();
        builder.Services.AddModelRegistry();
        builder.Services.AddSeriesInference();
        builder.Services.AddSeriesHeatmaps();
        builder.AddMedPipelineMassTransit(x => x.AddConsumer<RunSeriesInferenceConsumer, RunSeriesInferenceConsumerDefinition>());
        return builder;
    }
}
