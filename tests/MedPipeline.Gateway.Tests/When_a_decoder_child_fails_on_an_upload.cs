using System.Net;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The codec child misbehaves on purpose (its test-only fault hook): a PNG or JPEG upload is a typed problem, and the
/// gateway keeps answering. That the fault hits PNG and JPEG at all shows they are decoded in the child.
/// </summary>
public sealed class When_a_decoder_child_fails_on_an_upload
{
    private static byte[] SevenPng() => ShippedSample.All().First(s => s.ModelType == "digit-classifier" && s.Label == "7").ToPng();

    // The time limit includes the child's start, which takes seconds on a busy machine: only the hang gets a short one.
    [TestCase("abort", "00:00:30", "SIGABRT")]
    [TestCase("hang", "00:00:02", "did not answer within 2 s")]
    public async Task A_PNG_and_a_JPEG_are_answered_400_and_the_gateway_survives(string fault, string timeout, string words)
    {
        await using var factory = new GatewayFactory(anonymousSingleImage: true,
            ("Dicom:Codecs:WorkerEnvironment:MEDPIPE_CODEC_TEST_FAULT", fault), ("Dicom:Codecs:RequestTimeout", timeout));
        using var client = factory.CreateClient();
        var png = SevenPng();

        foreach (var (bytes, name) in new[] { (png, "seven.png"), (PillowJpeg.FromPng(png), "seven.jpg") })
        {
            using var response = await client.PostAsync("/inference", Upload.Form(bytes, name, "digit-classifier"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(problem.RootElement.GetProperty("type").GetString(), Is.EqualTo("urn:medpipeline:problem:InvalidImage"));
            Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(name).And.Contain(words));
        }

        var lesion = ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier" && s.Label == "lesion").ToDicom();
        using var after = await client.PostAsync("/inference", Upload.Form(lesion, "CT_1.dcm", "ct-lesion-classifier"));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an uncompressed DICOM needs no child and is still answered");
    }
}
