using System.Net;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The gateway executable, as deployed, answers PNG and JPEG uploads while libspng and libturbojpeg are loaded
/// only in its codec children: read back from /proc/&lt;pid&gt;/maps of the gateway and of its children.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_upload_is_decoded_by_the_gateway_process
{
    private static readonly string[] Codecs = ["libspng.so", "libturbojpeg.so"];
    private LocalGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start() => _gateway = await LocalGateway.StartAsync(Path.Combine(AppContext.BaseDirectory, "MedPipeline.Gateway.dll"),
        RepositoryPaths.Root, TimeSpan.FromSeconds(60));

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [Test]
    public async Task The_gateway_answers_but_only_its_codec_children_load_the_PNG_and_JPEG_codecs()
    {
        var png = ShippedSample.All().First(s => s.ModelType == "digit-classifier" && s.Label == "7").ToPng();
        using var http = new HttpClient { BaseAddress = _gateway.Address };

        var answers = new List<string?>();
        foreach (var (bytes, name) in new[] { (png, "seven.png"), (PillowJpeg.FromPng(png), "seven.jpg") })
        {
            using var response = await http.PostAsync("inference", Upload.Form(bytes, name, "digit-classifier"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answers.Add(json.RootElement.GetProperty("prediction").GetString());
        }

        var children = ChildrenOf(_gateway.Pid).Where(pid => Read($"/proc/{pid}/cmdline").Contains("MedPipeline.DicomCodecHost.dll", StringComparison.Ordinal)).ToList();
        var childLibraries = children.SelectMany(pid => Codecs.Where(Read($"/proc/{pid}/maps").Contains)).Distinct().ToList();
        Assert.That(answers, Is.All.EqualTo("7"));
        Assert.That(Codecs.Where(Read($"/proc/{_gateway.Pid}/maps").Contains), Is.Empty, "the gateway process never loaded a PNG or JPEG codec");
        Assert.That(children, Is.Not.Empty, "codec children are running");
        Assert.That(childLibraries, Is.EquivalentTo(Codecs), "the children did the decoding");
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && ParentOf(pid) == parent)
            {
                yield return pid;
            }
        }
    }

    /// <summary>The fourth field of /proc/&lt;pid&gt;/stat, after the parenthesised command name.</summary>
    private static int? ParentOf(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return stat.Length > 0 && fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : null;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
