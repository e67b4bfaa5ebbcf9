namespace MedPipeline.Persistence.Schema;

/// <summary>A saga table the migrator must create; every <c>SagaTableMap</c> registers itself as one.</summary>
public interface ISagaTableSchema
{
    string TableName { get; }

    /// <summary>The steps of the read model kept with the saga table (none without one).</summary>
    IReadOnlyList<Migration> ReadModelMigrations { get; }
}
