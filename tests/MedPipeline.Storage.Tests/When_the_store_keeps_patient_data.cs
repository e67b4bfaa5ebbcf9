using System.Runtime.Versioning;
using MedPipeline.Storage;

namespace MedPipeline.Storage.Tests;

/// <summary>The store holds patient data: on Unix only the services' own user may read it.</summary>
[Platform("Linux,MacOsX")]
[UnsupportedOSPlatform("windows")]
public sealed class When_the_store_keeps_patient_data
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private string _parent = "";

    [SetUp]
    public void CreateParent() => _parent = Directory.CreateTempSubdirectory("medpipe-store-modes-").FullName;

    [TearDown]
    public void DeleteParent() => Directory.Delete(_parent, recursive: true);

    [Test]
    public async Task Its_files_are_0600_and_its_folders_0700()
    {
        var root = Path.Combine(_parent, "store");
        var store = new FileSystemStore(root);

        await store.WriteAsync("series/corr/instances/1.dcm", new MemoryStream([1, 2, 3]), null, CancellationToken.None);

        Assert.That(File.GetUnixFileMode(store.PathOf("series/corr/instances/1.dcm")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        foreach (var folder in new[] { root, store.PathOf("series"), store.PathOf("series/corr"), store.PathOf("series/corr/instances") })
        {
            Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(OwnerOnlyFolder), folder);
        }
    }
}
