using System.Diagnostics;
using System.Net.Http.Headers;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Reports;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Delivery;
using Polly.Timeout;

namespace MedPipeline.StatusCallback.DicomOutput;

/// <summary>
/// Sends DICOM objects to a DICOMweb STOW-RS service (PS3.18 10.5): one POST {root}studies, multipart/related of
/// application/dicom parts. Retries and timeouts are its HttpClient's resilience handler (<see cref="DicomExportServices"/>).
/// </summary>
public sealed class StowClient(HttpClient http, TimeProvider time)
{
    public const string Stored = "stored";
    public const string Failed = "failed";

    public async Task<DicomExportOutcome> SendAsync(DicomExportOptions destination, IReadOnlyList<ResultObject> objects, CancellationToken cancellationToken)
    {
        var root = new Uri(destination.StowUrl.EndsWith('/') ? destination.StowUrl : destination.StowUrl + "/");
        var content = new MultipartContent("related", $"medpipe-{Guid.NewGuid():N}");
        content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("type", "\"application/dicom\""));
        foreach (var item in objects)
        {
            var part = new ByteArrayContent(item.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            content.Add(part);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "studies")) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dicom+json"));
        if (destination.Authorization is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = new DicomExportOutcome { Destination = destination.Name, Instances = objects.Count };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            // 200: every instance stored; 202: some refused (the FailedSOPSequence says which); anything else: none.
            return outcome with
            {
                Outcome = status == 200 ? Stored : Failed,
                Reason = status == 200 ? null : $"HTTP {status} {response.ReasonPhrase}" + (status == 202 ? " (some instances were refused)" : ""),
                Attempts = CallbackAttempts.Of(request), At = time.GetUtcNow(), DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            return outcome with
            {
                Outcome = Failed, Reason = $"unreachable: {UnreachableReason.Of(e)}", Attempts = CallbackAttempts.Of(request), At = time.GetUtcNow(),
                DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            };
        }
    }
}
