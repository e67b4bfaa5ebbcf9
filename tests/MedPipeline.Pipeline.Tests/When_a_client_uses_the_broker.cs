using MedPipeline.Organizations;
using MedPipeline.LocalStack;
using MedPipeline.LocalStack.Broker;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// The broker's users on the running pipeline: no guest, each service limited to its own queues and messages,
/// each organization's ingress user to publishing PredictSeries (the whole suite runs with these users).
/// </summary>
public sealed class When_a_client_uses_the_broker
{
    private const int AccessRefused = 403;
    private const string PredictSeriesExchange = "MedPipeline.Contracts:PredictSeries";
    private const string UnpackExchange = "MedPipeline.Contracts:UnpackSeriesArchive";
    private static string OwnIngressExchange => OrganizationIngress.ExchangeOf(Pipeline.Running.Organization);

    [Test]
    public void Guest_is_refused()
    {
        var error = Assert.ThrowsAsync<BrokerUnreachableException>(() => BrokerClient.FactoryFor("guest", "guest").CreateConnectionAsync());
        Assert.That(error!.InnerException, Is.InstanceOf<AuthenticationFailureException>(), error.ToString());
    }

    [Test]
    public void A_service_user_with_a_wrong_password_is_refused()
    {
        var user = Pipeline.Running.BrokerUsers.Of(PipelineService.StatusCallback).User;
        var error = Assert.ThrowsAsync<BrokerUnreachableException>(() => BrokerClient.FactoryFor(user, "wrong").CreateConnectionAsync());
        Assert.That(error!.InnerException, Is.InstanceOf<AuthenticationFailureException>(), error.ToString());
    }

    [Test]
    public async Task A_service_user_cannot_consume_another_services_queue()
    {
        await using var callbacks = await BrokerClient.ConnectAsync(Pipeline.Running.BrokerUsers.Of(PipelineService.StatusCallback));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => BrokerClient.ConsumeAsync(c, "unpack-series-archive")), Is.EqualTo(AccessRefused));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => BrokerClient.ConsumeAsync(c, "series-state")), Is.EqualTo(AccessRefused));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => c.QueuePurgeAsync("unpack-series-archive")), Is.EqualTo(AccessRefused));
    }

    [Test]
    public async Task A_service_user_cannot_publish_to_an_exchange_it_does_not_use()
    {
        await using var callbacks = await BrokerClient.ConnectAsync(Pipeline.Running.BrokerUsers.Of(PipelineService.StatusCallback));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, UnpackExchange)), Is.EqualTo(AccessRefused));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, PredictSeriesExchange)), Is.EqualTo(AccessRefused));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, "unpack-series-archive")), Is.EqualTo(AccessRefused));
        Assert.That(await callbacks.ReplyCodeOfAsync(c => c.ExchangeDeleteAsync(UnpackExchange)), Is.EqualTo(AccessRefused));
    }

    [Test]
    public async Task A_service_user_may_declare_its_own_bus_endpoint_and_no_other()
    {
        await using var gateway = await BrokerClient.ConnectAsync(Pipeline.Running.BrokerUsers.Of(PipelineService.Gateway));
        Assert.That(await gateway.ReplyCodeOfAsync(c => DeclareTemporaryAsync(c, $"medpipeline-gateway_bus_{Guid.NewGuid():N}")), Is.Zero);
        Assert.That(await gateway.ReplyCodeOfAsync(c => DeclareTemporaryAsync(c, $"medpipeline-orchestrator_bus_{Guid.NewGuid():N}")),
            Is.EqualTo(AccessRefused));
        Assert.That(await gateway.ReplyCodeOfAsync(c => DeclareTemporaryAsync(c, "a-queue-of-its-own")), Is.EqualTo(AccessRefused));
    }

    [Test]
    public async Task An_ingress_user_can_publish_to_its_organizations_ingress_exchange()
    {
        await using var ingress = await BrokerClient.ConnectAsync(Pipeline.Running.BrokerUsers.IngressOf(Pipeline.Running.Organization));
        using var queues = new BrokerQueues();
        var errorsBefore = await queues.MessagesAsync("series-state_error");

        // Not even a MassTransit envelope: the broker takes it, and the orchestrator (with its own user's rights)
        // sets it aside in its _error queue instead of processing it or handing it back again and again.
        Assert.That(await ingress.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, OwnIngressExchange, "not a command")), Is.Zero);
        var errors = errorsBefore;
        for (var i = 0; i < 120 && errors == errorsBefore; i++)
        {
            await Task.Delay(250);
            errors = await queues.MessagesAsync("series-state_error");
        }

        Assert.That(errors, Is.EqualTo(errorsBefore + 1), "the message is in series-state_error");
    }

    [Test]
    public async Task An_ingress_user_can_neither_consume_nor_publish_elsewhere_nor_declare()
    {
        await using var ingress = await BrokerClient.ConnectAsync(Pipeline.Running.BrokerUsers.IngressOf(Pipeline.Running.Organization));
        Assert.That(await ingress.ReplyCodeOfAsync(c => BrokerClient.ConsumeAsync(c, "series-state")), Is.EqualTo(AccessRefused));
        Assert.That(await ingress.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, UnpackExchange)), Is.EqualTo(AccessRefused));
        Assert.That(await ingress.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, "series-state")), Is.EqualTo(AccessRefused));
        Assert.That(await ingress.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, PredictSeriesExchange)), Is.EqualTo(AccessRefused),
            "the gateway's exchange, whose commands may name any organization");
        Assert.That(await ingress.ReplyCodeOfAsync(c => BrokerClient.PublishAsync(c, OrganizationIngress.ExchangeOf(Pipeline.Running.OtherOrganization))),
            Is.EqualTo(AccessRefused), "another organization's ingress exchange");
        Assert.That(await ingress.ReplyCodeOfAsync(c => DeclareTemporaryAsync(c, "ingress-eavesdrop")), Is.EqualTo(AccessRefused));
        Assert.That(await ingress.ReplyCodeOfAsync(c => c.ExchangeDeleteAsync(OwnIngressExchange)), Is.EqualTo(AccessRefused));
    }

    private static Task DeclareTemporaryAsync(IChannel channel, string queue) =>
        channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
}
