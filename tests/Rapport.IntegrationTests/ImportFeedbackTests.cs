using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Rapport.ClientBase.Import;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// What the import page tells a user, in both languages: every error of a row, unknown values with the known ones,
/// a file that is not text, the templates, and the rows in error as a file to correct and import again.
/// </summary>
public abstract partial class ImportFeedbackTests(RapportApp app)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private async Task<(HttpClient Client, string Email)> ManagerAsync(string language)
    {
        var email = app.Unique("feedback") + "@test.example";
        var employee = await app.CreateEmployeeAsync(app.Unique("Feedback "), email: email);
        var (_, login) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var client = await app.SignedInClientAsync(login);
        if (language != "en")
        {
            await RapportApp.PostFormAsync(client, "/", null, new() { ["language"] = language, ["returnUrl"] = "/" }, action: "/culture");
        }

        return (client, email);
    }

    /// <summary>The rows of the preview's error table: row, column and problem, as the page shows them.</summary>
    private static async Task<List<(string Row, string Column, string Problem)>> ErrorsAsync(HttpClient client, string preview)
    {
        var html = await client.GetStringAsync(preview);
        var table = html.IndexOf("data-testid=\"import-errors\"", StringComparison.Ordinal);
        Assert.True(table >= 0, html);
        return [.. ErrorRow().Matches(html[table..]).Select(m =>
            (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value), WebUtility.HtmlDecode(m.Groups[3].Value)))];
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public async Task A_row_with_a_bad_eik_and_an_unknown_owner_shows_both(string language)
    {
        var (client, _) = await ManagerAsync(language);
        var preview = await ImportUploads.UploadAsync(client, "Accounts",
            Encoding.UTF8.GetBytes("Name,EIK,Owner,Size\nДвойна грешка,123456789,nobody@nowhere.example,Huge\n"));

        var errors = await ErrorsAsync(client, preview);

        var bg = language == "bg";
        Assert.Equal(
        [
            ("2", "EIK", bg ? "Това не е валиден ЕИК/БУЛСТАТ: нужни са 9 или 13 цифри с вярна контролна цифра."
                : "This is not a valid EIK/BULSTAT: it needs 9 or 13 digits with a correct check digit."),
            ("2", "Size", bg ? "Непознат размер «Huge». Познати: Микро, Малък, Среден, Голям." : "Unknown size \"Huge\". Known: Micro, Small, Medium, Large."),
            ("2", "Owner", bg ? "Няма активен служител с имейл nobody@nowhere.example." : "No active employee has the e-mail nobody@nowhere.example."),
        ], errors.OrderBy(e => e.Column == "Owner").ToList());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public async Task An_unknown_buying_role_is_listed_with_the_known_ones_in_the_readers_language(string language)
    {
        var (client, _) = await ManagerAsync(language);
        var preview = await ImportUploads.UploadAsync(client, "Contacts",
            Encoding.UTF8.GetBytes("Name;E-mail;Role;Company\nИван Шефов;ivan@shef.example;Шеф;Няма такава фирма\n"));

        var errors = await ErrorsAsync(client, preview);

        var role = Assert.Single(errors, e => e.Column == "Role");
        Assert.StartsWith(language == "bg"
            ? "Непозната роля в покупката «Шеф». Познати: Лице, вземащо решения, Подписващо лице, "
            : "Unknown buying role \"Шеф\". Known: Decision-maker, Signatory, ", role.Problem, StringComparison.Ordinal);
        Assert.Contains(errors, e => e.Column == "Company" && e.Problem == (language == "bg" ? "Няма такъв клиент." : "No account matches."));
    }

    public static TheoryData<string, byte[]> NotText => new()
    {
        { "a PNG image", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'] },
        { "a file with NUL bytes", Encoding.Unicode.GetBytes("Name,EIK\nИме,121212121\n") },
        { "invalid in UTF-8 and in Windows-1251", [(byte)'N', (byte)'a', (byte)'m', (byte)'e', (byte)'\n', 0xC8, 0x98, 0xE5, (byte)'\n'] },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task A_file_that_is_not_text_is_refused_at_upload_before_any_mapping(string what, byte[] content)
    {
        var (client, _) = await ManagerAsync("bg");

        var response = await ImportUploads.PostAsync(client, "Accounts", content, "data.csv");

        Assert.True(response.StatusCode == HttpStatusCode.OK, what);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Това не е CSV файл: съдържа байтове, каквито текстът няма", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Импортира се в", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_is_refused_with_how_to_save_it_as_csv()
    {
        var (client, _) = await ManagerAsync("en");
        var workbook = await (await client.GetAsync("/accounts/export.xlsx")).Content.ReadAsByteArrayAsync();

        var response = await ImportUploads.PostAsync(client, "Accounts", workbook, "clients.xlsx");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This is a spreadsheet workbook or another archive, not a CSV file. Open it in the spreadsheet, save it as \"CSV UTF-8\"",
            html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "accounts", "Account name,Registration number (EIK),Web domain,Industry,Size,Region,Account status,Account manager's e-mail")]
    [InlineData("bg", "accounts", "Име на клиента;ЕИК / БУЛСТАТ;Уеб домейн;Отрасъл;Размер;Регион;Статус на клиента;Имейл на мениджъра на акаунта")]
    [InlineData("en", "contacts", "Full name,E-mails,Phones,Job title,Buying role,Account's EIK,Account's web domain,Account name")]
    [InlineData("bg", "contacts", "Име и фамилия;Имейли;Телефони;Длъжност;Роля в покупката;ЕИК на клиента;Уеб домейн на клиента;Име на клиента")]
    [InlineData("en", "interactions", "Account's EIK,Account's web domain,Kind,Date,Subject,Outcome,Contact's e-mail,Our employee's e-mail")]
    [InlineData("bg", "interactions", "ЕИК на клиента;Уеб домейн на клиента;Вид;Дата;Тема;Резултат;Имейл на контакта;Имейл на наш служител")]
    public async Task A_template_has_the_header_the_import_maps_by_itself_and_an_example_row(string language, string kind, string header)
    {
        var (client, _) = await ManagerAsync(language);
        Assert.Contains($"href=\"/accounts/import/templates/{kind}.csv\"", await client.GetStringAsync("/accounts/import"), StringComparison.Ordinal);

        var response = await client.GetAsync($"/accounts/import/templates/{kind}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Bom, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.Equal(2, lines.Length);
        var example = (language, kind) switch
        {
            ("bg", "interactions") => "Подновяване на годишния договор",
            (_, "interactions") => "Renewal of the annual contract",
            ("bg", _) => "Тракия Трейд ООД",
            _ => "Trakia Trade Ltd",
        };
        Assert.Contains(example, lines[1], StringComparison.Ordinal);

        // Every column maps by itself: the preview asks for no mapping, and what is left are the example's own errors.
        var preview = await ImportUploads.UploadAsync(client, Enum.Parse<ImportKind>(kind, ignoreCase: true).ToString(), bytes);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        Assert.Equal(8, SelectedField().Count(html));
        Assert.DoesNotContain(language == "bg" ? "Съпоставете колона" : "Map a column", html, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "bg" ? "Непознат" : "Unknown ", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public async Task The_rows_in_error_download_with_their_errors_to_correct_and_import_again(string language)
    {
        var (client, email) = await ManagerAsync(language);
        var tag = app.Unique("fix");
        var (good, bad) = (RapportApp.NewEik(), RapportApp.NewEik());
        var csv = $"Name;EIK;Owner;Size\nДобър {tag};{good};{email};Малък\nЛош {tag};123;nobody@nowhere.example;Малък\n"
            + $"Размер {tag};;;Огромен\n";
        var preview = await ImportUploads.UploadAsync(client, "Accounts", Encoding.UTF8.GetBytes(csv));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        var link = DownloadLink().Match(page);
        Assert.True(link.Success, page);

        var response = await client.GetAsync(link.Groups[1].Value);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Bom, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var bg = language == "bg";
        var s = bg ? ";" : ",";
        Assert.Equal(string.Join(s, "Name", "EIK", "Owner", "Size", bg ? "Грешки" : "Errors"), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Join(s, $"Лош {tag}", "123", "nobody@nowhere.example", "Малък",
            bg ? "EIK: Това не е валиден ЕИК/БУЛСТАТ: нужни са 9 или 13 цифри с вярна контролна цифра. | Owner: Няма активен служител с имейл nobody@nowhere.example."
                : "EIK: This is not a valid EIK/BULSTAT: it needs 9 or 13 digits with a correct check digit. | Owner: No active employee has the e-mail nobody@nowhere.example."),
            lines[1]);
        Assert.StartsWith(string.Join(s, $"Размер {tag}", "", "", "Огромен", ""), lines[2], StringComparison.Ordinal);
        Assert.Contains(bg ? "«Огромен»" : "\"\"Огромен\"\"", lines[2], StringComparison.Ordinal);

        // Corrected where the errors say, with the errors' column left in, the file imports.
        var corrected = string.Join("\r\n",
            lines[0],
            string.Join(s, $"Лош {tag}", bad, email, "Малък", "x"),
            string.Join(s, $"Размер {tag}", RapportApp.NewEik(), email, "Голям", "x")) + "\r\n";
        var again = await ImportUploads.UploadAsync(client, "Accounts", [.. Bom, .. Encoding.UTF8.GetBytes(corrected)]);
        var html = await client.GetStringAsync(again);
        Assert.Contains("data-testid=\"errors\">0<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"created\">2<", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr><td class=\"num\">([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>")]
    private static partial Regex ErrorRow();

    [GeneratedRegex("<option value=\"[A-Za-z]+\" selected>")]
    private static partial Regex SelectedField();

    [GeneratedRegex("href=\"(/accounts/import/[0-9a-f]{32}/errors\\.csv\\?[^\"]+)\"")]
    private static partial Regex DownloadLink();
}

public sealed class ImportFeedbackOnSqlite(SqliteApp app) : ImportFeedbackTests(app), IClassFixture<SqliteApp>;

public sealed class ImportFeedbackOnPostgres(PostgresApp app) : ImportFeedbackTests(app), IClassFixture<PostgresApp>;
