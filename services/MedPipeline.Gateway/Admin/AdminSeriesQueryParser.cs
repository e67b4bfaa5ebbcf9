using System.Xml;

namespace MedPipeline.Gateway.Admin;

/// <summary>Turns the listing's query string into an <see cref="AdminSeriesQuery"/>, naming every bad parameter.</summary>
public static class AdminSeriesQueryParser
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>The saga's states, as the read model stores them.</summary>
    public static readonly string[] States = ["Received", "Unpacking", "Preprocessing", "Inferring", "Reporting", "Completed", "NotSupported", "Failed"];

    public static AdminSeriesQuery Parse(IQueryCollection query, string[]? organizations, AdminOptions options, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        string[] states = [.. query["state"].OfType<string>()];
        foreach (var state in states.Where(s => !States.Contains(s, StringComparer.Ordinal)))
        {
            errors["state"] = [$"'{state}' is not a state; states: {string.Join(", ", States)}"];
        }

        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"must be a whole number from 1 to {MaxLimit}"];
        }

        SeriesCursor? after = null;
        if (query["cursor"].ToString() is { Length: > 0 } cursorText && !SeriesCursor.TryDecode(cursorText, out after))
        {
            errors["cursor"] = ["is not a cursor this API returned"];
        }

        var stuck = query["stuck"].ToString();
        if (stuck is not ("" or "true" or "false"))
        {
            errors["stuck"] = ["must be true or false"];
        }

        return new AdminSeriesQuery
        {
            States = states,
            Organizations = organizations,
            ModelType = query["modelType"].ToString() is { Length: > 0 } modelType ? modelType : null,
            ChangedBefore = Age(query, "olderThan", now, errors),
            ChangedAfter = Age(query, "newerThan", now, errors),
            Stuck = stuck == "true" ? StuckCutoffs.At(now, options) : null,
            Limit = limit,
            After = after,
        };
    }

    private static DateTimeOffset? Age(IQueryCollection query, string name, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (query[name].ToString() is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            var age = XmlConvert.ToTimeSpan(text);
            if (age >= TimeSpan.Zero)
            {
                return now - age;
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // Answered below with the expected form.
        }

        errors[name] = ["must be a positive ISO 8601 duration, e.g. PT30M, PT2H, P1D"];
        return null;
    }
}
