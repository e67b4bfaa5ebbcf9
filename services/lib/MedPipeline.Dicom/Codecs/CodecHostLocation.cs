namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// Finds the DicomCodecHost executable at run time: <see cref="CodecPoolOptions.HostPath"/> when set, else
/// codec-host/ beside the running app (where DicomCodecHost.targets copies it), else beside the app itself.
/// </summary>
public static class CodecHostLocation
{
    public const string FileName = "MedPipeline.DicomCodecHost.dll";
    public const string Folder = "codec-host";

    /// <summary>The host's path; a <see cref="FileNotFoundException"/> naming the option when there is none.</summary>
    public static string Resolve(CodecPoolOptions options)
    {
        const string option = $"{CodecPoolOptions.Section}:{nameof(CodecPoolOptions.HostPath)}";
        if (!string.IsNullOrWhiteSpace(options.HostPath))
        {
            var configured = Path.GetFullPath(options.HostPath);
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"The DICOM codec host set by {option} does not exist: {configured}.", configured);
        }

        string[] candidates = [Path.Combine(AppContext.BaseDirectory, Folder, FileName), Path.Combine(AppContext.BaseDirectory, FileName)];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The DICOM codec host ({FileName}) is not beside this application (looked in {string.Join(" and ", candidates)}). " +
                $"Build the application with services/MedPipeline.DicomCodecHost/DicomCodecHost.targets imported, or set {option} " +
                "(environment Dicom__Codecs__HostPath) to the host's dll.", candidates[0]);
    }
}
