namespace MedPipeline.Unpacker.Archive;

/// <summary>The archive is refused as a whole; <see cref="Exception.Message"/> says which entry and why, for the callback.</summary>
public sealed class ArchiveRejectedException(ArchiveProblem problem, string reason) : Exception(reason)
{
    public ArchiveProblem Problem { get; } = problem;
}
