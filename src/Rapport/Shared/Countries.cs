using System.Collections.Concurrent;
using System.Globalization;

namespace Rapport.Shared;

/// <summary>
/// ISO 3166-1 alpha-2 countries and their names in the reader's language. The names come from the ICU data the
/// runtime already carries: the region part of a culture's localised display name ("английски (Германия)").
/// </summary>
public static class Countries
{
    /// <summary>Every region the runtime knows a culture for: the countries and territories people register in.</summary>
    public static readonly IReadOnlySet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => RegionOf(c.Name)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Country>> Pickers = new(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The country's name in the current UI language, or the code itself for one the runtime does not know.</summary>
    public static string NameOf(string code)
    {
        if (!IsKnown(code))
        {
            return code;
        }

        // "en-DE" is only a carrier: its display name is "<language> (<region>)" in the reader's language.
        var name = CultureInfo.GetCultureInfo("en-" + code).DisplayName;
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return open >= 0 && name.EndsWith(')') ? name[(open + 2)..^1] : new RegionInfo(code).EnglishName;
    }

    /// <summary>All countries by name in the reader's language, for a picker.</summary>
    public static IReadOnlyList<Country> ForPicker() =>
        Pickers.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
        {
            var comparer = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
            return [.. Codes.Select(c => new Country(c, NameOf(c))).OrderBy(c => c.Name, comparer)];
        });

    private static string? RegionOf(string culture)
    {
        try
        {
            var code = new RegionInfo(culture).TwoLetterISORegionName;
            return code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) ? code : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>A country of the picker: its ISO code and its name in the reader's language.</summary>
public sealed record Country(string Code, string Name);
