namespace MedPipeline.Gateway.Identity;

public enum RateLimitedKind
{
    SeriesSubmit,
    StatusRead,
    SingleImage,
}
