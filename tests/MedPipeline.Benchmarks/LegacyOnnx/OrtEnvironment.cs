using MedPipeline.Onnx;
using System.Runtime.InteropServices;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>The process's one OrtEnv and CPU memory info; ONNX Runtime wants a single env shared by all sessions.</summary>
internal static unsafe class OrtEnvironment
{
    private const int LoggingLevelWarning = 2;
    private const int ArenaAllocator = 1;
    private const int MemTypeDefault = 0;
    private static readonly Lazy<OrtHandle> LazyEnv = new(CreateEnv);
    private static readonly Lazy<OrtHandle> LazyCpuMemory = new(CreateCpuMemoryInfo);
    private static readonly Lazy<nint> LazyAllocator = new(GetDefaultAllocator);

    public static OrtHandle Env => LazyEnv.Value;

    public static OrtHandle CpuMemory => LazyCpuMemory.Value;

    /// <summary>The default allocator; owned by ONNX Runtime, never released.</summary>
    public static nint Allocator => LazyAllocator.Value;

    /// <summary>Frees a string ONNX Runtime allocated with the default allocator, after copying it.</summary>
    public static string TakeAllocatedString(nint text)
    {
        try
        {
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint, nint>)OrtApi.Fn(OrtApiIndex.AllocatorFree))(Allocator, text));
        }
    }

    private static OrtHandle CreateEnv()
    {
        nint env;
        var logId = Marshal.StringToCoTaskMemUTF8("medpipeline");
        try
        {
            OrtApi.Check(((delegate* unmanaged[Cdecl]<int, nint, nint*, nint>)OrtApi.Fn(OrtApiIndex.CreateEnv))(LoggingLevelWarning, logId, &env));
        }
        finally
        {
            Marshal.FreeCoTaskMem(logId);
        }

        return new OrtHandle(env, OrtApiIndex.ReleaseEnv);
    }

    private static OrtHandle CreateCpuMemoryInfo()
    {
        nint info;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<int, int, nint*, nint>)OrtApi.Fn(OrtApiIndex.CreateCpuMemoryInfo))(ArenaAllocator, MemTypeDefault, &info));
        return new OrtHandle(info, OrtApiIndex.ReleaseMemoryInfo);
    }

    private static nint GetDefaultAllocator()
    {
        nint allocator;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint*, nint>)OrtApi.Fn(OrtApiIndex.GetAllocatorWithDefaultOptions))(&allocator));
        return allocator;
    }
}
