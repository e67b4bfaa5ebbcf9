using YamlDotNet.RepresentationModel;

namespace MedPipeline.Testing.Tests;

/// <summary>Every document of every YAML file in infra/k8s except the kustomization, which is kustomize's own file.</summary>
public sealed class KubernetesManifests
{
    public const string KustomizationFile = "kustomization.yaml";

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "infra", "k8s");

    private KubernetesManifests(IReadOnlyList<KubernetesObject> objects) => Objects = objects;

    public IReadOnlyList<KubernetesObject> Objects { get; }

    public static IReadOnlyList<string> Files { get; } = [.. Directory.EnumerateFiles(Folder)
        .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static KubernetesManifests Read() =>
        new([.. Files.Where(file => file != KustomizationFile).SelectMany(file => Load(file)
            .Select(document => new KubernetesObject(file, (YamlMappingNode)document.RootNode)))]);

    public static IReadOnlyList<YamlDocument> Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents];
    }

    public IReadOnlyList<KubernetesObject> OfKind(string kind) => [.. Objects.Where(o => o.Kind == kind)];

    public KubernetesObject? Find(string kind, string? name) => Objects.SingleOrDefault(o => o.Kind == kind && o.Name == name);
}
