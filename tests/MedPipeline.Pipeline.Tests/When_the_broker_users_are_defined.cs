using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.LocalStack.Broker;
using MedPipeline.Testing;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// infra/rabbitmq/definitions.json (loaded by docker-compose's broker) comes from the same table as the fixtures'
/// users. After changing PipelineBrokerAccess, regenerate it: MEDPIPE_UPDATE_BROKER_DEFINITIONS=1 dotnet test
/// tests/MedPipeline.Pipeline.Tests -c Release --filter When_the_broker_users_are_defined.
/// </summary>
public sealed class When_the_broker_users_are_defined
{
    private static readonly string DefinitionsPath = Path.Combine(RepositoryPaths.Root, "infra", "rabbitmq", "definitions.json");

    [Test]
    public async Task The_committed_definitions_file_is_the_one_the_table_produces()
    {
        var expected = BrokerDefinitions.Json([BrokerDefinitions.ComposeOrganization]);
        if (Environment.GetEnvironmentVariable("MEDPIPE_UPDATE_BROKER_DEFINITIONS") == "1")
        {
            await File.WriteAllTextAsync(DefinitionsPath, expected);
        }

        Assert.That(await File.ReadAllTextAsync(DefinitionsPath), Is.EqualTo(expected),
            "regenerate infra/rabbitmq/definitions.json (see this class's summary)");
        Assert.That(expected, Does.Not.Contain("guest"));
        Assert.That(expected, Does.Not.Contain(PipelineBrokerAccess.AdministratorUser), "the import would clear the administrator's password");
    }

    [Test]
    public async Task They_load_into_a_broker_with_the_tables_permissions_and_no_password()
    {
        await using var broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        using var api = broker.Endpoint.CreateManagementClient();
        using (var import = await api.PostAsync("api/definitions", new StringContent(await File.ReadAllTextAsync(DefinitionsPath),
                   System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.That(import.IsSuccessStatusCode, Is.True, await import.Content.ReadAsStringAsync());
        }

        var granted = await api.GetFromJsonAsync<JsonElement>("api/permissions");
        foreach (var access in PipelineBrokerAccess.Services.Values)
        {
            var permissions = access.Permissions();
            var row = granted.EnumerateArray().Single(p => p.GetProperty("user").GetString() == access.User);
            Assert.That((row.GetProperty("configure").GetString(), row.GetProperty("write").GetString(), row.GetProperty("read").GetString()),
                Is.EqualTo((permissions.Configure, permissions.Write, permissions.Read)), access.User);
        }

        var ingress = granted.EnumerateArray().Single(p => p.GetProperty("user").GetString() == "ingress-hospital");
        Assert.That(ingress.GetProperty("configure").GetString(), Is.Empty);
        Assert.That(ingress.GetProperty("read").GetString(), Is.Empty);
        Assert.That(ingress.GetProperty("write").GetString(), Is.EqualTo(@"^(predict-series-from-hospital)$"), "its own ingress exchange only");
        var gateway = new RabbitMQ.Client.ConnectionFactory
        {
            HostName = broker.Endpoint.Host, Port = broker.Endpoint.AmqpPort, UserName = "medpipeline-gateway", Password = "", AutomaticRecoveryEnabled = false,
        };
        Assert.ThrowsAsync<RabbitMQ.Client.Exceptions.BrokerUnreachableException>(() => gateway.CreateConnectionAsync(),
            "no password until the deployment sets one");
        using var administrator = await api.GetAsync("api/whoami");
        Assert.That(administrator.IsSuccessStatusCode, Is.True, "the administrator keeps its password");
    }
}
