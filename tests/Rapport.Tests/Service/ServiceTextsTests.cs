using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Service;

namespace Rapport.Tests.Service;

/// <summary>Every text of the service feature exists in English and in Bulgarian, with the same placeholders.</summary>
public sealed partial class ServiceTextsTests
{
    [Fact]
    public void Every_service_text_has_a_bulgarian_translation_with_the_same_placeholders()
    {
        var resources = ServiceTexts.ResourceManager;
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        var bulgarian = resources.GetResourceSet(CultureInfo.GetCultureInfo("bg"), createIfNotExists: true, tryParents: false)!;
        var missing = new List<string>();
        foreach (DictionaryEntry entry in english)
        {
            var key = (string)entry.Key;
            var bg = bulgarian.GetString(key);
            if (string.IsNullOrWhiteSpace(bg)
                || !Placeholders().Matches((string)entry.Value!).Select(m => m.Value).Order().SequenceEqual(
                    Placeholders().Matches(bg).Select(m => m.Value).Order()))
            {
                missing.Add(key);
            }
        }

        Assert.NotEmpty(english.Cast<DictionaryEntry>());
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholders();
}
