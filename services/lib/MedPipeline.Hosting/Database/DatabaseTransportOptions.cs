using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Hosting.Database;

/// <summary>
/// Section "DatabaseTransport": how every PostgreSQL connection string of the process (section
/// ConnectionStrings, and Persistence:ConnectionString) must protect its traffic. A connection to a
/// host other than loopback or a Unix socket must verify the server (SSL Mode=VerifyFull, with Root
/// Certificate naming the CA's PEM file) unless <see cref="AllowUnverifiedRemote"/> says otherwise;
/// the process refuses to start and names the key.
/// </summary>
public sealed class DatabaseTransportOptions : IValidatableObject
{
    public const string Section = "DatabaseTransport";

    private IReadOnlyDictionary<string, string> _connectionStrings = new Dictionary<string, string>();

    /// <summary>Accept a remote PostgreSQL without a verified TLS connection (a private network one trusts, as docker-compose's).</summary>
    public bool AllowUnverifiedRemote { get; set; }

    /// <summary>The connection strings to check, by configuration key; filled from configuration, not bound.</summary>
    internal void Examine(IReadOnlyDictionary<string, string> connectionStrings) => _connectionStrings = connectionStrings;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        _connectionStrings
            .Select(entry => PostgresTransportRule.ProblemOf(entry.Key, entry.Value, AllowUnverifiedRemote))
            .OfType<string>()
            .Select(problem => new ValidationResult(problem));
}
