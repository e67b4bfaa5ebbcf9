using MedPipeline.Models;
using MedPipeline.Gateway.Uploads;

namespace MedPipeline.Gateway.Series;

/// <summary>Series requests may name any model the gateway's registry loaded.</summary>
internal sealed class RegistryModelCatalog(ModelRegistry registry) : IModelCatalog
{
    public IReadOnlyCollection<string> ModelTypes => registry.ModelTypes;
}
