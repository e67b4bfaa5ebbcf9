using MedPipeline.Onnx;
using Microsoft.Win32.SafeHandles;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>An owned ONNX Runtime object, released with its own Release function exactly once.</summary>
internal sealed class OrtHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly int _releaseIndex;

    public OrtHandle(nint handle, int releaseIndex)
        : base(ownsHandle: true)
    {
        _releaseIndex = releaseIndex;
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        OrtApi.Release(_releaseIndex, handle);
        return true;
    }
}
