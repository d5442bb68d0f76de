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
        var eik = RapportApp.NewEik();
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

    [Fact]
    public async Task An_import_sent_by_the_page_script_streams_its_progress_then_its_result()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Streamer "));
        var (_, login) = await app.CreateUserAsync(me, Roles.AccountManager);
        var client = await app.SignedInClientAsync(login);
        var domain = app.Unique("stream").ToLowerInvariant() + ".example";
        var csv = new StringBuilder("Name,Domain\n");
        for (var i = 0; i < 1500; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Поток {i},n{i}.{domain}\n");
        }

        var preview = await UploadAsync(client, "Accounts", csv.ToString());
        var response = await PostFromScriptAsync(client, preview, new()
        {
            ["Fields[0]"] = "AccountName", ["Fields[1]"] = "AccountDomain", ["Action"] = "commit",
        });
        var body = await response.Content.ReadAsStringAsync();

        // The page goes out with the bar, then updates of it with the rows done, then the result, then where to go next.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("ssr-framing"), "Not a streamed response.");
        var bar = body.IndexOf("data-testid=\"import-progress\"", StringComparison.Ordinal);
        var firstUpdate = body.IndexOf("<blazor-ssr>", StringComparison.Ordinal);
        var rows = body.IndexOf("<progress id=\"import-progress\" max=\"1500\" value=\"0\" aria-valuetext=\"0 of 1,500 rows (0%)\"", StringComparison.Ordinal);
        var result = body.IndexOf("Imported: 1500 created, 0 updated, 0 unchanged.", StringComparison.Ordinal);
        var redirection = body.IndexOf("<template type=\"redirection\"", StringComparison.Ordinal);
        Assert.True(bar >= 0 && bar < firstUpdate && firstUpdate < rows && rows < result && result < redirection, body);
        var imported = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Accounts
            .CountAsync(a => a.Domain!.EndsWith("." + domain) && a.OwnerId == me));
        Assert.Equal(1500, imported);
    }

    [Fact]
    public async Task A_check_shows_its_row_errors_after_any_streamed_progress_and_without_script_answers_at_once()
    {
        var (_, login) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(login);
        var preview = await UploadAsync(client, "Contacts", "Name,E-mail,EIK\nBroken,not-an-email,123456789\n");
        var fields = new Dictionary<string, string>
        {
            ["Fields[0]"] = "ContactName", ["Fields[1]"] = "ContactEmail", ["Fields[2]"] = "AccountEik", ["Action"] = "preview",
        };

        // Visiting the page from another one of the app checks the file as checking again does.
        using var visit = new HttpRequestMessage(HttpMethod.Get, preview);
        visit.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        foreach (var streamed in new[]
        {
            await (await client.SendAsync(visit)).Content.ReadAsStringAsync(),
            await (await PostFromScriptAsync(client, preview, fields)).Content.ReadAsStringAsync(),
        })
        {
            var bar = streamed.IndexOf("data-testid=\"import-progress\"", StringComparison.Ordinal);
            var firstUpdate = streamed.IndexOf("<blazor-ssr>", StringComparison.Ordinal);
            var errors = streamed.IndexOf("data-testid=\"import-errors\"", StringComparison.Ordinal);
            // A one-row check may finish before the response's first flush; then the outcome is in the page itself.
            // When it streams, the bar comes first and the errors in an update after it.
            Assert.True(errors >= 0, streamed);
            Assert.True(firstUpdate < 0 || (bar >= 0 && bar < firstUpdate && firstUpdate < errors), streamed);
            Assert.Contains("data-testid=\"errors\">2<", streamed, StringComparison.Ordinal);
            Assert.DoesNotContain("type=\"redirection\"", streamed, StringComparison.Ordinal);
        }

        // A browser without script posts the form itself: it would never apply streamed updates, so none are sent.
        var plain = await (await RapportApp.PostFormAsync(client, preview, "import-map", fields)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"import-errors\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<blazor-ssr>", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"import-progress\"", plain, StringComparison.Ordinal);
    }

    /// <summary>Posts the mapping form of an import as the page's script does with an enhanced form: the response may stream.</summary>
    private static async Task<HttpResponseMessage> PostFromScriptAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            ["_handler"] = "import-map",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        return await client.SendAsync(request);
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class ImportPagesOnSqlite(SqliteApp app) : ImportPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ImportPagesOnPostgres(PostgresApp app) : ImportPagesTests(app), IClassFixture<PostgresApp>;
