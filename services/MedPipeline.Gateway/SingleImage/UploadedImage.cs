namespace MedPipeline.Gateway.SingleImage;

/// <summary>Reads the multipart "file" (and an optional "modelType" field) of a single-image request, within the size limit.</summary>
internal static class UploadedImage
{
    public static async Task<(byte[] Bytes, string Name, string? ModelType)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new BadHttpRequestException("the request must be multipart/form-data with a 'file' part", StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException($"the file is too large: {e.Message}", StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException($"the multipart body could not be read: {e.Message}");
        }

        var file = form.Files.GetFile("file") ?? throw new BadHttpRequestException("the 'file' part is missing: send the image as multipart field 'file'");
        var bytes = new byte[file.Length];
        await using (var content = file.OpenReadStream())
        {
            await content.ReadExactlyAsync(bytes, cancellationToken);
        }

        var modelType = form["modelType"].FirstOrDefault();
        return (bytes, string.IsNullOrWhiteSpace(file.FileName) ? "upload" : Path.GetFileName(file.FileName), string.IsNullOrWhiteSpace(modelType) ? null : modelType);
    }
}
