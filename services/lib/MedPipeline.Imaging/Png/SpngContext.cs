using Microsoft.Win32.SafeHandles;

namespace MedPipeline.Imaging.Png;

/// <summary>A libspng decoding context, freed exactly once.</summary>
internal sealed class SpngContext : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpngContext()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        SpngNative.ContextFree(handle);
        return true;
    }
}
