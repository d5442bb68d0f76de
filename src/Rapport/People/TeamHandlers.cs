using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.People;

/// <summary>The fields a user may set on a team.</summary>
public sealed class TeamInput
{
    [Display(Name = nameof(Texts.FieldTeamName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    [Display(Name = nameof(Texts.FieldTeamHead), ResourceType = typeof(Texts))]
    public Guid? HeadId { get; set => field = Choice.OrNull(value); }

    public long Version { get; set; }
}

public sealed record TeamRow(Guid Id, string Name, Guid? HeadId, string? HeadName, int Members, long Version);

/// <summary>Reads and changes teams.</summary>
public sealed class TeamHandlers(RapportDb db)
{
    public Task<List<TeamRow>> ListAsync(Viewer viewer, CancellationToken ct = default) =>
        Project(db.Teams.AsNoTracking().VisibleTo(viewer).OrderBy(t => t.SearchName)).ToListAsync(ct);

    public Task<TeamRow?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        Project(db.Teams.AsNoTracking().VisibleTo(viewer).Where(t => t.Id == id)).FirstOrDefaultAsync(ct);

    public Task<List<Choice>> ChoicesAsync(Viewer viewer, CancellationToken ct = default) =>
        db.Teams.AsNoTracking().VisibleTo(viewer).OrderBy(t => t.SearchName)
            .Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, TeamInput input, CancellationToken ct = default)
    {
        if (!PeopleAccess.CanManage(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var team = new Team();
        if (await ApplyAsync(team, input, ct) is { } invalid)
        {
            return invalid;
        }

        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, TeamInput input, CancellationToken ct = default)
    {
        if (!PeopleAccess.CanManage(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Error.NotFound(Texts.ErrorTeamNotFound);
        }

        if (team.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (await ApplyAsync(team, input, ct) is { } invalid)
        {
            return invalid;
        }

        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Deletes an empty team; a team with members must be emptied first so nobody loses their team silently.</summary>
    public async Task<Result> DeleteAsync(Viewer viewer, Guid id, long version, CancellationToken ct = default)
    {
        if (!PeopleAccess.CanManage(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Error.NotFound(Texts.ErrorTeamNotFound);
        }

        if (team.Version != version)
        {
            return Error.StaleVersion();
        }

        if (await db.Employees.AnyAsync(e => e.TeamId == id, ct))
        {
            return Error.Conflict(Texts.ErrorTeamHasMembers);
        }

        db.Teams.Remove(team);
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<Error?> ApplyAsync(Team team, TeamInput input, CancellationToken ct)
    {
        var folded = SearchText.Fold(input.Name);
        if (await db.Teams.AnyAsync(t => t.SearchName == folded && t.Id != team.Id, ct))
        {
            return Error.Invalid(nameof(TeamInput.Name), Texts.ValidationTeamNameTaken);
        }

        if (input.HeadId is { } headId
            && !await db.Employees.AnyAsync(e => e.Id == headId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(nameof(TeamInput.HeadId), Texts.ValidationUnknownEmployee);
        }

        team.Rename(input.Name!);
        team.HeadId = input.HeadId;
        return null;
    }

    private IQueryable<TeamRow> Project(IQueryable<Team> teams) =>
        teams.Select(t => new TeamRow(t.Id, t.Name, t.HeadId, t.Head != null ? t.Head.FullName : null,
            db.Employees.Count(e => e.TeamId == t.Id), t.Version));
}
