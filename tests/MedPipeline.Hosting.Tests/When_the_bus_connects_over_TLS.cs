using System.Text.Json;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Messaging;
using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Tests;

/// <summary>
/// A private broker with an amqps listener that asks every client for a certificate its CA signed
/// (verify_peer, fail_if_no_peer_cert), and a test CA, server and client certificate made for it.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_the_bus_connects_over_TLS
{
    private TestCertificates? _certificates;
    private PrivateRabbitMq? _broker;

    private TestCertificates Certificates => _certificates!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _certificates = TestCertificates.Create();
        _broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90), new RabbitMqTlsListener(
            await File.ReadAllTextAsync(Certificates.CaPath), await File.ReadAllTextAsync(Certificates.ServerCertificatePath),
            await File.ReadAllTextAsync(Certificates.ServerKeyPath)));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _certificates?.Dispose();
    }

    [Test]
    public async Task With_the_CA_and_a_client_certificate_a_message_goes_round_trip_over_TLS()
    {
        var probe = new TimeoutProbe();
        var builder = TestHosts.Builder(Settings(("RabbitMq:Tls:ClientCertificatePath", Certificates.ClientCertificatePath),
            ("RabbitMq:Tls:ClientKeyPath", Certificates.ClientKeyPath)));
        builder.Services.AddSingleton(probe);
        builder.AddMedPipelineMassTransit(x => x.AddConsumer<TimeoutProbe, TimeoutProbeDefinition>());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var correlationId = Guid.NewGuid();
            await host.Services.GetRequiredService<IBus>().Publish(new SeriesStageTimedOut { CorrelationId = correlationId, AttemptId = Guid.NewGuid(), Stage = "unpack" });
            Assert.That((await probe.Received.Task.WaitAsync(TimeSpan.FromSeconds(30))).CorrelationId, Is.EqualTo(correlationId));
            Assert.That(await ConnectionsAsync(), Has.Some.EqualTo((true, _broker!.AmqpsPort!.Value)), "the service's connection is TLS, on the amqps port");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Test]
    public async Task Without_a_client_certificate_the_broker_refuses_the_connection()
    {
        var error = await StartFailureAsync(Settings());
        // TLS 1.3 sends the broker's "certificate required" alert after the handshake: the client sees the reset.
        Assert.That(error, Does.StartWith($"MassTransit.RabbitMqConnectionException: Broker unreachable: {_broker!.Endpoint.Username}@127.0.0.1:{_broker.AmqpsPort}/"));
        Assert.That(error, Does.Contain("Connection reset by peer").Or.Contain("certificate required"));
    }

    [Test]
    public async Task With_another_CA_the_service_refuses_the_broker()
    {
        using var other = TestCertificates.Create();
        var error = await StartFailureAsync(Settings(("RabbitMq:Tls:CaCertificatePath", other.CaPath),
            ("RabbitMq:Tls:ClientCertificatePath", Certificates.ClientCertificatePath), ("RabbitMq:Tls:ClientKeyPath", Certificates.ClientKeyPath)));
        Assert.That(error, Does.StartWith("MassTransit.RabbitMqConnectionException: Broker unreachable"));
        Assert.That(error, Does.Contain("AuthenticationException: The remote certificate was rejected by the provided RemoteCertificateValidationCallback."));
    }

    [Test]
    public void A_missing_or_unreadable_file_stops_the_start_naming_the_key()
    {
        var builder = TestHosts.Builder(Settings(("RabbitMq:Tls:CaCertificatePath", "/nonexistent/ca.pem"),
            ("RabbitMq:Tls:ClientCertificatePath", Certificates.CaPath), ("RabbitMq:Tls:ClientKeyPath", Certificates.ServerCertificatePath)));
        builder.AddMedPipelineMassTransit(_ => { });
        using var host = builder.Build();
        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(error!.Failures, Has.Some.Contains("'RabbitMq:Tls:CaCertificatePath: /nonexistent/ca.pem does not exist.'"));
        Assert.That(error.Failures, Has.Some.Contains($"'RabbitMq:Tls:ClientCertificatePath: {Certificates.CaPath} cannot be loaded ("));
    }

    /// <summary>(ssl, port) of each broker connection; the management API lists a new connection within seconds.</summary>
    private async Task<List<(bool Ssl, int Port)>> ConnectionsAsync()
    {
        using var management = _broker!.Endpoint.CreateManagementClient();
        for (var attempt = 0; ; attempt++)
        {
            using var connections = JsonDocument.Parse(await management.GetStringAsync(new Uri("api/connections", UriKind.Relative)));
            var found = connections.RootElement.EnumerateArray().Select(c => (c.GetProperty("ssl").GetBoolean(), c.GetProperty("port").GetInt32())).ToList();
            if (found.Count > 0 || attempt == 60)
            {
                return found;
            }

            await Task.Delay(250);
        }
    }

    private (string Key, string Value)[] Settings(params (string Key, string Value)[] extra) =>
    [
        ("RabbitMq:Uri", $"amqps://{_broker!.Endpoint.Username}:{_broker.Endpoint.Password}@127.0.0.1:{_broker.AmqpsPort}/"),
        ("RabbitMq:Tls:Enabled", "true"),
        .. extra.Any(e => e.Key == "RabbitMq:Tls:CaCertificatePath") ? [] : new[] { ("RabbitMq:Tls:CaCertificatePath", Certificates.CaPath) },
        .. extra,
    ];

    /// <summary>Starts a host that cannot connect; returns what its start threw and what it logged.</summary>
    private static async Task<string> StartFailureAsync((string Key, string Value)[] settings)
    {
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder(settings);
        builder.AddMedPipelineMassTransit(_ => { });
        string thrown;
        using (var host = builder.Build())
        {
            // The refusal comes with the first connection attempt; the start is cancelled soon after, with its cause.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(6));
            try
            {
                await host.StartAsync(timeout.Token);
                thrown = "(started)";
                await host.StopAsync();
            }
            catch (Exception e)
            {
                thrown = e.ToString();
            }
        }

        return thrown + "\n" + string.Join('\n', console.Lines());
    }
}
