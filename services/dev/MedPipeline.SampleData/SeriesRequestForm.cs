using System.Net.Http.Headers;

namespace MedPipeline.SampleData;

/// <summary>The multipart body of POST /api/studies/series/predict for a sample series, as a hospital backend sends it.</summary>
public static class SeriesRequestForm
{
    /// <param name="organization">Left out when empty: the gateway takes it from the caller's key.</param>
    /// <param name="predictAgain">Sent as "true"/"false"; left out when null (the gateway's default is false).</param>
    public static MultipartFormDataContent Create(SampleSeries series, string modelType, string seriesId, string organization, bool? predictAgain = null)
    {
        var file = new ByteArrayContent(series.Zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var form = new MultipartFormDataContent
        {
            { file, "file", series.FileName },
            { new StringContent(seriesId), "seriesId" },
            { new StringContent(series.StudyInstanceUid), "studyInstanceUid" },
            { new StringContent(series.SeriesInstanceUid), "seriesInstanceUid" },
            { new StringContent(modelType), "modelType" },
        };
        if (organization.Length > 0)
        {
            form.Add(new StringContent(organization), "organization");
        }

        if (predictAgain is { } again)
        {
            form.Add(new StringContent(again ? "true" : "false"), "predictAgain");
        }

        return form;
    }
}
