using System.Security.Authentication;
using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Testing.Tests;

/// <summary>
/// A private PostgreSQL with ssl=on and a server certificate (CN/SAN localhost) signed by a CA made here;
/// clients connect with 'SSL Mode=VerifyFull' and 'Root Certificate' as a production deployment would.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_the_database_connection_requires_a_verified_server
{
    private readonly TestCertificateAuthority _authority = new("MedPipeline test CA");
    private readonly TestCertificateAuthority _stranger = new("Some other CA");
    private PrivatePostgres _server = null!;
    private string _certificates = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _certificates = Directory.CreateTempSubdirectory("medpipe-ca").FullName;
        _server = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90), _authority.IssueForLocalhost());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        _authority.Dispose();
        _stranger.Dispose();
        Directory.Delete(_certificates, recursive: true);
    }

    [Test]
    public async Task The_server_signed_by_the_given_root_is_accepted_over_tls()
    {
        await using var connection = new NpgsqlConnection(Verified(_authority));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);

        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(true));
    }

    [Test]
    public async Task A_server_the_root_did_not_sign_is_refused()
    {
        await using var connection = new NpgsqlConnection(Verified(_stranger));

        var error = Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.That(error!.InnerException, Is.InstanceOf<AuthenticationException>());
    }

    private string Verified(TestCertificateAuthority root) => new NpgsqlConnectionStringBuilder(_server.Endpoint.ConnectionString)
    {
        Host = "localhost",
        SslMode = SslMode.VerifyFull,
        RootCertificate = root.WriteRootPem(_certificates),
    }.ConnectionString;
}
