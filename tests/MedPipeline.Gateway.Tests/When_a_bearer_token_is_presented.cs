using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace MedPipeline.Gateway.Tests;

public sealed class When_a_bearer_token_is_presented
{
    private readonly BearerTokens _tokens = new();
    private GatewayFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new GatewayFactory(anonymousSingleImage: false, _tokens.GatewaySettings());

    [OneTimeTearDown]
    public async Task StopAsync() => await _factory.DisposeAsync();

    [Test]
    public async Task A_valid_token_gets_through()
    {
        using var response = await GetModelsAsync(_tokens.Create());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_token_for_another_audience_is_401()
    {
        using var response = await GetModelsAsync(_tokens.Create(audience: "someone-else"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [Test]
    public async Task An_expired_token_is_401()
    {
        using var response = await GetModelsAsync(_tokens.Create(expires: DateTime.UtcNow.AddMinutes(-5)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_token_signed_with_another_key_is_401()
    {
        using var response = await GetModelsAsync(_tokens.Create(signWith: RandomNumberGenerator.GetBytes(32)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_token_without_an_organization_is_401()
    {
        using var response = await GetModelsAsync(_tokens.Create(organization: null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void JWTs_without_an_audience_stop_the_start_naming_the_setting()
    {
        using var factory = new GatewayFactory(false, ("Gateway:Identity:Jwt:Issuer", BearerTokens.Issuer),
            ("Gateway:Identity:Jwt:SigningKeys:0", Convert.ToBase64String(_tokens.Key)));

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Gateway:Identity:Jwt:Audience is required"));
    }

    private async Task<HttpResponseMessage> GetModelsAsync(string token)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("api/models");
    }
}
