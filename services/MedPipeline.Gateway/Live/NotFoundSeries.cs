namespace MedPipeline.Gateway.Live;

/// <summary>The one answer for a series that does not exist and one of another organization: they must look the same.</summary>
public sealed class NotFoundSeries : IResult
{
    public static NotFoundSeries Instance { get; } = new();

    public Task ExecuteAsync(HttpContext httpContext) =>
        Results.Problem(title: "No such series request.", statusCode: StatusCodes.Status404NotFound,
            detail: "Your organization has no series with this correlation id.").ExecuteAsync(httpContext);
}
