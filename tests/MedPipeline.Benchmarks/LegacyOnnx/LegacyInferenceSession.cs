using System.Runtime.InteropServices;
using MedPipeline.Onnx;

namespace MedPipeline.Benchmarks.LegacyOnnx;

/// <summary>
/// A loaded ONNX model. Runs are thread-safe and may overlap (ONNX Runtime allows concurrent Run on
/// one session); inputs and caller-supplied outputs are used in place, pinned for the run only.
/// </summary>
public sealed unsafe class LegacyInferenceSession : IDisposable
{
    private readonly SessionHandle _session;

    private LegacyInferenceSession(SessionHandle session)
    {
        _session = session;
        try
        {
            var raw = session.DangerousGetHandle();
            Inputs = SessionMetadataReader.Inputs(raw);
            Outputs = SessionMetadataReader.Outputs(raw);
            session.AddNames(Inputs.Concat(Outputs).Select(t => t.Name));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<TensorMetadata> Inputs { get; }

    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>Opens a model file; a missing or unreadable file is an <see cref="OnnxRuntimeException"/> with ONNX Runtime's code.</summary>
    public static LegacyInferenceSession Open(string path, SessionSettings? settings = null)
    {
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"model file '{path}' does not exist");
        }

        using var options = SessionOptionsFactory.Create(settings ?? new SessionSettings());
        var utf8 = Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            nint session;
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint, nint, nint*, nint>)OrtApi.Fn(OrtApiIndex.CreateSession))(
                OrtEnvironment.Env.DangerousGetHandle(), utf8, options.DangerousGetHandle(), &session));
            return new LegacyInferenceSession(new SessionHandle(session));
        }
        finally
        {
            Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>Opens a model held in memory (ONNX Runtime copies what it needs; the span may be reused afterwards).</summary>
    public static LegacyInferenceSession Open(ReadOnlySpan<byte> model, SessionSettings? settings = null)
    {
        using var options = SessionOptionsFactory.Create(settings ?? new SessionSettings());
        nint session;
        fixed (byte* bytes = model)
        {
            OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)OrtApi.Fn(OrtApiIndex.CreateSessionFromArray))(
                OrtEnvironment.Env.DangerousGetHandle(), bytes, (nuint)model.Length, options.DangerousGetHandle(), &session));
        }

        return new LegacyInferenceSession(new SessionHandle(session));
    }

    /// <summary>Runs the model; ONNX Runtime allocates the outputs, which are copied out.</summary>
    public IReadOnlyList<TensorResult> Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        var names = outputNames ?? [.. Outputs.Select(o => o.Name)];
        var unknown = names.FirstOrDefault(n => Outputs.All(o => o.Name != n));
        if (unknown is not null)
        {
            throw new OnnxInputException($"the model has no output '{unknown}'; its outputs are: {string.Join(", ", Outputs)}");
        }

        var values = new nint[names.Count];
        RunCore(inputs, names, values);

        // Own every output before reading any, so a failed read cannot leak the others.
        var owned = values.Select(v => new OrtHandle(v, OrtApiIndex.ReleaseValue)).ToArray();
        try
        {
            return [.. names.Select((name, i) => OutputReader.Read(name, owned[i].DangerousGetHandle()))];
        }
        finally
        {
            Array.ForEach(owned, o => o.Dispose());
        }
    }

    /// <summary>Runs the model writing into caller-supplied output buffers (fully specified shapes).</summary>
    public void Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<NamedTensor> outputs)
    {
        LegacyInputValidation.Check(outputs, Outputs, "output", requireAll: false);
        var pinned = new List<PinnedTensor>(outputs.Count);
        try
        {
            pinned.AddRange(outputs.Select(PinnedTensor.Create));
            RunCore(inputs, [.. outputs.Select(o => o.Name)], [.. pinned.Select(p => p.Value)]);
        }
        finally
        {
            pinned.ForEach(p => p.Dispose());
        }
    }

    public void Dispose() => _session.Dispose();

    private void RunCore(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string> outputNames, nint[] outputValues)
    {
        LegacyInputValidation.Check(inputs, Inputs, "input", requireAll: true);
        var pinned = new List<PinnedTensor>(inputs.Count);
        var addedRef = false;
        try
        {
            // Throws ObjectDisposedException after Dispose; otherwise keeps the session and its names alive for this run.
            _session.DangerousAddRef(ref addedRef);
            pinned.AddRange(inputs.Select(PinnedTensor.Create));
            var inputNames = inputs.Select(i => _session.Utf8Name(i.Name)).ToArray();
            var inputValues = pinned.Select(p => p.Value).ToArray();
            var outputNamePointers = outputNames.Select(_session.Utf8Name).ToArray();
            fixed (nint* inNames = inputNames, inValues = inputValues, outNames = outputNamePointers, outValues = outputValues)
            {
                OrtApi.Check(((delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)OrtApi.Fn(OrtApiIndex.Run))(
                    _session.DangerousGetHandle(), 0, inNames, inValues, (nuint)inputNames.Length, outNames, (nuint)outputNamePointers.Length, outValues));
            }
        }
        finally
        {
            pinned.ForEach(p => p.Dispose());
            if (addedRef)
            {
                _session.DangerousRelease();
            }
        }
    }
}
