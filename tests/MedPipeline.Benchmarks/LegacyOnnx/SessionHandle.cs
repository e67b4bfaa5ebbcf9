using MedPipeline.Onnx;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>
/// An OrtSession plus the UTF-8 copies of its input and output names that Run passes to it. The
/// names are freed together with the session, only once no run holds a reference any more, so a
/// Dispose racing a Run cannot free memory the run is still reading.
/// </summary>
internal sealed class SessionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly Dictionary<string, nint> _names = new(StringComparer.Ordinal);

    public SessionHandle(nint session)
        : base(ownsHandle: true) => SetHandle(session);

    /// <summary>Keeps UTF-8 copies of these names; called once, before the handle is shared.</summary>
    public void AddNames(IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => !_names.ContainsKey(n)))
        {
            _names.Add(name, Marshal.StringToCoTaskMemUTF8(name));
        }
    }

    /// <summary>The UTF-8 copy of a known name; valid while the caller holds a reference (DangerousAddRef).</summary>
    public nint Utf8Name(string name) => _names[name];

    protected override bool ReleaseHandle()
    {
        OrtApi.Release(OrtApiIndex.ReleaseSession, handle);
        foreach (var name in _names.Values)
        {
            Marshal.FreeCoTaskMem(name);
        }

        return true;
    }
}
