namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>The failure-queue operations' dependencies: the ops broker user's options (validated at start), connection and clients.</summary>
public static class AdminQueueServices
{
    public static IServiceCollection AddAdminQueues(this IServiceCollection services)
    {
        services.AddOptions<AdminBrokerOptions>().BindConfiguration(AdminBrokerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OpsBrokerConnection>();
        services.AddSingleton<FailureQueueWalker>();
        services.AddSingleton<AdminQueueOperations>();
        services.AddHttpClient<FailureQueueCatalog>(client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
