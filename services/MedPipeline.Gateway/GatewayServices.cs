using MedPipeline.Dicom.Codecs;
using MedPipeline.Gateway.Admin;
using MedPipeline.Gateway.DicomWeb;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Live;
using MedPipeline.Gateway.Options;
using MedPipeline.Gateway.Series;
using MedPipeline.Gateway.Similar;
using MedPipeline.Hosting;
using MedPipeline.Hosting.Health;
using MedPipeline.Gateway.SingleImage;
using MedPipeline.Gateway.Transport;
using MedPipeline.Gateway.Uploads;
using MedPipeline.Models;
using MedPipeline.ModelRunner;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway;

/// <summary>What the gateway needs, bound and validated at start.</summary>
public static class GatewayServices
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.AddMedPipelineDefaults("medpipeline-gateway");
        if (SeriesPipelineServices.IsConfigured(builder.Configuration))
        {
            builder.AddSeriesPipeline();
        }

        builder.AddGatewayIdentity();
        builder.AddGatewayRateLimits();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddModelRegistry();
        builder.Services.AddOptions<PredictionOptions>().BindConfiguration(PredictionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SingleImageOptions>().BindConfiguration(SingleImageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CodecPoolOptions>().BindConfiguration(CodecPoolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(provider => new CodecProcessPool(provider.GetRequiredService<IOptions<CodecPoolOptions>>().Value));
        // Uploads are untrusted: DICOM codecs and PNG/JPEG decoding both run in the pool's child processes, never here.
        builder.Services.AddSingleton(provider => new ImagePredictor(
            provider.GetRequiredService<ModelRegistry>(),
            provider.GetRequiredService<IOptions<SingleImageOptions>>().Value.Apply(provider.GetRequiredService<IOptions<PredictionOptions>>().Value),
            codecs: provider.GetRequiredService<CodecProcessPool>(),
            images: provider.GetRequiredService<CodecProcessPool>()));
        // Kestrel's receive buffers: a series upload of gigabytes in 64 KB reads, not 4 KB ones.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        builder.Services.AddOptions<KestrelLimitsOptions>().BindConfiguration(KestrelLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<KestrelLimitsOptions>>((kestrel, limits) => limits.Value.ApplyTo(kestrel.Limits));
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<SingleImageOptions>>((o, single) =>
        {
            o.MultipartBodyLengthLimit = single.Value.MaxFileBytes;

            // A single image stays in memory (it is bounded by MaxFileBytes) instead of going through a temporary file on disk.
            o.MemoryBufferThreshold = (int)Math.Min(single.Value.MaxFileBytes, int.MaxValue);
        });
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // Load every model before the first request, so a bad manifest stops the start, not a request.
        _ = app.Services.GetRequiredService<ModelRegistry>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseLiveProgress();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After authorization, so the fallback policy decides who may load the page.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi().RequireAuthorization(GatewayRoles.OpenApi);
        app.MapGroup("").RequireAuthorization(GatewayRoles.SingleImage).WithMetadata(new RateLimited(RateLimitedKind.SingleImage))
            .MapSingleImageEndpoints();
        app.MapMedPipelineHealthEndpoints();
        if (SeriesPipelineServices.IsConfigured(app.Configuration))
        {
            app.MapSeriesEndpoints();
            app.MapArchiveEndpoints();
            app.MapSimilarCaseEndpoints();
            app.MapLiveEndpoints();
            app.MapDicomWebEndpoints();
            app.MapAdminEndpoints();
        }

        return app;
    }
}
