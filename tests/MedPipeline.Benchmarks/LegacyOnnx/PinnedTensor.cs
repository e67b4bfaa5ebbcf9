using MedPipeline.Onnx;
using System.Buffers;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>An OrtValue over pinned managed float memory, for the duration of one run.</summary>
internal sealed unsafe class PinnedTensor : IDisposable
{
    private const int FloatType = 1;
    private MemoryHandle _pin;
    private readonly OrtHandle _value;

    private PinnedTensor(MemoryHandle pin, OrtHandle value)
    {
        _pin = pin;
        _value = value;
    }

    public nint Value => _value.DangerousGetHandle();

    public static PinnedTensor Create(NamedTensor tensor)
    {
        var pin = tensor.Data.Pin();
        try
        {
            var shape = tensor.Shape.ToArray();
            nint value;
            fixed (long* s = shape)
            {
                OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)OrtApi.Fn(OrtApiIndex.CreateTensorWithDataAsOrtValue))(
                    OrtEnvironment.CpuMemory.DangerousGetHandle(), pin.Pointer, (nuint)(tensor.ElementCount * sizeof(float)),
                    s, (nuint)shape.Length, FloatType, &value));
            }

            return new PinnedTensor(pin, new OrtHandle(value, OrtApiIndex.ReleaseValue));
        }
        catch
        {
            pin.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _value.Dispose();
        _pin.Dispose();
    }
}
