namespace MedPipeline.Unpacker.Archive;

/// <summary>Why an archive was refused.</summary>
public enum ArchiveProblem
{
    NotAZip,
    UnsafePath,
    Symlink,
    NestedArchive,
    ZipBomb,
    NotDicom,
    Empty,
}
