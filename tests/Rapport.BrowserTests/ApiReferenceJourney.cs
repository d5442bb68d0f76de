using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>The API reference at /api in a real browser: what it loads, what it shows, where it leads.</summary>
public sealed class ApiReferenceJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("en-GB", "← Back to Rapport", "Sign in")]
    [InlineData("bg-BG", "← Обратно към Rapport", "Вход")]
    public async Task The_api_reference_loads_only_from_the_app_shows_no_vendor_buttons_and_leads_back(string locale, string back, string signIn)
    {
        var page = await app.NewPageAsync(locale);
        var requests = new ConcurrentQueue<string>();
        // On the context, so that requests of workers and frames are seen too.
        page.Context.Request += (_, request) => requests.Enqueue(request.Url);

        await page.GotoAsync("/api/");
        // The reference is one large script that renders the document once it has read it: on a busy machine, a while.
        await Expect(page.Locator("h1", new() { HasText = "Rapport API" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("Every operation needs a personal API token", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Complementary).GetByText("Accounts", new() { Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("Accounts the caller may see, one keyset page at a time.").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var origin = new Uri(app.BaseUrl).GetLeftPart(UriPartial.Authority) + "/";
        var elsewhere = requests.Distinct()
            .Where(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)
                && !url.StartsWith("blob:", StringComparison.Ordinal))
            .ToList();
        Assert.True(elsewhere.Count == 0, "Requests to other origins:\n" + string.Join("\n", elsewhere));
        Assert.Contains(requests, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));

        foreach (var vendor in new[] { "Ask AI", "Developer Tools", "Configure", "Share", "Generate SDK", "Deploy", "Open API Client" })
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = vendor })).ToHaveCountAsync(0);
        }

        await Expect(page.GetByText("Powered by Scalar")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("a[href*='scalar.com']:visible")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = back }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = signIn })).ToBeVisibleAsync();
        Assert.Equal(origin, page.Url[..origin.Length]);
        Assert.DoesNotContain("/api", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
