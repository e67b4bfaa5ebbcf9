using System.Text.Json;

namespace MedPipeline.LocalStack.Broker;

/// <summary>
/// RabbitMQ definitions (the format of <c>load_definitions</c> and the management API's /api/definitions) for the
/// service and ingress users of <see cref="PipelineBrokerAccess"/>: infra/rabbitmq/definitions.json, which
/// infra/rabbitmq/set-passwords.sh imports into the running broker (not at boot: a broker that loads definitions at boot
/// never creates RABBITMQ_DEFAULT_USER). No password is in them (an empty hash: the user cannot log in until
/// infra/rabbitmq/set-passwords.sh sets one), so the committed file holds no secret. The administrator is not in
/// them: the broker's RABBITMQ_DEFAULT_USER/PASS create it (and so no guest), and an import must not clear its password.
/// </summary>
public static class BrokerDefinitions
{
    /// <summary>The organization configured in docker-compose.yml (Organizations__hospital__...).</summary>
    public const string ComposeOrganization = "hospital";

    private const string VirtualHost = "/";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(IEnumerable<string> organizations)
    {
        var users = PipelineBrokerAccess.Services.Values.Select(s => (s.User, Permissions: s.Permissions())).ToList();
        users.AddRange(organizations.Select(o => (PipelineBrokerAccess.IngressUser(o), PipelineBrokerAccess.Ingress(o))));
        users.Add((PipelineBrokerAccess.OpsUser, PipelineBrokerAccess.Ops));
        var definitions = new
        {
            users = users.Select(u => new
            {
                name = u.User,
                password_hash = "",
                hashing_algorithm = "rabbit_password_hashing_sha256",
                tags = u.Permissions.Tags.Length == 0 ? Array.Empty<string>() : [u.Permissions.Tags],
            }),
            vhosts = new[] { new { name = VirtualHost } },
            permissions = users.Select(u => new
            {
                user = u.User,
                vhost = VirtualHost,
                configure = u.Permissions.Configure,
                write = u.Permissions.Write,
                read = u.Permissions.Read,
            }),
        };
        return JsonSerializer.Serialize(definitions, Indented).ReplaceLineEndings("\n") + "\n";
    }
}
