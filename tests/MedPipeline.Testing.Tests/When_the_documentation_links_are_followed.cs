using System.Text;
using System.Text.RegularExpressions;
using MedPipeline.Testing;

namespace MedPipeline.Testing.Tests;

/// <summary>
/// README.md and docs/*.md as a reader on GitHub follows them: every relative link (and image) names a file or
/// folder of the checkout, and every <c>#anchor</c> on a Markdown page names one of its headings, by GitHub's slug.
/// Links inside code (fenced blocks, inline code) are not links; absolute URLs are not checked.
/// </summary>
public sealed partial class When_the_documentation_links_are_followed
{
    private static readonly string Docs = Path.Combine(RepositoryPaths.Root, "docs");

    private static IReadOnlyList<string> Pages { get; } =
        [Path.Combine(RepositoryPaths.Root, "README.md"), .. Directory.GetFiles(Docs, "*.md").Order(StringComparer.Ordinal)];

    [Test]
    public void Every_relative_link_resolves_to_a_file_or_folder_of_the_checkout()
    {
        var links = Pages.SelectMany(LinksOf).ToList();

        var broken = links.Where(link => link.Path.Length > 0 && Resolve(link) is null).Select(Describe).ToList();

        Assert.That(links.Count(link => link.Path.Length > 0), Is.GreaterThan(20), "the pages were read and their links found");
        Assert.That(broken, Is.Empty, $"{broken.Count} broken link(s):\n" + string.Join("\n", broken));
    }

    [Test]
    public void Every_anchor_names_a_heading_of_the_page_it_links_to()
    {
        var anchored = Pages.SelectMany(LinksOf).Where(link => link.Anchor is not null).ToList();

        var broken = new List<string>();
        foreach (var link in anchored)
        {
            var target = link.Path.Length == 0 ? link.Page : Resolve(link);
            if (target is null || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !File.Exists(target))
            {
                continue;
            }

            if (!HeadingSlugs(File.ReadAllText(target)).Contains(link.Anchor!))
            {
                broken.Add($"{Describe(link)}: no heading with the slug #{link.Anchor} in {Relative(target)}");
            }
        }

        Assert.That(anchored, Is.Not.Empty, "the pages were read and their anchors found");
        Assert.That(broken, Is.Empty, $"{broken.Count} broken anchor(s):\n" + string.Join("\n", broken));
    }

    [Test]
    public void The_readme_links_to_every_page_of_the_docs()
    {
        var readme = Pages[0];
        var linked = LinksOf(readme).Select(Resolve).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var unlinked = Pages.Skip(1).Where(page => !linked.Contains(page)).Select(Relative).ToList();

        Assert.That(Pages.Count, Is.GreaterThan(1), "docs/*.md exist");
        Assert.That(unlinked, Is.Empty, "docs pages the README does not link to:\n" + string.Join("\n", unlinked));
    }

    [TestCase("Who may call", "who-may-call")]
    [TestCase("Direct enqueue, without the gateway (any language)", "direct-enqueue-without-the-gateway-any-language")]
    [TestCase("Admin API and `medpipe ops`", "admin-api-and-medpipe-ops")]
    [TestCase("Design-card packages: used, replaced, and why", "design-card-packages-used-replaced-and-why")]
    [TestCase("Speed goals (issue 13)", "speed-goals-issue-13")]
    [TestCase("From a PACS, over DICOMweb (STOW-RS)", "from-a-pacs-over-dicomweb-stow-rs")]
    public void A_heading_is_found_by_the_slug_github_gives_it(string heading, string slug) =>
        Assert.That(HeadingSlugs($"# {heading}\n"), Does.Contain(slug));

    [Test]
    public void A_repeated_heading_gets_a_numbered_slug_and_a_heading_in_code_none()
    {
        var slugs = HeadingSlugs("## Tests\n\n```\n## Not a heading\n```\n\n## Tests\n");

        Assert.That(slugs, Is.EquivalentTo(new[] { "tests", "tests-1" }));
    }

    [Test]
    public void A_link_to_a_missing_file_or_heading_is_reported_and_one_in_code_is_not()
    {
        var folder = Directory.CreateTempSubdirectory("medpipe-doc-links-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "other.md"), "# Other\n\n## Present section\n");
            var page = Path.Combine(folder, "page.md");
            File.WriteAllText(page, """
                # Page

                [fine](other.md#present-section), [gone](missing.md), [no heading](other.md#absent), [here](#page),
                ![image](pictures/none.png), [web](https://example.org/x.md), `[code](nowhere.md)`

                ```
                [fenced](nowhere-either.md)
                ```
                """);

            var links = LinksOf(page).ToList();
            var missing = links.Where(link => link.Path.Length > 0 && Resolve(link, folder) is null).Select(link => link.Target).ToList();
            var headings = HeadingSlugs(File.ReadAllText(Path.Combine(folder, "other.md")));

            Assert.Multiple(() =>
            {
                Assert.That(links.Select(link => link.Target),
                    Is.EqualTo(new[] { "other.md#present-section", "missing.md", "other.md#absent", "#page", "pictures/none.png" }));
                Assert.That(missing, Is.EqualTo(new[] { "missing.md", "pictures/none.png" }));
                Assert.That(headings, Does.Contain("present-section"));
                Assert.That(headings, Does.Not.Contain("absent"));
                Assert.That(HeadingSlugs(File.ReadAllText(page)), Does.Contain("page"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Link(string Page, int Line, string Target, string Path, string? Anchor);

    /// <summary>The relative links and images of one page, outside code; absolute URLs are left out.</summary>
    private static IEnumerable<Link> LinksOf(string page)
    {
        var lines = File.ReadAllLines(page);
        var inFence = false;
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var text = InlineCode().Replace(line, "");
            var targets = InlineLink().Matches(text).Select(m => m.Groups["target"].Value)
                .Concat(ReferenceDefinition().Matches(text).Select(m => m.Groups["target"].Value));
            foreach (var raw in targets)
            {
                var target = raw.Trim().TrimStart('<').TrimEnd('>');
                if (target.Length == 0 || Scheme().IsMatch(target))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
                var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
                yield return new Link(page, number, target, path, anchor);
            }
        }
    }

    /// <summary>The full path a link names when that file or folder exists inside <paramref name="root"/>, else null.</summary>
    private static string? Resolve(Link link) => Resolve(link, RepositoryPaths.Root);

    private static string? Resolve(Link link, string root)
    {
        if (link.Path.Length == 0)
        {
            return link.Page;
        }

        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(link.Page)!, link.Path))
            .TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var inside = full == root || full.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && (File.Exists(full) || Directory.Exists(full)) ? full : null;
    }

    /// <summary>
    /// The anchors GitHub gives a page's ATX headings (outside fenced code): the rendered text in lower case, every
    /// character that is not a letter, digit, space, hyphen or underscore dropped, spaces as hyphens; a slug seen
    /// before gets -1, -2, ...
    /// </summary>
    private static HashSet<string> HeadingSlugs(string markdown)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            var heading = Heading().Match(line);
            if (inFence || !heading.Success)
            {
                continue;
            }

            var text = InlineLink().Replace(heading.Groups["text"].Value, m => m.Groups["label"].Value);
            var slug = new StringBuilder();
            foreach (var c in text.Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal).Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var unique = slug.ToString();
            if (seen.TryGetValue(unique, out var count))
            {
                seen[unique] = count + 1;
                unique = $"{unique}-{count + 1}";
            }
            else
            {
                seen[unique] = 0;
            }

            slugs.Add(unique);
        }

        return slugs;
    }

    private static string Describe(Link link) => $"{Relative(link.Page)}:{link.Line}: ({link.Target})";

    private static string Relative(string path) => System.IO.Path.GetRelativePath(RepositoryPaths.Root, path);

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    /// <summary>[label](target "title") and ![alt](target); the label may hold one level of brackets (an image in a link).</summary>
    [GeneratedRegex(@"!?\[(?<label>(?:[^\[\]]|\[[^\]]*\])*)\]\((?<target><[^>]*>|[^\s()]*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*(?<target>\S+)")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();
}
