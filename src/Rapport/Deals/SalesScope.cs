using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>Whose figures a forecast or a ranking is about: one employee, a team, or the whole company.</summary>
public enum ScopeKind
{
    Employee,
    Team,
    Company,
}

/// <summary>A scope resolved for a viewer: its kind and id, its name, and its members (null for the whole company).</summary>
public sealed record SalesScope(ScopeKind Kind, Guid? Id, string Name, IReadOnlyList<Guid>? Members)
{
    /// <summary>The value of the pages' <c>scope</c> parameter that names this scope: "employee-{id}", "team-{id}", "" for the company.</summary>
    public string Code => Kind switch
    {
        ScopeKind.Employee => $"employee-{Id}",
        ScopeKind.Team => $"team-{Id}",
        _ => "",
    };

    /// <summary>The employee or team named by a <see cref="Code"/>; neither for anything else.</summary>
    public static (Guid? Employee, Guid? Team) ParseCode(string? code)
    {
        var c = code?.Trim() ?? "";
        if (c.StartsWith("employee-", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(c["employee-".Length..], out var e))
        {
            return (e, null);
        }

        return c.StartsWith("team-", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(c["team-".Length..], out var t) ? (null, t) : (null, null);
    }

    /// <summary>The deal-list filter for the deals credited to this scope.</summary>
    public string DealsQuery => Kind switch
    {
        ScopeKind.Employee => $"credited={Id}",
        ScopeKind.Team => $"creditedteam={Id}",
        _ => "",
    };
}

/// <summary>
/// Who may read whose forecast, quotas and ranking, and set whose quotas. Administrators and Finance: the company,
/// every team and person. A head of sales: the teams they lead, and the people of their team (themselves included).
/// Everyone else who sells: themselves. Quotas are set by administrators for anyone and by heads of sales for the
/// people of their team, never by anyone for themselves (a quota is set from above).
/// </summary>
public sealed class SalesScopes(RapportDb db)
{
    public static bool MayReadCompany(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.Finance);

    /// <summary>
    /// The scope the viewer asked for, or the one that fits them when they asked for none (the company, their team,
    /// themselves); null when they may not read it or it does not exist (a page answers "not found").
    /// </summary>
    public async Task<SalesScope?> ResolveAsync(Viewer viewer, Guid? employeeId, Guid? teamId, bool company = false, CancellationToken ct = default)
    {
        if (employeeId is { } employee)
        {
            if (!await ReadableEmployees(viewer).ContainsAsync(employee, ct))
            {
                return null;
            }

            var name = await db.Employees.Where(e => e.Id == employee).Select(e => e.FullName).FirstOrDefaultAsync(ct);
            return name is null ? null : new SalesScope(ScopeKind.Employee, employee, name, [employee]);
        }

        if (teamId is { } team)
        {
            var found = await ReadableTeams(viewer).Where(t => t.Id == team).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
            return found is null ? null : new SalesScope(ScopeKind.Team, found.Id, found.Name, await MembersAsync(found.Id, ct));
        }

        if (MayReadCompany(viewer))
        {
            return new SalesScope(ScopeKind.Company, null, DealTexts.ScopeCompany, null);
        }

        if (company || viewer.EmployeeId is not { } me)
        {
            return null;
        }

        if (viewer.Is(Roles.HeadOfSales)
            && await db.Teams.Where(t => t.HeadId == me).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct) is { } led)
        {
            return new SalesScope(ScopeKind.Team, led.Id, led.Name, await MembersAsync(led.Id, ct));
        }

        return DealAccess.MaySell(viewer) ? await ResolveAsync(viewer, me, null, false, ct) : null;
    }

    /// <summary>The people of a team: its members and its head.</summary>
    public async Task<IReadOnlyList<Guid>> MembersAsync(Guid teamId, CancellationToken ct = default)
    {
        var head = await db.Teams.Where(t => t.Id == teamId).Select(t => t.HeadId).FirstOrDefaultAsync(ct);
        var members = await db.Employees.Where(e => e.TeamId == teamId).Select(e => e.Id).ToListAsync(ct);
        if (head is { } h && !members.Contains(h))
        {
            members.Add(h);
        }

        return members;
    }

    /// <summary>The employees whose figures the viewer may read.</summary>
    public IQueryable<Guid> ReadableEmployees(Viewer viewer)
    {
        if (MayReadCompany(viewer))
        {
            return db.Employees.Select(e => e.Id);
        }

        if (viewer.EmployeeId is not { } me || !DealAccess.MaySell(viewer))
        {
            return db.Employees.Where(_ => false).Select(e => e.Id);
        }

        if (viewer.Is(Roles.HeadOfSales))
        {
            var led = db.Teams.Where(t => t.HeadId == me).Select(t => (Guid?)t.Id);
            return db.Employees.Where(e => e.Id == me || e.ManagerId == me || led.Contains(e.TeamId)).Select(e => e.Id);
        }

        return db.Employees.Where(e => e.Id == me).Select(e => e.Id);
    }

    /// <summary>The teams whose figures the viewer may read: all, the ones they lead, or none.</summary>
    public IQueryable<Team> ReadableTeams(Viewer viewer)
    {
        if (MayReadCompany(viewer))
        {
            return db.Teams;
        }

        return viewer.EmployeeId is { } me && viewer.Is(Roles.HeadOfSales) ? db.Teams.Where(t => t.HeadId == me) : db.Teams.Where(_ => false);
    }

    /// <summary>Whether the viewer sets this employee's quotas: administrators anyone's, a head of sales their team's, nobody their own.</summary>
    public async Task<bool> MaySetQuotaAsync(Viewer viewer, Guid employeeId, CancellationToken ct = default)
    {
        if (viewer.IsAdministrator)
        {
            return viewer.EmployeeId != employeeId;
        }

        return viewer.EmployeeId is { } me && me != employeeId && viewer.Is(Roles.HeadOfSales)
            && await ReadableEmployees(viewer).ContainsAsync(employeeId, ct);
    }

    /// <summary>Whether the viewer sets anyone's quotas at all.</summary>
    public static bool MaySetQuotas(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.HeadOfSales);

    /// <summary>The scopes the viewer may pick on the forecast and performance pages: teams, then people, by name.</summary>
    public async Task<(List<Choice> Teams, List<Choice> People)> ChoicesAsync(Viewer viewer, CancellationToken ct = default)
    {
        var teams = await ReadableTeams(viewer).OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name)).Take(500).ToListAsync(ct);
        var readable = ReadableEmployees(viewer);
        var people = await db.Employees.Where(e => readable.Contains(e.Id) && e.Status == EmployeeStatus.Active && e.Capacity > 0)
            .OrderBy(e => e.SearchName).Select(e => new Choice(e.Id, e.FullName)).Take(2000).ToListAsync(ct);
        return (teams, people);
    }
}
