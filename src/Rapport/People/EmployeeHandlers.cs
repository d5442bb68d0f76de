using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.People;

/// <summary>Reads and changes employees, within what the viewer may see and do.</summary>
public sealed class EmployeeHandlers(RapportDb db)
{
    public async Task<Page<EmployeeRow>> ListAsync(Viewer viewer, EmployeeFilter filter, CancellationToken ct = default)
    {
        var query = db.Employees.AsNoTracking().VisibleTo(viewer);
        var term = SearchText.Fold(filter.Search);
        if (term.Length > 0)
        {
            var pattern = SearchText.LikeContains(term);
            query = query.Where(e => EF.Functions.Like(e.SearchName, pattern, "\\")
                || (e.Email != null && EF.Functions.Like(e.Email, pattern, "\\")));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        if (filter.TeamId is { } teamId)
        {
            query = query.Where(e => e.TeamId == teamId);
        }

        var after = Cursor.Decode(filter.After);
        var size = Cursor.ClampSize(filter.Size);
        query = (filter.Sort, filter.Descending) switch
        {
            (EmployeeSort.Start, false) => After(query, after, ascending: true)
                .OrderBy(e => e.EmploymentStart).ThenBy(e => e.Id),
            (EmployeeSort.Start, true) => After(query, after, ascending: false)
                .OrderByDescending(e => e.EmploymentStart).ThenByDescending(e => e.Id),
            (_, false) => (after is { } a
                    ? query.Where(e => e.SearchName.CompareTo(a.Key) > 0 || (e.SearchName == a.Key && e.Id > a.Id))
                    : query)
                .OrderBy(e => e.SearchName).ThenBy(e => e.Id),
            (_, true) => (after is { } a
                    ? query.Where(e => e.SearchName.CompareTo(a.Key) < 0 || (e.SearchName == a.Key && e.Id < a.Id))
                    : query)
                .OrderByDescending(e => e.SearchName).ThenByDescending(e => e.Id),
        };

        var rows = await query
            .Select(e => new
            {
                Row = new EmployeeRow(e.Id, e.FullName, e.Position, e.Department, e.Team != null ? e.Team.Name : null,
                    e.Manager != null ? e.Manager.FullName : null, e.EmploymentStart, e.Status, e.Capacity),
                e.SearchName,
            })
            .Take(size + 1)
            .ToListAsync(ct);

        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            var key = filter.Sort == EmployeeSort.Start
                ? last.Row.EmploymentStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : last.SearchName;
            next = new Cursor(key, last.Row.Id).Encode();
        }

        return new Page<EmployeeRow>([.. rows.Select(r => r.Row)], next);

        static IQueryable<Employee> After(IQueryable<Employee> query, Cursor? after, bool ascending)
        {
            if (after is not { } a || !DateOnly.TryParseExact(a.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var start))
            {
                return query;
            }

            return ascending
                ? query.Where(e => e.EmploymentStart > start || (e.EmploymentStart == start && e.Id > a.Id))
                : query.Where(e => e.EmploymentStart < start || (e.EmploymentStart == start && e.Id < a.Id));
        }
    }

    public Task<EmployeeDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        db.Employees.AsNoTracking().VisibleTo(viewer).Where(e => e.Id == id)
            .Select(e => new EmployeeDetails(e.Id, e.FullName, e.Email, e.Position, e.Department, e.TeamId,
                e.Team != null ? e.Team.Name : null, e.ManagerId, e.Manager != null ? e.Manager.FullName : null,
                e.EmploymentStart, e.EmploymentEnd, e.Status, e.Capacity, e.Version))
            .FirstOrDefaultAsync(ct);

    /// <summary>Active employees as (id, name) pairs for pickers; only those the viewer may see.</summary>
    public Task<List<Choice>> ChoicesAsync(Viewer viewer, CancellationToken ct = default) =>
        db.Employees.AsNoTracking().VisibleTo(viewer).Where(e => e.Status == EmployeeStatus.Active)
            .OrderBy(e => e.SearchName).Select(e => new Choice(e.Id, e.FullName)).Take(1000).ToListAsync(ct);

    /// <summary>
    /// Every active employee as a picker entry. Colleagues' names are not confidential, and forms that name a
    /// colleague (an account's owner or coordinator, the people in a meeting) need all of them.
    /// </summary>
    public Task<List<Choice>> ColleaguesAsync(CancellationToken ct = default) =>
        db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active)
            .OrderBy(e => e.SearchName).Select(e => new Choice(e.Id, e.FullName)).Take(2000).ToListAsync(ct);

    /// <summary>The name of an active employee, for a picker that starts with them.</summary>
    public Task<string?> NameOfAsync(Guid id, CancellationToken ct = default) =>
        db.Employees.AsNoTracking().Where(e => e.Id == id && e.Status == EmployeeStatus.Active).Select(e => e.FullName).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Active colleagues whose folded name contains every word typed, closest first (a whole-name match, then names
    /// starting with the text), for the "who else was there" box of the interaction form and its suggestions.
    /// </summary>
    public async Task<List<Choice>> FindColleaguesAsync(string? text, int take = 8, CancellationToken ct = default)
    {
        var term = SearchText.Fold(text);
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var query = db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active);
        foreach (var word in words)
        {
            var pattern = SearchText.LikeContains(word);
            query = query.Where(e => EF.Functions.Like(e.SearchName, pattern, "\\"));
        }

        var found = await query.OrderBy(e => e.SearchName).Take(take * 4).Select(e => new { e.Id, e.FullName, e.SearchName }).ToListAsync(ct);
        return [.. found
            .OrderBy(e => e.SearchName == term ? 0 : e.SearchName.StartsWith(term, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(e => e.SearchName, StringComparer.Ordinal)
            .Take(take).Select(e => new Choice(e.Id, e.FullName))];
    }

    /// <summary>
    /// The colleague a typed name means: one when it is clear (the only match, or the only whole-name one among several),
    /// else those it could mean (none, or up to six), for a box that takes a colleague by name.
    /// </summary>
    public async Task<List<Choice>> ResolveColleagueAsync(string name, CancellationToken ct = default)
    {
        var found = await FindColleaguesAsync(name, take: 6, ct);
        var exact = found.Where(c => SearchText.Fold(c.Name) == SearchText.Fold(name)).ToList();
        return exact.Count == 1 ? exact : found;
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, EmployeeInput input, CancellationToken ct = default)
    {
        if (!PeopleAccess.CanManage(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var employee = new Employee();
        var invalid = await ApplyAsync(employee, input, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        db.Employees.Add(employee);
        await db.SaveChangesAsync(ct);
        return employee.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, EmployeeInput input, CancellationToken ct = default)
    {
        if (!PeopleAccess.CanManage(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (employee is null)
        {
            return Error.NotFound(Texts.ErrorEmployeeNotFound);
        }

        if (employee.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        var invalid = await ApplyAsync(employee, input, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<Error?> ApplyAsync(Employee employee, EmployeeInput input, CancellationToken ct)
    {
        if (input.EmploymentEnd is { } end && input.EmploymentStart is { } start && end < start)
        {
            return Error.Invalid(nameof(EmployeeInput.EmploymentEnd), Texts.ValidationEndBeforeStart);
        }

        if (input.Status == EmployeeStatus.Left && input.EmploymentEnd is null)
        {
            return Error.Invalid(nameof(EmployeeInput.EmploymentEnd), Texts.ValidationLeftNeedsEnd);
        }

        if (input.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            return Error.Invalid(nameof(EmployeeInput.TeamId), Texts.ValidationUnknownTeam);
        }

        if (input.ManagerId is { } managerId)
        {
            if (managerId == employee.Id)
            {
                return Error.Invalid(nameof(EmployeeInput.ManagerId), Texts.ValidationOwnManager);
            }

            if (!await db.Employees.AnyAsync(e => e.Id == managerId, ct))
            {
                return Error.Invalid(nameof(EmployeeInput.ManagerId), Texts.ValidationUnknownEmployee);
            }

            if (await ManagesAsync(employee.Id, managerId, ct))
            {
                return Error.Invalid(nameof(EmployeeInput.ManagerId), Texts.ValidationManagerCycle);
            }
        }

        employee.Rename(input.FullName!);
        // E-mail addresses are kept in lower case, so that search and matching need no case folding in SQL.
        employee.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim().ToLowerInvariant();
        employee.Position = input.Position?.Trim() ?? "";
        employee.Department = input.Department?.Trim() ?? "";
        employee.TeamId = input.TeamId;
        employee.ManagerId = input.ManagerId;
        employee.EmploymentStart = input.EmploymentStart!.Value;
        employee.EmploymentEnd = input.EmploymentEnd;
        employee.Status = input.Status;
        employee.Capacity = decimal.Round(input.Capacity, 2, MidpointRounding.AwayFromZero);
        return null;
    }

    /// <summary>Whether <paramref name="employeeId"/> stands above <paramref name="candidateId"/> in the reporting line.</summary>
    private async Task<bool> ManagesAsync(Guid employeeId, Guid candidateId, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        Guid? current = candidateId;
        while (current is { } id && seen.Add(id))
        {
            if (id == employeeId)
            {
                return true;
            }

            current = await db.Employees.Where(e => e.Id == id).Select(e => e.ManagerId).FirstOrDefaultAsync(ct);
        }

        return false;
    }
}

/// <summary>An option of a picker: a record's id and its display name.</summary>
public sealed record Choice(Guid Id, string Name)
{
    /// <summary>
    /// The value a picker posts for "none". Server-rendered forms cannot post an empty value for an optional id
    /// (the form binder rejects it), so "none" travels as the empty GUID and inputs read it back as null.
    /// </summary>
    public static readonly Guid None = Guid.Empty;

    public static Guid? OrNull(Guid? id) => id == None ? null : id;
}
