using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace MedPipeline.Hosting.Logging;

/// <summary>
/// The series correlation id and attempt id of a message: its own CorrelationId/AttemptId Guid
/// properties (for Fault&lt;T&gt;, those of the faulted message), else the envelope's correlation id.
/// Only these identifiers are read, never other members, so nothing else of a message reaches a log.
/// </summary>
internal static class MessageIdentity
{
    private static readonly ConcurrentDictionary<Type, Func<object, (Guid? CorrelationId, Guid? AttemptId)>> Readers = new();

    public static (Guid? CorrelationId, Guid? AttemptId) Of<T>(ConsumeContext<T> context)
        where T : class
    {
        var (correlationId, attemptId) = Read(context.Message);
        return (correlationId ?? context.CorrelationId, attemptId);
    }

    private static (Guid? CorrelationId, Guid? AttemptId) Read(object message) =>
        Readers.GetOrAdd(message.GetType(), CreateReader)(message);

    private static Func<object, (Guid?, Guid?)> CreateReader(Type type)
    {
        var fault = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Fault<>));
        if (fault is not null)
        {
            var inner = fault.GetProperty(nameof(Fault<object>.Message))!;
            return message => inner.GetValue(message) is { } faulted ? Read(faulted) : (null, null);
        }

        var correlation = GuidProperty(type, "CorrelationId");
        var attempt = GuidProperty(type, "AttemptId");
        return message => (correlation?.Invoke(message), attempt?.Invoke(message));
    }

    private static Func<object, Guid?>? GuidProperty(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property?.PropertyType == typeof(Guid))
        {
            return message => (Guid)property.GetValue(message)!;
        }

        return property?.PropertyType == typeof(Guid?) ? message => (Guid?)property.GetValue(message) : null;
    }
}
