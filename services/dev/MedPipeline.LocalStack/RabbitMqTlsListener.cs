using System.Globalization;

namespace MedPipeline.LocalStack;

/// <summary>
/// An amqps listener for <see cref="PrivateRabbitMq"/>: its CA, certificate and key (PEM), and a client must
/// present a certificate that CA signed (verify_peer, fail_if_no_peer_cert).
/// </summary>
public sealed record RabbitMqTlsListener(string CaCertificatePem, string CertificatePem, string KeyPem)
{
    /// <summary>Writes the PEM files into the broker's directory; returns its rabbitmq.conf lines.</summary>
    internal string Configure(string directory, int port)
    {
        var (ca, certificate, key) = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server.key"));
        File.WriteAllText(ca, CaCertificatePem);
        File.WriteAllText(certificate, CertificatePem);
        OwnerOnlyFile.Write(key, KeyPem);
        return string.Create(CultureInfo.InvariantCulture, $"""
            listeners.ssl.1 = 127.0.0.1:{port}
            ssl_options.cacertfile = {ca}
            ssl_options.certfile = {certificate}
            ssl_options.keyfile = {key}
            ssl_options.verify = verify_peer
            ssl_options.fail_if_no_peer_cert = true
            """);
    }
}
