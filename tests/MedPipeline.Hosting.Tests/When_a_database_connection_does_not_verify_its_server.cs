using MedPipeline.Hosting.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Tests;

public sealed class When_a_database_connection_does_not_verify_its_server
{
    private const string Remote = "Host=db.hospital.example;Username=medpipe_orchestrator;Password=secret-password";

    [Test]
    public void A_remote_host_without_verify_full_stops_the_start_naming_the_key_and_the_fix()
    {
        using var host = TestHosts.Builder(("ConnectionStrings:Orchestrator", Remote)).Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("ConnectionStrings:Orchestrator connects to host 'db.hospital.example' with 'SSL Mode=Prefer'"));
            Assert.That(error.Message, Does.Contain("'SSL Mode=VerifyFull'").And.Contain("'Root Certificate=").And.Contain("DatabaseTransport:AllowUnverifiedRemote=true"));
            Assert.That(error.Message, Does.Not.Contain("secret-password"));
        });
    }

    [Test]
    public void The_persistence_key_is_checked_too()
    {
        using var host = TestHosts.Builder(("Persistence:ConnectionString", $"{Remote};SSL Mode=Require")).Build();

        var error = Assert.Throws<OptionsValidationException>(() => _ = host.Services.GetRequiredService<IOptions<DatabaseTransportOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Persistence:ConnectionString connects to host 'db.hospital.example' with 'SSL Mode=Require'"));
    }

    [Test]
    public void An_explicit_allowance_accepts_an_unverified_remote_host()
    {
        using var host = TestHosts.Builder(("ConnectionStrings:Orchestrator", Remote), ("DatabaseTransport:AllowUnverifiedRemote", "true")).Build();

        Assert.That(host.Services.GetRequiredService<IOptions<DatabaseTransportOptions>>().Value.AllowUnverifiedRemote, Is.True);
    }

    [TestCase("Host=127.0.0.1;Username=u;Password=p")]
    [TestCase("Host=localhost;Username=u;Password=p;SSL Mode=Disable")]
    [TestCase("Host=::1;Username=u;Password=p")]
    [TestCase("Host=/var/run/postgresql;Username=u")]
    [TestCase("Host=db.hospital.example;Username=u;Password=p;SSL Mode=VerifyFull")]
    public void A_loopback_socket_or_verified_connection_passes(string connectionString)
    {
        Assert.That(PostgresTransportRule.ProblemOf("ConnectionStrings:X", connectionString, allowUnverifiedRemote: false), Is.Null);
    }

    [Test]
    public void A_remote_host_among_several_is_found()
    {
        Assert.That(PostgresTransportRule.ProblemOf("ConnectionStrings:X", "Host=127.0.0.1:5432,db2.example:5433;Username=u;Password=p;SSL Mode=VerifyCA", false),
            Does.StartWith("ConnectionStrings:X connects to host 'db2.example:5433' with 'SSL Mode=VerifyCA'"));
    }

    [Test]
    public void A_root_certificate_that_does_not_exist_is_named()
    {
        Assert.That(PostgresTransportRule.ProblemOf("ConnectionStrings:X", $"{Remote};SSL Mode=VerifyFull;Root Certificate=/nonexistent/ca.crt", false),
            Is.EqualTo("ConnectionStrings:X: the file named by 'Root Certificate' does not exist."));
    }

    [Test]
    public void An_unparsable_connection_string_is_named_without_being_quoted()
    {
        Assert.That(PostgresTransportRule.ProblemOf("ConnectionStrings:X", "Host=db;Password=secret-password;Bogus Key=1", false),
            Is.EqualTo("ConnectionStrings:X is not a valid Npgsql connection string."));
    }
}
