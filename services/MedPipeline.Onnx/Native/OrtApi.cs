using System.Runtime.InteropServices;

namespace MedPipeline.Onnx.Native;

/// <summary>
/// The OrtApi function table (GetApi(23)) as typed unmanaged function pointers. Every call that
/// returns an OrtStatus* goes through <see cref="Check"/>, which turns it into an exception.
/// </summary>
internal static unsafe class OrtApi
{
    public const uint ApiVersion = 23;
    private static readonly Lock Gate = new();
    private static nint* _table;
    private static string? _version;

    public static string Version
    {
        get
        {
            EnsureLoaded();
            return _version!;
        }
    }

    public static string? ConfiguredPath { get; set; }

    public static nint Fn(int index)
    {
        EnsureLoaded();
        return _table[index];
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

    public static void Release(int index, nint handle)
    {
        if (handle != 0)
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)Fn(index))(handle);
        }
    }

    private static void EnsureLoaded()
    {
        if (_table != null)
        {
            return;
        }

        lock (Gate)
        {
            if (_table != null)
            {
                return;
            }

            var library = OrtNativeLibrary.Load(ConfiguredPath);
            var getApiBase = (delegate* unmanaged[Cdecl]<nint*>)NativeLibrary.GetExport(library, "OrtGetApiBase");
            var apiBase = getApiBase();
            var getApi = (delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0];
            var getVersion = (delegate* unmanaged[Cdecl]<nint>)apiBase[1];
            _version = Marshal.PtrToStringUTF8(getVersion()) ?? "";
            var table = getApi(ApiVersion);
            if (table == null)
            {
                throw new OnnxRuntimeException(OrtErrorCode.Fail,
                    $"the loaded ONNX Runtime {_version} does not provide API version {ApiVersion}; version {OrtNativeLibrary.ExpectedVersion} or newer is needed");
            }

            _table = table;
        }
    }
}
