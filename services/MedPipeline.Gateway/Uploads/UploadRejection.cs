namespace MedPipeline.Gateway.Uploads;

/// <summary>Why an upload is refused: the HTTP status and, per field, what is wrong.</summary>
public sealed class UploadRejection(int statusCode, string title, IDictionary<string, string[]> errors, TimeSpan? retryAfter = null) : Exception(title)
{
    /// <summary>When the refusal is temporary (429): how long the caller should wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public IDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The problem+json answer, with Retry-After when the refusal is temporary.</summary>
    public IResult ToResult(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.ValidationProblem(Errors, title: Title, statusCode: StatusCode);
    }

    public static UploadRejection Field(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request is invalid.", new Dictionary<string, string[]> { [field] = [message] });
}
