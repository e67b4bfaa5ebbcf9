using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>OrtValues over the callers' float buffers (no copy; each buffer is pinned until disposed), with their names.</summary>
internal sealed class CallerTensors : IDisposable
{
    private CallerTensors(int count)
    {
        Names = new string[count];
        Values = new Ort.OrtValue[count];
    }

    public string[] Names { get; }

    public Ort.OrtValue[] Values { get; }

    /// <summary>Tensors already checked by <see cref="InputValidation"/>: each buffer holds at least its shape's element count.</summary>
    public static CallerTensors Over(IReadOnlyList<NamedTensor> tensors)
    {
        var created = new CallerTensors(tensors.Count);
        try
        {
            for (var i = 0; i < tensors.Count; i++)
            {
                var tensor = tensors[i];
                created.Names[i] = tensor.Name;
                created.Values[i] = Ort.OrtValue.CreateTensorValueFromMemory(
                    Ort.OrtMemoryInfo.DefaultInstance, tensor.Data[..(int)tensor.ElementCount], tensor.Shape as long[] ?? [.. tensor.Shape]);
            }

            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var value in Values)
        {
            value?.Dispose();
        }
    }
}
