using MedPipeline.LocalStack;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// The seed-003 peer (FastAPI + pydicom + OpenCV + PyTorch, ../shared/peers/seed003) started as its README
/// says, from a private copy of its folder (it loads ae.pt from the working directory), on a free loopback port.
/// </summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private static readonly string[] Files = ["app.py", "model.py", "ae.pt"];
    private readonly ServiceProcess _process;
    private readonly string _directory;

    private PeerServer(ServiceProcess process, string directory, Uri address) => (_process, _directory, Address) = (process, directory, address);

    public Uri Address { get; }

    public static async Task<PeerServer> StartAsync(string peerFolder)
    {
        var directory = FixtureDirectory.Create("peer");
        foreach (var file in Files)
        {
            File.Copy(Path.Combine(peerFolder, file), Path.Combine(directory, file));
        }

        var port = FreeTcpPort.Next();
        var process = ServiceProcess.Start("peer", directory, "/usr/bin/python3",
            ["-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-level", "warning"],
            new Dictionary<string, string>(), runAsUser: null);
        var peer = new PeerServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Readiness.WaitAsync(process, "The seed-003 peer", TimeSpan.FromSeconds(120), token => FreeTcpPort.AnswersAsync(port, token));
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        FixtureDirectory.Delete(_directory);
    }
}
