using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Hosting.Messaging;

/// <summary>
/// The broker connection, section "RabbitMq": either <see cref="Uri"/> (amqp://user:password@host:port/vhost)
/// or <see cref="Host"/>, <see cref="Username"/> and <see cref="Password"/> (with optional
/// <see cref="Port"/> and <see cref="VirtualHost"/>). No defaults: a missing setting stops the host
/// with an error naming the key, rather than silently connecting to localhost as guest.
/// </summary>
public sealed class RabbitMqOptions : IValidatableObject
{
    public const string Section = "RabbitMq";

    public Uri? Uri { get; set; }

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "RabbitMq:Port must be between 1 and 65535.")]
    public int? Port { get; set; }

    public string? VirtualHost { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// Deliveries of one message a quorum queue allows before it dead-letters the message to the
    /// endpoint's <c>_dead-letter</c> queue (see <see cref="PoisonMessageLimit"/>). Redeliveries come
    /// from a consumer process that died or lost its connection while holding the message.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "RabbitMq:DeliveryLimit must be between 1 and 1000.")]
    public int DeliveryLimit { get; set; } = 5;

    /// <summary>amqps: certificates and names (section "RabbitMq:Tls"), checked at start.</summary>
    public RabbitMqTlsOptions Tls { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Uri is not null)
        {
            if (Uri.Scheme is not ("amqp" or "amqps" or "rabbitmq" or "rabbitmqs"))
            {
                yield return new ValidationResult($"{Section}:Uri must be an amqp:// or amqps:// address.", [nameof(Uri)]);
                yield break;
            }

            foreach (var error in Tls.Validate($"{Section}:Tls", Uri))
            {
                yield return error;
            }

            yield break;
        }

        foreach (var (name, value) in new[] { (nameof(Host), Host), (nameof(Username), Username), (nameof(Password), Password) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"{Section}:{name} is required (or set {Section}:Uri).", [name]);
            }
        }

        if (!string.IsNullOrWhiteSpace(Host))
        {
            foreach (var error in Tls.Validate($"{Section}:Tls", ToHostAddress()))
            {
                yield return error;
            }
        }
    }

    /// <summary>The broker address these options describe (after validation).</summary>
    public Uri ToHostAddress()
    {
        if (Uri is not null)
        {
            return Uri;
        }

        var builder = new UriBuilder(Tls.Enabled ? "rabbitmqs" : "rabbitmq", Host, Port ?? (Tls.Enabled ? 5671 : 5672))
        {
            Path = string.IsNullOrEmpty(VirtualHost) || VirtualHost == "/" ? "/" : "/" + Uri.EscapeDataString(VirtualHost.TrimStart('/')),
        };
        return builder.Uri;
    }
}
