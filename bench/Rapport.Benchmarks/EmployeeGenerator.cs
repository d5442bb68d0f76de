using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.People;

namespace Rapport.Benchmarks;

/// <summary>
/// Fills a new SQLite database with a large, believable staff: about fifty teams, each under a head, and people
/// named in Cyrillic and Latin. Names, teams, dates and statuses follow from the seed alone; ids are the
/// time-ordered ones every <see cref="Employee"/> gets, so only they differ between runs.
/// </summary>
internal static class EmployeeGenerator
{
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

    /// <summary>Creates the schema and reference data as an installation does, then loads the staff in batches.</summary>
    public static async Task FillAsync(string connectionString, int employees, int seed)
    {
        await MigrateAsync(connectionString);

        // Built by hand, this context has none of the host's interceptors: a bulk load writes no audit trail.
        var builder = new DbContextOptionsBuilder<RapportDb>();
        DatabaseOptions.Configure(builder, DatabaseProvider.Sqlite, connectionString);
        var options = builder.Options;

        var random = new Random(seed);
        var teams = Cities.SelectMany(city => Segments.Select(segment =>
        {
            var team = new Team();
            team.Rename($"{city} — {segment}");
            return team;
        })).ToList();

        // Teams and their heads point at each other: teams first, then people, then each team's head.
        await using (var db = NewContext(options))
        {
            db.Teams.AddRange(teams);
            await db.SaveChangesAsync();
        }

        var heads = new List<Employee>(teams.Count);
        for (var start = 0; start < employees; start += BatchSize)
        {
            await using var db = NewContext(options);
            for (var index = start; index < Math.Min(start + BatchSize, employees); index++)
            {
                var isHead = index < teams.Count;
                var teamIndex = isHead ? index : random.Next(teams.Count);
                var employee = NewEmployee(random, index, teams[teamIndex], isHead ? null : heads[teamIndex]);
                if (isHead)
                {
                    employee.Position = "Ръководител екип";
                    heads.Add(employee);
                }

                db.Employees.Add(employee);
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
    }

    private static async Task MigrateAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
                ["ConnectionStrings:Rapport"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRapport(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
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
