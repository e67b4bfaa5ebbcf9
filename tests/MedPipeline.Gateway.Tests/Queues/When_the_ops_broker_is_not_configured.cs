using System.ComponentModel.DataAnnotations;
using System.Net;
using MedPipeline.Gateway.Admin.Queues;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>Gateway:Admin:Broker unset (the queue endpoints answer 503) or half set (the start fails, naming the key).</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_the_ops_broker_is_not_configured
{
    [Test]
    public async Task The_queue_endpoints_answer_503_problem_json()
    {
        await using var admin = await AdminGateway.StartAsync();
        using var client = admin.ClientWith(admin.OperatorKey);

        using var response = await client.GetAsync("api/admin/queues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(AdminBrokerOptions.Section));
    }

    [Test]
    public void Half_a_configuration_is_invalid_and_names_the_missing_key()
    {
        var half = new AdminBrokerOptions { Uri = new Uri("amqp://medpipeline-ops:secret@127.0.0.1:5672/") };
        var noUser = new AdminBrokerOptions { Uri = new Uri("amqp://127.0.0.1:5672/"), ManagementUri = new Uri("http://127.0.0.1:15672/") };
        var whole = new AdminBrokerOptions { Uri = half.Uri, ManagementUri = new Uri("http://127.0.0.1:15672/") };

        Assert.That(Errors(half), Is.EqualTo(new[] { nameof(AdminBrokerOptions.ManagementUri) }));
        Assert.That(Errors(noUser), Is.EqualTo(new[] { nameof(AdminBrokerOptions.Uri) }));
        Assert.That(Errors(whole), Is.Empty);
        Assert.That(Errors(new AdminBrokerOptions()), Is.Empty, "unset is allowed: the endpoints then answer 503");
    }

    private static string[] Errors(AdminBrokerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.SelectMany(r => r.MemberNames)];
    }
}
