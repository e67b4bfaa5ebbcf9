namespace MedPipeline.LocalStack;

/// <summary>Files that hold a secret (a password, a private key): mode 0600 before the secret is written.</summary>
internal static class OwnerOnlyFile
{
    public static void Write(string path, string content)
    {
        File.WriteAllText(path, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(path, content);
    }
}
