using System.IO.Compression;

namespace MedPipeline.Unpacker.Archive;

/// <summary>
/// Reads an inflating entry while checking what it really is: the DICOM Part-10 prefix ("DICM" at
/// byte 128) or a raw data set's first element, not another archive, no more bytes than declared, and a sane compression ratio —
/// all counted on the actual bytes, since a hostile ZIP's headers lie.
/// </summary>
internal sealed class GuardedEntryStream(Stream inner, ZipArchiveEntry entry, InflationBudget budget) : Stream
{
    private const int PrefixLength = 132;
    private const long RatioGrace = 1024 * 1024;
    private readonly byte[] _prefix = new byte[PrefixLength];
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Inspect(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            if (_position < PrefixLength)
            {
                CheckNotAnArchive();
                throw NotDicom($"{_position} bytes, too short for a DICOM file");
            }

            return;
        }

        if (_position < PrefixLength)
        {
            var take = (int)Math.Min(PrefixLength - _position, chunk.Length);
            chunk[..take].CopyTo(_prefix.AsSpan((int)_position));
            if (_position + take == PrefixLength)
            {
                CheckPrefix();
            }
        }

        _position += chunk.Length;
        budget.Spend(chunk.Length, entry.FullName);
        if (_position > entry.Length)
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"entry '{entry.FullName}' inflates past the {entry.Length} bytes it declares");
        }

        if (_position > RatioGrace && _position > (long)budget.Limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"entry '{entry.FullName}' compresses more than {budget.Limits.MaxCompressionRatio}:1");
        }
    }

    private void CheckPrefix()
    {
        CheckNotAnArchive();
        // A raw data set (no preamble) is DICOM too: the reader infers its encoding, as dcmtk and pydicom do.
        if (!Dicom.DicomFile.StartsLikeDicom(_prefix))
        {
            throw NotDicom("no DICM prefix at byte 128, nor a raw data set's first element at byte 0");
        }
    }

    private void CheckNotAnArchive()
    {
        if (_prefix[0] == 'P' && _prefix[1] == 'K' && _prefix[2] == 3 && _prefix[3] == 4)
        {
            throw new ArchiveRejectedException(ArchiveProblem.NestedArchive, $"entry '{entry.FullName}' is a ZIP inside the archive");
        }

        if (_prefix[0] == 0x1F && _prefix[1] == 0x8B)
        {
            throw new ArchiveRejectedException(ArchiveProblem.NestedArchive, $"entry '{entry.FullName}' is a gzip file inside the archive");
        }
    }

    private ArchiveRejectedException NotDicom(string why) =>
        new(ArchiveProblem.NotDicom, $"entry '{entry.FullName}' is not a DICOM Part-10 file ({why})");
}
