using MedPipeline.LocalStack;
using MedPipeline.Organizations;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The in-memory gateway with the series pipeline on: a real broker, a store directory, and a database
/// that does not answer. Set through environment variables, because WebApplication.CreateBuilder reads
/// them before the factory's own settings apply; cleared again on dispose.
/// </summary>
internal sealed class SeriesGateway : IAsyncDisposable
{
    private readonly Dictionary<string, string> _variables;

    public SeriesGateway(Uri amqp, params (string Key, string Value)[] extra)
        : this(amqp, anonymousSingleImage: true, extra)
    {
    }

    public SeriesGateway(Uri amqp, bool anonymousSingleImage, params (string Key, string Value)[] extra)
    {
        Store = Directory.CreateTempSubdirectory("medpipe-gateway-store").FullName;
        _variables = new Dictionary<string, string>
        {
            ["RabbitMq__Uri"] = amqp.ToString(),
            ["ConnectionStrings__SeriesStatus"] = $"Host=127.0.0.1;Port={FreeTcpPort.Next()};Username=nobody;Password=x;Timeout=2",
            ["Store__Path"] = Store,
            ["Organizations__st-olaf__CallbackBaseUrl"] = "http://127.0.0.1:9/",
            ["Organizations__st-olaf__ApiKeys__0__Id"] = "tests",
            ["Organizations__st-olaf__ApiKeys__0__Sha256"] = ApiKeys.HashOf(ApiKey),
        };
        foreach (var (key, value) in extra)
        {
            _variables[key] = value;
        }

        foreach (var (key, value) in _variables)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        Factory = new GatewayFactory(anonymousSingleImage);
    }

    public GatewayFactory Factory { get; }

    /// <summary>The API key of organization st-olaf.</summary>
    public string ApiKey { get; } = ApiKeys.NewKey();

    /// <summary>A client that authenticates as st-olaf.</summary>
    public HttpClient Client()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        return client;
    }

    public string Store { get; }

    public string[] Archives()
    {
        var folder = Path.Combine(Store, "archives");
        // One folder per organization below archives/.
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>Deletes every upload in the store (a test's clean start).</summary>
    public void DeleteArchives()
    {
        foreach (var archive in Archives())
        {
            File.Delete(archive);
        }
    }

    public static MultipartFormDataContent Request()
    {
        var series = new SampleSeriesFactory(RepositoryPaths.Models).ForModel("ct-lesion-classifier", 1);
        return SeriesRequestForm.Create(series, "ct-lesion-classifier", "backend-1", "st-olaf");
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var key in _variables.Keys)
        {
            Environment.SetEnvironmentVariable(key, null);
        }

        Directory.Delete(Store, recursive: true);
    }
}
