using System.Net;
using Npgsql;

namespace MedPipeline.Hosting.Database;

/// <summary>The rule behind <see cref="DatabaseTransportOptions"/>, for one connection string. Messages never quote the connection string (it holds a password).</summary>
public static class PostgresTransportRule
{
    /// <summary>Null when the connection string may be used; otherwise what is wrong, naming <paramref name="key"/>.</summary>
    public static string? ProblemOf(string key, string connectionString, bool allowUnverifiedRemote)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return $"{key} is not a valid Npgsql connection string.";
        }

        if (!string.IsNullOrWhiteSpace(builder.RootCertificate) && !File.Exists(builder.RootCertificate))
        {
            return $"{key}: the file named by 'Root Certificate' does not exist.";
        }

        var remote = (builder.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(host => !IsLocal(host));
        if (remote is null || builder.SslMode == SslMode.VerifyFull || allowUnverifiedRemote)
        {
            return null;
        }

        return $"{key} connects to host '{remote}' with 'SSL Mode={builder.SslMode}', which does not verify the server: set 'SSL Mode=VerifyFull' " +
            $"and 'Root Certificate=<the CA's PEM file>' in it, or {DatabaseTransportOptions.Section}:{nameof(DatabaseTransportOptions.AllowUnverifiedRemote)}=true " +
            "to accept an unverified connection on a network you trust.";
    }

    private static bool IsLocal(string host)
    {
        // Npgsql's multi-host syntax allows host:port; Unix socket directories start with '/' ('@' for the abstract namespace).
        var name = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] :
            host.Count(c => c == ':') == 1 ? host[..host.IndexOf(':', StringComparison.Ordinal)] : host;
        return name.StartsWith('/') || name.StartsWith('@') || name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
