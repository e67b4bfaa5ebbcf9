using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Tests;

public sealed class When_the_Kestrel_limits_are_misconfigured
{
    [TestCase("Gateway:Kestrel:MaxConcurrentConnections", "0")]
    [TestCase("Gateway:Kestrel:RequestHeadersTimeout", "00:00:00")]
    [TestCase("Gateway:Kestrel:MinRequestBodyDataRate", "0")]
    [TestCase("Gateway:Kestrel:MinRequestBodyDataRateGracePeriod", "00:00:01")]
    public void The_gateway_does_not_start_and_names_the_option(string key, string value)
    {
        using var factory = new GatewayFactory(anonymousSingleImage: true, (key, value));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain(key.Split(':')[^1]));
    }
}
