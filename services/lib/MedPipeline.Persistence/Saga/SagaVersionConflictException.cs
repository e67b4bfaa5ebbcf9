using MassTransit;

namespace MedPipeline.Persistence.Saga;

/// <summary>
/// Another consumer changed or created the saga row since it was read. The message's retry policy
/// re-runs the consume in a fresh transaction, which re-reads the row.
/// </summary>
public sealed class SagaVersionConflictException : ConcurrencyException
{
    public SagaVersionConflictException()
    {
    }

    public SagaVersionConflictException(string message, Type sagaType, Guid correlationId)
        : base(message, sagaType, correlationId)
    {
    }
}
