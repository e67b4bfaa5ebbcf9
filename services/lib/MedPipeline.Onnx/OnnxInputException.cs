namespace MedPipeline.Onnx;

/// <summary>Inputs that do not fit the model (name, rank, dimension or buffer length), caught before ONNX Runtime runs.</summary>
public sealed class OnnxInputException(string message) : OnnxRuntimeException(OrtErrorCode.InvalidArgument, message);
