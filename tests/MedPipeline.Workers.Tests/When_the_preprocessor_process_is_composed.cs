using MedPipeline.Inference;
using MedPipeline.Models;
using MedPipeline.Preprocessor;
using MedPipeline.Storage;
using Microsoft.AspNetCore.Builder;

namespace MedPipeline.Workers.Tests;

/// <summary>What each worker process registers: the Preprocessor reads manifests only; only Inference opens ONNX sessions.</summary>
public sealed class When_the_preprocessor_process_is_composed
{
    [Test]
    public void It_reads_manifests_and_opens_no_ONNX_session()
    {
        var builder = WebApplication.CreateBuilder();

        builder.AddPreprocessor();

        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(ModelManifests)), Is.True);
        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(ModelRegistry)), Is.False, "a registry would open every model's session");
        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(FileSystemStore)), Is.False, "workers ask for ISeriesStore, never the concrete store");
    }

    [Test]
    public void The_inference_worker_is_the_one_that_loads_the_models()
    {
        var builder = WebApplication.CreateBuilder();

        builder.AddInference();

        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(ModelRegistry)), Is.True);
    }
}
