using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase.Demo;
using Rapport.Deals.Demo;
using Rapport.Identity;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>One demo user that can sign in, as printed after seeding.</summary>
public sealed record DemoLogin(string Email, string Role, string Name);

/// <summary>
/// What seeding did: whether the database is the demo's at all (one holding another company's people is left alone),
/// what it added now (nothing on a database seeded before), the sign-ins there are, and how long it took.
/// </summary>
public sealed record DemoSeedResult(bool IsDemo, IReadOnlyList<string> Added, IReadOnlyList<DemoLogin> Logins, TimeSpan Took);

/// <summary>
/// A believable Bulgarian demo company: three sales teams, their heads, account managers (some part-time),
/// coordinators, finance and HR, with names in Cyrillic and Latin; then each capability's part of the demo
/// (<see cref="IDemoPart"/>) over it: the client base, and what later capabilities add. Deterministic for a given seed;
/// dates follow the injected clock, so the demo always looks current.
/// </summary>
public sealed class DemoData(RapportDb db, UserHandlers users, TimeProvider clock, ClientBaseDemo clientBase, DealsDemo deals, Service.Demo.ServiceDemo service,
    Service.Demo.SubscriptionsDemo subscriptions, Pay.Demo.PayDemo pay, Staffing.Demo.StaffingDemo staffing)
{
    public const string Password = "Rapport-demo-2026";

    public const int DefaultSeed = 2026;

    /// <summary>The name <see cref="DemoSeedResult.Added"/> gives the company itself.</summary>
    public const string CompanyPart = "company";

    /// <summary>The name <see cref="DemoSeedResult.Added"/> gives sign-ins put back on their own.</summary>
    public const string SignInsPart = "sign-ins";

    /// <summary>The organisation has no language of its own; the demo company is Bulgarian, so everyone starts in Bulgarian.</summary>
    private const string Language = Languages.Bulgarian;

    private const string EmailDomain = "@demo.rapport.example";

    /// <summary>The share of the progress bar the company takes: hashing seven passwords is most of it.</summary>
    private const double CompanyShare = 0.25;

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("bg-BG");

    // Names by script and gender, so that a first name never meets a surname of the other script or gender.
    private static readonly (string[] Male, string[] Female, string[] Surnames)[] Names =
    [
        (["Иван", "Георги", "Димитър", "Петър", "Николай", "Стефан", "Калоян", "Борис", "Тодор", "Васил", "Пламен", "Мартин"],
         ["Мария", "Елена", "Надежда", "Виктория", "Радостина", "Десислава", "Гергана", "Милена", "Теодора", "Силвия", "Ралица", "Яна"],
         ["Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Стоянов", "Христов", "Тодоров", "Ангелов", "Илиев", "Костов", "Русев"]),
        (["Ivan", "Georgi", "Martin", "Alexander", "Kaloyan", "Boris", "Stefan", "Nikolay"],
         ["Maria", "Teodora", "Yana", "Desislava", "Milena", "Gergana", "Elena", "Viktoria"],
         ["Popov", "Kolev", "Marinov", "Yordanov", "Dimov", "Pavlov", "Vasilev", "Atanasov", "Kirilov", "Mihaylov"]),
    ];

    private static readonly string[] TeamNames = ["София — корпоративни клиенти", "Пловдив и Южен централен", "Varna & Black Sea"];

    /// <summary>Who holds a few accounts beside their main job in each team (an SMB's department heads), and where they work.</summary>
    private static readonly (string Position, string Department)[] PartTimers =
        [("Ръководител отдел Внедряване", "Внедряване"), ("Главен инженер", "Инженеринг"), ("Ръководител отдел Маркетинг", "Маркетинг")];

    /// <summary>The part each position plays, so that a later start can tell the people apart again.</summary>
    private static readonly Dictionary<string, DemoRole> RoleOfPosition = new(StringComparer.Ordinal)
    {
        ["Търговски директор"] = DemoRole.Director,
        ["Head of Sales"] = DemoRole.HeadOfSales,
        ["Account Manager"] = DemoRole.AccountManager,
        ["Мениджър ключови клиенти"] = DemoRole.AccountManager,
        ["Координатор за връзки с клиенти"] = DemoRole.Coordinator,
        ["Прессекретар"] = DemoRole.PartTimeAccountManager,

        // As the demo company was first written, so that a database seeded then gets the client base right too.
        ["Press Secretary"] = DemoRole.PartTimeAccountManager,
        ["Главен счетоводител"] = DemoRole.Finance,
        ["HR Business Partner"] = DemoRole.HumanResources,
        [PartTimers[0].Position] = DemoRole.PartTimeAccountManager,
        [PartTimers[1].Position] = DemoRole.PartTimeAccountManager,
        [PartTimers[2].Position] = DemoRole.PartTimeAccountManager,

        // People of other departments whom the staffing part adds as internal candidates.
        [Staffing.Demo.StaffingDemo.InternalPeople[0].Position] = DemoRole.Staff,
        [Staffing.Demo.StaffingDemo.InternalPeople[1].Position] = DemoRole.Staff,
        [Staffing.Demo.StaffingDemo.InternalPeople[2].Position] = DemoRole.Staff,
    };

    /// <summary>The capabilities' parts, in the order they build on each other: each capability adds its own here.</summary>
    private IDemoPart[] Parts => [clientBase, deals, service, subscriptions, pay, staffing];

    /// <summary>The e-mail of the demo company's employee by number: whether the first is there tells a demo database from any other.</summary>
    private static string EmployeeEmail(int index) => string.Create(CultureInfo.InvariantCulture, $"e{index:D3}{EmailDomain}");

    /// <summary>
    /// Seeds the demo company unless it is there, then every part not seeded yet; reports progress as a fraction done.
    /// A database whose people are not the demo company's is left as it is. Always answers with the sign-ins there are.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(int seed = DefaultSeed, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        // What the parts write in words (a follow-up's title, say) is written in the organisation's language.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture;
        try
        {
            var added = new List<string>();
            var first = EmployeeEmail(0);
            if (!await db.Employees.AnyAsync(e => e.Email == first, ct))
            {
                if (await db.Employees.AnyAsync(ct))
                {
                    return new DemoSeedResult(false, [], [], clock.GetElapsedTime(started));
                }

                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await SeedCompanyAsync(seed, ct);
                    await transaction.CommitAsync(ct);
                }

                db.ChangeTracker.Clear();
                added.Add(CompanyPart);
            }

            // Each sign-in is saved in a transaction of its own by the user handler, so they follow the company's.
            if (await AddSignInsAsync(await LoadStaffAsync(ct), progress, ct) && added.Count == 0)
            {
                added.Add(SignInsPart);
            }

            progress?.Report(CompanyShare);
            var staff = await LoadStaffAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var parts = Parts;
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (await part.IsSeededAsync(ct))
                {
                    continue;
                }

                var share = (1 - CompanyShare) / parts.Length;
                var context = new DemoContext
                {
                    Seed = seed,
                    Random = new Random(DemoContext.SeedFor(seed, part.Name)),
                    Now = now,
                    Staff = staff,
                    Progress = progress is null ? null : new Slice(progress, CompanyShare + (i * share), share),
                };
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await part.SeedAsync(context, ct);
                    await transaction.CommitAsync(ct);
                }

                db.ChangeTracker.Clear();
                added.Add(part.Name);
            }

            progress?.Report(1);
            return new DemoSeedResult(true, added, await LoginsAsync(ct), clock.GetElapsedTime(started));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>What the hosts print after seeding (in English, as console output is): what happened and how to sign in.</summary>
    public static IEnumerable<string> Describe(DemoSeedResult result)
    {
        if (!result.IsDemo)
        {
            yield return "The database holds people other than the demo company's: no demo data was added.";
            yield break;
        }

        yield return result.Added.Count > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"Demo seeded ({string.Join(", ", result.Added)}) in {result.Took.TotalSeconds:0.0} s. Sign in with any of these (password: {Password}):")
            : $"The demo is in the database already. Sign in with any of these (password: {Password}):";
        foreach (var login in result.Logins)
        {
            yield return $"  {login.Email,-36} {login.Role,-15} {login.Name}";
        }
    }

    private async Task SeedCompanyAsync(int seed, CancellationToken ct)
    {
        var random = new Random(DemoContext.SeedFor(seed, CompanyPart));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;

        if (await db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync(ct) is { Name: "Rapport" } organisation)
        {
            // The name the migrator gives a new installation: the demo company has a name of its own.
            organisation.Name = "Рапорт Демо АД";
        }

        Employee NewEmployee(string position, string department, Team? team, Employee? manager, decimal capacity)
        {
            string name;
            do
            {
                // Two in three people are written in Cyrillic, as most Bulgarian staff records are.
                var script = random.Next(3) == 0 ? 1 : 0;
                var (male, female, surnames) = Names[script];
                var isFemale = random.Next(2) == 0;
                var firstName = isFemale ? female[random.Next(female.Length)] : male[random.Next(male.Length)];
                var feminine = script == 0 ? "а" : "a";
                name = $"{firstName} {surnames[random.Next(surnames.Length)]}{(isFemale ? feminine : "")}";
            }
            while (!taken.Add(name));

            var employee = new Employee
            {
                Position = position,
                Department = department,
                Team = team,
                Manager = manager,
                EmploymentStart = today.AddDays(-random.Next(60, 3650)),
                Status = EmployeeStatus.Active,
                Capacity = capacity,
            };
            employee.Rename(name);
            employee.Email = EmployeeEmail(index++);
            db.Employees.Add(employee);
            return employee;
        }

        var teams = TeamNames.Select(name =>
        {
            var team = new Team();
            team.Rename(name);
            return team;
        }).ToList();
        db.Teams.AddRange(teams);

        // Teams and their heads point at each other: save the teams first, name the heads after.
        await db.SaveChangesAsync(ct);

        var director = NewEmployee("Търговски директор", "Продажби", null, null, 0m);
        var heads = new List<Employee>();
        for (var t = 0; t < teams.Count; t++)
        {
            var head = NewEmployee("Head of Sales", "Продажби", teams[t], director, 0.5m);
            heads.Add(head);
            for (var i = 0; i < 4; i++)
            {
                NewEmployee(i % 2 == 0 ? "Account Manager" : "Мениджър ключови клиенти", "Продажби", teams[t], head, 1m);
            }

            // A department head who holds a few accounts in the team's territory as an extra duty.
            NewEmployee(PartTimers[t].Position, PartTimers[t].Department, teams[t], director, 0.3m);
            NewEmployee("Координатор за връзки с клиенти", "Обслужване на клиенти", teams[t], head, 1m);
        }

        NewEmployee("Главен счетоводител", "Финанси", null, director, 0m);
        NewEmployee("HR Business Partner", "Човешки ресурси", null, director, 0m);

        // The press secretary holds a few accounts beside the job, and belongs to no sales team.
        NewEmployee("Прессекретар", "PR", null, director, 0.2m);
        var leaver = NewEmployee("Account Manager", "Продажби", teams[0], heads[0], 1m);
        leaver.Status = EmployeeStatus.Left;
        leaver.EmploymentEnd = today.AddDays(-30);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < teams.Count; i++)
        {
            teams[i].HeadId = heads[i].Id;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Creates the demo's sign-ins that are missing (all of them after the company is seeded; one deleted since, on a
    /// later start), each for the person documented for it, in the organisation's language. True if any was created.
    /// </summary>
    private async Task<bool> AddSignInsAsync(DemoStaff staff, IProgress<double>? progress, CancellationToken ct)
    {
        DemoPerson? First(DemoRole role, Func<DemoPerson, bool>? where = null) => staff.With(role).FirstOrDefault(where ?? (_ => true));
        var specs = new (string Email, string Role, DemoPerson? Person, string? Name)[]
        {
            (DemoSignIns.Admin, Roles.Administrator, First(DemoRole.Director), "Администратор"),
            (DemoSignIns.Head, Roles.HeadOfSales, First(DemoRole.HeadOfSales, p => p.Team == 0), null),
            (DemoSignIns.Manager, Roles.AccountManager, First(DemoRole.AccountManager, p => p.Team == 0), null),
            (DemoSignIns.Coordinator, Roles.Coordinator, First(DemoRole.Coordinator, p => p.Team == 0), null),
            (DemoSignIns.Finance, Roles.Finance, First(DemoRole.Finance), null),
            (DemoSignIns.Hr, Roles.Recruiter, First(DemoRole.HumanResources), null),
            (DemoSignIns.Press, Roles.AccountManager, First(DemoRole.PartTimeAccountManager, p => p.Team is null), null),
        };
        var existing = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(EmailDomain)).Select(u => u.Email!).ToListAsync(ct);
        var missing = specs.Where(s => s.Person is not null && !existing.Contains(s.Email, StringComparer.OrdinalIgnoreCase)).ToList();
        for (var i = 0; i < missing.Count; i++)
        {
            var (email, role, person, name) = missing[i];
            var created = await users.CreateAsync(new NewUserInput
            {
                Email = email, DisplayName = name ?? person!.Name, Password = Password, Roles = [role], EmployeeId = person!.Id,
                Language = Language,
            }, ct);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Demo user {email}: {created.Errors[0].Message}");
            }

            progress?.Report(CompanyShare * (i + 1) / missing.Count);
        }

        db.ChangeTracker.Clear();
        return missing.Count > 0;
    }

    /// <summary>
    /// The demo company as it is in the database, read the same way after seeding it and on every later start, so
    /// that a part added later sees the company its predecessors saw.
    /// </summary>
    internal async Task<DemoStaff> LoadStaffAsync(CancellationToken ct)
    {
        var employees = await db.Employees.AsNoTracking()
            .Where(e => e.Email != null && e.Email.EndsWith(EmailDomain))
            .Select(e => new { e.Id, e.FullName, e.Email, e.Position, e.TeamId, e.Status, e.Capacity, e.EmploymentEnd })
            .ToListAsync(ct);
        employees = [.. employees.Where(e => e.Email!.StartsWith('e')).OrderBy(e => e.Email, StringComparer.Ordinal)];
        var heads = await db.Teams.AsNoTracking().Where(t => t.HeadId != null).Select(t => new { t.Id, HeadId = t.HeadId!.Value }).ToListAsync(ct);
        var order = employees.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var teamIndex = heads.Where(h => order.ContainsKey(h.HeadId)).OrderBy(h => order[h.HeadId])
            .Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var signIns = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null && u.Email != null && u.Email.EndsWith(EmailDomain))
            .Select(u => new { EmployeeId = u.EmployeeId!.Value, Email = u.Email! }).ToListAsync(ct);
        var signInOf = signIns.GroupBy(s => s.EmployeeId).ToDictionary(g => g.Key, g => g.Select(s => s.Email).Order(StringComparer.Ordinal).First());
        return new DemoStaff([.. employees.Select(e => new DemoPerson(
            e.Id, e.FullName,
            e.Status == EmployeeStatus.Left ? DemoRole.Leaver : RoleOfPosition.GetValueOrDefault(e.Position, DemoRole.AccountManager),
            e.TeamId is { } team && teamIndex.TryGetValue(team, out var t) ? t : null,
            e.Capacity,
            signInOf.GetValueOrDefault(e.Id),
            e.Status == EmployeeStatus.Left ? e.EmploymentEnd : null))]);
    }

    /// <summary>The demo's sign-ins that are in the database, in the documented order, with their role.</summary>
    private async Task<List<DemoLogin>> LoginsAsync(CancellationToken ct)
    {
        string[] emails = [DemoSignIns.Admin, DemoSignIns.Head, DemoSignIns.Manager, DemoSignIns.Coordinator, DemoSignIns.Finance,
            DemoSignIns.Hr, DemoSignIns.Press];
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        var found = await (from u in db.Users
                           where normalized.Contains(u.NormalizedEmail!)
                           select new
                           {
                               u.NormalizedEmail,
                               u.DisplayName,
                               Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name)
                                   .OrderBy(n => n).FirstOrDefault(),
                           }).ToListAsync(ct);
        return [.. emails.Select(e => (Email: e, User: found.FirstOrDefault(f => string.Equals(f.NormalizedEmail, e, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.User is not null)
            .Select(x => new DemoLogin(x.Email, x.User!.Role ?? "", x.User.DisplayName))];
    }

    /// <summary>A part's progress as its slice of the whole.</summary>
    private sealed class Slice(IProgress<double> whole, double from, double share) : IProgress<double>
    {
        public void Report(double value) => whole.Report(from + (share * Math.Clamp(value, 0, 1)));
    }
}
