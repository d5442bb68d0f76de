using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>
/// What a load test of a generated client base needs: users with API tokens (made through the same handlers the
/// CLI uses) in <c>tokens.env</c>, and files of request paths under <c>urls/</c> for a load tool to rotate through:
/// one request per line, or, in the <c>*-page.txt</c> files, the requests of one page per line. The tokens are secrets of a throwaway database; the folder is the caller's to delete.
/// </summary>
internal static class LoadTargets
{
    /// <summary>The password of every generated user; meets Identity's rules, and opens nothing but a test database.</summary>
    public const string Password = "Bench-load-2026";

    private const int PageSize = 50;

    /// <summary>Accounts whose page is requested, picked at random: most are small, a few are big groups' members.</summary>
    private const int SampledAccounts = 200;

    /// <summary>Type-ahead as people type it: prefixes of first names, surnames, companies, EIKs, phones and e-mails.</summary>
    private static readonly string[] Prefixes =
        ["ив", "петров", "georg", "агро", "balkan", "Mül", "0888", "maria.pe", "иван петр", "тодорова", "hoffmann", "технос"];

    public static async Task WriteAsync(BenchDatabase database, IReadOnlyList<Account> accounts, int seed, string folder, TextWriter log)
    {
        var random = new Random(seed + 2);
        var urls = Directory.CreateDirectory(Path.Combine(folder, "urls")).FullName;
        await using var services = database.Services();

        // Account managers who own a median, the largest and a small number of accounts; a head of sales over a team.
        var byOwner = accounts.GroupBy(a => a.OwnerId).Select(g => (Owner: g.Key, Count: g.Count()))
            .OrderBy(o => o.Count).ThenBy(o => o.Owner).ToList();
        var typical = byOwner[byOwner.Count / 2];
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ADMIN_TOKEN"] = await UserWithTokenAsync(services, "admin", [Roles.Administrator], null),
            ["MANAGER_TOKEN"] = await UserWithTokenAsync(services, "manager", [Roles.AccountManager], typical.Owner),
            ["BUSY_MANAGER_TOKEN"] = await UserWithTokenAsync(services, "busy.manager", [Roles.AccountManager], byOwner[^1].Owner),
            ["QUIET_MANAGER_TOKEN"] = await UserWithTokenAsync(services, "quiet.manager", [Roles.AccountManager], byOwner[byOwner.Count / 10].Owner),
        };
        Guid head;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            head = await db.Teams.Where(t => t.HeadId != null).OrderBy(t => t.SearchName).Select(t => t.HeadId!.Value).FirstAsync();
        }

        tokens["HEAD_TOKEN"] = await UserWithTokenAsync(services, "head", [Roles.HeadOfSales], head);
        await File.WriteAllLinesAsync(Path.Combine(folder, "tokens.env"), tokens.Select(t => $"{t.Key}='{t.Value}'"));

        // The account page: the account, its contacts, its coverage and its timeline, each alone and all four together.
        var sample = Enumerable.Range(0, SampledAccounts).Select(_ => accounts[random.Next(accounts.Count)].Id).ToList();
        await WriteAsync(urls, "account", sample.Select(id => $"/api/v1/accounts/{id}"));
        await WriteAsync(urls, "contacts", sample.Select(id => $"/api/v1/accounts/{id}/contacts"));
        await WriteAsync(urls, "coverage", sample.Select(id => $"/api/v1/accounts/{id}/coverage"));
        await WriteAsync(urls, "interactions", sample.Select(id => $"/api/v1/accounts/{id}/interactions"));
        await WriteAsync(urls, "account-page", sample.Select(AccountPage));

        // Lists: the first page, pages nine tenths in, and the first page of one owner's accounts.
        var administrator = new Viewer(Guid.Empty, null, new HashSet<string> { Roles.Administrator });
        await WriteAsync(urls, "list-first", [$"/api/v1/accounts?size={PageSize}"]);
        var deepCursors = await DeepCursorsAsync(services, administrator, accounts.Count, log);
        await WriteAsync(urls, "list-deep", deepCursors.Select(After));
        var owners = Enumerable.Range(0, 20).Select(_ => byOwner[random.Next(byOwner.Count)].Owner);
        await WriteAsync(urls, "list-owner", owners.Select(o => $"/api/v1/accounts?size={PageSize}&ownerId={o}"));
        var eik = accounts.Select(a => a.RegistrationNumber).First(n => n is { Length: 9 })!;
        var prefixes = Prefixes.Append(eik[..4]).Select(p => $"/api/v1/search?q={Uri.EscapeDataString(p)}").ToList();
        await WriteAsync(urls, "search", prefixes);

        // What a browser gets, rendered on the server behind the sign-in cookie: the account page, the account list
        // at its start and nine tenths in, and the type-ahead under the search box.
        await WriteAsync(urls, "html-account", sample.Select(id => $"/accounts/{id}"));
        await WriteAsync(urls, "html-list-first", ["/accounts"]);
        await WriteAsync(urls, "html-list-deep", deepCursors.Select(c => $"/accounts?after={c}"));
        await WriteAsync(urls, "html-list-sorted",
            ["/accounts?sort=LastContact", "/accounts?sort=Strength&desc=true", "/accounts?sort=Coverage", "/accounts?sort=Owner"]);
        await WriteAsync(urls, "html-list-going-cold", ["/accounts?coverage=GoingCold&status=Active"]);
        await WriteAsync(urls, "html-suggest", prefixes.Select(p => p.Replace("/api/v1/search", "/search/suggest", StringComparison.Ordinal)));

        // Possible duplicates: accounts and contacts the viewer may merge, through the API and as the page.
        await WriteAsync(urls, "duplicates", ["/api/v1/duplicates/accounts"]);
        await WriteAsync(urls, "duplicate-contacts", ["/api/v1/duplicates/contacts"]);
        await WriteAsync(urls, "html-duplicates", ["/accounts/duplicates"]);

        // The same as the typical account manager, whose lists pass the visibility filter.
        var manager = await ViewerAsync(services, "manager");
        var pages = await WalkAsync(services, manager);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// The account manager owns {typical.Count} accounts and sees {pages.Rows} in {pages.Cursors.Count + 1} pages"));
        await WriteAsync(urls, "manager-list-first", [$"/api/v1/accounts?size={PageSize}"]);
        var deep = pages.Cursors.Skip(Math.Max(0, pages.Cursors.Count * 9 / 10 - 1)).Take(3).ToList();
        await WriteAsync(urls, "manager-list-deep", deep.Count == 0 ? [$"/api/v1/accounts?size={PageSize}"] : deep.Select(After));
        await WriteAsync(urls, "manager-search", prefixes);
        var managed = accounts.Where(a => a.OwnerId == typical.Owner).Take(50).Select(a => a.Id).ToList();
        await WriteAsync(urls, "manager-account-page", managed.Select(AccountPage));
        await WriteAsync(urls, "manager-html-account", managed.Select(id => $"/accounts/{id}"));
        await WriteAsync(urls, "manager-html-list-deep", deep.Count == 0 ? ["/accounts"] : deep.Select(c => $"/accounts?after={c}"));
        await WriteAsync(urls, "manager-duplicates", ["/api/v1/duplicates/accounts"]);
        await WriteAsync(urls, "manager-html-duplicates", ["/accounts/duplicates"]);
        var headViewer = await ViewerAsync(services, "head");
        var headPages = await WalkAsync(services, headViewer);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// The head of sales sees {headPages.Rows} accounts"));
        await WriteAsync(urls, "head-list-first", [$"/api/v1/accounts?size={PageSize}"]);
        // Home and the account list of a head of sales carry the team at a glance (per person: going cold, not covered,
        // single-threaded).
        await WriteAsync(urls, "head-html-home", ["/"]);
        await WriteAsync(urls, "head-html-list-first", ["/accounts"]);
    }

    /// <summary>The requests of one account page, on one line, in the order the page needs them.</summary>
    private static string AccountPage(Guid id) =>
        $"/api/v1/accounts/{id} /api/v1/accounts/{id}/contacts /api/v1/accounts/{id}/coverage /api/v1/accounts/{id}/interactions";

    private static string After(string cursor) => $"/api/v1/accounts?size={PageSize}&after={cursor}";

    private static async Task<string> UserWithTokenAsync(ServiceProvider services, string name, List<string> roles, Guid? employee)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserHandlers>().CreateAsync(new NewUserInput
        {
            Email = Email(name),
            DisplayName = name,
            Password = Password,
            Roles = roles,
            EmployeeId = employee,
        });
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Could not create user {name}: {string.Join("; ", created.Errors.Select(e => e.Message))}");
        }

        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenHandlers>().CreateAsync(created.Value, new NewTokenInput { Name = "load test" });
        return token.IsSuccess ? token.Value : throw new InvalidOperationException($"Could not create a token for {name}.");
    }

    private static string Email(string name) => $"{name}@bench.rapport.example";

    private static async Task<Viewer> ViewerAsync(ServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var email = Email(name);
        var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.EmployeeId }).FirstAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        return new Viewer(user.Id, user.EmployeeId, roles.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Cursors a client holds after paging 85 % to 95 % into the whole list, built from the rows at those positions;
    /// checks that the page after the first one starts with the row an offset query puts next.
    /// </summary>
    private static async Task<List<string>> DeepCursorsAsync(ServiceProvider services, Viewer administrator, int count, TextWriter log)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var cursors = new List<string>();
        for (var percent = 85; percent <= 95; percent++)
        {
            var position = count * percent / 100;
            var row = await db.Accounts.OrderBy(a => a.SearchName).ThenBy(a => a.Id).Skip(position - 1)
                .Select(a => new { a.SearchName, a.Id }).FirstAsync();
            cursors.Add(new Cursor(row.SearchName, row.Id).Encode());
        }

        var first = count * 85 / 100;
        var next = await db.Accounts.OrderBy(a => a.SearchName).ThenBy(a => a.Id).Skip(first).Select(a => a.Id).FirstAsync();
        var page = await scope.ServiceProvider.GetRequiredService<AccountHandlers>()
            .ListAsync(administrator, new AccountFilter(After: cursors[0], PageSize: PageSize));
        if (page.Items[0].Id != next)
        {
            throw new InvalidOperationException("A deep cursor does not continue where the offset query does.");
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// Deep pages start after rows {first:N0} to {count * 95 / 100:N0}"));
        return cursors;
    }

    /// <summary>Pages through everything the viewer sees, as a client would, keeping each page's cursor.</summary>
    private static async Task<(int Rows, List<string> Cursors)> WalkAsync(ServiceProvider services, Viewer viewer)
    {
        await using var scope = services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetRequiredService<AccountHandlers>();
        var (rows, cursors) = (0, new List<string>());
        string? after = null;
        do
        {
            var page = await handlers.ListAsync(viewer, new AccountFilter(After: after, PageSize: PageSize));
            rows += page.Items.Count;
            after = page.Next;
            if (after is not null)
            {
                cursors.Add(after);
            }
        }
        while (after is not null);
        return (rows, cursors);
    }

    private static Task WriteAsync(string folder, string name, IEnumerable<string> paths) =>
        File.WriteAllLinesAsync(Path.Combine(folder, name + ".txt"), paths, new UTF8Encoding(false));
}
