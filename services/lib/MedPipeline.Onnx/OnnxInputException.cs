namespace MedPipeline.Onnx;

/// <summary>
/// Inputs that do not fit the model (name, rank, dimension or buffer length): caught by our checks
/// before ONNX Runtime runs, or refused by ONNX Runtime during a run as an invalid argument.
/// </summary>
public sealed class OnnxInputException(string message, Exception? innerException = null)
    : OnnxRuntimeException(OrtErrorCode.InvalidArgument, message, innerException);
