using MedPipeline.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The gateway in memory with the shipped models, and an upload size limit small enough to test.
/// Single images answer without credentials unless <paramref name="anonymousSingleImage"/> is false
/// (the test server has no client address, so the loopback-only rule is off here).
/// </summary>
internal sealed class GatewayFactory(bool anonymousSingleImage = true, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Models:Path", RepositoryPaths.Models);
        builder.UseSetting("Gateway:SingleImage:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:Identity:AllowAnonymousSingleImage", anonymousSingleImage ? "true" : "false");
        builder.UseSetting("Gateway:Identity:AnonymousFromLoopbackOnly", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
