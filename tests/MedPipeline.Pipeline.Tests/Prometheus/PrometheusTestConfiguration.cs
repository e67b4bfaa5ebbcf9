using System.Text.RegularExpressions;
using MedPipeline.LocalStack;
using MedPipeline.Testing;
using YamlDotNet.RepresentationModel;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>
/// The test's copy of the committed infra/prometheus files: the same jobs, paths, parameters and rules, with each
/// target's host (a docker-compose name) replaced by where that service listens here, everything scraped and
/// evaluated every second, and each alert's <c>for</c> shortened. Generated from the committed files, so they are what is tested.
/// </summary>
internal static partial class PrometheusTestConfiguration
{
    public const string Interval = "1s";
    public const string AlertFor = "2s";

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "infra", "prometheus");

    /// <summary>A Prometheus scraping <paramref name="pipeline"/> with the test's copy of the committed files.</summary>
    public static Task<PrivatePrometheus> StartOnAsync(LocalPipeline pipeline)
    {
        var addresses = PipelineScrapeTargets.Of(pipeline);
        return PrivatePrometheus.StartAsync(directory => Write(directory, addresses), TimeSpan.FromSeconds(60));
    }

    /// <summary>Writes prometheus.yml and its rule files into <paramref name="directory"/>; returns the configuration's path.</summary>
    /// <param name="addresses">host:port for each host name the committed targets use.</param>
    public static string Write(string directory, IReadOnlyDictionary<string, string> addresses)
    {
        var configuration = Load("prometheus.yml");
        var global = (YamlMappingNode)configuration["global"];
        foreach (var key in new[] { "scrape_interval", "scrape_timeout", "evaluation_interval" })
        {
            global.Children[new YamlScalarNode(key)] = new YamlScalarNode(Interval);
        }

        foreach (var job in ((YamlSequenceNode)configuration["scrape_configs"]).Cast<YamlMappingNode>())
        {
            foreach (var group in ((YamlSequenceNode)job["static_configs"]).Cast<YamlMappingNode>())
            {
                var targets = (YamlSequenceNode)group["targets"];
                var rewritten = targets.Cast<YamlScalarNode>().Select(target => Rewrite(target.Value!, addresses)).ToList();
                group.Children[new YamlScalarNode("targets")] = new YamlSequenceNode(rewritten.Select(t => new YamlScalarNode(t)));
            }
        }

        foreach (var ruleFile in ((YamlSequenceNode)configuration["rule_files"]).Cast<YamlScalarNode>().Select(node => node.Value!))
        {
            Save(ShortenAlertFor(Load(ruleFile)), Path.Combine(directory, ruleFile));
        }

        var path = Path.Combine(directory, "prometheus.yml");
        Save(configuration, path);
        return path;
    }

    /// <summary>The broker's, MassTransit's and our metric names in the committed alert rules' expressions (label names left out).</summary>
    public static IReadOnlyList<string> MetricsNamedByTheAlerts() =>
        [.. Rules(Load("alerts.yml")).Select(rule => ((YamlScalarNode)rule["expr"]).Value!)
            .Select(expression => LabelLists().Replace(QuotedText().Replace(expression, ""), ""))
            .SelectMany(expression => MetricName().Matches(expression)).Select(match => match.Value).Distinct()];

    [GeneratedRegex(@"\b(rabbitmq|medpipeline|messaging)_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedText();

    // by (...), without (...), on (...), ignoring (...): label names, not metrics.
    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex LabelLists();

    private static string Rewrite(string target, IReadOnlyDictionary<string, string> addresses)
    {
        var host = target[..target.LastIndexOf(':')];
        return addresses.TryGetValue(host, out var address)
            ? address
            : throw new InvalidOperationException($"infra/prometheus/prometheus.yml scrapes {target}: the test does not know where '{host}' listens.");
    }

    private static YamlMappingNode ShortenAlertFor(YamlMappingNode rules)
    {
        foreach (var rule in Rules(rules).Where(r => r.Children.ContainsKey("for")))
        {
            rule.Children[new YamlScalarNode("for")] = new YamlScalarNode(AlertFor);
        }

        return rules;
    }

    private static IEnumerable<YamlMappingNode> Rules(YamlMappingNode file) =>
        ((YamlSequenceNode)file["groups"]).Cast<YamlMappingNode>().SelectMany(group => ((YamlSequenceNode)group["rules"]).Cast<YamlMappingNode>());

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static void Save(YamlMappingNode root, string path)
    {
        using var writer = new StreamWriter(path);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
    }
}
