using System.Collections.Concurrent;
using System.Net;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>A real loopback backend and the sender's real primary handler: a redirect is an answer, never followed.</summary>
public sealed class When_a_backend_redirects
{
    [TestCase(HttpStatusCode.TemporaryRedirect)]
    [TestCase(HttpStatusCode.MovedPermanently)]
    [TestCase(HttpStatusCode.Found)]
    public async Task The_callback_is_not_sent_anywhere_else_and_the_redirect_is_final(HttpStatusCode redirect)
    {
        var seen = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        await using var backend = builder.Build();
        backend.Run(context =>
        {
            seen.Enqueue($"{context.Request.Method} {context.Request.Path}");
            context.Response.StatusCode = (int)redirect;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        await backend.StartAsync();
        var address = backend.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var sender = ScriptedSender.Create(null, new Dictionary<string, OrganizationOptions>
        {
            ["st-olaf"] = new() { CallbackBaseUrl = address },
        }, new CallbackDeliveryOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(1) });
        var body = new CallbackBody { Status = "completed", ModelType = "ct-lesion-classifier" };

        var outcome = await sender.SendAsync("st-olaf", "s1", body, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None);

        Assert.That(seen, Is.EqualTo(new[] { "PUT /api/studies/series/s1/status" }), "one request, to the configured backend only");
        Assert.That((outcome.Delivered, outcome.StatusCode, outcome.Attempts, outcome.Retryable), Is.EqualTo((false, (int?)(int)redirect, 1, false)));
        await backend.StopAsync();
    }
}
