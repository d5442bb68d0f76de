using System.Buffers.Text;
using System.Text;

namespace Rapport.Shared;

/// <summary>
/// One page of a keyset-paged list; <see cref="Next"/> is the opaque cursor of the following page and, where a list
/// offers it, <see cref="Previous"/> the cursor to ask for the page before this one.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, string? Previous = null);

/// <summary>
/// A keyset cursor: the sort value and id of the last row shown. Opaque to clients (base64url),
/// so a deep page costs the same as the first one.
/// </summary>
public readonly record struct Cursor(string Key, Guid Id)
{
    public const int MaxPageSize = 200;

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Id:N}{Key}"));

    public static Cursor? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id)
                ? new Cursor(text[32..], id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static int ClampSize(int? size) => Math.Clamp(size ?? 50, 1, MaxPageSize);
}
