namespace MedPipeline.Dicom;

/// <summary>How a dataset is encoded, from its Transfer Syntax UID.</summary>
public sealed record TransferSyntax(string Uid, bool ExplicitVr, bool BigEndian, bool Deflated, bool Encapsulated, bool Rle)
{
    public const string ImplicitLittleUid = "1.2.840.10008.1.2";
    public const string ExplicitLittleUid = "1.2.840.10008.1.2.1";
    public const string DeflatedExplicitLittleUid = "1.2.840.10008.1.2.1.99";
    public const string ExplicitBigUid = "1.2.840.10008.1.2.2";
    public const string RleLosslessUid = "1.2.840.10008.1.2.5";

    /// <summary>JPEG family, JPEG-LS, JPEG 2000 and HTJ2K: decoded by a codec process, not here.</summary>
    public static readonly IReadOnlySet<string> CodecUids = new HashSet<string>
    {
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
        "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
    };

    public static readonly TransferSyntax ExplicitLittle = new(ExplicitLittleUid, true, false, false, false, false);

    public static readonly TransferSyntax ImplicitLittle = new(ImplicitLittleUid, false, false, false, false, false);

    public static readonly TransferSyntax ExplicitBig = new(ExplicitBigUid, true, true, false, false, false);

    /// <summary>Null for a UID we cannot parse at all (the dataset encoding itself is unknown).</summary>
    public static TransferSyntax? Parse(string uid) => uid switch
    {
        ImplicitLittleUid => ImplicitLittle,
        ExplicitLittleUid => ExplicitLittle,
        DeflatedExplicitLittleUid => new(uid, true, false, true, false, false),
        ExplicitBigUid => ExplicitBig,
        RleLosslessUid => new(uid, true, false, false, true, true),
        _ when CodecUids.Contains(uid) => new(uid, true, false, false, true, false),
        // Other encapsulated syntaxes (MPEG, JPEG XL...) still parse as explicit little endian.
        _ when uid.StartsWith("1.2.840.10008.1.2.", StringComparison.Ordinal) => new(uid, true, false, false, true, false),
        _ => null,
    };
}
