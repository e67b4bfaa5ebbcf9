namespace MedPipeline.Gateway.Live;

/// <summary>The stages live progress names, in the order a series goes through them.</summary>
public enum LiveStage
{
    Unpacking,
    Preprocessing,
    Inference,
    Callback,
}
