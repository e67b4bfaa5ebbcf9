using System.Net;
using System.Text.Json;
using MedPipeline.Dicom.Writing;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

public sealed class When_a_single_image_request_is_wrong
{
    private GatewayFactory _factory = null!;
    private HttpClient _client = null!;
    private byte[] _png = [];

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new GatewayFactory();
        _client = _factory.CreateClient();
        _png = ShippedSample.All().First(s => s.ModelType == "digit-classifier").ToPng();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string path, Func<byte[], HttpContent> body, HttpStatusCode status, string words) =>
            new TestCaseData(path, body, status, words).SetName(name);

        yield return Case("Unknown_model", "/inference", png => Upload.Form(png, "a.png", "lung-cancer-9000"), HttpStatusCode.BadRequest, "unknown modelType 'lung-cancer-9000'; known: ct-lesion-classifier, digit-classifier, xray-anomaly");
        yield return Case("Anomaly_model_on_inference", "/inference", png => Upload.Form(png, "a.png", "xray-anomaly"), HttpStatusCode.BadRequest, "is a anomaly model; this endpoint needs a classification model");
        yield return Case("Classifier_on_predict", "/predict?modelType=digit-classifier", png => Upload.Form(png, "a.png"), HttpStatusCode.BadRequest, "needs an anomaly model");
        yield return Case("Negative_threshold", "/predict?threshold=-0.5", png => Upload.Form(png, "a.png"), HttpStatusCode.BadRequest, "threshold must be a positive number, not '-0.5'");
        yield return Case("Threshold_not_a_number", "/predict?threshold=abc", png => Upload.Form(png, "a.png"), HttpStatusCode.BadRequest, "not 'abc'");
        yield return Case("Missing_model_type", "/inference", png => Upload.Form(png, "a.png"), HttpStatusCode.BadRequest, "'modelType' field is required");
        yield return Case("Missing_file", "/inference", _ => new MultipartFormDataContent { { new StringContent("digit-classifier"), "modelType" } }, HttpStatusCode.BadRequest, "'file' part is missing");
        yield return Case("Not_multipart", "/inference", _ => new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.UnsupportedMediaType, "multipart/form-data");
        yield return Case("Not_an_image", "/inference", _ => Upload.Form("just text"u8.ToArray(), "notes.txt", "digit-classifier"), HttpStatusCode.UnsupportedMediaType, "'notes.txt' is not an image");
        yield return Case("Truncated_PNG", "/inference", png => Upload.Form(png[..30], "cut.png", "digit-classifier"), HttpStatusCode.BadRequest, "PNG");
        yield return Case("DICOM_without_pixels", "/inference", _ => Upload.Form(NoPixels(), "sr.dcm", "ct-lesion-classifier"), HttpStatusCode.BadRequest, "no pixel data");
        yield return Case("Corrupt_JPEG_compressed_DICOM", "/inference", _ => Upload.Form(JpegDicom(), "jpeg.dcm", "ct-lesion-classifier"), HttpStatusCode.BadRequest, "DecoderFailed");
        yield return Case("Unsupported_transfer_syntax", "/inference", _ => Upload.Form(Mpeg2Dicom(), "video.dcm", "ct-lesion-classifier"), HttpStatusCode.UnsupportedMediaType, "1.2.840.10008.1.2.4.100");
        yield return Case("File_too_large", "/inference", _ => Upload.Form(new byte[GatewayFactory.MaxFileBytes + 1], "big.png", "digit-classifier"), HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task It_answers_a_problem_saying_what_is_wrong(string path, Func<byte[], HttpContent> body, HttpStatusCode status, string words)
    {
        using var response = await _client.PostAsync(path, body(_png));

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(words));
    }

    private static byte[] NoPixels() => new DicomWriter()
        .Text(Dicom.DicomTag.SopClassUid, "UI", "1.2.840.10008.5.1.4.1.1.88.11").Text(Dicom.DicomTag.SopInstanceUid, "UI", "1.2.3")
        .Text(Dicom.DicomTag.Modality, "CS", "SR").ToBytes(Dicom.TransferSyntax.ExplicitLittleUid);

    private static byte[] JpegDicom() => new DicomWriter()
        .Text(Dicom.DicomTag.SopClassUid, "UI", SyntheticDicom.CtImageStorage).Text(Dicom.DicomTag.SopInstanceUid, "UI", "1.2.3")
        .UInt16(Dicom.DicomTag.Rows, 8).UInt16(Dicom.DicomTag.Columns, 8).UInt16(Dicom.DicomTag.BitsAllocated, 8).UInt16(Dicom.DicomTag.BitsStored, 8)
        .UInt16(Dicom.DicomTag.SamplesPerPixel, 1).Text(Dicom.DicomTag.PhotometricInterpretation, "CS", "MONOCHROME2")
        .Fragments([[0xFF, 0xD8, 0xFF, 0xD9]]).ToBytes("1.2.840.10008.1.2.4.50");

    private static byte[] Mpeg2Dicom() => new DicomWriter()
        .Text(Dicom.DicomTag.SopClassUid, "UI", SyntheticDicom.CtImageStorage).Text(Dicom.DicomTag.SopInstanceUid, "UI", "1.2.3")
        .UInt16(Dicom.DicomTag.Rows, 8).UInt16(Dicom.DicomTag.Columns, 8).UInt16(Dicom.DicomTag.BitsAllocated, 8).UInt16(Dicom.DicomTag.BitsStored, 8)
        .UInt16(Dicom.DicomTag.SamplesPerPixel, 1).Text(Dicom.DicomTag.PhotometricInterpretation, "CS", "MONOCHROME2")
        .Fragments([[0, 0, 1, 0xB3]]).ToBytes("1.2.840.10008.1.2.4.100");
}
