using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rapport.IntegrationTests;

/// <summary>
/// The API reference page at /api names only what the app serves, turns off the vendor's fonts, telemetry, toolbar and
/// buttons, and links back to the app in the reader's language. (The browser test records what the page then loads.)
/// </summary>
public abstract partial class ApiReferenceTests(RapportApp app)
{
    private async Task<string> PageAsync(string language)
    {
        app.EnsureAvailable();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync("/api/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_page_references_only_what_the_app_serves()
    {
        var html = await PageAsync("en-GB");
        var client = app.CreateClient();

        var references = Reference().Matches(html).Select(m => m.Groups[2].Value).ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.DoesNotMatch(Foreign(), reference);
            if (!reference.StartsWith('/'))
            {
                var served = await client.GetAsync("/api/" + reference);
                Assert.True(served.IsSuccessStatusCode, $"{reference} answered {(int)served.StatusCode}");
            }
        }

        var configuration = Configuration(html);
        foreach (var source in configuration.GetProperty("sources").EnumerateArray())
        {
            Assert.DoesNotMatch(Foreign(), source.GetProperty("url").GetString()!);
        }

        Assert.DoesNotMatch(Foreign(), configuration.GetProperty("favicon").GetString()!);
        Assert.False(configuration.TryGetProperty("proxyUrl", out _), "API calls from the page would go through someone else's proxy.");
    }

    [Fact]
    public async Task The_vendor_fonts_telemetry_toolbar_and_buttons_are_off()
    {
        var configuration = Configuration(await PageAsync("en-GB"));

        Assert.False(configuration.GetProperty("withDefaultFonts").GetBoolean());
        Assert.False(configuration.GetProperty("telemetry").GetBoolean());
        Assert.Equal("never", configuration.GetProperty("showDeveloperTools").GetString());
        Assert.True(configuration.GetProperty("hideClientButton").GetBoolean());
        Assert.True(configuration.GetProperty("agent").GetProperty("disabled").GetBoolean());
        Assert.True(configuration.GetProperty("mcp").GetProperty("disabled").GetBoolean());
        Assert.Contains("a[href^=\"https://scalar.com\"]", configuration.GetProperty("customCss").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "← Back to Rapport")]
    [InlineData("bg-BG", "← Обратно към Rapport")]
    public async Task The_page_links_back_to_the_app_in_the_readers_language(string language, string text)
    {
        var html = await PageAsync(language);

        Assert.Contains($"<a href=\"/\">{text}</a>", html, StringComparison.Ordinal);
    }

    private static JsonElement Configuration(string html)
    {
        var json = ConfigurationObject().Match(html);
        Assert.True(json.Success, "The page's configuration was not found.");
        return JsonDocument.Parse(json.Groups[1].Value).RootElement;
    }

    [GeneratedRegex("""\b(src|href)\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex("^(?:[a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex Foreign();

    [GeneratedRegex(@"initialize\(\s*'[^']*',\s*\w+,\s*(\{.*\}),\s*'[^']*'\)", RegexOptions.Singleline)]
    private static partial Regex ConfigurationObject();
}

public sealed class ApiReferenceOnSqlite(SqliteApp app) : ApiReferenceTests(app), IClassFixture<SqliteApp>;

public sealed class ApiReferenceOnPostgres(PostgresApp app) : ApiReferenceTests(app), IClassFixture<PostgresApp>;
