using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.ClientBase;
using Rapport.IntegrationTests;
using Rapport.Shared;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

public sealed partial class Journeys
{
    [Fact]
    public async Task A_bulgarian_manager_downloads_the_filtered_account_list_as_csv_and_as_xlsx()
    {
        var email = app.Unique("iznos") + "@test.example";
        var employee = await app.CreateEmployeeAsync(app.Unique("Калина Илиева "), email: email);
        var (userId, login) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var viewer = new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager });
        var tag = app.Unique("izn");
        var eik = RapportApp.NewEik();
        await app.WithServicesAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountHandlers>();
            await accounts.CreateAsync(viewer, new AccountInput
            {
                Name = $"Родопа Мебел {tag}", RegistrationNumber = eik, Domain = tag.ToLowerInvariant() + ".example", Industry = "Мебели",
                Size = SizeSegment.Medium, Region = "Смолян", Status = AccountStatus.Active,
            });
            return await accounts.CreateAsync(viewer, new AccountInput { Name = $"+Плюс {tag}", RegistrationNumber = RapportApp.NewEik() });
        });
        var page = await SignInAsync(login);
        await page.GotoAsync($"/accounts?q={tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Клиенти");

        var csv = await DownloadAsync(page, "Експорт в CSV");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "Име на клиента;ЕИК / БУЛСТАТ;Уеб домейн;Отрасъл;Размер;Регион;Статус на клиента;Имейл на мениджъра на акаунта",
            $"'+Плюс {tag};{lines[1].Split(';')[1]};;;Малък;;Потенциален;{email}",
            $"Родопа Мебел {tag};{eik};{tag.ToLowerInvariant()}.example;Мебели;Среден;Смолян;Активен;{email}",
        ], lines);

        var sheet = ExportedWorkbook.Read(await DownloadAsync(page, "Експорт в XLSX"));
        Assert.Empty(sheet.SchemaErrors);
        Assert.True(sheet.HeaderFrozen);
        Assert.Equal("Клиенти", sheet.SheetName);
        Assert.Equal(lines[0].Split(';'), sheet.Header);
        Assert.Equal([$"Родопа Мебел {tag}", eik, $"{tag.ToLowerInvariant()}.example", "Мебели", "Среден", "Смолян", "Активен", email],
            sheet.Row($"Родопа Мебел {tag}").Select(c => c.Text));
        Assert.Equal("Потенциален", sheet.Row($"'+Плюс {tag}")[6].Text);
    }

    /// <summary>Clicks a download link and returns the file it brings.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
