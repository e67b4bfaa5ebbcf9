using System.Security.Cryptography;
using MedPipeline.Organizations;

namespace MedPipeline.Containers.Tests;

/// <summary>
/// Every secret docker-compose.yml asks for, new for each run, in an env file (mode 0600) under a private folder:
/// nothing is committed, nothing is on a command line. Also the settings of the host-network override.
/// </summary>
internal sealed class ComposeSecrets
{
    /// <summary>The broker users whose passwords infra/rabbitmq/set-passwords.sh sets (its variable names).</summary>
    private static readonly string[] BrokerPasswordVariables =
    [
        "MEDPIPE_BROKER_GATEWAY_PASSWORD", "MEDPIPE_BROKER_ORCHESTRATOR_PASSWORD", "MEDPIPE_BROKER_UNPACKER_PASSWORD",
        "MEDPIPE_BROKER_PREPROCESSOR_PASSWORD", "MEDPIPE_BROKER_INFERENCE_PASSWORD", "MEDPIPE_BROKER_STATUSCALLBACK_PASSWORD",
        "MEDPIPE_BROKER_INGRESS_PASSWORD", "MEDPIPE_BROKER_OPS_PASSWORD",
    ];

    private ComposeSecrets(string envFile, string apiKey, IReadOnlyDictionary<string, string> values)
    {
        EnvFile = envFile;
        ApiKey = apiKey;
        Values = values;
    }

    public string EnvFile { get; }

    /// <summary>The hospital's API key (the services get only its hash).</summary>
    public string ApiKey { get; }

    /// <summary>Everything in <see cref="EnvFile"/>, for the scripts that read the same variables.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public static ComposeSecrets Write(string directory)
    {
        var apiKey = ApiKeys.NewKey();
        var values = new Dictionary<string, string>
        {
            ["MEDPIPE_IMAGE_TAG"] = "local",
            ["MEDPIPE_RABBITMQ_PORT"] = HostNetworkPorts.RabbitMq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MEDPIPE_POSTGRES_PORT"] = HostNetworkPorts.Postgres.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MEDPIPE_HOSPITAL_API_KEY_SHA256"] = ApiKeys.HashOf(apiKey),
            ["MEDPIPE_POSTGRES_PASSWORD"] = NewPassword(),
            ["MEDPIPE_ORCHESTRATOR_DB_PASSWORD"] = NewPassword(),
            ["MEDPIPE_GATEWAY_DB_PASSWORD"] = NewPassword(),
            ["MEDPIPE_BROKER_ADMIN_PASSWORD"] = NewPassword(),
        };
        foreach (var variable in BrokerPasswordVariables)
        {
            values[variable] = NewPassword();
        }

        var envFile = Path.Combine(directory, "compose.env");
        File.WriteAllText(envFile, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(envFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllLines(envFile, values.Select(v => $"{v.Key}={v.Value}"));
        return new ComposeSecrets(envFile, apiKey, values);
    }

    /// <summary>URL-safe: the broker passwords go into amqp:// URIs.</summary>
    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
