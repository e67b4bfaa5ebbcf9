using System.Reflection;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Hosting.Tests;

public sealed class When_a_message_is_consumed
{
    private static readonly Guid CorrelationId = Guid.Parse("ae440fb8-aa72-5ef7-a699-8eb69ddea3d3");
    private static readonly Guid AttemptId = Guid.Parse("0b6e0000-0000-0000-0000-00000000a77e");

    [Test]
    public async Task The_JSON_log_line_of_the_consumer_carries_the_correlation_and_attempt_id()
    {
        var lines = await LogLinesOfConsuming([new UnpackSeriesArchive { CorrelationId = CorrelationId, AttemptId = AttemptId, ArchiveKey = "a.zip" }]);

        var handled = lines.Single(l => l.GetProperty("EventId").GetInt32() == 100);
        var scope = handled.GetProperty("Scopes").EnumerateArray().Single(s => s.TryGetProperty("CorrelationId", out _));
        Assert.Multiple(() =>
        {
            Assert.That(handled.GetProperty("Message").GetString(), Is.EqualTo("Handled UnpackSeriesArchive"));
            Assert.That(scope.GetProperty("CorrelationId").GetString(), Is.EqualTo(CorrelationId.ToString()));
            Assert.That(scope.GetProperty("AttemptId").GetString(), Is.EqualTo(AttemptId.ToString()));
            Assert.That(scope.GetProperty("MessageType").GetString(), Is.EqualTo("UnpackSeriesArchive"));
        });
    }

    [Test]
    public async Task No_log_line_of_any_standard_message_names_a_patient_attribute()
    {
        var messages = StandardMessages.For(CorrelationId, AttemptId);

        var lines = await LogLinesOfConsuming(messages);

        var text = string.Join('\n', lines.Select(l => l.GetRawText()));
        Assert.That(lines.Count(l => l.GetProperty("EventId").GetInt32() == 100), Is.EqualTo(messages.Count), "every standard message was consumed and logged");
        Assert.That(PatientAttributes.Names.Where(name => text.Contains(name, StringComparison.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(lines.Where(l => l.GetProperty("EventId").GetInt32() == 100).Select(l => l.GetRawText()),
            Has.All.Contains(CorrelationId.ToString()), "and every one carries the correlation id");
    }

    [Test]
    public void No_message_contract_has_a_patient_attribute_member()
    {
        var members = typeof(PredictSeries).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(p => $"{t.Name}.{p.Name}"));

        Assert.That(members.Where(m => PatientAttributes.Names.Any(name => m.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))), Is.Empty);
    }

    private static async Task<IReadOnlyList<JsonElement>> LogLinesOfConsuming(IReadOnlyList<object> messages)
    {
        using var console = new CapturedConsole();
        using (var host = TestHosts.Builder().WithHarness(x => x.AddConsumer<EveryMessageConsumer>()).Build())
        {
            await host.StartAsync();
            var harness = host.Services.GetRequiredService<ITestHarness>();
            foreach (var message in messages)
            {
                await harness.Bus.Publish(message, message.GetType());
            }

            var consumer = harness.GetConsumerHarness<EveryMessageConsumer>();
            for (var i = 0; i < 200 && consumer.Consumed.Select<object>().Count() < messages.Count; i++)
            {
                await Task.Delay(20);
            }

            await host.StopAsync();
        }

        return console.JsonLines();
    }
}
