using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Rapport.Shared;

namespace Rapport.Tests;

/// <summary>Every interface string exists in English and in Bulgarian, with the same placeholders.</summary>
public sealed class TextsTests
{
    /// <summary>Every resource file of the business library: the shared texts and each feature's own.</summary>
    public static TheoryData<string> ResourceFiles()
    {
        var names = typeof(Texts).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith("Texts.resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length]);
        return [.. names];
    }

    [Fact]
    public void Each_feature_s_texts_are_found()
    {
        Assert.Contains("Rapport.Shared.Texts", ResourceFiles().Select(r => r.Data));
        Assert.Contains("Rapport.Deals.DealTexts", ResourceFiles().Select(r => r.Data));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_text_has_a_bulgarian_translation_with_the_same_placeholders(string resource)
    {
        // Sets returned by the resource manager are its cache: read them, never dispose them.
        var resources = new ResourceManager(resource, typeof(Texts).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        var bulgarian = resources.GetResourceSet(CultureInfo.GetCultureInfo("bg"), createIfNotExists: true, tryParents: false)!;
        var problems = new List<string>();
        var count = 0;
        foreach (DictionaryEntry entry in english)
        {
            count++;
            var key = (string)entry.Key;
            var translated = bulgarian.GetString(key);
            if (string.IsNullOrWhiteSpace(translated))
            {
                problems.Add($"{key}: no Bulgarian text");
            }
            else if (!Placeholders((string)entry.Value!).SequenceEqual(Placeholders(translated)))
            {
                problems.Add($"{key}: placeholders differ");
            }
        }

        Assert.True(count > 20, $"The English texts of {resource} were not found.");
        Assert.Empty(problems);
    }

    [Fact]
    public void Texts_follow_the_current_ui_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("bg-BG");
            Assert.Equal("Служители", Texts.EmployeesTitle);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Employees", Texts.EmployeesTitle);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string[] Placeholders(string text) =>
        [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal)];
}
