namespace MedPipeline.Gateway.Uploads;

/// <summary>Passes an upload through while checking that it starts like a ZIP archive (local file header or empty archive).</summary>
internal sealed class ZipSignatureStream(Stream inner) : Stream
{
    private readonly byte[] _signature = new byte[4];
    private int _seen;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Check(ReadOnlySpan<byte> chunk)
    {
        if (_seen < 4)
        {
            var take = Math.Min(4 - _seen, chunk.Length);
            chunk[..take].CopyTo(_signature.AsSpan(_seen));
            _seen += take;
            var complete = _seen == 4;
            if ((chunk.IsEmpty && !complete) || (complete && !IsZip(_signature)))
            {
                throw UploadRejection.Field("file", "is not a ZIP archive (it must start with the ZIP signature 'PK')");
            }
        }

        return chunk.Length;
    }

    private static bool IsZip(ReadOnlySpan<byte> s) => s[0] == 'P' && s[1] == 'K' && ((s[2] == 3 && s[3] == 4) || (s[2] == 5 && s[3] == 6));
}
