using MedPipeline.Onnx;
using System.Runtime.InteropServices;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>Turns <see cref="SessionSettings"/> into an OrtSessionOptions.</summary>
internal static unsafe class SessionOptionsFactory
{
    public static OrtHandle Create(SessionSettings settings)
    {
        nint raw;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint*, nint>)OrtApi.Fn(OrtApiIndex.CreateSessionOptions))(&raw));
        var options = new OrtHandle(raw, OrtApiIndex.ReleaseSessionOptions);
        try
        {
            if (settings.IntraOpThreads > 0)
            {
                OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)OrtApi.Fn(OrtApiIndex.SetIntraOpNumThreads))(raw, settings.IntraOpThreads));
            }

            if (settings.InterOpThreads > 0)
            {
                OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)OrtApi.Fn(OrtApiIndex.SetInterOpNumThreads))(raw, settings.InterOpThreads));
            }

            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)OrtApi.Fn(OrtApiIndex.SetSessionGraphOptimizationLevel))(raw, (int)settings.Optimization));
            AddConfigEntry(raw, "session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private static void AddConfigEntry(nint options, string key, string value)
    {
        var k = Marshal.StringToCoTaskMemUTF8(key);
        var v = Marshal.StringToCoTaskMemUTF8(value);
        try
        {
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)OrtApi.Fn(OrtApiIndex.AddSessionConfigEntry))(options, k, v));
        }
        finally
        {
            Marshal.FreeCoTaskMem(k);
            Marshal.FreeCoTaskMem(v);
        }
    }
}
