using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.IntegrationTests;

namespace Rapport.BrowserTests;

/// <summary>
/// The app on Kestrel at a free loopback port, and Debian's Chromium driven by Playwright. Without Chromium the
/// tests skip, unless RAPPORT_REQUIRE_BROWSER=1 (as in CI), where they fail. No browser is ever downloaded.
/// </summary>
public sealed class BrowserApp : SqliteApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("RAPPORT_CHROMIUM") ?? ChromiumPath;
        if (!File.Exists(executable))
        {
            return;
        }

        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Signs the user in on the page (the test users' password) and waits for Home, so that what follows acts on it.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(RapportApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
    }

    /// <summary>A fresh browser context (its own cookies) on a page of the app, in the given language, with or without script.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", bool javaScript = true)
    {
        if (Browser is null)
        {
            var reason = $"Browser tests need Chromium at {ChromiumPath}.";
            if (Environment.GetEnvironmentVariable("RAPPORT_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = locale, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
