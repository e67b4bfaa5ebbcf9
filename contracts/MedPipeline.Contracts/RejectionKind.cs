namespace MedPipeline.Contracts;

/// <summary>Why an archive was refused; NoImageInstances leads to not_supported, the others to failed.</summary>
public enum RejectionKind
{
    NotAZip,
    UnsafePath,
    Symlink,
    NestedArchive,
    ZipBomb,
    NotDicom,
    Empty,
    UidMismatch,
    Truncated,
    MixedSeries,
    NoImageInstances,
}
