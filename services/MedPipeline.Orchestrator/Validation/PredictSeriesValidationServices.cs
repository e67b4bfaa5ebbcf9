using MedPipeline.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Orchestrator.Validation;

public static class PredictSeriesValidationServices
{
    /// <summary>The configured organizations ("Organizations", validated at start) and the checks every PredictSeries passes.</summary>
    public static IServiceCollection AddPredictSeriesValidation(this IServiceCollection services)
    {
        services.AddOrganizations();
        services.AddSingleton<PredictSeriesValidation>();
        services.AddSingleton<PredictSeriesAudit>();
        return services;
    }
}
