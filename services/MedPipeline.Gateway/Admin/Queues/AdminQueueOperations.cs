using System.Security.Claims;
using MedPipeline.Gateway.Identity;
using Microsoft.Extensions.Options;
using RabbitMQ.Client.Exceptions;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// What every failure-queue endpoint shares: who may (global operators), which queues (failure queues only), the walk
/// that replays or discards, and the broker's errors turned into problem answers with an audit line.
/// </summary>
public sealed class AdminQueueOperations(FailureQueueWalker walker, IOptions<AdminOptions> admin, IOptions<AdminBrokerOptions> broker, AuditLog audit)
{
    public FailureQueueWalker Walker => walker;

    /// <summary>A refusal (403 not an operator, 400 not a failure queue, 503 not configured), or null to go on.</summary>
    public IResult? Refuse(ClaimsPrincipal user, string action, string? queue = null)
    {
        var organization = CallerClaims.OrganizationOf(user);
        if (organization is null || !admin.Value.OperatorOrganizations.Contains(organization, StringComparer.Ordinal))
        {
            audit.Record(user, action, null, "refused 403: not a global operator");
            return Results.Problem(title: "Only global operators may use the failure queues.", statusCode: StatusCodes.Status403Forbidden,
                detail: "The _error, _skipped and _dead-letter queues hold every organization's messages.");
        }

        if (queue is not null && !FailureQueues.IsFailureQueue(queue))
        {
            audit.Record(user, action, null, "refused 400: not a failure queue");
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["queue"] = [$"Only queues ending in {string.Join(", ", FailureQueues.Suffixes)} may be read, replayed or discarded."],
            }, title: "The request is invalid.");
        }

        if (!broker.Value.IsConfigured)
        {
            return Results.Problem(title: "The failure queues are not configured.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"Set {AdminBrokerOptions.Section}:Uri and :ManagementUri (the ops broker user).");
        }

        return null;
    }

    public async Task<IResult> MoveAsync(HttpContext http, string queue, string action, Func<FailedMessage, WalkStep> decide, bool requireOne)
    {
        if (Refuse(http.User, action, queue) is { } refusal)
        {
            return refusal;
        }

        return await GuardAsync(http.User, action, async () =>
        {
            var walked = await walker.WalkAsync(queue, decide, http.RequestAborted);
            var moved = walked.Where(w => w.Step != WalkStep.Keep).ToList();
            var correlationId = moved.Count == 1 && Guid.TryParse(moved[0].Message.CorrelationId, out var id) ? id : (Guid?)null;
            if (requireOne && moved.Count == 0)
            {
                audit.Record(http.User, action, null, $"not found 404 in {queue}");
                return Results.Problem(title: "No such message.", statusCode: StatusCodes.Status404NotFound,
                    detail: $"{queue} holds no message with this message id.");
            }

            audit.Record(http.User, action, correlationId, $"answered 200: {moved.Count} messages of {queue}");
            return Results.Ok(new
            {
                queue,
                source = FailureQueues.SourceOf(queue),
                replayed = moved.Count(w => w.Step == WalkStep.Replay),
                discarded = moved.Count(w => w.Step == WalkStep.Discard),
                messages = moved.Select(w => w.Message),
            });
        });
    }

    /// <summary>Runs a broker operation; a queue the broker does not have (or will not show this user) is 404, a broker that does not answer 503.</summary>
    public async Task<IResult> GuardAsync(ClaimsPrincipal user, string action, Func<Task<IResult>> operation)
    {
        try
        {
            return await operation();
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 403)
        {
            audit.Record(user, action, null, "not found 404: queue");
            return Results.Problem(title: "No such failure queue.", statusCode: StatusCodes.Status404NotFound,
                detail: "The broker has no such queue, or it is not one of the pipeline's (the ops user may not read it).");
        }
        catch (PublishReturnException)
        {
            audit.Record(user, action, null, "refused 409: source unroutable");
            return Results.Problem(title: "The source queue is gone.", statusCode: StatusCodes.Status409Conflict,
                detail: "The queue the message failed from routes nowhere; nothing was removed.");
        }
        catch (Exception e) when (e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or HttpRequestException or TimeoutException)
        {
            audit.Record(user, action, null, "unavailable 503: broker");
            return Results.Problem(title: "The broker is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "The broker (or its management API) does not answer; try again shortly.");
        }
    }
}
