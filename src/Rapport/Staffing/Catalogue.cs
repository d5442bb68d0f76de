using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using Rapport.Data;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

/// <summary>The ESCO skill a competency names: a concept URI of the ESCO classification, or none.</summary>
public sealed class EscoInput
{
    [Display(Name = nameof(StaffingTexts.FieldCompetency), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public string? Competency { get; set; }

    [Display(Name = nameof(StaffingTexts.EscoSkill), ResourceType = typeof(StaffingTexts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? EscoUri { get; set; }
}

/// <summary>The competency catalogue as the installation holds it: the defaults seeded once per code, then data.</summary>
public sealed class Catalogue(RapportDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IReadOnlyList<CompetencyDefinition>? _all;

    /// <summary>Every competency in display order (read once per request).</summary>
    public async Task<IReadOnlyList<CompetencyDefinition>> AllAsync(CancellationToken ct = default) =>
        _all ??= (await db.Competencies.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Code).ToListAsync(ct)).Select(ToDefinition).ToList();

    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    public static CompetencyDefinition ToDefinition(Competency c) => new(
        c.Code, new LocalText(c.NameEn, c.NameBg),
        JsonSerializer.Deserialize<List<LocalText>>(c.Anchors, Json) ?? [],
        c.EscoUri,
        JsonSerializer.Deserialize<List<LocalText>>(c.Actions, Json) ?? []);

    /// <summary>
    /// A rating as entered (of a candidate or an employee: the caller sets whose), checked against the catalogue and
    /// the 0–4 scale, stamped with the time <paramref name="at"/> and the acting user; not yet added to the context.
    /// </summary>
    public async Task<Result<EvidenceRecord>> RecordAsync(EvidenceInput input, DateTime at, CancellationToken ct = default)
    {
        if (!(await CodesAsync(ct)).Contains(input.Competency ?? ""))
        {
            return Error.Invalid(nameof(EvidenceInput.Competency), StaffingTexts.ValidationUnknownCompetency);
        }

        if (input.Rating is not { } rating || rating is < 0 or > 4)
        {
            return Error.Invalid(nameof(EvidenceInput.Rating), StaffingTexts.ValidationRating);
        }

        if (input.Level is not { } level || !Enum.IsDefined(level))
        {
            return Error.Invalid(nameof(EvidenceInput.Level), StaffingTexts.ValidationEvidenceLevel);
        }

        return new EvidenceRecord
        {
            Competency = input.Competency!, Rating = Math.Round(rating, 2, MidpointRounding.AwayFromZero), Level = level,
            Source = input.Source!.Trim(), RecordedAt = at, RecordedBy = db.Actor.Name,
        };
    }

    /// <summary>Names a competency's ESCO skill (or clears it): recruiters and administrators, who know which concept they mean.</summary>
    public async Task<Result> SetEscoAsync(Viewer viewer, EscoInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.Competencies.FirstOrDefaultAsync(c => c.Code == input.Competency, ct) is not { } competency)
        {
            return Error.Invalid(nameof(EscoInput.Competency), StaffingTexts.ValidationUnknownCompetency);
        }

        var uri = string.IsNullOrWhiteSpace(input.EscoUri) ? null : input.EscoUri.Trim();
        if (uri is not null && !(uri.StartsWith(EscoPrefix, StringComparison.Ordinal) && Guid.TryParse(uri[EscoPrefix.Length..], out _)))
        {
            return Error.Invalid(nameof(EscoInput.EscoUri), string.Format(System.Globalization.CultureInfo.CurrentCulture, StaffingTexts.ValidationEscoUri, EscoPrefix));
        }

        competency.EscoUri = uri;
        await db.SaveChangesAsync(ct);
        _all = null;
        return Result.Ok();
    }

    /// <summary>How every ESCO skill's concept URI begins; a UUID follows.</summary>
    public const string EscoPrefix = "http://data.europa.eu/esco/skill/";

    /// <summary>Adds the default competencies the installation lacks, so a release's new ones reach an existing database.</summary>
    internal static async Task SeedAsync(RapportDb db, CancellationToken ct)
    {
        var known = await db.Competencies.Select(c => c.Code).ToListAsync(ct);
        var position = 0;
        foreach (var c in CompetencyCatalogue.Default)
        {
            position++;
            if (known.Contains(c.Code))
            {
                continue;
            }

            db.Competencies.Add(new Competency
            {
                Code = c.Code, NameEn = c.Name.En, NameBg = c.Name.Bg, EscoUri = c.EscoUri, Position = position,
                Anchors = JsonSerializer.Serialize(c.Anchors, Json), Actions = JsonSerializer.Serialize(c.DevelopmentActions, Json),
            });
        }
    }
}
