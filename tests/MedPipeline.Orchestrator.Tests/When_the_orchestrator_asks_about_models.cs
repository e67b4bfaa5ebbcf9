using MedPipeline.Models;
using MedPipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>The orchestrator decides support from the shipped manifests, as its host registers them.</summary>
public sealed class When_the_orchestrator_asks_about_models
{
    [Test]
    public void It_answers_from_the_manifests_without_loading_any_ONNX_binding()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new("Models:Path", RepositoryPaths.Models)]).Build())
            .AddModelManifests()
            .AddSingleton<IModelSupport, ManifestModelSupport>()
            .BuildServiceProvider(true);
        var models = provider.GetRequiredService<IModelSupport>();

        Assert.Multiple(() =>
        {
            Assert.That(models.IsKnown("ct-lesion-classifier"), Is.True);
            Assert.That(models.IsKnown("lung-cancer-9000"), Is.False);
            Assert.That(models.Supports("ct-lesion-classifier", "CT", ["1.2.840.10008.5.1.4.1.1.2"]), Is.True);
            Assert.That(models.Supports("ct-lesion-classifier", "MR", ["1.2.840.10008.5.1.4.1.1.4"]), Is.False);
            Assert.That(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => n!.Contains("Onnx", StringComparison.OrdinalIgnoreCase)),
                Is.Empty, "no ONNX binding was loaded, so no session can have been opened");
        });
    }
}
