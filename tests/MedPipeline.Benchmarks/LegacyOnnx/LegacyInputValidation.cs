using MedPipeline.Onnx;
using System.Globalization;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>Checks tensors against a model's declared inputs or outputs, with messages that name the tensor and the dimension.</summary>
internal static class LegacyInputValidation
{
    public static void Check(IReadOnlyList<NamedTensor> tensors, IReadOnlyList<TensorMetadata> declared, string role, bool requireAll)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            var metadata = declared.FirstOrDefault(d => d.Name == tensor.Name)
                ?? throw new OnnxInputException($"the model has no {role} '{tensor.Name}'; its {role}s are: {string.Join(", ", declared.Select(d => d.ToString()))}");
            if (!seen.Add(tensor.Name))
            {
                throw new OnnxInputException($"{role} '{tensor.Name}' is given twice");
            }

            CheckShape(tensor, metadata, role);
        }

        var missing = declared.Where(d => !seen.Contains(d.Name)).Select(d => d.Name).ToList();
        if (requireAll && missing.Count > 0)
        {
            throw new OnnxInputException($"missing {role}(s): {string.Join(", ", missing)}");
        }
    }

    private static void CheckShape(NamedTensor tensor, TensorMetadata metadata, string role)
    {
        if (metadata.ElementType != TensorElementType.Float)
        {
            throw new OnnxInputException($"{role} '{tensor.Name}' is {metadata.ElementType}; this binding supports float32 tensors only");
        }

        var shape = string.Join("x", tensor.Shape);
        if (tensor.Shape.Count != metadata.Dimensions.Count)
        {
            throw new OnnxInputException(
                $"{role} '{tensor.Name}' has rank {tensor.Shape.Count} ({shape}) but the model expects rank {metadata.Dimensions.Count}: {metadata}");
        }

        for (var i = 0; i < tensor.Shape.Count; i++)
        {
            var expected = metadata.Dimensions[i];
            var actual = tensor.Shape[i];
            if (actual <= 0 || (expected >= 0 && actual != expected))
            {
                throw new OnnxInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{role} '{tensor.Name}' dimension {i} is {actual} ({shape}) but the model expects {(expected >= 0 ? expected : "a positive size")}: {metadata}"));
            }
        }

        if (tensor.Data.Length < tensor.ElementCount)
        {
            throw new OnnxInputException(string.Create(CultureInfo.InvariantCulture,
                $"{role} '{tensor.Name}' has shape {shape} ({tensor.ElementCount} values) but its buffer holds only {tensor.Data.Length}"));
        }
    }
}
