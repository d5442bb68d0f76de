using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>The fields an administrator sets on a buying role; the code is made once, from the English name.</summary>
public sealed class BuyingRoleInput
{
    [Display(Name = nameof(Texts.FieldNameEn), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(BuyingRoles.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? NameEn { get; set; }

    [Display(Name = nameof(Texts.FieldNameBg), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(BuyingRoles.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? NameBg { get; set; }

    [Display(Name = nameof(Texts.FieldRhythmDays), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(1, 730, ErrorMessageResourceName = nameof(Texts.ValidationRange), ErrorMessageResourceType = typeof(Texts))]
    public int? RhythmDays { get; set; }

    [Display(Name = nameof(Texts.FieldRoleRequired), ResourceType = typeof(Texts))]
    public bool Required { get; set; }

    public long Version { get; set; }
}

/// <summary>A buying role with how many contacts hold it, for the settings page and the API.</summary>
public sealed record BuyingRoleRow(
    Guid Id, string Code, string NameEn, string NameBg, int RhythmDays, bool Required, int Position, bool Archived,
    int Contacts, long Version)
{
    public BuyingRoleInput ToInput() => new()
    {
        NameEn = NameEn, NameBg = NameBg, RhythmDays = RhythmDays, Required = Required, Version = Version,
    };
}

/// <summary>
/// The buying roles, read at most once per request or unit of work. They are read through a context of their own: a
/// page's components ask for them while the page may be awaiting a query on the request's context, which allows one
/// operation at a time.
/// </summary>
public sealed class BuyingRoleCatalog(DbContextOptions<RapportDb> options)
{
    private Task<RoleSet>? _roles;

    public Task<RoleSet> GetAsync(CancellationToken ct = default) => _roles ??= LoadAsync(ct);

    /// <summary>Forgets what was read, after a change to the roles in the same unit of work.</summary>
    public void Reset() => _roles = null;

    private async Task<RoleSet> LoadAsync(CancellationToken ct)
    {
        await using var db = new RapportDb(options);
        return new RoleSet(await db.BuyingRoles.AsNoTracking().ToListAsync(ct));
    }
}

/// <summary>Buying roles as settings: everyone reads them, administrators shape them.</summary>
public sealed class BuyingRoleHandlers(RapportDb db, BuyingRoleCatalog catalog, AccountSignalsRequests signals)
{
    public async Task<List<BuyingRoleRow>> ListAsync(CancellationToken ct = default)
    {
        var counts = await db.Contacts.GroupBy(c => c.Role).Select(g => new { Role = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Role, g => g.Count, StringComparer.Ordinal, ct);
        return [.. (await catalog.GetAsync(ct)).All.Select(r => Row(r, counts.GetValueOrDefault(r.Code)))];
    }

    public async Task<BuyingRoleRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var role = await db.BuyingRoles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return role is null ? null : Row(role, await db.Contacts.CountAsync(c => c.Role == role.Code, ct));
    }

    public async Task<Result<Guid>> AddAsync(Viewer viewer, BuyingRoleInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var roles = await db.BuyingRoles.ToListAsync(ct);
        if (NameTaken(roles, null, input) is { } taken)
        {
            return taken;
        }

        var codes = roles.Select(r => r.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var role = BuyingRole.Create(BuyingRoles.CodeFor(input.NameEn!, codes));
        role.Position = roles.Count == 0 ? 0 : roles.Max(r => r.Position) + 1;
        Apply(role, input);
        db.BuyingRoles.Add(role);
        await db.SaveChangesAsync(ct);
        catalog.Reset();
        return role.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, BuyingRoleInput input, CancellationToken ct = default) =>
        await ChangeAsync(viewer, id, input.Version, (role, roles) =>
        {
            if (NameTaken(roles, role, input) is { } taken)
            {
                return taken;
            }

            Apply(role, input);
            return KeepsOneRequired(roles);
        }, ct);

    /// <summary>Archives or restores a role; an archived role is no longer required for coverage.</summary>
    public async Task<Result> SetArchivedAsync(Viewer viewer, Guid id, bool archived, long version, CancellationToken ct = default) =>
        await ChangeAsync(viewer, id, version, (role, roles) =>
        {
            role.Archived = archived;
            return KeepsOneRequired(roles);
        }, ct);

    /// <summary>Moves a role one place up (towards the first) or down in the order of lists and pickers.</summary>
    public async Task<Result> MoveAsync(Viewer viewer, Guid id, bool up, long version, CancellationToken ct = default) =>
        await ChangeAsync(viewer, id, version, (role, roles) =>
        {
            var ordered = roles.OrderBy(r => r.Position).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
            var at = ordered.IndexOf(role);
            var to = up ? at - 1 : at + 1;
            if (to >= 0 && to < ordered.Count)
            {
                (ordered[at], ordered[to]) = (ordered[to], ordered[at]);
            }

            // Positions are renumbered so that roles added with equal positions get a definite order too.
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Position != i)
                {
                    ordered[i].Position = i;
                }
            }

            return null;
        }, ct);

    /// <summary>Deletes a role no contact has ever held; a role in use can only be archived.</summary>
    public async Task<Result> DeleteAsync(Viewer viewer, Guid id, long version, CancellationToken ct = default) =>
        await ApplyChangeAsync(viewer, id, version, async (role, roles) =>
        {
            if (await db.Contacts.AnyAsync(c => c.Role == role.Code, ct))
            {
                return new Error(ErrorKind.Conflict, Texts.BuyingRoleInUse);
            }

            db.BuyingRoles.Remove(role);
            return KeepsOneRequired([.. roles.Where(r => r != role)]);
        }, ct);

    private async Task<Result> ChangeAsync(
        Viewer viewer, Guid id, long version, Func<BuyingRole, List<BuyingRole>, Error?> change, CancellationToken ct) =>
        await ApplyChangeAsync(viewer, id, version, (role, roles) => Task.FromResult(change(role, roles)), ct);

    /// <summary>Checks the viewer and the version, applies the change to the role (all roles at hand) and saves it.</summary>
    private async Task<Result> ApplyChangeAsync(
        Viewer viewer, Guid id, long version, Func<BuyingRole, List<BuyingRole>, Task<Error?>> change, CancellationToken ct)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var roles = await db.BuyingRoles.ToListAsync(ct);
        var role = roles.FirstOrDefault(r => r.Id == id);
        if (role is null)
        {
            return Error.NotFound(Texts.ErrorBuyingRoleNotFound);
        }

        if (role.Version != version)
        {
            return Error.StaleVersion();
        }

        if (await change(role, roles) is { } error)
        {
            return error;
        }

        var result = await db.SaveOrConflictAsync(ct);
        catalog.Reset();
        // Which roles are required decides every account's coverage.
        signals.Request();
        return result;
    }

    private static void Apply(BuyingRole role, BuyingRoleInput input)
    {
        role.NameEn = input.NameEn!.Trim();
        role.NameBg = input.NameBg!.Trim();
        role.RhythmDays = input.RhythmDays!.Value;
        role.Required = input.Required;
    }

    private static Error? NameTaken(List<BuyingRole> roles, BuyingRole? self, BuyingRoleInput input)
    {
        var others = roles.Where(r => r != self).ToList();
        if (others.Any(r => SearchText.Fold(r.NameEn) == SearchText.Fold(input.NameEn!.Trim())))
        {
            return Error.Invalid(nameof(BuyingRoleInput.NameEn), Texts.ValidationBuyingRoleNameTaken);
        }

        return others.Any(r => SearchText.Fold(r.NameBg) == SearchText.Fold(input.NameBg!.Trim()))
            ? Error.Invalid(nameof(BuyingRoleInput.NameBg), Texts.ValidationBuyingRoleNameTaken)
            : null;
    }

    // Coverage asks for the required roles; with none, every account would count as covered.
    private static Error? KeepsOneRequired(List<BuyingRole> roles) =>
        roles.Any(r => r.Required && !r.Archived)
            ? null
            : Error.Invalid(nameof(BuyingRoleInput.Required), Texts.ValidationBuyingRoleOneRequired);

    private static BuyingRoleRow Row(BuyingRole r, int contacts) =>
        new(r.Id, r.Code, r.NameEn, r.NameBg, r.RhythmDays, r.Required, r.Position, r.Archived, contacts, r.Version);
}
