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
    /// <summary>
    /// The Latin letters of each letter from а (U+0430) to я (U+044F) by Bulgaria's streamlined system (Закон за
    /// транслитерацията, 2009); null for ы and э, which Bulgarian does not have.
    /// </summary>
    private static readonly string?[] Latin =
    [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", null, "y", null, "yu", "ya",
    ];

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

    /// <summary>
    /// Bulgarian Cyrillic in Latin letters by the official streamlined system: "Щерев" → "Shterev", "ЮЛИЯ" → "YULIA",
    /// "ия" at the end of a word → "ia". Capitals stay capitals (a digraph is all capitals inside a word in capitals);
    /// every other character is kept as it is.
    /// </summary>
    public static string ToLatin(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (LatinOf(lower) is not { } letters)
            {
                builder.Append(c);
                continue;
            }

            // "-ия" ends a word as "-ia": Мария → Maria, България → Bulgaria.
            if (lower == 'я' && i > 0 && char.ToLowerInvariant(text[i - 1]) == 'и' && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
            {
                letters = "a";
            }

            if (c == lower)
            {
                builder.Append(letters);
            }
            else if (letters.Length == 1 || InCapitals(text, i))
            {
                builder.Append(letters.ToUpperInvariant());
            }
            else
            {
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The form search tokens are stored and looked up in, so that a word typed in either alphabet meets a name written
    /// in the other: folded text with Bulgarian Cyrillic transliterated (<see cref="ToLatin"/>), and Latin spellings
    /// people use for the same sounds brought together — w → v, x → ks, q → k, c → ts, j → y, tz → ts, and a y after
    /// an i dropped (so Мария, Maria, Mariya and Marija meet). Each character's letters depend only on it and the one
    /// before it, so the key of a word's beginning is the beginning of the word's key: a prefix stays a prefix.
    /// ц and ч become "ts" and "tsh"; the key is for matching, never shown.
    /// </summary>
    /// <param name="folded">Text as <see cref="Fold"/> returns it.</param>
    public static string LatinKey(string folded)
    {
        // A letter becomes at most three (щ → sht, ч → tsh); short words, nearly all of them, are built on the stack.
        var length = folded.Length * 3;
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        var (n, previous) = (0, '\0');
        foreach (var c in folded)
        {
            if (LatinOf(c) is { } letters)
            {
                foreach (var letter in letters)
                {
                    previous = AppendKey(key, ref n, letter, previous);
                }
            }
            else
            {
                previous = AppendKey(key, ref n, c, previous);
            }
        }

        return key[..n].SequenceEqual(folded) ? folded : new string(key[..n]);
    }

    /// <summary>Escapes a folded term for a SQL LIKE pattern with '\' as the escape character.</summary>
    public static string LikeContains(string folded) =>
        "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string? LatinOf(char lower) => lower is >= 'а' and <= 'я' ? Latin[lower - 'а'] : null;

    // Appends the key of one Latin (or other) character and returns what counts as the previous one for the next.
    private static char AppendKey(Span<char> key, ref int n, char c, char previous)
    {
        var letter = c == 'j' ? 'y' : c;
        switch (letter)
        {
            case 'w':
                key[n++] = 'v';
                break;
            case 'x':
                key[n++] = 'k';
                key[n++] = 's';
                break;
            case 'q':
                key[n++] = 'k';
                break;
            case 'c':
                key[n++] = 't';
                key[n++] = 's';
                break;
            case 'y' when previous == 'i':
                break;
            case 'z' when previous == 't':
                key[n++] = 's';
                break;
            default:
                key[n++] = letter;
                break;
        }

        return letter;
    }

    // A capital inside a word written in capitals: ЩЕРЕВ → SHTEREV, but Щерев → Shterev and a lone Щ → Sht.
    private static bool InCapitals(string text, int i)
    {
        var next = i + 1 < text.Length && char.IsLetter(text[i + 1]) ? text[i + 1] : '\0';
        if (next != '\0')
        {
            return char.IsUpper(next);
        }

        return i > 0 && char.IsLetter(text[i - 1]) && char.IsUpper(text[i - 1]);
    }
}
