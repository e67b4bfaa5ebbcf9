using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MassTransit;

namespace MedPipeline.Hosting.Messaging;

/// <summary>Applies <see cref="RabbitMqTlsOptions"/> to MassTransit's RabbitMQ host (UseSsl).</summary>
internal static class RabbitMqTls
{
    public static void Configure(IRabbitMqSslConfigurator ssl, RabbitMqTlsOptions tls, string host)
    {
        ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
        ssl.ServerName = tls.ServerName ?? host;
        if (tls.ClientCertificatePath is not null)
        {
            ssl.Certificate = RabbitMqTlsFiles.LoadClient(tls);
        }

        if (tls.CaCertificatePath is not null)
        {
            var ca = RabbitMqTlsFiles.LoadCa(tls);
            ssl.CertificateValidationCallback = (_, certificate, _, errors) => IsSignedByCa(certificate, errors, ca);
        }
    }

    /// <summary>
    /// The system store does not know a private CA, so its chain error is expected; every other error (no
    /// certificate, a name that is not <see cref="RabbitMqTlsOptions.ServerName"/>) refuses the broker, and the chain
    /// must end in one of <paramref name="ca"/>.
    /// </summary>
    private static bool IsSignedByCa(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection ca)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        // A private CA publishes no revocation list; rotate its certificates instead.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }
}
