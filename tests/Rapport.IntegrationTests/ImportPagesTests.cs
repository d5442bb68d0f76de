using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>The import pages through HTTP, as a browser without script would use them.</summary>
public abstract partial class ImportPagesTests(RapportApp app)
{
    [Fact]
    public async Task A_file_is_uploaded_previewed_imported_and_its_mapping_saved()
    {
        var email = app.Unique("importer") + "@test.example";
        var me = await app.CreateEmployeeAsync(app.Unique("Importer "), email: email);
        var (_, login) = await app.CreateUserAsync(me, Roles.AccountManager);
        var client = await app.SignedInClientAsync(login);
        var eik = NewEik();
        var name = app.Unique("Страница ");

        var preview = await UploadAsync(client, "Accounts", $"Име;ЕИК;Отрасъл;Бележка\n{name};{eik};Търговия;x\n");
        Assert.Matches("^/accounts/import/[0-9a-f]{32}\\?kind=Accounts$", preview);
        var html = await client.GetStringAsync(preview);
        Assert.Contains("data-testid=\"created\">1<", html, StringComparison.Ordinal);
        Assert.Contains("value=\"commit\"", html, StringComparison.Ordinal);
        Assert.Contains("data-busy-commit=", html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);

        var mapping = app.Unique("Page mapping ");
        var committed = await RapportApp.PostFormAsync(client, preview, "import-map", new()
        {
            ["Fields[0]"] = "AccountName", ["Fields[1]"] = "AccountEik", ["Fields[2]"] = "Industry", ["Fields[3]"] = "",
            ["SaveAs"] = mapping, ["Action"] = "commit",
        });

        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        Assert.Equal("/accounts/import?kind=Accounts&created=1&updated=0&unchanged=0", committed.Headers.Location!.PathAndQuery);
        var account = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Accounts.SingleAsync(a => a.RegistrationNumber == eik));
        Assert.Equal((name, "Търговия", me), (account.Name, account.Industry, account.OwnerId));
        Assert.Contains(Texts.ImportUploadExpired, await client.GetStringAsync(preview), StringComparison.Ordinal);
        Assert.Contains(mapping, await client.GetStringAsync("/accounts/import/mappings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_errors_are_listed_and_no_import_button_is_offered()
    {
        var (_, login) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(login);

        var preview = await UploadAsync(client, "Contacts", "Name,E-mail,EIK\nBroken,not-an-email,123456789\n");
        var html = await client.GetStringAsync(preview);

        Assert.Contains("data-testid=\"import-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"errors\">2<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"commit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_else_can_open_an_upload()
    {
        var (_, first) = await app.CreateUserAsync(null, Roles.Administrator);
        var (_, second) = await app.CreateUserAsync(null, Roles.Administrator);
        var preview = await UploadAsync(await app.SignedInClientAsync(first), "Accounts", "Name,EIK\nSecret,121212121\n");

        var html = await (await app.SignedInClientAsync(second)).GetStringAsync(preview);

        Assert.Contains(Texts.ImportUploadExpired, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", html, StringComparison.Ordinal);
    }

    /// <summary>Posts the upload form with a file, as a browser would, and returns where it redirects.</summary>
    private static async Task<string> UploadAsync(HttpClient client, string kind, string csv)
    {
        var page = await client.GetStringAsync("/accounts/import");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import-upload"), "_handler" },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", "import.csv");

        var response = await client.PostAsync("/accounts/import", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.PathAndQuery;
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class ImportPagesOnSqlite(SqliteApp app) : ImportPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ImportPagesOnPostgres(PostgresApp app) : ImportPagesTests(app), IClassFixture<PostgresApp>;
