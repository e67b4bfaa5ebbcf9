using System.Text.RegularExpressions;
using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>
/// Turns the package's OnnxRuntimeException into ours. The package keeps ONNX Runtime's status code
/// only in its message ("[ErrorCode:InvalidProtobuf] ..."; its ErrorCode enum is internal), so the
/// code is read from there.
/// </summary>
internal static partial class OrtErrors
{
    public static OnnxRuntimeException Translate(Ort.OnnxRuntimeException error, bool duringRun = false)
    {
        var match = Prefixed().Match(error.Message);
        if (!match.Success)
        {
            return new OnnxRuntimeException(OrtErrorCode.Fail, error.Message, error);
        }

        var code = CodeOf(match.Groups["code"].Value);
        var message = match.Groups["message"].Value;
        return duringRun && code == OrtErrorCode.InvalidArgument
            ? new OnnxInputException(message, error)
            : new OnnxRuntimeException(code, message, error);
    }

    /// <summary>The package names codes 11 and 12 after their pre-1.16 meanings; the C API's status codes are ORT_EP_FAIL and ORT_MODEL_LOAD_CANCELED.</summary>
    public static OrtErrorCode CodeOf(string packageName) => packageName switch
    {
        "ShapeInferenceNotRegistered" => OrtErrorCode.EpFail,
        "RequirementNotRegistered" => OrtErrorCode.ModelLoadCanceled,
        _ => Enum.TryParse<OrtErrorCode>(packageName, ignoreCase: false, out var code) && Enum.IsDefined(code) ? code : OrtErrorCode.Fail,
    };

    [GeneratedRegex(@"^\[ErrorCode:(?<code>\w+)\] ?(?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Prefixed();
}
