using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MedPipeline.Hosting.Messaging;

/// <summary>Loads the certificates of <see cref="RabbitMqTlsOptions"/>, and says what is wrong with them at start.</summary>
internal static class RabbitMqTlsFiles
{
    public static X509Certificate2Collection LoadCa(RabbitMqTlsOptions tls)
    {
        var ca = new X509Certificate2Collection();
        ca.ImportFromPemFile(tls.CaCertificatePath!);
        if (ca.Count == 0)
        {
            throw new CryptographicException("the file holds no PEM certificate");
        }

        return ca;
    }

    public static X509Certificate2 LoadClient(RabbitMqTlsOptions tls)
    {
        var path = tls.ClientCertificatePath!;
        if (tls.ClientKeyPath is not null)
        {
            return tls.ClientCertificatePassword is null
                ? X509Certificate2.CreateFromPemFile(path, tls.ClientKeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, tls.ClientCertificatePassword, tls.ClientKeyPath);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, tls.ClientCertificatePassword);
    }

    public static IEnumerable<string> Problems(RabbitMqTlsOptions tls, string section)
    {
        if (tls.CaCertificatePath is not null && Problem(() => DisposeAll(LoadCa(tls)), tls.CaCertificatePath) is { } ca)
        {
            yield return $"{section}:CaCertificatePath: {ca}";
        }

        if (tls.ClientCertificatePath is not null && Problem(() => LoadClient(tls).Dispose(), tls.ClientCertificatePath) is { } client)
        {
            yield return $"{section}:ClientCertificatePath: {client}";
        }
    }

    private static void DisposeAll(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }

    private static string? Problem(Action load, string path)
    {
        if (!File.Exists(path))
        {
            return $"{path} does not exist.";
        }

        try
        {
            load();
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"{path} cannot be loaded ({e.Message}).";
        }
    }
}
