using MedPipeline.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>The gateway in memory with the shipped models, and an upload size limit small enough to test.</summary>
internal sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Models:Path", RepositoryPaths.Models);
        builder.UseSetting("Gateway:SingleImage:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
