using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

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
