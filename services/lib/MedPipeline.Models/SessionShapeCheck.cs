using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;

namespace MedPipeline.Models;

/// <summary>Compares what the manifest declares with what the ONNX graph really has.</summary>
internal static class SessionShapeCheck
{
    public static void Check(ModelManifest m, InferenceSession session, string file)
    {
        var spec = m.Input!;
        var input = session.Inputs.FirstOrDefault(i => i.Name == spec.Name)
            ?? throw new ModelManifestException(file, "input.name", $"'{spec.Name}' is not an input of the model; it has: {string.Join(", ", session.Inputs)}");
        var declared = spec.Shape;
        if (input.Dimensions.Count != declared.Count || input.Dimensions.Zip(declared).Any(p => p.First != p.Second))
        {
            throw new ModelManifestException(file, "input.shape",
                $"[{string.Join(", ", declared)}] differs from the model's input {input} ([{string.Join(", ", input.Dimensions)}])");
        }

        foreach (var (role, name) in m.Outputs)
        {
            if (session.Outputs.All(o => o.Name != name))
            {
                throw new ModelManifestException(file, $"outputs.{role}", $"'{name}' is not an output of the model; it has: {string.Join(", ", session.Outputs)}");
            }
        }

        if (m.Outputs.TryGetValue("embedding", out var embeddingName)
            && session.Outputs.First(o => o.Name == embeddingName).Dimensions is not [_, > 0])
        {
            throw new ModelManifestException(file, "outputs.embedding",
                $"must name an output of shape [batch, D] with a fixed D; {session.Outputs.First(o => o.Name == embeddingName)} is not");
        }

        if (m.Task == ModelTask.Classification)
        {
            var probabilities = session.Outputs.First(o => o.Name == m.Outputs["probabilities"]);
            var classes = probabilities.Dimensions.Count == 2 ? probabilities.Dimensions[1] : -1;
            if (classes != m.Labels!.Count)
            {
                throw new ModelManifestException(file, "labels", $"{m.Labels.Count} labels but the output {probabilities} has {classes} classes");
            }
        }
        else if (m.Postprocessing.ReconstructionMse == ReconstructionMseSource.FromReconstruction)
        {
            var reconstruction = session.Outputs.First(o => o.Name == m.Outputs["reconstruction"]);
            var dims = reconstruction.Dimensions;
            if (dims.Count != declared.Count || dims.Skip(1).Zip(declared.Skip(1)).Any(p => p.First != p.Second))
            {
                throw new ModelManifestException(file, "outputs.reconstruction",
                    $"{reconstruction} must have the input's shape [batch, {string.Join(", ", declared.Skip(1))}] to compute the MSE from it");
            }
        }
        else if (session.Outputs.First(o => o.Name == m.Outputs["reconstructionMse"]).Dimensions.Count != 1)
        {
            throw new ModelManifestException(file, "outputs.reconstructionMse", "must name an output of shape [batch]");
        }
    }
}
