namespace MedPipeline.Onnx;

/// <summary>ONNX Runtime's OrtErrorCode (onnxruntime_c_api.h), in its order.</summary>
public enum OrtErrorCode
{
    Ok,
    Fail,
    InvalidArgument,
    NoSuchFile,
    NoModel,
    EngineError,
    RuntimeException,
    InvalidProtobuf,
    ModelLoaded,
    NotImplemented,
    InvalidGraph,
    EpFail,
    ModelLoadCanceled,
    ModelRequiresCompilation,
    NotFound,
}
