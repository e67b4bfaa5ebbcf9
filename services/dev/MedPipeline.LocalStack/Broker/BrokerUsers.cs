using System.Net.Http.Json;

namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// The broker users of one local pipeline, created (or given new passwords) through the management API with the
/// administrator of <see cref="RabbitMqEndpoint"/>: one per service and one ingress user per organization, each
/// with the permissions of <see cref="PipelineBrokerAccess"/> on the virtual host "/" and a random password.
/// </summary>
public sealed class BrokerUsers
{
    private readonly RabbitMqEndpoint _broker;
    private readonly Dictionary<string, BrokerCredentials> _services;
    private readonly Dictionary<string, BrokerCredentials> _ingress;

    private BrokerUsers(RabbitMqEndpoint broker, Dictionary<string, BrokerCredentials> services, Dictionary<string, BrokerCredentials> ingress)
    {
        _broker = broker;
        _services = services;
        _ingress = ingress;
    }

    public static async Task<BrokerUsers> CreateAsync(RabbitMqEndpoint broker, IEnumerable<string> organizations)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var services = PipelineBrokerAccess.Services.ToDictionary(s => s.Key, s => BrokerCredentials.WithNewPassword(s.Value.User));
        var ingress = organizations.Distinct(StringComparer.Ordinal)
            .ToDictionary(o => o, o => BrokerCredentials.WithNewPassword(PipelineBrokerAccess.IngressUser(o)));
        using var api = broker.CreateManagementClient();
        foreach (var (service, credentials) in services)
        {
            await PutUserAsync(api, credentials, PipelineBrokerAccess.Services[service].Permissions());
        }

        foreach (var (organization, credentials) in ingress)
        {
            await PutUserAsync(api, credentials, PipelineBrokerAccess.Ingress(organization));
        }

        var ops = BrokerCredentials.WithNewPassword(PipelineBrokerAccess.OpsUser);
        await PutUserAsync(api, ops, PipelineBrokerAccess.Ops);
        return new BrokerUsers(broker, services, ingress) { Ops = ops };
    }

    /// <summary>Whether <paramref name="service"/> (a <see cref="PipelineService"/> name) talks to the broker.</summary>
    public bool HasUser(string service) => _services.ContainsKey(service);

    public BrokerCredentials Of(string service) => _services[service];

    public BrokerCredentials IngressOf(string organization) => _ingress[organization];

    /// <summary>The gateway's failure-queue user (<see cref="PipelineBrokerAccess.OpsUser"/>).</summary>
    public BrokerCredentials Ops { get; private init; } = null!;

    /// <summary>The amqp URI of <see cref="Ops"/> (Gateway:Admin:Broker:Uri); its management API is the broker's.</summary>
    public Uri OpsAmqpUri => (_broker with { Username = Ops.User, Password = Ops.Password }).AmqpUri();

    public Uri ManagementUri => _broker.ManagementUri;

    /// <summary>The amqp URI <paramref name="service"/> connects with: its own user, never the administrator.</summary>
    public Uri AmqpUriOf(string service) => (_broker with { Username = _services[service].User, Password = _services[service].Password }).AmqpUri();

    private static async Task PutUserAsync(HttpClient api, BrokerCredentials credentials, BrokerPermissions permissions)
    {
        var user = Uri.EscapeDataString(credentials.User);
        using (var response = await api.PutAsJsonAsync($"api/users/{user}", new { password = credentials.Password, tags = permissions.Tags }))
        {
            await EnsureAsync(response, $"creating broker user {credentials.User}");
        }

        using (var response = await api.PutAsJsonAsync($"api/permissions/%2F/{user}",
                   new { configure = permissions.Configure, write = permissions.Write, read = permissions.Read }))
        {
            await EnsureAsync(response, $"granting broker user {credentials.User}");
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{what}: the management API answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} (is the configured user an administrator?)");
        }
    }
}
