using System.Numerics.Tensors;

namespace MedPipeline.ModelRunner;

/// <summary>
/// One vector per series for similar-case search: the mean of its frames' embeddings, scaled to unit length so that
/// series of different lengths compare by direction (the Euclidean distance of unit vectors orders like the cosine).
/// </summary>
public static class SeriesEmbedding
{
    /// <summary>Null when no answer carries an embedding (the model has none) or every frame's embedding is zero.</summary>
    public static float[]? Pool(IReadOnlyList<InstanceAnswer> answers)
    {
        float[]? sum = null;
        foreach (var answer in answers)
        {
            if (answer.Embedding is not { } row)
            {
                continue;
            }

            sum ??= new float[row.Length];
            if (row.Length != sum.Length)
            {
                throw new ArgumentException("the frames' embeddings differ in length", nameof(answers));
            }

            TensorPrimitives.Add(sum, row, sum);
        }

        return sum is null ? null : Normalized(sum);
    }

    /// <summary>The vector scaled to unit length; null for a zero vector, which has no direction to compare.</summary>
    public static float[]? Normalized(float[] vector)
    {
        var length = TensorPrimitives.Norm(vector);
        if (!(length > 0) || !float.IsFinite(length))
        {
            return null;
        }

        TensorPrimitives.Divide(vector, length, vector);
        return vector;
    }
}
