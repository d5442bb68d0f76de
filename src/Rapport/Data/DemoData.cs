using Microsoft.EntityFrameworkCore;
using Rapport.Identity;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>One demo user that can sign in, as printed after seeding.</summary>
public sealed record DemoLogin(string Email, string Role);

/// <summary>
/// A believable Bulgarian demo company: three sales teams, their heads, account managers (some part-time),
/// coordinators, finance and HR, with names in Cyrillic and Latin. Deterministic for a given seed.
/// </summary>
public sealed class DemoData(RapportDb db, UserHandlers users, TimeProvider clock)
{
    public const string Password = "Rapport-demo-2026";

    // Names by script and gender, so that a first name never meets a surname of the other script or gender.
    private static readonly (string[] Male, string[] Female, string[] Surnames)[] Names =
    [
        (["Иван", "Георги", "Димитър", "Петър", "Николай", "Стефан", "Калоян", "Борис"],
         ["Мария", "Елена", "Надежда", "Виктория", "Радостина", "Десислава", "Гергана", "Милена"],
         ["Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Стоянов", "Христов", "Тодоров", "Ангелов", "Илиев"]),
        (["Ivan", "Georgi", "Martin", "Alexander", "Kaloyan", "Boris", "Stefan", "Nikolay"],
         ["Maria", "Teodora", "Yana", "Desislava", "Milena", "Gergana", "Elena", "Viktoria"],
         ["Popov", "Kolev", "Marinov", "Yordanov", "Dimov", "Pavlov", "Vasilev", "Atanasov", "Kirilov", "Mihaylov"]),
    ];

    public Task<bool> IsSeededAsync(CancellationToken ct = default) => db.Employees.AnyAsync(ct);

    /// <summary>Seeds the demo company unless employees exist already; reports progress as a fraction done.</summary>
    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(int seed = 2026, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        if (await IsSeededAsync(ct))
        {
            return [];
        }

        var random = new Random(seed);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var teamNames = new[] { "София — корпоративни клиенти", "Пловдив и Южен централен", "Varna & Black Sea" };

        Employee NewEmployee(string position, string department, Team? team, Employee? manager, decimal capacity, int index)
        {
            // Two in three people are written in Cyrillic, as most Bulgarian staff records are.
            var script = random.Next(3) == 0 ? 1 : 0;
            var (male, female, surnames) = Names[script];
            var isFemale = random.Next(2) == 0;
            var first = isFemale ? female[random.Next(female.Length)] : male[random.Next(male.Length)];
            var feminine = script == 0 ? "а" : "a";
            var last = surnames[random.Next(surnames.Length)] + (isFemale ? feminine : "");
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
            employee.Rename($"{first} {last}");
            employee.Email = $"e{index:D3}@demo.rapport.example";
            db.Employees.Add(employee);
            return employee;
        }

        var teams = teamNames.Select(name =>
        {
            var team = new Team();
            team.Rename(name);
            return team;
        }).ToList();
        db.Teams.AddRange(teams);
        // Teams and their heads point at each other: save the teams first, name the heads after.
        await db.SaveChangesAsync(ct);

        var index = 0;
        var director = NewEmployee("Търговски директор", "Продажби", null, null, 0.5m, index++);
        var heads = new List<Employee>();
        foreach (var team in teams)
        {
            var head = NewEmployee("Head of Sales", "Продажби", team, director, 0.5m, index++);
            heads.Add(head);
            for (var i = 0; i < 6; i++)
            {
                NewEmployee(i % 3 == 2 ? "Координатор за връзки с клиенти" : "Account Manager", "Продажби", team, head,
                    i == 5 ? 0.2m : 1m, index++);
            }
        }

        var finance = NewEmployee("Главен счетоводител", "Финанси", null, director, 0m, index++);
        var hr = NewEmployee("HR Business Partner", "Човешки ресурси", null, director, 0m, index++);
        var pressSecretary = NewEmployee("Press Secretary", "PR", null, director, 0.2m, index++);
        var leaver = NewEmployee("Account Manager", "Продажби", null, heads[0], 1m, index++);
        leaver.Status = EmployeeStatus.Left;
        leaver.EmploymentEnd = today.AddDays(-30);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < teams.Count; i++)
        {
            teams[i].HeadId = heads[i].Id;
        }

        await db.SaveChangesAsync(ct);
        progress?.Report(0.3);

        var firstManager = await db.Employees.Where(e => e.ManagerId == heads[0].Id && e.Position == "Account Manager"
                && e.Status == EmployeeStatus.Active)
            .OrderBy(e => e.SearchName).FirstAsync(ct);
        var firstCoordinator = await db.Employees.Where(e => e.ManagerId == heads[0].Id && e.Position != "Account Manager")
            .OrderBy(e => e.SearchName).FirstAsync(ct);
        var logins = new (string Email, string Name, string Role, Guid? Employee, string Language)[]
        {
            ("admin@demo.rapport.example", "Администратор", Roles.Administrator, director.Id, Languages.Bulgarian),
            ("head@demo.rapport.example", heads[0].FullName, Roles.HeadOfSales, heads[0].Id, Languages.Bulgarian),
            ("manager@demo.rapport.example", firstManager.FullName, Roles.AccountManager, firstManager.Id, Languages.English),
            ("coordinator@demo.rapport.example", firstCoordinator.FullName, Roles.Coordinator, firstCoordinator.Id, Languages.Bulgarian),
            ("finance@demo.rapport.example", finance.FullName, Roles.Finance, finance.Id, Languages.Bulgarian),
            ("hr@demo.rapport.example", hr.FullName, Roles.Recruiter, hr.Id, Languages.English),
            ("press@demo.rapport.example", pressSecretary.FullName, Roles.AccountManager, pressSecretary.Id, Languages.Bulgarian),
        };

        var result = new List<DemoLogin>();
        for (var i = 0; i < logins.Length; i++)
        {
            var (email, name, role, employeeId, language) = logins[i];
            var created = await users.CreateAsync(new NewUserInput
            {
                Email = email, DisplayName = name, Password = Password, Roles = [role], EmployeeId = employeeId,
                Language = language,
            }, ct);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Demo user {email}: {created.Errors[0].Message}");
            }

            result.Add(new DemoLogin(email, role));
            progress?.Report(0.3 + (0.7 * (i + 1) / logins.Length));
        }

        return result;
    }
}
