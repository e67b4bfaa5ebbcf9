using YamlDotNet.RepresentationModel;

namespace MedPipeline.Testing.Tests;

/// <summary>One parsed document of infra/k8s, with path lookups that answer null where a key is missing.</summary>
public sealed class KubernetesObject(string file, YamlMappingNode root)
{
    public string File { get; } = file;

    public YamlMappingNode Root { get; } = root;

    public string? Kind => Scalar(Root, "kind");

    public string? Name => Scalar(Root, "metadata", "name");

    public override string ToString() => $"{Kind}/{Name} ({File})";

    /// <summary>The one container of a Deployment's pod template.</summary>
    public YamlMappingNode Container => Sequence(Root, "spec", "template", "spec", "containers").Cast<YamlMappingNode>().Single();

    /// <summary>A Deployment container's environment, by variable name.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Environment =>
        Sequence(Container, "env").Cast<YamlMappingNode>().ToDictionary(entry => Scalar(entry, "name")!);

    public static YamlNode? Node(YamlNode start, params string[] path)
    {
        var node = start;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Scalar(YamlNode start, params string[] path) => (Node(start, path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Sequence(YamlNode start, params string[] path) =>
        Node(start, path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];
}
