using System.Reflection;

namespace MedPipeline.Testing;

/// <summary>The build configuration the tests were built in, which is the one of the service executables they start.</summary>
public static class TestBuild
{
    public static string Configuration { get; } =
        typeof(TestBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
