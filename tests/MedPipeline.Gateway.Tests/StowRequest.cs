using System.IO.Compression;
using System.Net.Http.Headers;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>STOW-RS bodies (multipart/related; type="application/dicom") and the instances to put in them.</summary>
internal static class StowRequest
{
    public static MultipartContent Of(params byte[][] parts) => Of(parts.Select(p => ("application/dicom", p)).ToArray());

    public static MultipartContent Of(params (string ContentType, byte[] Bytes)[] parts)
    {
        var content = new MultipartContent("related", $"stow-{Guid.NewGuid():N}");
        content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("type", "\"application/dicom\""));
        foreach (var (type, bytes) in parts)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(part);
        }

        return content;
    }

    /// <summary>A sample series' instances (the shipped model samples, as the demo sends them) and its UIDs.</summary>
    public static (SampleSeries Series, byte[][] Instances) Series(string modelType = "ct-lesion-classifier", int count = 3, bool unsupported = false)
    {
        var factory = new SampleSeriesFactory(RepositoryPaths.Models);
        var series = unsupported ? factory.UnsupportedModality(modelType) : factory.ForModel(modelType, count);
        return (series, InstancesOf(series.Zip));
    }

    public static byte[][] InstancesOf(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        })];
    }
}
