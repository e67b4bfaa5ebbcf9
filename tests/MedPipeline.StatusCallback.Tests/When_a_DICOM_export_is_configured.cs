using MedPipeline.Organizations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.StatusCallback.Tests;

public sealed class When_a_DICOM_export_is_configured
{
    private const string Callback = "https://backend.test/";

    [Test]
    public void An_organization_with_a_STOW_RS_root_has_DICOM_output_and_one_without_has_none()
    {
        using var services = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = Callback,
            ["Organizations:st-olaf:DicomExport:StowUrl"] = "https://pacs.test/dicom-web/",
            ["Organizations:other:CallbackBaseUrl"] = Callback,
        });

        var directory = services.GetRequiredService<OrganizationDirectory>();

        Assert.That(directory.DicomExportOf("st-olaf")!.StowUrl, Is.EqualTo("https://pacs.test/dicom-web/"));
        Assert.That(directory.DicomExportOf("other"), Is.Null);
        Assert.That(directory.DicomExportOf("unknown"), Is.Null);
    }

    [TestCase("not a url", "must be the absolute http(s) URL")]
    [TestCase("http://pacs.test/dicom-web/", "must be https")]
    public void A_bad_destination_fails_at_start_naming_the_key(string url, string why)
    {
        using var services = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = Callback,
            ["Organizations:st-olaf:DicomExport:StowUrl"] = url,
        });

        var failure = Assert.Throws<OptionsValidationException>(() =>
            _ = services.GetRequiredService<IOptions<Dictionary<string, OrganizationOptions>>>().Value);

        Assert.That(failure!.Message, Does.Contain($"Organizations:st-olaf:DicomExport:StowUrl {why}"));
    }

    [Test]
    public void Plain_http_to_a_loopback_or_flagged_PACS_is_allowed()
    {
        using var loopback = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = Callback,
            ["Organizations:st-olaf:DicomExport:StowUrl"] = "http://127.0.0.1:8042/dicom-web/",
        });
        using var flagged = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = Callback,
            ["Organizations:st-olaf:DicomExport:StowUrl"] = "http://pacs.test/dicom-web/",
            ["Organizations:st-olaf:DicomExport:AllowPlainHttp"] = "true",
        });

        Assert.That(loopback.GetRequiredService<OrganizationDirectory>().DicomExportOf("st-olaf"), Is.Not.Null);
        Assert.That(flagged.GetRequiredService<OrganizationDirectory>().DicomExportOf("st-olaf"), Is.Not.Null);
    }

    [Test]
    public void An_empty_destination_as_an_unset_compose_variable_gives_is_no_DICOM_output()
    {
        using var services = Build(new()
        {
            ["Organizations:st-olaf:CallbackBaseUrl"] = Callback,
            ["Organizations:st-olaf:DicomExport:StowUrl"] = "",
            ["Organizations:st-olaf:DicomExport:Authorization"] = "",
        });

        Assert.That(services.GetRequiredService<OrganizationDirectory>().DicomExportOf("st-olaf"), Is.Null);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOrganizations().BuildServiceProvider();
    }
}
