using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;

namespace Rapport.IntegrationTests;

/// <summary>
/// Every page of the app, rendered with the demo's data for every demo user in both languages: none may fail, and no
/// text on it may look like code that was printed instead of run (<c>c.Role</c> where a role's name belongs, a type
/// name where a value belongs). A page with a route this guard cannot fill makes it fail, so a new page is covered the
/// day it is added: teach <see cref="Fill"/> where its ids come from.
/// </summary>
public abstract partial class PageRenderingGuardTests(RapportApp app)
{
    /// <summary>Routes that need more than an id to render, with the reason they are left out here.</summary>
    private static readonly Dictionary<string, string> NotRendered = new(StringComparer.Ordinal)
    {
        ["/accounts/import/{Upload}"] = "an uploaded file waiting for its preview; ImportPagesTests render it",
        ["/setup"] = "answers only before the first administrator exists; FirstRunTests render it",
        ["/account/login"] = "rendered signed out below",
        ["/error"] = "rendered for an unhandled exception only",
    };

    private static readonly string[] Users =
    [
        DemoSignIns.Admin, DemoSignIns.Head, DemoSignIns.Manager, DemoSignIns.Coordinator, DemoSignIns.Finance,
        DemoSignIns.Hr, DemoSignIns.Press,
    ];

    [Fact]
    public async Task Every_page_renders_for_every_demo_user_in_both_languages_without_printing_code()
    {
        app.EnsureAvailable();
        await app.WithServicesAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync());
        var ids = await app.WithServicesAsync(sp => Ids.ReadAsync(sp.GetRequiredService<RapportDb>()));
        var routes = Routes();
        var unknown = routes.Where(r => !NotRendered.ContainsKey(r) && Fill(r, ids) is null).ToList();
        Assert.True(unknown.Count == 0, "Routes the guard cannot fill: " + string.Join(", ", unknown));

        var problems = new List<string>();
        var rendered = 0;
        foreach (var email in Users)
        {
            var client = await app.SignedInClientAsync(email, DemoData.Password);
            foreach (var language in new[] { "bg", "en" })
            {
                await RapportApp.PostFormAsync(client, "/", null, new() { ["language"] = language, ["returnUrl"] = "/" }, action: "/culture");
                foreach (var route in routes.Where(r => !NotRendered.ContainsKey(r)))
                {
                    var url = Fill(route, ids)!;
                    using var response = await client.GetAsync(url);
                    var status = (int)response.StatusCode;
                    if (status >= 500 || status is not (200 or 302 or 403 or 404))
                    {
                        problems.Add($"{email} {language} {url}: {status}");
                        continue;
                    }

                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }

                    rendered++;
                    var html = await response.Content.ReadAsStringAsync();
                    foreach (var text in PrintedCode(html))
                    {
                        problems.Add($"{email} {language} {url}: «{text}»");
                    }

                    foreach (var name in UnboundFieldNames(html))
                    {
                        problems.Add($"{email} {language} {url}: a form field named «{name}» binds to nothing");
                    }
                }
            }
        }

        var anonymous = app.CreateClient();
        problems.AddRange(PrintedCode(await anonymous.GetStringAsync("/account/login")).Select(t => $"signed out /account/login: «{t}»"));
        Assert.True(rendered > Users.Length * 2 * 10, $"only {rendered} pages rendered");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct().Take(60)));
    }

    [Fact]
    public void The_guard_sees_a_member_path_a_type_name_and_a_razor_leftover_in_text_and_nothing_in_ordinary_words()
    {
        Assert.Equal(["c.Role"], PrintedCode("<td><span class=\"badge role\">c.Role</span></td>"));
        Assert.Equal(["role.Role"], PrintedCode("<th>role.Role ✓ Covered</th>"));
        Assert.Equal(["Rapport.ClientBase.ContactRow"], PrintedCode("<p>Rapport.ClientBase.ContactRow</p>"));
        Assert.Equal(["@Texts.Saved"], PrintedCode("<p>@Texts.Saved</p>"));
        Assert.Equal(["contact.Role"], PrintedCode("<option title=\"contact.Role\">x</option>"));
        Assert.Empty(PrintedCode("<p>ivan.petrov@firma.bg · www.firma.bg · 1.2.2026 г. · Ltd. · e.g. · Cargo Ltd</p>"));
        Assert.Empty(PrintedCode("<script>const a = b.Value;</script><style>a.Link{}</style><p>Добре</p>"));
    }

    [Fact]
    public void The_guard_sees_a_form_field_named_after_a_loop_variable_and_not_one_named_after_the_forms_model()
    {
        Assert.Equal(["row.EmployeeId"], UnboundFieldNames("<select id=\"split-person-0\" name=\"row.EmployeeId\"><option>—</option></select>"));
        Assert.Empty(UnboundFieldNames("<select name=\"SplitsForm.Splits[0].EmployeeId\"></select><input name=\"_handler\" value=\"deal-splits\" />"
            + "<input type=\"hidden\" name=\"__RequestVerificationToken\" /><input name=\"search\" />"));
    }

    /// <summary>
    /// Form fields whose name starts with a lower-case variable (<c>row.EmployeeId</c>): a field bound to a loop's local
    /// copy is named after it, so the post binds to nothing and the form comes back empty. Bound through the model's
    /// indexer (<c>Form.Rows[i].Amount</c>) it is named after the model.
    /// </summary>
    private static List<string> UnboundFieldNames(string html) =>
        [.. FieldNames().Matches(html).Select(m => m.Groups[1].Value).Where(n => n.Contains('.', StringComparison.Ordinal)).Distinct()];

    /// <summary>Text a reader sees (text nodes and the attributes read aloud or shown) that looks like code.</summary>
    private static List<string> PrintedCode(string html)
    {
        var visible = ScriptsAndStyles().Replace(html, " ");
        var texts = TextNodes().Matches(visible).Select(m => m.Groups[1].Value)
            .Concat(ReadAttributes().Matches(visible).Select(m => m.Groups[1].Value))
            .Select(t => WebUtility.HtmlDecode(t) ?? string.Empty);
        return [.. texts.SelectMany(t => CodeLike().Matches(t).Select(m => m.Value)).Distinct()];
    }

    /// <summary>Every routable page of the web app, as its route template.</summary>
    private static List<string> Routes() =>
        [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>A URL for the route with real ids from the demo, or null when the guard does not know where they come from.</summary>
    private static string? Fill(string template, Ids ids)
    {
        var url = template
            .Replace("/accounts/{FirstId:guid}/merge/{SecondId:guid}", $"/accounts/{ids.Account}/merge/{ids.OtherAccount}", StringComparison.Ordinal)
            .Replace("/contacts/{FirstId:guid}/merge/{SecondId:guid}", $"/contacts/{ids.Contact}/merge/{ids.OtherContact}", StringComparison.Ordinal)
            .Replace("/accounts/{AccountId:guid}/", $"/accounts/{ids.Account}/", StringComparison.Ordinal)
            .Replace("/accounts/{Id:guid}", $"/accounts/{ids.Account}", StringComparison.Ordinal)
            .Replace("/contacts/{Id:guid}", $"/contacts/{ids.Contact}", StringComparison.Ordinal)
            .Replace("/people/employees/{Id:guid}", $"/people/employees/{ids.Employee}", StringComparison.Ordinal)
            .Replace("/people/teams/{Id:guid}", $"/people/teams/{ids.Team}", StringComparison.Ordinal)
            .Replace("/settings/users/{Id:guid}", $"/settings/users/{ids.User}", StringComparison.Ordinal)
            .Replace("/settings/parameters/{Id:guid}", $"/settings/parameters/{ids.Parameter}", StringComparison.Ordinal)
            .Replace("/settings/buying-roles/{Id:guid}", $"/settings/buying-roles/{ids.BuyingRole}", StringComparison.Ordinal)
            .Replace("/deals/{Id:guid}", $"/deals/{ids.Deal}", StringComparison.Ordinal)
            .Replace("/settings/products/{Id:guid}", $"/settings/products/{ids.Product}", StringComparison.Ordinal)
            .Replace("/cases/triage/{Id:guid}", $"/cases/triage/{ids.Intake}", StringComparison.Ordinal)
            .Replace("/cases/{Id:guid}", $"/cases/{ids.Case}", StringComparison.Ordinal)
            .Replace("/services/{Id:guid}", $"/services/{ids.Service}", StringComparison.Ordinal)
            .Replace("/pay/statements/{Id:guid}", $"/pay/statements/{ids.Statement}", StringComparison.Ordinal)
            .Replace("/pay/periods/{Id:guid}", $"/pay/periods/{ids.Period}", StringComparison.Ordinal)
            .Replace("/pay/plans/{Id:guid}", $"/pay/plans/{ids.Plan}", StringComparison.Ordinal)
            .Replace("/pay/inquiries/{Id:guid}", $"/pay/inquiries/{ids.Inquiry}", StringComparison.Ordinal)
            .Replace("/staffing/vacancies/{Id:guid}", $"/staffing/vacancies/{ids.Vacancy}", StringComparison.Ordinal)
            .Replace("/staffing/candidates/{Id:guid}", $"/staffing/candidates/{ids.Candidate}", StringComparison.Ordinal)
            .Replace("/staffing/profiles/{Id:guid}", $"/staffing/profiles/{ids.Profile}", StringComparison.Ordinal)
            .Replace("/staffing/people/{Id:guid}", $"/staffing/people/{ids.Employee}", StringComparison.Ordinal)
            .Replace("/staffing/scorecards/{Id:guid}", $"/staffing/scorecards/{ids.Scorecard}", StringComparison.Ordinal)
            .Replace("/status/{Code:int}", "/status/404", StringComparison.Ordinal);
        return url.Contains('{', StringComparison.Ordinal) ? null : url;
    }

    /// <summary>One record of each kind a route names, from the demo: the manager's own where it is theirs.</summary>
    private sealed record Ids(
        Guid Account, Guid OtherAccount, Guid Contact, Guid OtherContact, Guid Employee, Guid Team, Guid User, Guid Parameter, Guid BuyingRole,
        Guid Deal, Guid Product, Guid Case, Guid Statement, Guid Period, Guid Plan, Guid Inquiry, Guid Vacancy, Guid Candidate, Guid Profile, Guid Scorecard,
        Guid Service, Guid Intake)
    {
        public static async Task<Ids> ReadAsync(RapportDb db)
        {
            var manager = await db.Users.Where(u => u.Email == DemoSignIns.Manager).Select(u => u.EmployeeId).SingleAsync();
            var accounts = await db.Accounts.Where(a => a.OwnerId == manager).OrderBy(a => a.SearchName).Select(a => a.Id).Take(2).ToListAsync();
            // The vacancy the demo head of sales hires for, so that a hiring manager's view renders too.
            var head = await db.Users.Where(u => u.Email == DemoSignIns.Head).Select(u => u.EmployeeId).SingleAsync();
            var vacancy = await db.Vacancies.Where(v => v.HiringManagerId == head).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            var contacts = await db.Contacts.Where(c => c.Account!.OwnerId == manager).OrderBy(c => c.AccountId).ThenBy(c => c.SearchName).Select(c => c.Id).Take(2).ToListAsync();
            return new Ids(
                accounts[0],
                accounts[1],
                contacts[0],
                contacts[1],
                manager!.Value,
                await db.Teams.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync(),
                await db.Users.Where(u => u.Email == DemoSignIns.Manager).Select(u => u.Id).SingleAsync(),
                await db.CountryParameters.OrderBy(p => p.ValidFrom).Select(p => p.Id).FirstAsync(),
                await db.BuyingRoles.OrderBy(r => r.Position).Select(r => r.Id).FirstAsync(),
                await db.Deals.Where(d => d.OwnerId == manager && d.Outcome == Rapport.Deals.DealOutcome.Open).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
                await db.Cases.Where(c => c.Account!.OwnerId == manager).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                await (from st in db.PayStatements
                       join p in db.PayPeriods on st.PeriodId equals p.Id
                       where st.EmployeeId == manager && p.Status == Rapport.Pay.PayPeriodStatus.Locked
                       select st.Id).FirstAsync(),
                await db.PayPeriods.OrderByDescending(p => p.Start).Select(p => p.Id).FirstAsync(),
                await db.CompPlans.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync(),
                await db.PayInquiries.Select(i => i.Id).FirstAsync(),
                vacancy,
                await db.Candidates.Where(c => c.VacancyId == vacancy && c.ErasedAt == null).OrderByDescending(c => c.Stage).ThenBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                await db.RoleProfiles.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync(),
                await db.Scorecards.Where(s => s.RaterId == head).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                await db.Subscriptions.Where(s => s.Account!.OwnerId == manager).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                // A message waiting in triage, so that its forms render.
                await db.IntakeMessages.Where(m => m.State == Rapport.Service.IntakeState.Waiting).OrderBy(m => m.ReceivedAt).Select(m => m.Id).FirstAsync());
        }
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptsAndStyles();

    [GeneratedRegex(@">([^<]+)<")]
    private static partial Regex TextNodes();

    [GeneratedRegex(@"<(?:input|select|textarea)\b[^>]*\sname=""([a-z_][^""]*)""")]
    private static partial Regex FieldNames();

    [GeneratedRegex(@"\s(?:title|placeholder|aria-label|alt|label)=""([^""]*)""")]
    private static partial Regex ReadAttributes();

    /// <summary>
    /// A member path of a lower-case variable (<c>c.Role</c>), a namespace-qualified type name, or a Razor expression
    /// printed with its <c>@</c>. Ordinary text has none: e-mails and domains are lower case after the dot.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.+-])@[A-Za-z_]\w*(?:\.\w+)*|\b(?:Rapport|System|Microsoft)(?:\.[A-Z][A-Za-z0-9_`]*)+|\b[a-z_][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)+\b")]
    private static partial Regex CodeLike();
}

public sealed class PageRenderingGuardOnSqlite(SqliteApp app) : PageRenderingGuardTests(app), IClassFixture<SqliteApp>;

public sealed class PageRenderingGuardOnPostgres(PostgresApp app) : PageRenderingGuardTests(app), IClassFixture<PostgresApp>;
