using System.Text.RegularExpressions;

namespace MedPipeline.Testing.Tests;

/// <summary>
/// Every source-generated log line of the services carries an EventId, unique across the services, in its area's range
/// (docs/operations.md lists them), so ops can alert on a number that does not move when a message's wording does.
/// </summary>
public sealed partial class When_the_log_messages_are_defined
{
    private static readonly (string Folder, int First)[] Ranges =
    [
        ("services/MedPipeline.Gateway/", 1000), ("services/MedPipeline.Orchestrator/", 2000), ("services/MedPipeline.Unpacker/", 3000),
        ("services/MedPipeline.Preprocessor/", 4000), ("services/MedPipeline.Inference/", 5000), ("services/MedPipeline.StatusCallback/", 6000),
        ("services/lib/MedPipeline.Hosting/", 7000), ("services/lib/MedPipeline.Persistence/", 8000),
    ];

    [Test]
    public void Each_has_an_EventId_of_its_own_in_its_areas_range()
    {
        var missing = new List<string>();
        var misplaced = new List<string>();
        var seen = new Dictionary<int, string>();
        var duplicates = new List<string>();
        foreach (var (file, attribute) in Attributes())
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            if (EventId().Match(attribute) is not { Success: true } match)
            {
                missing.Add(relative);
                continue;
            }

            var id = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!seen.TryAdd(id, relative))
            {
                duplicates.Add($"{id}: {seen[id]} and {relative}");
            }

            var range = Ranges.FirstOrDefault(r => relative.StartsWith(r.Folder, StringComparison.Ordinal));
            var audit = id is >= 9000 and < 10000;
            if (range.Folder is not null && !audit && (id < range.First || id >= range.First + 1000))
            {
                misplaced.Add($"{relative}: {id} (range {range.First}-{range.First + 999})");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Has.Count.GreaterThan(40), "the scan found the services' log messages");
            Assert.That(missing, Is.Empty, "[LoggerMessage] without an EventId");
            Assert.That(duplicates, Is.Empty, "one EventId for two messages");
            Assert.That(misplaced, Is.Empty, "an EventId outside its area's range");
        });
    }

    private static IEnumerable<(string File, string Attribute)> Attributes() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => LoggerMessage().Matches(File.ReadAllText(f)).Select(m => (f, m.Groups[1].Value)));

    [GeneratedRegex(@"\[LoggerMessage\((.*?)\)\]", RegexOptions.Singleline)]
    private static partial Regex LoggerMessage();

    [GeneratedRegex(@"EventId\s*=\s*(\d+)")]
    private static partial Regex EventId();
}
