namespace MedPipeline.Gateway.Live;

/// <summary>The lower-case words of <see cref="LiveStage"/> at the edge, and the saga's stage names they come from.</summary>
public static class LiveStageWords
{
    public static string Word(this LiveStage stage) => stage switch
    {
        LiveStage.Unpacking => "unpacking",
        LiveStage.Preprocessing => "preprocessing",
        LiveStage.Inference => "inference",
        _ => "callback",
    };

    /// <summary>The read model's stage column (the saga's PascalCase names); null for none or a name this gateway does not know.</summary>
    public static LiveStage? FromSagaStage(string? stage) => stage switch
    {
        "Unpack" => LiveStage.Unpacking,
        "Preprocess" => LiveStage.Preprocessing,
        "Inference" => LiveStage.Inference,
        "Callback" => LiveStage.Callback,
        _ => null,
    };
}
