using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// Where a page of the series listing ends (last change, then correlation id, both descending): keyset paging,
/// so rows changing between two pages neither repeat nor vanish the way offsets would. Opaque to callers.
/// </summary>
public sealed record SeriesCursor(long UpdatedAtMicroseconds, Guid CorrelationId)
{
    private const long MicrosecondsPerTick = 10;

    public static SeriesCursor After(DateTimeOffset updatedAt, Guid correlationId) =>
        new((updatedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / MicrosecondsPerTick, correlationId);

    public DateTimeOffset UpdatedAt => DateTimeOffset.UnixEpoch.AddTicks(UpdatedAtMicroseconds * MicrosecondsPerTick);

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes($"{UpdatedAtMicroseconds.ToString(CultureInfo.InvariantCulture)}.{CorrelationId:N}"));

    public static bool TryDecode(string text, out SeriesCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.ASCII.GetString(WebEncoders.Base64UrlDecode(text)).Split('.');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new SeriesCursor(micros, id);
            }
        }
        catch (FormatException)
        {
            // Not base64url: refused below like any other malformed cursor.
        }

        return cursor is not null;
    }
}
