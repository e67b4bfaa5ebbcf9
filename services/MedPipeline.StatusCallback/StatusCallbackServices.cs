using MassTransit;
using MedPipeline.Hosting;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Consumers;
using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.DicomOutput;
using MedPipeline.StatusCallback.Options;
using MedPipeline.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPipeline.StatusCallback;

/// <summary>
/// What the StatusCallback process runs: the organizations' backends (configuration only), the sender, the receipts in the
/// store, and the DICOM results (SR, heatmap images) sent to their PACS: the one worker that talks to hospital systems.
/// </summary>
public static class StatusCallbackServices
{
    public static WebApplicationBuilder AddStatusCallback(this WebApplicationBuilder builder)
    {
        builder.Services.AddOrganizations();
        builder.Services.AddOptions<CallbackDeliveryOptions>().BindConfiguration(CallbackDeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddCallbackSender();
        builder.Services.AddSeriesStore();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallbackReceipts>();
        builder.Services.AddSingleton<CallbacksInFlight>();
        builder.Services.AddDicomResults();
        builder.AddMedPipelineMassTransit(x =>
        {
            x.AddConsumer<SendSeriesStatusCallbackConsumer, SendSeriesStatusCallbackConsumerDefinition>();
            x.AddConsumer<BuildDicomResultsConsumer, BuildDicomResultsConsumerDefinition>();
        });
        return builder;
    }
}
