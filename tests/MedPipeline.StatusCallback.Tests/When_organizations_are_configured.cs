using MedPipeline.Organizations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.StatusCallback.Tests;

public sealed class When_organizations_are_configured
{
    [Test]
    public void A_valid_organization_is_found_by_name()
    {
        using var services = Build(new() { ["Organizations:st-olaf:CallbackBaseUrl"] = "https://backend.test/" });

        var directory = services.GetRequiredService<OrganizationDirectory>();

        Assert.That(directory.Names, Is.EquivalentTo(new[] { "st-olaf" }));
        Assert.That(directory.CallbackUriFor("st-olaf", "7").AbsoluteUri, Is.EqualTo("https://backend.test/api/studies/series/7/status"));
    }

    [TestCase("not a url")]
    [TestCase("ftp://backend.test/")]
    [TestCase("/relative")]
    public void A_bad_callback_URL_fails_validation_naming_the_key(string url)
    {
        using var services = Build(new() { ["Organizations:st-olaf:CallbackBaseUrl"] = url });

        var failure = Assert.Throws<OptionsValidationException>(() =>
            _ = services.GetRequiredService<IOptions<Dictionary<string, OrganizationOptions>>>().Value);

        Assert.That(failure!.Message, Does.Contain("Organizations:st-olaf:CallbackBaseUrl"));
    }

    [Test]
    public void A_plain_http_callback_to_another_host_needs_an_explicit_flag()
    {
        using var refused = Build(new() { ["Organizations:st-olaf:CallbackBaseUrl"] = "http://backend.test/" });
        using var loopback = Build(new() { ["Organizations:st-olaf:CallbackBaseUrl"] = "http://127.0.0.1:8080/" });
        using var flagged = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = "http://backend.test/",
            ["Organizations:st-olaf:AllowPlainHttpCallback"] = "true",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => _ = Organizations(refused));

        Assert.That(failure!.Message, Does.Contain("Organizations:st-olaf:CallbackBaseUrl must be https"));
        Assert.That(Organizations(loopback), Contains.Key("st-olaf"));
        Assert.That(Organizations(flagged), Contains.Key("st-olaf"));
    }

    [Test]
    public void An_API_key_entry_must_hold_a_hash_not_a_key()
    {
        using var services = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = "https://backend.test/",
            ["Organizations:st-olaf:ApiKeys:0:Id"] = "ris",
            ["Organizations:st-olaf:ApiKeys:0:Sha256"] = "mpk_this-is-a-key-not-a-hash",
            ["Organizations:st-olaf:ApiKeys:0:Roles:0"] = "superuser",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => _ = Organizations(services));

        Assert.That(failure!.Message, Does.Contain("Organizations:st-olaf:ApiKeys:0:Sha256 must be the 64 hex digits"));
        Assert.That(failure.Message, Does.Contain("Organizations:st-olaf:ApiKeys:0:Roles has 'superuser'"));
    }

    [Test]
    public void No_organization_at_all_fails_validation()
    {
        using var services = Build([]);

        var failure = Assert.Throws<OptionsValidationException>(() =>
            _ = services.GetRequiredService<IOptions<Dictionary<string, OrganizationOptions>>>().Value);

        Assert.That(failure!.Message, Does.Contain("no organization is configured"));
    }

    [TestCase("..")]
    [TestCase("st olaf")]
    [TestCase("st-olaf\n")]
    public void An_organization_name_that_could_not_name_a_store_prefix_or_exchange_fails_validation(string name)
    {
        using var services = Build(new() { [$"Organizations:{name}:CallbackBaseUrl"] = "https://backend.test/" });

        var failure = Assert.Throws<OptionsValidationException>(() => _ = Organizations(services));

        Assert.That(failure!.Message, Does.Contain("store prefixes and broker exchanges"));
    }

    [Test]
    public void One_key_hash_under_two_organizations_fails_validation_naming_both()
    {
        var hash = ApiKeys.HashOf(ApiKeys.NewKey());
        using var services = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = "https://backend.test/",
            ["Organizations:st-olaf:ApiKeys:0:Id"] = "ris",
            ["Organizations:st-olaf:ApiKeys:0:Sha256"] = hash,
            ["Organizations:other-hospital:CallbackBaseUrl"] = "https://other.test/",
            ["Organizations:other-hospital:ApiKeys:0:Id"] = "ris",
            ["Organizations:other-hospital:ApiKeys:0:Sha256"] = hash.ToUpperInvariant(),
        });

        var failure = Assert.Throws<OptionsValidationException>(() => _ = Organizations(services));

        Assert.That(failure!.Message, Does.Contain("one API key hash is configured under other-hospital and st-olaf"));
    }

    private static Dictionary<string, OrganizationOptions> Organizations(ServiceProvider services) =>
        services.GetRequiredService<IOptions<Dictionary<string, OrganizationOptions>>>().Value;

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOrganizations().BuildServiceProvider();
    }
}
