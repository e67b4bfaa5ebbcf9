using System.Net.Http.Headers;

namespace MedPipeline.Gateway.Tests;

internal static class Upload
{
    public static MultipartFormDataContent Form(byte[] file, string fileName, string? modelType = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        if (modelType is not null)
        {
            form.Add(new StringContent(modelType), "modelType");
        }

        return form;
    }
}
