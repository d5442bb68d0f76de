using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>The exports of the lists through HTTP, in both languages, as a spreadsheet and the import read them.</summary>
public abstract partial class ExportsTests(RapportApp app)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private sealed record Manager(Guid EmployeeId, string Email, string Login, Viewer Viewer);

    private async Task<Manager> ManagerAsync(string name)
    {
        var email = app.Unique("owner") + "@test.example";
        var employee = await app.CreateEmployeeAsync(app.Unique(name), email: email);
        var (userId, login) = await app.CreateUserAsync(employee, Roles.AccountManager);
        return new Manager(employee, email, login, new Viewer(userId, employee, new HashSet<string> { Roles.AccountManager }));
    }

    private Task<Guid> CreateAccountAsync(Manager owner, AccountInput input) =>
        app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AccountHandlers>().CreateAsync(owner.Viewer, input);
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });

    private async Task<HttpClient> SignInAsync(string login, string language)
    {
        var client = await app.SignedInClientAsync(login);
        if (language != "en")
        {
            await RapportApp.PostFormAsync(client, "/", null, new() { ["language"] = language, ["returnUrl"] = "/" }, action: "/culture");
        }

        return client;
    }

    /// <summary>A download: its bytes, after checking it is one.</summary>
    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A CSV download's lines, after checking it starts with the byte-order mark that makes Excel read UTF-8.</summary>
    private static async Task<string[]> CsvAsync(HttpClient client, string url)
    {
        var bytes = await DownloadAsync(client, url, "text/csv");
        Assert.Equal(Bom, bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Separator(string language) => language == "bg" ? ";" : ",";

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public async Task The_account_export_has_the_columns_of_the_import_and_imports_again_into_the_same_accounts(string language)
    {
        var me = await ManagerAsync("Exporter ");
        var other = await ManagerAsync("Someone ");
        var tag = app.Unique("rt");
        var (eik, domain) = (RapportApp.NewEik(), tag.ToLowerInvariant() + ".example");
        var first = $"Тракия {tag}";
        await CreateAccountAsync(me, new AccountInput
        {
            Name = first, RegistrationNumber = eik, Domain = domain, Industry = "Търговия", Size = SizeSegment.Medium,
            Region = "Пловдив", Status = AccountStatus.Active,
        });
        await CreateAccountAsync(me, new AccountInput
        {
            Name = $"=SUM(1,2) {tag}", Domain = "sum." + domain, Size = SizeSegment.Micro, Status = AccountStatus.Former,
        });
        await CreateAccountAsync(me, new AccountInput
        {
            Name = $"Клиент; \"Кавички\" {tag}", RegistrationNumber = RapportApp.NewEik(), Size = SizeSegment.Large,
        });
        await CreateAccountAsync(other, new AccountInput { Name = $"Чужд {tag}", RegistrationNumber = RapportApp.NewEik() });
        var client = await SignInAsync(me.Login, language);

        var lines = await CsvAsync(client, $"/accounts/export.csv?q={tag}&status=&segment=&owner=&team=");

        var s = Separator(language);
        Assert.Equal(language == "bg"
            ? "Име на клиента;ЕИК / БУЛСТАТ;Уеб домейн;Отрасъл;Размер;Регион;Статус на клиента;Имейл на мениджъра на акаунта"
            : "Account name,Registration number (EIK),Web domain,Industry,Size,Region,Account status,Account manager's e-mail",
            lines[0]);
        Assert.Equal(4, lines.Length);
        var (medium, active, micro, former) = language == "bg" ? ("Среден", "Активен", "Микро", "Бивш") : ("Medium", "Active", "Micro", "Former");
        Assert.Contains(string.Join(s, first, eik, domain, "Търговия", medium, "Пловдив", active, me.Email), lines);
        Assert.Contains(lines, l => l.StartsWith($"\"'=SUM(1,2) {tag}\"{s}", StringComparison.Ordinal)
            && l.Contains(s + micro + s, StringComparison.Ordinal) && l.Contains(s + former + s, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"\"Клиент; \"\"Кавички\"\" {tag}\"{s}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Чужд", StringComparison.Ordinal));

        // The file goes back in as it came out: every row finds its account and changes nothing.
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        var preview = await ImportUploads.UploadAsync(client, "Accounts", [.. Bom, .. bytes]);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(preview));
        Assert.Contains("data-testid=\"errors\">0<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"created\">0<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"updated\">0<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unchanged\">3<", html, StringComparison.Ordinal);
        var committed = await RapportApp.PostFormAsync(client, preview, "import-map", new()
        {
            ["Fields[0]"] = "AccountName", ["Fields[1]"] = "AccountEik", ["Fields[2]"] = "AccountDomain", ["Fields[3]"] = "Industry",
            ["Fields[4]"] = "Size", ["Fields[5]"] = "Region", ["Fields[6]"] = "AccountStatus", ["Fields[7]"] = "OwnerEmail",
            ["Action"] = "commit",
        });
        Assert.Equal("/accounts/import?kind=Accounts&created=0&updated=0&unchanged=3", committed.Headers.Location!.PathAndQuery);
        var accounts = await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Accounts.AsNoTracking()
            .Where(a => a.Name.EndsWith(tag)).Select(a => new { a.Name, a.Version }).ToListAsync());
        Assert.Equal(4, accounts.Count);
        Assert.Contains(accounts, a => a.Name == $"=SUM(1,2) {tag}");
    }

    [Fact]
    public async Task The_xlsx_export_of_accounts_has_typed_text_a_frozen_header_and_only_the_viewers_accounts()
    {
        var me = await ManagerAsync("Sheet ");
        var other = await ManagerAsync("Not mine ");
        var tag = app.Unique("xl");
        var eik = LeadingZeroEik();
        await CreateAccountAsync(me, new AccountInput { Name = $"Лист {tag}", RegistrationNumber = eik });
        await CreateAccountAsync(me, new AccountInput { Name = $"@cmd {tag}", Domain = tag.ToLowerInvariant() + ".example", Size = SizeSegment.Large });
        await CreateAccountAsync(other, new AccountInput { Name = $"Чужд лист {tag}", RegistrationNumber = RapportApp.NewEik() });
        var client = await SignInAsync(me.Login, "bg");

        var sheet = ExportedWorkbook.Read(await DownloadAsync(client, $"/accounts/export.xlsx?q={tag}&desc=true", Xlsx()));

        Assert.Empty(sheet.SchemaErrors);
        Assert.Equal("Клиенти", sheet.SheetName);
        Assert.True(sheet.HeaderFrozen);
        Assert.Equal(["Име на клиента", "ЕИК / БУЛСТАТ", "Уеб домейн", "Отрасъл", "Размер", "Регион", "Статус на клиента",
            "Имейл на мениджъра на акаунта"], sheet.Header);
        Assert.Equal([$"Лист {tag}", $"'@cmd {tag}"], sheet.Rows.Skip(1).Select(r => r[0].Text));
        var row = sheet.Row($"Лист {tag}");
        Assert.False(row[1].IsNumber);
        Assert.Equal(eik, row[1].Text);
        Assert.Equal("Голям", sheet.Row($"'@cmd {tag}")[4].Text);
        Assert.Equal(me.Email, row[7].Text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public async Task The_employee_export_writes_dates_numbers_and_statuses_as_the_reader_reads_them(string language)
    {
        var (_, login) = await app.CreateUserAsync(null, Roles.Administrator);
        var tag = app.Unique("emp");
        var name = $"Петя Стоянова {tag}";
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<EmployeeHandlers>().CreateAsync(RapportApp.Admin, new EmployeeInput
        {
            FullName = name, Position = "Ръководител отдел", Department = "Маркетинг", EmploymentStart = new DateOnly(2024, 3, 1),
            Capacity = 0.2m,
        })).Value);
        var client = await SignInAsync(login, language);

        var lines = await CsvAsync(client, $"/people/employees/export.csv?q={tag}&status=&team=&sort=Name");
        var s = Separator(language);
        Assert.Equal(language == "bg"
            ? "Име и фамилия;Длъжност;Отдел;Екип;Ръководител;Начало на трудовото правоотношение;Капацитет;Статус"
            : "Full name,Position,Department,Team,Manager,Employment start,Capacity,Status", lines[0]);
        Assert.Equal(string.Join(s, name, "Ръководител отдел", "Маркетинг", "", "",
            language == "bg" ? "01.03.2024" : "2024-03-01", language == "bg" ? "0,2" : "0.2", language == "bg" ? "Активен" : "Active"), lines[1]);

        var sheet = ExportedWorkbook.Read(await DownloadAsync(client, $"/people/employees/export.xlsx?q={tag}", Xlsx()));
        Assert.Empty(sheet.SchemaErrors);
        var row = sheet.Row(name);
        Assert.True(row[5].IsDate);
        Assert.Equal(new DateTime(2024, 3, 1), row[5].Date);
        Assert.True(row[6].IsNumber);
        Assert.Equal("0.2", row[6].Text);
        Assert.Equal(language == "bg" ? "Активен" : "Active", row[7].Text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("bg")]
    public async Task The_teams_users_and_audit_log_export_with_headers_in_the_readers_language(string language)
    {
        var (_, login) = await app.CreateUserAsync(null, Roles.Administrator);
        var team = app.Unique("=Екип ");
        await app.CreateTeamAsync(team);
        var client = await SignInAsync(login, language);
        var bg = language == "bg";
        var s = Separator(language);

        var teams = await CsvAsync(client, "/people/teams/export.csv");
        Assert.Equal(bg ? "Име на екипа;Ръководител на екипа;Членове" : "Team name,Head of team,Members", teams[0]);
        Assert.Contains($"'{team}{s}{s}0", teams);
        var teamSheet = ExportedWorkbook.Read(await DownloadAsync(client, "/people/teams/export.xlsx", Xlsx()));
        Assert.Empty(teamSheet.SchemaErrors);
        Assert.Equal(bg ? "Екипи" : "Teams", teamSheet.SheetName);
        Assert.True(teamSheet.Row("'" + team)[2].IsNumber);

        var users = await CsvAsync(client, $"/settings/users/export.csv?q={login}");
        Assert.Equal(bg ? "Име за показване;Имейл;Роли;Служител;Статус" : "Display name,E-mail,Roles,Employee,Status", users[0]);
        Assert.Equal(string.Join(s, login, login, bg ? "Администратор" : "Administrator", "", bg ? "Активен" : "Active"), users[1]);

        // The team's creation is in the log, with its instant as a date the spreadsheet can sort.
        var audit = await CsvAsync(client, $"/settings/audit/export.csv?entityType=Team&userId=&from=&to=");
        Assert.Equal(bg
            ? "Кога;Кой;Запис;Идентификатор на записа;Действие;Поле;Стара стойност;Нова стойност"
            : "When,Who,Record,Record id,Action,Field,Old value,New value", audit[0]);
        Assert.Contains(audit, l => l.Contains(bg ? ";Добавено;всички полета;" : ",Added,all fields,", StringComparison.Ordinal)
            && l.Contains(team, StringComparison.Ordinal));
        Assert.Matches(bg ? @"^\d\d\.\d\d\.\d{4} \d\d:\d\d;" : @"^\d{4}-\d\d-\d\d \d\d:\d\d,", audit[1]);
        var auditSheet = ExportedWorkbook.Read(await DownloadAsync(client, "/settings/audit/export.xlsx?entityType=Team", Xlsx()));
        Assert.Empty(auditSheet.SchemaErrors);
        Assert.True(auditSheet.HeaderFrozen);
        Assert.True(auditSheet.Rows[1][0].IsDate);
        Assert.Equal(bg ? "Одитен дневник" : "Audit log", auditSheet.SheetName);
    }

    [Fact]
    public async Task The_relationship_export_holds_the_viewers_own_relationships_and_the_admin_lists_stay_closed_to_a_manager()
    {
        var me = await ManagerAsync("Relations ");
        var other = await ManagerAsync("Others ");
        var tag = app.Unique("rel");
        var (mine, theirs) = ($"Моят контакт {tag}", $"Чужд контакт {tag}");
        foreach (var (owner, contact) in new[] { (me, mine), (other, theirs) })
        {
            await app.WithServicesAsync(async sp =>
            {
                var account = (await sp.GetRequiredService<AccountHandlers>().CreateAsync(owner.Viewer, new AccountInput { Name = $"Клиент {contact}" })).Value;
                var person = (await sp.GetRequiredService<ContactHandlers>().CreateAsync(owner.Viewer, account,
                    new ContactInput { FullName = contact, Role = BuyingRoles.DecisionMaker })).Value;
                var logged = await sp.GetRequiredService<InteractionHandlers>().LogAsync(owner.Viewer, new InteractionInput
                {
                    AccountId = account, Kind = InteractionKind.Meeting, OccurredAt = DateTime.Now.AddDays(-3), Subject = "Среща",
                    EmployeeIds = [owner.EmployeeId], ContactIds = [person],
                });
                Assert.True(logged.IsSuccess, string.Join("; ", logged.Errors.Select(e => e.Message)));
                return logged.Value;
            });
        }

        var client = await SignInAsync(me.Login, "bg");
        var lines = await CsvAsync(client, "/relationships/export.csv");
        Assert.Equal("Име и фамилия;Роля в покупката;Клиент;Сила;Последен контакт;Дни от последния контакт;\"Ритъм на контакт, дни\";Изстива",
            lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{mine};\"Лице, вземащо решения\";Клиент {mine};", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(theirs, StringComparison.Ordinal));
        var sheet = ExportedWorkbook.Read(await DownloadAsync(client, "/relationships/export.xlsx", Xlsx()));
        Assert.Empty(sheet.SchemaErrors);
        var row = sheet.Row(mine);
        Assert.True(row[3].IsNumber);
        Assert.True(row[4].IsDate);
        Assert.True(row[5].IsNumber);
        Assert.DoesNotContain(sheet.Rows, r => r[0].Text == theirs);

        var closed = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var manager = await app.SignedInClientAsync(me.Login);
        foreach (var url in new[] { "/settings/users/export.csv", "/settings/audit/export.xlsx" })
        {
            var response = await manager.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await closed.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task The_list_pages_link_their_exports_with_their_filters_but_not_their_page()
    {
        var me = await ManagerAsync("Links ");
        var client = await SignInAsync(me.Login, "bg");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/accounts?q=abc&status=Active&after=xyz"));

        Assert.Contains("href=\"/accounts/export.csv?q=abc&status=Active\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/accounts/export.xlsx?q=abc&status=Active\"", html, StringComparison.Ordinal);
        Assert.Contains(">Експорт в XLSX<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/relationships/export.xlsx\"", WebUtility.HtmlDecode(await client.GetStringAsync("/relationships")), StringComparison.Ordinal);
    }

    /// <summary>An EIK a spreadsheet would spoil if it took it for a number: it starts with a zero.</summary>
    private static string LeadingZeroEik()
    {
        while (true)
        {
            var digits = "0" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            if (Eik.IsValid(digits))
            {
                return digits;
            }
        }
    }

    private static string Xlsx() => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>Uploads a file through the import page, as a browser would, and returns where it redirects.</summary>
internal static partial class ImportUploads
{
    public static async Task<string> UploadAsync(HttpClient client, string kind, byte[] content, string fileName = "import.csv")
    {
        var response = await PostAsync(client, kind, content, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.PathAndQuery;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string kind, byte[] content, string fileName = "import.csv")
    {
        var page = await client.GetStringAsync("/accounts/import");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import-upload"), "_handler" },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync("/accounts/import", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class ExportsOnSqlite(SqliteApp app) : ExportsTests(app), IClassFixture<SqliteApp>;

public sealed class ExportsOnPostgres(PostgresApp app) : ExportsTests(app), IClassFixture<PostgresApp>;
