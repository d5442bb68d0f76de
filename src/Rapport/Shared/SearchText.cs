using System.Globalization;
using System.Text;

namespace Rapport.Shared;

/// <summary>
/// Folds text into the form stored in search columns: lower case by invariant rules (Latin and Cyrillic alike)
/// and without diacritics, so that "IVAN", "Iván" and "ivan" meet, and so do "ИВАН" and "иван".
/// Done in .NET rather than in SQL because SQLite's LOWER() folds only ASCII.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                // Keep the breve of "й" (и + U+0306): in Bulgarian it is a letter of its own, not an accent.
                if (c == '\u0306' && builder.Length > 0 && builder[^1] is 'и')
                {
                    builder[^1] = 'й';
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Escapes a folded term for a SQL LIKE pattern with '\' as the escape character.</summary>
    public static string LikeContains(string folded) =>
        "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
