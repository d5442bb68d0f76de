using CsCheck;
using Rapport.Staffing.Engine;

namespace Rapport.Tests.Staffing;

/// <summary>Random valid profiles and evidence for the property tests.</summary>
internal static class StaffingGenerators
{
    private static readonly string[] Codes = [.. CompetencyCatalogue.Default.Select(c => c.Code)];

    public static readonly Gen<EvidenceLevel> Level = Gen.Enum<EvidenceLevel>();

    /// <summary>0–4 in hundredths: what raters and their means give.</summary>
    public static readonly Gen<decimal> Rating = Gen.Int[0, 400].Select(r => r / 100m);

    private static readonly Gen<decimal> Weight = Gen.Int[0, 10_000].Select(w => w / 100m);

    public static readonly Gen<RoleProfile> Profiles =
        Gen.Shuffle(Codes).SelectMany(codes => Gen.Int[1, Codes.Length].SelectMany(count =>
            Gen.Select(Weight.Array[count], Gen.Bool.Array[count], Gen.Int[0, 4].Array[count], Gen.Int[0, 4].Array[count], Gen.Int[0, 3].Array[count],
                (weights, nice, targets, minimums, levels) =>
                {
                    var criteria = codes.Take(count).Select((c, i) => new Criterion(c, weights[i], i > 0 && nice[i], targets[i])).ToList();
                    // The first criterion is weighted; make sure some weight is above 0.
                    criteria[0] = criteria[0] with { Weight = criteria[0].Weight + 1 };
                    var gates = criteria.Where((_, i) => minimums[i] > 2)
                        .Select((c, i) => new Gate(c.Competency, minimums[i], levels[i] == 0 ? null : (EvidenceLevel)levels[i])).ToList();
                    return new RoleProfile { Name = $"Generated {count}", Criteria = criteria, Gates = gates };
                })));

    public static readonly Gen<EvidenceItem> Item =
        Gen.Select(Gen.Int[0, Codes.Length - 1].Select(i => Codes[i]), Rating, Level, Gen.Int[1, 3], (code, rating, level, source) => new EvidenceItem(code, rating, level, $"Source {source}"));

    public static readonly Gen<EvidenceItem[]> Evidence = Item.Array[0, 20];
}
