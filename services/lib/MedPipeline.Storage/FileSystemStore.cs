using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MedPipeline.Storage;

/// <summary>
/// The shared store on a directory. Writes stream to a temporary file and are renamed into place,
/// so a reader never sees half an object and a redelivered message that writes the same key again
/// simply replaces it.
/// </summary>
public sealed class FileSystemStore : ISeriesStore
{
    private const int BufferSize = 81920;
    private readonly string _root;

    public FileSystemStore(IOptions<StoreOptions> options)
        : this(options.Value.Path)
    {
    }

    public FileSystemStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async Task<StoredObject> WriteAsync(string key, Stream content, long? maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new StoreLimitExceededException(key, maxBytes.Value);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
            return new StoredObject(key, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Stream OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true)
            : throw new FileNotFoundException($"Store object '{key}' does not exist.", key);
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    public IReadOnlyList<string> List(string prefix)
    {
        var directory = PathOf(prefix);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
    }

    public void DeletePrefix(string prefix)
    {
        var path = PathOf(prefix);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The local path of a key, for code that must hand a file to a library (the DICOM reader reads streams too).</summary>
    public string PathOf(string key) => Path.Combine(_root, StoreKey.Validate(key));
}
