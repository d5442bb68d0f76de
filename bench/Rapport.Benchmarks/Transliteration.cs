using System.Text;

namespace Rapport.Benchmarks;

/// <summary>
/// Bulgarian Cyrillic in Latin letters by the official streamlined system (Иван Цветков → Ivan Tsvetkov), the way
/// people spell their names in e-mail addresses and companies their domains.
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p",
        ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "h", ['ц'] = "ts", ['ч'] = "ch",
        ['ш'] = "sh", ['щ'] = "sht", ['ъ'] = "a", ['ь'] = "y", ['ю'] = "yu", ['я'] = "ya",
    };

    public static string ToLatin(string text)
    {
        var latin = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (!Letters.TryGetValue(lower, out var letters))
            {
                latin.Append(c);
            }
            else if (c == lower)
            {
                latin.Append(letters);
            }
            else
            {
                latin.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return latin.ToString();
    }

    /// <summary>Lower-case ASCII letters and digits only, for the local part of an e-mail address or a domain label.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in ToLatin(text).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
        }

        return slug.ToString();
    }
}
