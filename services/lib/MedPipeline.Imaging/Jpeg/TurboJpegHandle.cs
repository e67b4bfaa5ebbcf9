using Microsoft.Win32.SafeHandles;

namespace MedPipeline.Imaging.Jpeg;

/// <summary>A TurboJPEG decompressor instance, destroyed exactly once.</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => TurboJpegNative.Destroy(handle) == 0;
}
