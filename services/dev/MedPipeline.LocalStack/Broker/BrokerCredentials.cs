using System.Security.Cryptography;

namespace MedPipeline.LocalStack.Broker;

/// <summary>A broker user and its password.</summary>
public sealed record BrokerCredentials(string User, string Password)
{
    /// <summary>A random password (hex, so it needs no escaping in URIs or rabbitmq.conf).</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));

    public static BrokerCredentials WithNewPassword(string user) => new(user, NewPassword());
}
