using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

public sealed partial class Journeys
{
    [Fact]
    public async Task An_account_manager_maps_the_columns_of_a_cyrillic_csv_once_and_reuses_the_mapping()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Десислава Петкова "));
        var (_, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var page = await SignInAsync(email);
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        var (first, second) = (NewEik(), NewEik());
        var (north, south) = (app.Unique("Северна Мелница "), app.Unique("Южен Бряг "));

        // An export from an accounting system: Windows-1251, semicolons, column names no mapping knows.
        await UploadAsync(page, $"Контрагент;Рег. номер;Населено място\r\n{north};{first};Русе\r\n{south};{second};Бургас\r\n");
        await Expect(heading).ToHaveTextAsync("Import: Accounts");
        await Expect(page.GetByTestId("errors")).Not.ToHaveTextAsync("0");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);

        await page.GetByLabel("Контрагент").SelectOptionAsync(new SelectOptionValue { Label = "Account name" });
        await page.GetByLabel("Рег. номер").SelectOptionAsync(new SelectOptionValue { Label = "Registration number (EIK)" });
        await page.GetByLabel("Населено място").SelectOptionAsync(new SelectOptionValue { Label = "Region" });
        var mapping = app.Unique("Счетоводство ");
        await page.GetByLabel("Save this mapping as").FillAsync(mapping);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();

        await Expect(page.GetByTestId("created")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("errors")).ToHaveTextAsync("0");
        await WatchProgressAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported:" })).ToHaveTextAsync("Imported: 2 created, 0 updated, 0 unchanged.");

        // On the way the bar came and went, with the rows of the file; the address ends on the result.
        var seen = await page.EvaluateAsync<string[]>("() => window.progressSeen");
        Assert.Contains(seen, s => s.StartsWith("Importing…", StringComparison.Ordinal) && s.EndsWith("of 2 rows (0%)", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/accounts/import\\?kind=Accounts&created=2&updated=0&unchanged=0$"));

        // The next export has the same columns: the saved mapping applies, and a changed town updates the account.
        await UploadAsync(page, $"Контрагент;Рег. номер;Населено място\r\n{north};{first};Велико Търново\r\n{south};{second};Бургас\r\n");
        await page.GetByLabel("Saved mapping").SelectOptionAsync(new SelectOptionValue { Label = mapping });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("updated")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("unchanged")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("created")).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported:" })).ToHaveTextAsync("Imported: 0 created, 1 updated, 1 unchanged.");

        await page.GotoAsync("/accounts?q=" + Uri.EscapeDataString(north.ToUpper(CultureInfo.GetCultureInfo("bg-BG"))));
        await page.GetByRole(AriaRole.Link, new() { Name = north }).ClickAsync();
        await Expect(heading).ToHaveTextAsync(north);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Велико Търново");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(first);
    }

    [Fact]
    public async Task Without_script_an_import_is_sent_as_a_plain_form_and_still_ends_with_its_result()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Тодор Тихов "));
        var (_, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var page = await app.NewPageAsync(javaScript: false);
        await BrowserApp.SignInAsync(page, email);

        await UploadAsync(page, $"Име;ЕИК\r\n{app.Unique("Тиха Фирма ")};{NewEik()}\r\n");
        await Expect(page.GetByTestId("created")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        // The whole import runs before the answer, a redirection to the result: no bar, which would never move.
        await Expect(page).ToHaveURLAsync(new Regex("/accounts/import\\?kind=Accounts&created=1&updated=0&unchanged=0$"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported:" })).ToHaveTextAsync("Imported: 1 created, 0 updated, 0 unchanged.");
    }

    /// <summary>
    /// Notes every state of the import's progress bar from now on ("label | text"), however briefly it is on the
    /// page: a small import is over before an assertion could look.
    /// </summary>
    private static async Task WatchProgressAsync(IPage page) => await page.EvaluateAsync("""
        () => {
            window.progressSeen = [];
            const note = (bar) => window.progressSeen.push(`${bar.labels[0]?.textContent} | ${bar.getAttribute("aria-valuetext")}`);
            new MutationObserver((records) => {
                for (const record of records) {
                    if (record.target instanceof HTMLProgressElement) {
                        note(record.target);
                    }

                    for (const node of record.addedNodes) {
                        if (node instanceof Element) {
                            (node.matches("progress") ? [node] : [...node.querySelectorAll("progress")]).forEach(note);
                        }
                    }
                }
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuetext", "value", "max"] });
        }
        """);

    private static async Task UploadAsync(IPage page, string csv)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await page.GotoAsync("/accounts/import");
        await page.GetByLabel("What the file holds").SelectOptionAsync(new SelectOptionValue { Label = "Accounts" });
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "export.csv",
            MimeType = "text/csv",
            Buffer = Encoding.GetEncoding(1251).GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
    }

    private static string NewEik()
    {
        while (true)
        {
            var digits = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            if (Eik.IsValid(digits))
            {
                return digits;
            }
        }
    }
}
