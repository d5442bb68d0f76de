using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

/// <summary>A new profile: a name and either a template to start from or a document.</summary>
public sealed class ProfileInput
{
    [Display(Name = nameof(StaffingTexts.FieldProfileName), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(RoleProfileRecord.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    /// <summary>A template's key ("small-business"…), used when no document is given.</summary>
    [Display(Name = nameof(StaffingTexts.FieldTemplate), ResourceType = typeof(StaffingTexts))]
    public string? Template { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldProfileDocument), ResourceType = typeof(StaffingTexts))]
    [StringLength(RoleProfileVersion.DocumentLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Document { get; set; }
}

/// <summary>A new version of a profile.</summary>
public sealed class ProfileVersionInput
{
    [Display(Name = nameof(StaffingTexts.FieldProfileDocument), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(RoleProfileVersion.DocumentLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Document { get; set; }

    /// <summary>The profile's version as read, so that two people changing it at once do not both succeed.</summary>
    public long Version { get; set; }
}

public sealed record ProfileRow(Guid Id, string Name, string? Template, int Versions, int Criteria, int Gates, int Vacancies);

public sealed record ProfileVersionRow(Guid Id, int Number, DateTime CreatedAt, string CreatedBy);

public sealed record ProfileDetails(Guid Id, string Name, string? Template, long Version, Guid VersionId, int Number, string Document,
    RoleProfile Profile, IReadOnlyList<ProfileVersionRow> Versions);

/// <summary>Role profiles and their versions. Everyone in staffing reads them; recruiters and administrators change them.</summary>
public sealed class ProfileHandlers(RapportDb db, Catalogue catalogue, TimeProvider clock)
{
    public async Task<List<ProfileRow>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.RoleProfiles.AsNoTracking().OrderBy(p => p.Name).Select(p => new
        {
            p.Id, p.Name, p.Template,
            Versions = db.RoleProfileVersions.Count(v => v.ProfileId == p.Id),
            Latest = db.RoleProfileVersions.Where(v => v.ProfileId == p.Id).OrderByDescending(v => v.Number).Select(v => v.Document).FirstOrDefault(),
            Vacancies = db.Vacancies.Count(v => v.ProfileId == p.Id),
        }).ToListAsync(ct);
        var codes = await catalogue.CodesAsync(ct);
        return [.. rows.Select(r =>
        {
            var profile = r.Latest is null ? null : ProfileDocument.Parse(r.Latest, codes) is { IsSuccess: true } p ? p.Value : null;
            return new ProfileRow(r.Id, r.Name, r.Template, r.Versions, profile?.Criteria.Count ?? 0, profile?.Gates.Count ?? 0, r.Vacancies);
        })];
    }

    /// <summary>A profile at its latest version, or at <paramref name="number"/>.</summary>
    public async Task<ProfileDetails?> GetAsync(Guid id, int? number = null, CancellationToken ct = default)
    {
        if (await db.RoleProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } record)
        {
            return null;
        }

        var versions = await db.RoleProfileVersions.AsNoTracking().Where(v => v.ProfileId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        if ((number is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.FirstOrDefault()) is not { } shown)
        {
            return null;
        }

        var profile = ProfileDocument.Parse(shown.Document, await catalogue.CodesAsync(ct)).Value;
        return new ProfileDetails(record.Id, record.Name, record.Template, record.Version, shown.Id, shown.Number, shown.Document, profile,
            [.. versions.Select(v => new ProfileVersionRow(v.Id, v.Number, v.CreatedAt, v.CreatedBy))]);
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, ProfileInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var name = input.Name!.Trim();
        if (await db.RoleProfiles.AnyAsync(p => p.Name == name, ct))
        {
            return Error.Invalid(nameof(ProfileInput.Name), StaffingTexts.ValidationProfileNameTaken);
        }

        string document;
        string? template = null;
        if (!string.IsNullOrWhiteSpace(input.Document))
        {
            var parsed = await ParseAsync(input.Document, nameof(ProfileInput.Document), ct);
            if (!parsed.IsSuccess)
            {
                return Result<Guid>.Fail([.. parsed.Errors]);
            }

            document = ProfileDocument.Write(parsed.Value with { Name = name });
        }
        else if (ProfileTemplates.All.FirstOrDefault(t => t.Key == input.Template) is { Key: not null } chosen)
        {
            template = chosen.Key;
            document = ProfileDocument.Write(chosen.Profile with { Name = name });
        }
        else
        {
            return Error.Invalid(nameof(ProfileInput.Template), StaffingTexts.ValidationTemplateOrDocument);
        }

        var record = new RoleProfileRecord { Name = name, Template = template };
        db.RoleProfiles.Add(record);
        var version = NewVersion(record.Id, 1, document);
        db.RoleProfileVersions.Add(version);
        StaffingLog.Add(db, clock, StaffingLogKind.ProfileVersion, profileVersionId: version.Id, value: 1);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    /// <summary>A change to a profile is a new version; candidates already scored keep the version they were scored by until they are scored again.</summary>
    public async Task<Result<int>> AddVersionAsync(Viewer viewer, Guid id, ProfileVersionInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.RoleProfiles.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } record)
        {
            return Error.NotFound(StaffingTexts.ErrorProfileNotFound);
        }

        if (record.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        var parsed = await ParseAsync(input.Document!, nameof(ProfileVersionInput.Document), ct);
        if (!parsed.IsSuccess)
        {
            return Result<int>.Fail([.. parsed.Errors]);
        }

        var number = await db.RoleProfileVersions.Where(v => v.ProfileId == id).MaxAsync(v => v.Number, ct) + 1;
        var version = NewVersion(id, number, ProfileDocument.Write(parsed.Value with { Name = record.Name }));
        db.RoleProfileVersions.Add(version);
        record.Version++;
        StaffingLog.Add(db, clock, StaffingLogKind.ProfileVersion, profileVersionId: version.Id, value: number);
        await db.SaveChangesAsync(ct);
        return number;
    }

    private async Task<Result<RoleProfile>> ParseAsync(string document, string field, CancellationToken ct)
    {
        var parsed = ProfileDocument.Parse(document, await catalogue.CodesAsync(ct));
        return parsed.IsSuccess ? parsed : Result<RoleProfile>.Fail([.. parsed.Errors.Select(e => e with { Field = field, Message = e.Message })]);
    }

    private RoleProfileVersion NewVersion(Guid profileId, int number, string document) => new()
    {
        ProfileId = profileId, Number = number, Document = document,
        CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.Actor.Name,
    };
}

/// <summary>Writes the staffing log's entries, stamped with the time and the acting user.</summary>
internal static class StaffingLog
{
    public static StaffingLogEntry Add(RapportDb db, TimeProvider clock, StaffingLogKind kind, Guid? vacancyId = null, Guid? candidateId = null,
        Guid? employeeId = null, Guid? profileVersionId = null, decimal? value = null, string? reason = null, string? inputs = null)
    {
        var entry = new StaffingLogEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = db.Actor.Name, Kind = kind, VacancyId = vacancyId, CandidateId = candidateId,
            EmployeeId = employeeId, ProfileVersionId = profileVersionId, Value = value,
            Reason = reason is null ? null : reason[..Math.Min(reason.Length, StaffingLogEntry.ReasonLength)], Inputs = inputs,
        };
        db.StaffingLog.Add(entry);
        return entry;
    }
}
