namespace MedPipeline.LocalStack;

/// <summary>A server certificate (PEM, chain as the server should present it) and its private key (PEM), for ssl=on.</summary>
public sealed record PostgresServerCertificate(string CertificatePem, string PrivateKeyPem);
