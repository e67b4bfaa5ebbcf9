using MedPipeline.Hosting.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Tests;

public sealed class When_a_broker_setting_is_missing
{
    [Test]
    public void The_host_fails_at_start_naming_the_missing_key()
    {
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder();
        builder.AddMedPipelineMassTransit(_ => { });
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("RabbitMq:Host is required (or set RabbitMq:Uri)."));
    }

    [Test]
    public void A_host_without_credentials_names_both_keys()
    {
        using var host = HostWith(("RabbitMq:Host", "127.0.0.1"));

        var error = Assert.Throws<OptionsValidationException>(() => _ = host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value);

        Assert.That(error!.Failures.Count(), Is.EqualTo(2));
        Assert.That(error.Failures, Has.Some.Contains("RabbitMq:Username is required (or set RabbitMq:Uri)."));
        Assert.That(error.Failures, Has.Some.Contains("RabbitMq:Password is required (or set RabbitMq:Uri)."));
    }

    [Test]
    public void A_port_out_of_range_is_named()
    {
        using var host = HostWith(("RabbitMq:Host", "127.0.0.1"), ("RabbitMq:Username", "u"), ("RabbitMq:Password", "p"), ("RabbitMq:Port", "70000"));

        var error = Assert.Throws<OptionsValidationException>(() => _ = host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("RabbitMq:Port must be between 1 and 65535."));
    }

    [Test]
    public void A_uri_alone_is_enough()
    {
        using var host = HostWith(("RabbitMq:Uri", "amqp://worker:secret@127.0.0.1:5673/medpipe"));

        var options = host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value;

        Assert.That(options.ToHostAddress(), Is.EqualTo(new Uri("amqp://worker:secret@127.0.0.1:5673/medpipe")));
    }

    [Test]
    public void Separate_settings_give_the_broker_address_with_its_virtual_host()
    {
        var options = new RabbitMqOptions { Host = "10.0.0.5", Port = 5673, VirtualHost = "medpipe", Username = "u", Password = "p" };

        Assert.That(options.ToHostAddress(), Is.EqualTo(new Uri("rabbitmq://10.0.0.5:5673/medpipe")));
        options.VirtualHost = null;
        Assert.That(options.ToHostAddress(), Is.EqualTo(new Uri("rabbitmq://10.0.0.5:5673/")));
    }

    [Test]
    public void TLS_settings_without_TLS_or_over_plain_amqp_are_named()
    {
        using var unused = HostWith(("RabbitMq:Uri", "amqps://worker:secret@10.0.0.5/"), ("RabbitMq:Tls:CaCertificatePath", "/etc/ca.pem"));
        using var plain = HostWith(("RabbitMq:Uri", "amqp://worker:secret@10.0.0.5/"), ("RabbitMq:Tls:Enabled", "true"));

        var notEnabled = Assert.Throws<OptionsValidationException>(() => _ = unused.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value);
        var notAmqps = Assert.Throws<OptionsValidationException>(() => _ = plain.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value);

        Assert.That(notEnabled!.Message, Does.Contain("RabbitMq:Tls:Enabled must be true when other RabbitMq:Tls settings are set"));
        Assert.That(notAmqps!.Message, Does.Contain("RabbitMq:Tls:Enabled needs an amqps:// broker address (RabbitMq:Uri), not amqp://."));
    }

    [Test]
    public void Separate_settings_with_TLS_default_to_the_amqps_port()
    {
        var options = new RabbitMqOptions { Host = "10.0.0.5", Username = "u", Password = "p", Tls = new RabbitMqTlsOptions { Enabled = true } };

        Assert.That(options.ToHostAddress(), Is.EqualTo(new Uri("rabbitmqs://10.0.0.5:5671/")));
    }

    private static Microsoft.Extensions.Hosting.IHost HostWith(params (string Key, string Value)[] settings)
    {
        var builder = TestHosts.Builder(settings);
        builder.AddMedPipelineMassTransit(_ => { });
        return builder.Build();
    }
}
