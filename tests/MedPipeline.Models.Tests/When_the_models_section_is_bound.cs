using MedPipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Models.Tests;

/// <summary>The "Models" section: where the models are and how their sessions run.</summary>
public sealed class When_the_models_section_is_bound
{
    [Test]
    public void Spinning_is_off_unless_a_process_is_set_for_latency()
    {
        Assert.That(Bind([]).AllowSpinning, Is.False);
        Assert.That(Bind(new() { ["Models:AllowSpinning"] = "true" }).AllowSpinning, Is.True);
    }

    [Test]
    public void A_registry_set_for_latency_loads_the_shipped_models()
    {
        using var provider = Provider(new() { ["Models:AllowSpinning"] = "true", ["Models:IntraOpThreads"] = "2" });

        var registry = provider.GetRequiredService<ModelRegistry>();

        Assert.That(registry.Models, Is.Not.Empty);
    }

    private static ModelRegistryOptions Bind(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        return provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value;
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        settings["Models:Path"] = RepositoryPaths.Models;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddModelRegistry().BuildServiceProvider();
    }
}
