using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// The broker user of the queue operations ("Gateway:Admin:Broker"): <see cref="Uri"/> (amqp, as the ops user
/// medpipeline-ops, which may read the pipeline's _error/_skipped/_dead-letter queues and publish to their
/// endpoints' exchanges, nothing else) and the management API (<see cref="ManagementUri"/>, same user, tag
/// management) that lists the queues. Unset, the queue endpoints answer 503; half set stops the start.
/// </summary>
public sealed class AdminBrokerOptions : IValidatableObject
{
    public const string Section = "Gateway:Admin:Broker";

    public Uri? Uri { get; set; }

    public Uri? ManagementUri { get; set; }

    public bool IsConfigured => Uri is not null && ManagementUri is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Uri is null && ManagementUri is null)
        {
            yield break;
        }

        if (Uri is null || Uri.Scheme is not ("amqp" or "amqps") || !Uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            yield return new ValidationResult($"{Section}:Uri must be an amqp:// or amqps:// address with the ops user and password.", [nameof(Uri)]);
        }

        if (ManagementUri is null || ManagementUri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{Section}:ManagementUri must be the broker's management API (http:// or https://).", [nameof(ManagementUri)]);
        }
    }
}
