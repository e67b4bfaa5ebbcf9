using MedPipeline.Orchestrator.Saga;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>The saga's audit line of a rerun or cancel: who, which series and what happened, never the operator's free-text note.</summary>
public sealed class When_an_operator_action_is_audited
{
    [Test]
    public void The_line_names_the_action_caller_series_and_outcome_and_only_the_length_of_the_note()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(new FakeLoggerProvider(collector)));
        var audit = new SeriesActionAudit(loggers);
        var correlationId = Guid.NewGuid();

        audit.Record("cancel", correlationId, "st-olaf", "ops-key-1", "Jane Doe, born 1950-01-01, sent twice", "cancelled from Inferring");

        var line = collector.GetSnapshot().Single();
        Assert.That(line.Category, Is.EqualTo(SeriesActionAudit.Category));
        Assert.That(line.Message, Does.Contain("cancel").And.Contain("st-olaf").And.Contain("ops-key-1").And.Contain(correlationId.ToString())
            .And.Contain("cancelled from Inferring").And.Contain("note of 37 characters"));
        Assert.That(line.Message, Does.Not.Contain("Jane").And.Not.Contain("1950"), "free text stays out of the log");
    }
}
