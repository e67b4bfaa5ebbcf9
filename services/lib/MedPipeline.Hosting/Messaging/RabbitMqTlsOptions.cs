using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Hosting.Messaging;

/// <summary>
/// TLS to the broker, section "RabbitMq:Tls" (amqps): the broker's certificate is checked against
/// <see cref="CaCertificatePath"/> (or the system's trust store) and <see cref="ServerName"/>, and the client
/// presents <see cref="ClientCertificatePath"/> when the broker asks for one (verify_peer, fail_if_no_peer_cert).
/// Checked at start: a file that is missing or unreadable stops the host naming the key.
/// </summary>
public sealed class RabbitMqTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>The name the broker's certificate must carry; default: the host of the broker address.</summary>
    public string? ServerName { get; set; }

    /// <summary>PEM file of the CA(s) that sign the broker's certificate, trusted instead of the system's store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The client certificate: PEM (with <see cref="ClientKeyPath"/>) or PKCS#12 (.pfx/.p12, with <see cref="ClientCertificatePassword"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of a PEM <see cref="ClientCertificatePath"/>.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>Password of a PKCS#12 client certificate (or of an encrypted PEM key).</summary>
    public string? ClientCertificatePassword { get; set; }

    internal IEnumerable<ValidationResult> Validate(string section, Uri address)
    {
        var configured = CaCertificatePath ?? ClientCertificatePath ?? ClientKeyPath ?? ServerName;
        if (!Enabled)
        {
            if (configured is not null)
            {
                yield return new ValidationResult($"{section}:Enabled must be true when other {section} settings are set (the connection would not use them).");
            }

            yield break;
        }

        if (address.Scheme is not ("amqps" or "rabbitmqs"))
        {
            yield return new ValidationResult($"{section}:Enabled needs an amqps:// broker address (RabbitMq:Uri), not {address.Scheme}://.");
        }

        if (ClientKeyPath is not null && ClientCertificatePath is null)
        {
            yield return new ValidationResult($"{section}:ClientKeyPath is set without {section}:ClientCertificatePath.");
        }

        foreach (var error in RabbitMqTlsFiles.Problems(this, section))
        {
            yield return new ValidationResult(error);
        }
    }
}
