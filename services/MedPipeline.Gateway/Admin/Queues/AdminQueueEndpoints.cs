using System.Globalization;
using System.Security.Claims;
using MedPipeline.Gateway.Identity;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// The failure queues under /api/admin/queues: list them with their counts, list a queue's messages (fault, ids and
/// time, never the body), replay one or all to the queue they failed from, or discard one. Those queues hold every
/// organization's messages, so only global operators (<see cref="AdminOptions.OperatorOrganizations"/>) may use them;
/// another admin is refused with 403. Every call is audited.
/// </summary>
public static class AdminQueueEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static void MapAdminQueueEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var queues = admin.MapGroup("/queues");
        queues.MapGet("", ListQueues).WithName("AdminListQueues")
            .WithSummary("Every _error, _skipped and _dead-letter queue with its message count (global operators only).");
        queues.MapGet("/{queue}/messages", ListMessages).WithName("AdminListQueueMessages")
            .WithSummary("A failure queue's messages, oldest first: ids, message type, fault reason, exception type and time; never the body.");
        queues.MapPost("/{queue}/messages/{messageId}/replay", (string queue, string messageId, HttpContext http, AdminQueueOperations operations) =>
            operations.MoveAsync(http, queue, "admin-queue-replay", m => m.MessageId == messageId ? WalkStep.Replay : WalkStep.Keep, requireOne: true))
            .WithName("AdminReplayQueueMessage").WithSummary("Sends one message back to the queue it failed from, then removes it from the failure queue.");
        queues.MapPost("/{queue}/replay", (string queue, HttpContext http, AdminQueueOperations operations) =>
            operations.MoveAsync(http, queue, "admin-queue-replay-all", _ => WalkStep.Replay, requireOne: false))
            .WithName("AdminReplayQueue").WithSummary("Sends every message of a failure queue back to the queue it failed from.");
        queues.MapPost("/{queue}/messages/{messageId}/discard", (string queue, string messageId, HttpContext http, AdminQueueOperations operations) =>
            operations.MoveAsync(http, queue, "admin-queue-discard", m => m.MessageId == messageId ? WalkStep.Discard : WalkStep.Keep, requireOne: true))
            .WithName("AdminDiscardQueueMessage").WithSummary("Removes one message from a failure queue.");
    }

    private static async Task<IResult> ListQueues(ClaimsPrincipal user, AdminQueueOperations operations, FailureQueueCatalog catalog,
        AuditLog audit, CancellationToken cancellationToken)
    {
        if (operations.Refuse(user, "admin-queue-list") is { } refusal)
        {
            return refusal;
        }

        return await operations.GuardAsync(user, "admin-queue-list", async () =>
        {
            var queues = await catalog.ListAsync(cancellationToken);
            audit.Record(user, "admin-queue-list", null, $"answered 200 with {queues.Count} queues");
            return Results.Ok(new { queues = queues.Select(q => new { name = q.Name, source = q.Source, messages = q.Messages, type = q.Type }) });
        });
    }

    private static async Task<IResult> ListMessages(string queue, HttpContext http, AdminQueueOperations operations, AuditLog audit)
    {
        var user = http.User;
        if (operations.Refuse(user, "admin-queue-messages", queue) is { } refusal)
        {
            return refusal;
        }

        var limitText = http.Request.Query["limit"].ToString();
        var limit = DefaultLimit;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            audit.Record(user, "admin-queue-messages", null, "refused 400");
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."] },
                title: "The request is invalid.");
        }

        return await operations.GuardAsync(user, "admin-queue-messages", async () =>
        {
            // Every message is walked (so the queue keeps its order); only the first `limit` are answered.
            var walked = await operations.Walker.WalkAsync(queue, _ => WalkStep.Keep, http.RequestAborted);
            audit.Record(user, "admin-queue-messages", null, $"answered 200 with {Math.Min(limit, walked.Count)} of {walked.Count} messages in {queue}");
            return Results.Ok(new
            {
                queue,
                source = FailureQueues.SourceOf(queue),
                total = walked.Count,
                messages = walked.Take(limit).Select(w => w.Message),
            });
        });
    }
}
