using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;

namespace Rapport.Benchmarks;

/// <summary>One generated employee, as the client-base generator needs to know them.</summary>
internal sealed record StaffMember(Guid Id, int Team, bool IsHead, bool Active, decimal Capacity);

/// <summary>The generated staff: teams (each with its head) and everyone in them.</summary>
internal sealed record Staff(IReadOnlyList<Guid> Teams, IReadOnlyList<StaffMember> Members);

/// <summary>
/// Fills a database with a large, believable staff: up to fifty teams (one per twenty people), each under a head,
/// and people named in Cyrillic and Latin. Everything follows from the seed, ids included (see <see cref="SeededIds"/>).
/// </summary>
internal static class EmployeeGenerator
{
    /// <summary>People per team, until every city has a team for every segment.</summary>
    private const int TeamSize = 20;

    private const int BatchSize = 5_000;

    /// <summary>One person in this many gets a rare surname, so that a search for it finds only a handful.</summary>
    private const int RareSurnameOneIn = 500;

    /// <summary>A rare Cyrillic surname, written in another case, as a user would type it.</summary>
    public const string RareCyrillicTerm = "ЦАНК";

    /// <summary>A common Latin surname, found on thousands of rows.</summary>
    public const string CommonLatinTerm = "popov";

    private static readonly DateOnly Today = new(2026, 1, 1);

    private static readonly NameSet Cyrillic = new(
        ["Иван", "Георги", "Димитър", "Петър", "Николай", "Стефан", "Калоян", "Борис", "Йордан", "Христо"],
        ["Мария", "Елена", "Надежда", "Виктория", "Радостина", "Десислава", "Гергана", "Милена", "Йоана", "Цветелина"],
        ["Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Стоянов", "Христов", "Тодоров", "Ангелов", "Илиев"],
        ["Цанков", "Шишманов", "Кръстев"],
        "а");

    private static readonly NameSet Latin = new(
        ["Ivan", "Georgi", "Martin", "Alexander", "Kaloyan", "Boris", "Stefan", "Nikolay", "Yordan", "Hristo"],
        ["Maria", "Teodora", "Yana", "Desislava", "Milena", "Gergana", "Elena", "Viktoria", "Yoana", "Tsvetelina"],
        ["Popov", "Kolev", "Marinov", "Yordanov", "Dimov", "Pavlov", "Vasilev", "Atanasov", "Kirilov", "Mihaylov"],
        ["Tsankov", "Shishmanov", "Krastev"],
        "a");

    private static readonly string[] Cities =
        ["София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора", "Плевен", "Благоевград", "Велико Търново", "Шумен"];

    private static readonly string[] Segments =
        ["корпоративни клиенти", "малък бизнес", "публичен сектор", "Key Accounts", "Retail"];

    private static readonly string[] Positions =
        ["Акаунт мениджър", "Старши акаунт мениджър", "Координатор продажби", "Account Manager", "Sales Coordinator", "Анализатор"];

    private static readonly string[] Departments = ["Продажби", "Обслужване на клиенти", "Sales", "Финанси"];

    private static readonly decimal[] Capacities = [1m, 1m, 1m, 1m, 0.5m, 0.2m, 0m];

    /// <summary>Creates a SQLite database as an installation does, then loads the staff (the list benchmarks' dataset).</summary>
    public static async Task FillAsync(string connectionString, int employees, int seed)
    {
        var database = new BenchDatabase(DatabaseProvider.Sqlite, connectionString);
        await database.MigrateAsync();
        await FillAsync(database.Options(), employees, seed);
    }

    /// <summary>Loads the staff in batches into a migrated database, through contexts without the host's interceptors.</summary>
    public static async Task<Staff> FillAsync(DbContextOptions<RapportDb> options, int employees, int seed)
    {
        var random = new Random(seed);
        var ids = new SeededIds(seed);
        var teamCount = Math.Clamp(employees / TeamSize, 1, Cities.Length * Segments.Length);
        var teams = Cities.SelectMany(city => Segments.Select(segment => (city, segment))).Take(teamCount).Select(name =>
        {
            var team = new Team();
            SeededIds.SetId(team, ids.Next());
            team.Rename($"{name.city} — {name.segment}");
            return team;
        }).ToList();

        // Teams and their heads point at each other: teams first, then people, then each team's head.
        await using (var db = NewContext(options))
        {
            db.Teams.AddRange(teams);
            await db.SaveChangesAsync();
        }

        var heads = new List<Employee>(teams.Count);
        var members = new List<StaffMember>(employees);
        for (var start = 0; start < employees; start += BatchSize)
        {
            await using var db = NewContext(options);
            for (var index = start; index < Math.Min(start + BatchSize, employees); index++)
            {
                var isHead = index < teams.Count;
                var teamIndex = isHead ? index : random.Next(teams.Count);
                var employee = NewEmployee(random, index, teams[teamIndex], isHead ? null : heads[teamIndex]);
                SeededIds.SetId(employee, ids.Next());
                if (isHead)
                {
                    employee.Position = "Ръководител екип";
                    heads.Add(employee);
                }

                db.Employees.Add(employee);
                members.Add(new StaffMember(employee.Id, teamIndex, isHead, employee.Status == EmployeeStatus.Active, employee.Capacity));
            }

            await db.SaveChangesAsync();
        }

        await using (var db = NewContext(options))
        {
            for (var i = 0; i < heads.Count; i++)
            {
                var (teamId, headId) = (teams[i].Id, heads[i].Id);
                await db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.HeadId, headId));
            }
        }

        return new Staff([.. teams.Select(t => t.Id)], members);
    }

    private static RapportDb NewContext(DbContextOptions<RapportDb> options)
    {
        var db = new RapportDb(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private static Employee NewEmployee(Random random, int index, Team team, Employee? head)
    {
        // Two in three people are written in Cyrillic, as most Bulgarian staff records are.
        var names = random.Next(3) == 0 ? Latin : Cyrillic;
        var female = random.Next(2) == 0;
        var first = Pick(random, female ? names.Female : names.Male);
        var middle = names.Family(Pick(random, names.Surnames), female);
        var surname = names.Family(Pick(random, random.Next(RareSurnameOneIn) == 0 ? names.Rare : names.Surnames), female);
        var start = Today.AddDays(-random.Next(30, 25 * 365));
        var left = random.Next(8) == 0;

        var employee = new Employee
        {
            Email = $"e{index:D6}@bench.rapport.example",
            Position = Pick(random, Positions),
            Department = Pick(random, Departments),
            TeamId = team.Id,
            ManagerId = head?.Id,
            EmploymentStart = start,
            EmploymentEnd = left ? start.AddDays(random.Next(30, Today.DayNumber - start.DayNumber + 1)) : null,
            Status = left ? EmployeeStatus.Left : EmployeeStatus.Active,
            Capacity = Pick(random, Capacities),
        };

        // A number after the name keeps namesakes few; the few that remain exercise the id tie-break of paging.
        employee.Rename($"{first} {middle} {surname} {random.Next(1, 1000)}");
        return employee;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>First names by gender and surnames of one script; a woman's surname takes the feminine ending.</summary>
    private sealed record NameSet(string[] Male, string[] Female, string[] Surnames, string[] Rare, string FeminineEnding)
    {
        public string Family(string surname, bool female) => female ? surname + FeminineEnding : surname;
    }
}
