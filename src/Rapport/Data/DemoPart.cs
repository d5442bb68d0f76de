namespace Rapport.Data;

/// <summary>
/// One capability's share of the demo: the client base today; deals, pay, service cases and candidates as they arrive.
/// <see cref="DemoData"/> seeds the demo company (teams, people, sign-ins) and then runs its parts in order, each in a
/// transaction of its own, with a <see cref="DemoContext"/> that gives it the company and a random sequence of its own.
/// </summary>
public interface IDemoPart
{
    /// <summary>
    /// A short name that never changes: the part's random numbers are seeded from it and the demo seed, so a part added
    /// later, or one that changes what it draws, leaves every other part's names and numbers as they were.
    /// </summary>
    string Name { get; }

    /// <summary>Whether this part's records are there already: a part added after the demo was seeded fills in at the next start.</summary>
    Task<bool> IsSeededAsync(CancellationToken ct);

    /// <summary>Adds the part's records, inside the transaction the demo opened for it (so a bulk write may be used).</summary>
    Task SeedAsync(DemoContext demo, CancellationToken ct);
}

/// <summary>What a demo part builds on: the seed and its own random sequence, the instant it seeds at, and the company.</summary>
public sealed class DemoContext
{
    public required int Seed { get; init; }

    /// <summary>The part's own sequence, drawn from <see cref="Seed"/> and the part's name.</summary>
    public required Random Random { get; init; }

    /// <summary>Now, from the injected clock (UTC): everything the demo dates lies before it, so the demo always looks current.</summary>
    public required DateTime Now { get; init; }

    /// <summary>Today's date (UTC), as the handlers count due dates.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public required DemoStaff Staff { get; init; }

    /// <summary>The part's share of the seeding's progress, from 0 to 1.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>A seed for a part's sequence that is the same in every process (string.GetHashCode is not).</summary>
    internal static int SeedFor(int seed, string part)
    {
        var hash = 2166136261u;
        foreach (var c in part)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)seed) & int.MaxValue;
    }
}

/// <summary>The part a person plays in the demo company.</summary>
public enum DemoRole
{
    Director,
    HeadOfSales,

    /// <summary>A full-time account manager.</summary>
    AccountManager,

    /// <summary>Someone who holds a few accounts beside their main job: a department head, the press secretary.</summary>
    PartTimeAccountManager,

    /// <summary>A client-relations coordinator, who keeps clients' products running and does not sell.</summary>
    Coordinator,
    Finance,
    HumanResources,

    /// <summary>An account manager who has left the company; their history stays.</summary>
    Leaver,

    /// <summary>Someone in another department who works with no clients: a possible internal candidate for the role.</summary>
    Staff,
}

/// <summary>
/// One person of the demo company: their employee record, part, team (by index), demo sign-in if any, and the day
/// they left if they have.
/// </summary>
public sealed record DemoPerson(Guid Id, string Name, DemoRole Role, int? Team, decimal Capacity, string? SignIn, DateOnly? LeftOn = null);

/// <summary>The people of the demo company, in the order they were created.</summary>
public sealed class DemoStaff(IReadOnlyList<DemoPerson> people)
{
    public IReadOnlyList<DemoPerson> People { get; } = people;

    public int Teams => People.Where(p => p.Team is not null).Select(p => p.Team!.Value).Distinct().Count();

    public IEnumerable<DemoPerson> With(DemoRole role) => People.Where(p => p.Role == role);

    /// <summary>The person behind a demo sign-in (see <see cref="DemoSignIns"/>).</summary>
    public DemoPerson SignedInAs(string email) =>
        People.FirstOrDefault(p => string.Equals(p.SignIn, email, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No one in the demo company signs in as {email}.");

    public DemoPerson HeadOf(int team) => People.First(p => p.Role == DemoRole.HeadOfSales && p.Team == team);

    public IEnumerable<DemoPerson> InTeam(int team) => People.Where(p => p.Team == team);
}

/// <summary>The demo's sign-ins, documented in README.md and used by scripts; all share <see cref="DemoData.Password"/>.</summary>
public static class DemoSignIns
{
    public const string Admin = "admin@demo.rapport.example";
    public const string Head = "head@demo.rapport.example";
    public const string Manager = "manager@demo.rapport.example";
    public const string Coordinator = "coordinator@demo.rapport.example";
    public const string Finance = "finance@demo.rapport.example";
    public const string Hr = "hr@demo.rapport.example";
    public const string Press = "press@demo.rapport.example";
}
