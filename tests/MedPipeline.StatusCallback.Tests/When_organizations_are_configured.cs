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
    public void No_organization_at_all_fails_validation()
    {
        using var services = Build([]);

        var failure = Assert.Throws<OptionsValidationException>(() =>
            _ = services.GetRequiredService<IOptions<Dictionary<string, OrganizationOptions>>>().Value);

        Assert.That(failure!.Message, Does.Contain("no organization is configured"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOrganizations().BuildServiceProvider();
    }
}
