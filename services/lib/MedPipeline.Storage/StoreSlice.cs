namespace MedPipeline.Storage;

/// <summary>
/// A read-only, seekable window of <paramref name="length"/> bytes from <paramref name="offset"/> of a stored object. A window
/// that reaches past the object's end is refused when opened, so a reader never gets fewer bytes than it was promised.
/// </summary>
internal sealed class StoreSlice : Stream
{
    private readonly Stream _inner;
    private readonly long _offset;
    private readonly long _length;
    private long _position;

    public StoreSlice(Stream inner, long offset, long length)
    {
        if (offset < 0 || length < 0 || offset > inner.Length - length)
        {
            var problem = new InvalidDataException($"bytes {offset}..{offset + length} lie outside the stored object of {inner.Length} bytes");
            inner.Dispose();
            throw problem;
        }

        (_inner, _offset, _length) = (inner, offset, length);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = Remaining(buffer.Length);
        if (wanted == 0)
        {
            return 0;
        }

        _inner.Position = _offset + _position;
        var read = _inner.Read(buffer[..wanted]);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = Remaining(buffer.Length);
        if (wanted == 0)
        {
            return 0;
        }

        _inner.Position = _offset + _position;
        var read = await _inner.ReadAsync(buffer[..wanted], cancellationToken);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => _length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _inner.DisposeAsync();
    }

    private int Remaining(int wanted) => (int)Math.Clamp(_length - _position, 0, wanted);
}
