using System.Globalization;
using Rapport.Identity;

namespace Rapport.Web;

/// <summary>The cultures behind the interface languages: dates and numbers as in the UK and in Bulgaria.</summary>
internal static class Localization
{
    public static readonly string[] Cultures = ["en-GB", "bg-BG"];

    public static string CultureOf(string language) =>
        Languages.Normalize(language) == Languages.Bulgarian ? "bg-BG" : "en-GB";

    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Languages.Bulgarian ? Languages.Bulgarian : Languages.English;
}
