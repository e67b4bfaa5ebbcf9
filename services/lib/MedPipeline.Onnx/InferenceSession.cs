using Ort = Microsoft.ML.OnnxRuntime;

namespace MedPipeline.Onnx;

/// <summary>
/// A loaded ONNX model, run by Microsoft.ML.OnnxRuntime. Runs are thread-safe and may overlap (ONNX
/// Runtime allows concurrent Run on one session); inputs and caller-supplied outputs are used in place
/// (OrtValues over the caller's memory, pinned for the run only). Errors leave as our typed exceptions.
/// </summary>
public sealed class InferenceSession : IDisposable
{
    private readonly Ort.InferenceSession _session;
    private readonly Ort.RunOptions _runOptions;
    private readonly SessionLifetime _lifetime;
    private readonly string[] _outputNames;

    private InferenceSession(Ort.InferenceSession session)
    {
        _session = session;
        _runOptions = new Ort.RunOptions();
        _lifetime = new SessionLifetime(ReleaseNative);
        Inputs = SessionMetadata.Describe(session.InputNames, session.InputMetadata);
        Outputs = SessionMetadata.Describe(session.OutputNames, session.OutputMetadata);
        _outputNames = [.. Outputs.Select(o => o.Name)];
    }

    public IReadOnlyList<TensorMetadata> Inputs { get; }

    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>Opens a model file; a missing or unreadable file is an <see cref="OnnxRuntimeException"/> with ONNX Runtime's code.</summary>
    public static InferenceSession Open(string path, SessionSettings? settings = null)
    {
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"model file '{path}' does not exist");
        }

        return Create(options => new Ort.InferenceSession(path, options), settings);
    }

    /// <summary>Opens a model held in memory (ONNX Runtime copies what it needs; the span may be reused afterwards).</summary>
    public static InferenceSession Open(ReadOnlySpan<byte> model, SessionSettings? settings = null)
    {
        var bytes = model.ToArray();
        return Create(options => new Ort.InferenceSession(bytes, options), settings);
    }

    /// <summary>Runs the model; ONNX Runtime allocates the outputs, which are copied out.</summary>
    public IReadOnlyList<TensorResult> Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        var names = outputNames ?? _outputNames;
        var unknown = names.FirstOrDefault(n => Outputs.All(o => o.Name != n));
        if (unknown is not null)
        {
            throw new OnnxInputException($"the model has no output '{unknown}'; its outputs are: {string.Join(", ", Outputs)}");
        }

        InputValidation.Check(inputs, Inputs, "input", requireAll: true);
        _lifetime.Enter();
        try
        {
            using var inputValues = CallerTensors.Over(inputs);
            using var outputValues = _session.Run(_runOptions, inputValues.Names, inputValues.Values, names);
            return [.. names.Zip(outputValues, OutputCopy.Read)];
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.Translate(e, duringRun: true);
        }
        finally
        {
            _lifetime.Exit();
        }
    }

    /// <summary>Runs the model writing into caller-supplied output buffers (fully specified shapes).</summary>
    public void Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<NamedTensor> outputs)
    {
        InputValidation.Check(outputs, Outputs, "output", requireAll: false);
        InputValidation.Check(inputs, Inputs, "input", requireAll: true);
        _lifetime.Enter();
        try
        {
            using var inputValues = CallerTensors.Over(inputs);
            using var outputValues = CallerTensors.Over(outputs);
            _session.Run(_runOptions, inputValues.Names, inputValues.Values, outputValues.Names, outputValues.Values);
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.Translate(e, duringRun: true);
        }
        finally
        {
            _lifetime.Exit();
        }
    }

    /// <summary>Later runs throw <see cref="ObjectDisposedException"/>; the native session goes once the runs in flight have ended.</summary>
    public void Dispose() => _lifetime.Close();

    private static InferenceSession Create(Func<Ort.SessionOptions, Ort.InferenceSession> open, SessionSettings? settings)
    {
        using var options = SessionOptionsFactory.Create(settings ?? new SessionSettings());
        Ort.InferenceSession session;
        try
        {
            session = open(options);
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.Translate(e);
        }

        try
        {
            return new InferenceSession(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private void ReleaseNative()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
