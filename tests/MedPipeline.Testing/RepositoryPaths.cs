namespace MedPipeline.Testing;

/// <summary>Where the checkout is, found from the test binaries by walking up to MedPipeline.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MedPipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MedPipeline.sln was not found above {AppContext.BaseDirectory}.");
    }
}
