using MedPipeline.Onnx;
using System.Runtime.InteropServices;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>Reads the names, element types and shapes of a session's inputs and outputs.</summary>
internal static unsafe class SessionMetadataReader
{
    private const int OnnxTypeTensor = 1;

    public static IReadOnlyList<TensorMetadata> Inputs(nint session) =>
        Read(session, OrtApiIndex.SessionGetInputCount, OrtApiIndex.SessionGetInputName, OrtApiIndex.SessionGetInputTypeInfo);

    public static IReadOnlyList<TensorMetadata> Outputs(nint session) =>
        Read(session, OrtApiIndex.SessionGetOutputCount, OrtApiIndex.SessionGetOutputName, OrtApiIndex.SessionGetOutputTypeInfo);

    private static TensorMetadata[] Read(nint session, int countIndex, int nameIndex, int typeInfoIndex)
    {
        nuint count;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)OrtApi.Fn(countIndex))(session, &count));
        var result = new TensorMetadata[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            nint name;
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint>)OrtApi.Fn(nameIndex))(session, i, OrtEnvironment.Allocator, &name));
            var managedName = OrtEnvironment.TakeAllocatedString(name);
            nint typeInfo;
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)OrtApi.Fn(typeInfoIndex))(session, i, &typeInfo));
            using var owned = new OrtHandle(typeInfo, OrtApiIndex.ReleaseTypeInfo);
            result[(int)i] = Describe(managedName, typeInfo);
        }

        return result;
    }

    private static TensorMetadata Describe(string name, nint typeInfo)
    {
        int onnxType;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)OrtApi.Fn(OrtApiIndex.GetOnnxTypeFromTypeInfo))(typeInfo, &onnxType));
        if (onnxType != OnnxTypeTensor)
        {
            return new TensorMetadata(name, TensorElementType.Undefined, [], []);
        }

        // Borrowed from the type info: not released separately.
        nint tensorInfo;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)OrtApi.Fn(OrtApiIndex.CastTypeInfoToTensorInfo))(typeInfo, &tensorInfo));
        var (elementType, dimensions, symbolic) = ShapeOf(tensorInfo, withSymbols: true);
        return new TensorMetadata(name, elementType, dimensions, symbolic);
    }

    /// <summary>Element type, dimensions and (optionally) symbolic dimension names of an OrtTensorTypeAndShapeInfo.</summary>
    public static (TensorElementType Type, long[] Dimensions, string[] Symbolic) ShapeOf(nint tensorInfo, bool withSymbols)
    {
        int elementType;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)OrtApi.Fn(OrtApiIndex.GetTensorElementType))(tensorInfo, &elementType));
        nuint rank;
        OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)OrtApi.Fn(OrtApiIndex.GetDimensionsCount))(tensorInfo, &rank));
        var dimensions = new long[(int)rank];
        var symbolic = new string[withSymbols ? (int)rank : 0];
        fixed (long* d = dimensions)
        {
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)OrtApi.Fn(OrtApiIndex.GetDimensions))(tensorInfo, d, rank));
        }

        if (withSymbols && rank > 0)
        {
            var names = stackalloc nint[(int)rank];
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint*, nuint, nint>)OrtApi.Fn(OrtApiIndex.GetSymbolicDimensions))(tensorInfo, names, rank));
            for (var i = 0; i < (int)rank; i++)
            {
                symbolic[i] = names[i] == 0 ? "" : Marshal.PtrToStringUTF8(names[i]) ?? "";
            }
        }

        return ((TensorElementType)elementType, dimensions, symbolic);
    }
}
