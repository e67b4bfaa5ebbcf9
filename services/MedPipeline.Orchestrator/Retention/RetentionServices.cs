namespace MedPipeline.Orchestrator.Retention;

public static class RetentionServices
{
    /// <summary>The <see cref="RetentionJob"/> and its validated <see cref="RetentionOptions"/>.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
