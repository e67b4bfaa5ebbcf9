using MedPipeline.Persistence.Saga;
using MedPipeline.Persistence.Tests.Probe;

namespace MedPipeline.Persistence.Tests;

public sealed class When_a_saga_table_name_is_not_an_identifier
{
    [TestCase("series state")]
    [TestCase("Series")]
    [TestCase("x; DROP TABLE mp_outbox")]
    [TestCase("")]
    public void It_is_rejected_before_any_SQL_is_built(string name) =>
        Assert.That(() => new SagaTableMap<ProbeSaga>(name, s => s.CurrentState), Throws.ArgumentException);
}
