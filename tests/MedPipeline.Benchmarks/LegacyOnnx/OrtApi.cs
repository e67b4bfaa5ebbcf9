using MedPipeline.Onnx;
using System.Runtime.InteropServices;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>
/// The OrtApi function table (GetApi(23)) as typed unmanaged function pointers. Every call that
/// returns an OrtStatus* goes through <see cref="Check"/>, which turns it into an exception.
/// </summary>
internal static unsafe class OrtApi
{
    public const uint ApiVersion = 23;
    private static readonly Lock Gate = new();

    // Published with Volatile.Write after _version and LibraryPath, so a reader that sees the table sees them too.
    private static nint _table;
    private static string? _version;
    private static string? _configuredPath;

    public static string Version
    {
        get
        {
            EnsureLoaded();
            return _version!;
        }
    }

    public static string? LibraryPath { get; private set; }

    public static string? ConfiguredPath
    {
        get => _configuredPath;
        set
        {
            lock (Gate)
            {
                if (_table != 0 && value != _configuredPath)
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime is already loaded from '{LibraryPath}'; configure the library path before the first session");
                }

                _configuredPath = value;
            }
        }
    }

    public static nint Fn(int index)
    {
        EnsureLoaded();
        return ((nint*)Volatile.Read(ref _table))[index];
    }

    public static void Check(nint status)
    {
        if (status == 0)
        {
            return;
        }

        var code = ((delegate* unmanaged[Cdecl]<nint, int>)Fn(OrtApiIndex.GetErrorCode))(status);
        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint, nint>)Fn(OrtApiIndex.GetErrorMessage))(status)) ?? "";
        ((delegate* unmanaged[Cdecl]<nint, void>)Fn(OrtApiIndex.ReleaseStatus))(status);
        throw new OnnxRuntimeException((OrtErrorCode)code, message);
    }

    /// <summary>
    /// Makes an OrtStatus with CreateStatus and hands it to <see cref="Check"/>: a self-test of the
    /// table's first entries (CreateStatus, GetErrorCode, GetErrorMessage) and ReleaseStatus.
    /// </summary>
    public static void ThrowThroughStatus(OrtErrorCode code, string message)
    {
        var utf8 = Marshal.StringToCoTaskMemUTF8(message);
        try
        {
            Check(((delegate* unmanaged[Cdecl]<int, nint, nint>)Fn(OrtApiIndex.CreateStatus))((int)code, utf8));
        }
        finally
        {
            Marshal.FreeCoTaskMem(utf8);
        }
    }

    public static void Release(int index, nint handle)
    {
        if (handle != 0)
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)Fn(index))(handle);
        }
    }

    private static void EnsureLoaded()
    {
        if (Volatile.Read(ref _table) != 0)
        {
            return;
        }

        lock (Gate)
        {
            if (_table != 0)
            {
                return;
            }

            var (library, path) = OrtNativeLibrary.Load(OrtNativeLibrary.Candidates(_configuredPath));
            var getApiBase = (delegate* unmanaged[Cdecl]<nint*>)NativeLibrary.GetExport(library, "OrtGetApiBase");
            var apiBase = getApiBase();
            var getApi = (delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0];
            var getVersion = (delegate* unmanaged[Cdecl]<nint>)apiBase[1];
            var version = Marshal.PtrToStringUTF8(getVersion()) ?? "";
            var table = getApi(ApiVersion);
            if (table == null)
            {
                throw new OnnxRuntimeException(OrtErrorCode.Fail,
                    $"the ONNX Runtime {version} at '{path}' does not provide API version {ApiVersion}; version {OrtNativeLibrary.ExpectedVersion} or newer is needed");
            }

            _version = version;
            LibraryPath = path;
            Volatile.Write(ref _table, (nint)table);
        }
    }
}
