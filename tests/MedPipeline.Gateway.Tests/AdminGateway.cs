using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Organizations;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The gateway for the admin API's tests: the read model of <see cref="AdminSeriesRows"/> in a database with the
/// pipeline's grants (read as the gateway's role), and admin keys for st-olaf, other-hospital and the operators'
/// organization (Gateway:Admin:OperatorOrganizations). st-olaf's ordinary key has submit and read only.
/// </summary>
internal sealed class AdminGateway : IAsyncDisposable
{
    private AdminGateway(SeriesGateway gateway) => Series = gateway;

    public SeriesGateway Series { get; }

    public string AdminKey { get; private init; } = "";

    public string OtherAdminKey { get; private init; } = "";

    public string OperatorKey { get; private init; } = "";

    /// <param name="moreRows">Writes a test's own rows too (given the orchestrator's connection string), after <see cref="AdminSeriesRows"/>.</param>
    /// <param name="extra">More gateway settings.</param>
    public static async Task<AdminGateway> StartAsync(Func<string, Task>? moreRows = null, params (string Key, string Value)[] extra)
    {
        var database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("admin");
        await AdminSeriesRows.WriteAsync(database.Orchestrator);
        if (moreRows is not null)
        {
            await moreRows(database.Orchestrator);
        }

        var keys = (Admin: ApiKeys.NewKey(), Other: ApiKeys.NewKey(), Operator: ApiKeys.NewKey());
        (string Key, string Value)[] settings =
        [
            ("ConnectionStrings__SeriesStatus", database.Gateway),
            ("Organizations__st-olaf__ApiKeys__1__Id", "st-olaf-admin"), ("Organizations__st-olaf__ApiKeys__1__Sha256", ApiKeys.HashOf(keys.Admin)),
            ("Organizations__st-olaf__ApiKeys__1__Roles__0", "admin"),
            ("Organizations__other-hospital__CallbackBaseUrl", "http://127.0.0.1:9/"),
            ("Organizations__other-hospital__ApiKeys__0__Id", "other-admin"), ("Organizations__other-hospital__ApiKeys__0__Sha256", ApiKeys.HashOf(keys.Other)),
            ("Organizations__other-hospital__ApiKeys__0__Roles__0", "admin"),
            ("Organizations__operators__CallbackBaseUrl", "http://127.0.0.1:9/"),
            ("Organizations__operators__ApiKeys__0__Id", "operator"), ("Organizations__operators__ApiKeys__0__Sha256", ApiKeys.HashOf(keys.Operator)),
            ("Organizations__operators__ApiKeys__0__Roles__0", "admin"),
            ("Gateway__Admin__OperatorOrganizations__0", "operators"),
            .. extra,
        ];
        var gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), settings);
        return new AdminGateway(gateway) { AdminKey = keys.Admin, OtherAdminKey = keys.Other, OperatorKey = keys.Operator };
    }

    public HttpClient ClientWith(string key)
    {
        var client = Series.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    /// <summary>GET that must answer 200; its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string key, string path)
    {
        using var client = ClientWith(key);
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The correlation ids of a listing page, in order.</summary>
    public static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("correlationId").GetString()!)];

    public async ValueTask DisposeAsync()
    {
        await Series.DisposeAsync();
    }
}
