namespace MedPipeline.Persistence.Schema;

/// <summary>A saga table the migrator must create; every <c>SagaTableMap</c> registers itself as one.</summary>
public interface ISagaTableSchema
{
    string TableName { get; }
}
