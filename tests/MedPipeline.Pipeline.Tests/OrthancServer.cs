using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// A real Orthanc (Debian's orthanc + orthanc-dicomweb) on a free loopback port, storage in a temporary folder,
/// no DICOM listener, MedPipeline's gateway configured as the DICOMweb server "medpipeline". Stopped by its PID.
/// </summary>
internal sealed class OrthancServer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/Orthanc";
    private const string DicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    private readonly string _folder;
    private readonly Process _process;

    private OrthancServer(string folder, Process process, Uri address)
    {
        _folder = folder;
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Client { get; }

    /// <summary>Starts Orthanc on <paramref name="port"/> (a free one when null: a port given is one the pipeline exports to).</summary>
    public static async Task<OrthancServer> StartAsync(Uri gateway, string apiKey, int? port = null)
    {
        if (!File.Exists(Executable) || !File.Exists(DicomWebPlugin))
        {
            throw new InvalidOperationException("Orthanc and its DICOMweb plugin are needed: apt-get install orthanc orthanc-dicomweb (infra/setup.sh does).");
        }

        var folder = Directory.CreateTempSubdirectory("medpipe-orthanc-").FullName;
        var httpPort = port ?? FreeTcpPort.Next();
        var config = new JsonObject
        {
            ["Name"] = "medpipe-test", ["StorageDirectory"] = Path.Combine(folder, "storage"), ["IndexDirectory"] = Path.Combine(folder, "index"),
            ["HttpPort"] = httpPort, ["RemoteAccessAllowed"] = false, ["AuthenticationEnabled"] = false, ["DicomServerEnabled"] = false,
            ["Plugins"] = new JsonArray(DicomWebPlugin),
            ["DicomWeb"] = new JsonObject
            {
                ["Enable"] = true, ["Root"] = "/dicom-web/",
                ["Servers"] = new JsonObject
                {
                    ["medpipeline"] = new JsonObject
                    {
                        ["Url"] = new Uri(gateway, "dicomweb/").ToString(),
                        ["HttpHeaders"] = new JsonObject { ["X-API-Key"] = apiKey },
                    },
                },
            },
        };
        var configPath = Path.Combine(folder, "orthanc.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.ArgumentList.Add(configPath);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Orthanc did not start");
        // Drained so a chatty Orthanc never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var server = new OrthancServer(folder, process, new Uri($"http://127.0.0.1:{httpPort}/"));
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    /// <summary>POST /instances: Orthanc stores the file; answers its Orthanc id.</summary>
    /// <summary>Uploads every instance of a series ZIP; the Orthanc id of their study.</summary>
    public async Task<string> UploadZipAsync(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        string? study = null;
        foreach (var entry in archive.Entries)
        {
            await using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            study = await UploadAsync(copy.ToArray());
        }

        return study ?? throw new ArgumentException("the ZIP holds no instance", nameof(zip));
    }

    public async Task<string> UploadAsync(byte[] instance)
    {
        using var response = await Client.PostAsync("instances", new ByteArrayContent(instance));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ParentStudy").GetString()!;
    }

    /// <summary>Orthanc's own STOW-RS client sends the resources to the "medpipeline" server; answers its JSON reply.</summary>
    public async Task<JsonElement> StowAsync(params string[] resources)
    {
        // Orthanc's field names are PascalCase: written out, not left to the web serializer's camelCase.
        var request = new JsonObject { ["Resources"] = new JsonArray([.. resources.Select(r => JsonValue.Create(r))]), ["Synchronous"] = true };
        using var response = await Client.PostAsync("dicom-web/servers/medpipeline/stow",
            new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"Orthanc's STOW-RS to the gateway: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("system");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"Orthanc did not answer within 30 s (exited: {_process.HasExited})");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
