using System.Globalization;

namespace Rapport.Staffing.Engine;

/// <summary>Scores a person's evidence against a profile, explaining every point.</summary>
/// <remarks>
/// A weighted sum a person can check by hand (docs/staffing-profiles.md, docs/decisions/0015-staffing-scoring.md):
/// each weighted criterion is worth its share of 100 points, earned as rating ÷ 4 × the evidence level's factor;
/// nice-to-haves add their weight in bonus points on top. Gates are reported, never subtracted, and nothing here
/// rejects anyone.
/// </remarks>
public static class ProfileScorer
{
    /// <summary>What a claim alone is worth: half, since a CV is not proof.</summary>
    public const decimal SelfDeclaredFactor = 0.5m;

    /// <summary>A diploma, certificate, reference letter or Rapport's own records: most of the way.</summary>
    public const decimal DocumentCheckedFactor = 0.8m;

    /// <summary>Seen by one of ours (an interview scorecard, a work sample, a confirmed reference): in full.</summary>
    public const decimal AssessedFactor = 1.0m;

    /// <summary>The factor a rating counts at for its evidence level.</summary>
    public static decimal Factor(EvidenceLevel level) => level switch
    {
        EvidenceLevel.SelfDeclared => SelfDeclaredFactor,
        EvidenceLevel.DocumentChecked => DocumentCheckedFactor,
        EvidenceLevel.Assessed => AssessedFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not an evidence level."),
    };

    /// <summary>
    /// The score. Per competency the best-evidenced items count (the highest level present; several at that level
    /// are averaged), explanations in <paramref name="culture"/>, names from <paramref name="catalogue"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rating outside 0–4 or an unknown evidence level: the handlers refuse those before they get here.</exception>
    public static ProfileScore Score(RoleProfile profile, IReadOnlyList<EvidenceItem> evidence, IReadOnlyList<CompetencyDefinition> catalogue, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(culture);
        foreach (var item in evidence)
        {
            if (item.Rating is < 0 or > 4)
            {
                throw new ArgumentOutOfRangeException(nameof(evidence), item.Rating, $"{item.Competency} ({item.Source}): a rating is from 0 to 4.");
            }

            Factor(item.Level);
        }

        var text = new Words(culture, catalogue);
        var byCompetency = evidence.ToLookup(e => e.Competency, StringComparer.Ordinal);
        var maxPoints = MaxPoints(profile.Criteria);
        var criteria = new List<CriterionScore>(profile.Criteria.Count);
        for (var i = 0; i < profile.Criteria.Count; i++)
        {
            criteria.Add(ScoreOne(profile.Criteria[i], maxPoints[i], byCompetency[profile.Criteria[i].Competency], text));
        }

        var weighted = criteria.Where(c => !c.Criterion.NiceToHave).ToList();
        var score = weighted.Sum(c => c.Points);
        var bonus = criteria.Where(c => c.Criterion.NiceToHave).Sum(c => c.Points);
        var coverage = Math.Round(weighted.Where(c => c.HasEvidence).Sum(c => c.Criterion.Weight) / weighted.Sum(c => c.Criterion.Weight), 4, MidpointRounding.AwayFromZero);
        var gates = profile.Gates.Select(g => Judge(g, byCompetency[g.Competency], text)).ToList();
        var gaps = criteria.Where(c => c.Rating is null || c.Rating < c.Criterion.Target)
            .Select(c => new Gap(c.Criterion.Competency, c.Rating, c.Criterion.Target, text.Actions(c.Criterion.Competency)))
            .ToList();
        return new ProfileScore(score, bonus, score + bonus, coverage, criteria, gates, gaps);
    }

    /// <summary>
    /// Each criterion's maximum: a weighted one its share of 100 in tenths of a point, the tenths left over by
    /// rounding down given to the largest remainders (first in order on a tie) so the shares add up to exactly 100.0
    /// and no score can pass 100; a nice-to-have its weight in bonus points, to one decimal like every point shown.
    /// </summary>
    private static decimal[] MaxPoints(IReadOnlyList<Criterion> criteria)
    {
        var total = criteria.Where(c => !c.NiceToHave).Sum(c => c.Weight);
        if (total <= 0)
        {
            throw new ArgumentException("The profile has no weighted criterion with a weight above 0; ProfileDocument.Validate refuses such a profile.", nameof(criteria));
        }

        var tenths = new decimal[criteria.Count];
        var remainders = new List<(int Index, decimal Remainder)>();
        for (var i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].NiceToHave)
            {
                continue;
            }

            var exact = 1000m * criteria[i].Weight / total;
            tenths[i] = Math.Floor(exact);
            remainders.Add((i, exact - tenths[i]));
        }

        var left = 1000m - tenths.Sum();
        foreach (var (index, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)left))
        {
            tenths[index]++;
        }

        return [.. criteria.Select((c, i) => c.NiceToHave ? Math.Round(c.Weight, 1, MidpointRounding.AwayFromZero) : tenths[i] / 10m)];
    }

    /// <summary>The items that count: those at the highest level present, their ratings averaged (to 2 decimals).</summary>
    private static (decimal Rating, EvidenceLevel Level, List<EvidenceItem> Items)? Best(IEnumerable<EvidenceItem> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var level = all.Max(i => i.Level);
        var best = all.Where(i => i.Level == level).ToList();
        return (Math.Round(best.Average(i => i.Rating), 2, MidpointRounding.AwayFromZero), level, best);
    }

    private static CriterionScore ScoreOne(Criterion criterion, decimal maxPoints, IEnumerable<EvidenceItem> items, Words text)
    {
        var name = text.Name(criterion.Competency);
        if (Best(items) is not { } best)
        {
            var none = criterion.NiceToHave ? text.Format(nameof(StaffingTexts.ScoreNoEvidenceBonus), name, text.Points(maxPoints))
                : text.Format(nameof(StaffingTexts.ScoreNoEvidence), name, text.Points(maxPoints));
            return new CriterionScore(criterion, null, null, 0, 0, maxPoints, [], none);
        }

        var factor = Factor(best.Level);
        var points = Math.Round(maxPoints * best.Rating / 4 * factor, 1, MidpointRounding.AwayFromZero);
        var sources = best.Items.Select(i => i.Source).Distinct(StringComparer.Ordinal).ToList();
        var line = text.Format(criterion.NiceToHave ? nameof(StaffingTexts.ScoreLineBonus) : nameof(StaffingTexts.ScoreLine),
            name, text.Rating(best.Rating, best.Items.Count), text.Level(best.Level), factor.ToString("0.0", text.Culture), text.Points(maxPoints), text.Points(points));
        if (sources.Count > 0)
        {
            line += $" ({string.Join("; ", sources)})";
        }

        return new CriterionScore(criterion, best.Rating, best.Level, factor, points, maxPoints, sources, line);
    }

    private static GateResult Judge(Gate gate, IEnumerable<EvidenceItem> items, Words text)
    {
        var name = text.Name(gate.Competency);
        var minimum = gate.MinimumRating.ToString(text.Culture);
        var needed = gate.MinimumEvidence is { } required ? text.Level(required) : null;
        if (Best(items) is not { } best)
        {
            var reason = needed is null ? text.Format(nameof(StaffingTexts.GateNoEvidence), name, minimum)
                : text.Format(nameof(StaffingTexts.GateNoEvidenceLevel), name, minimum, needed);
            return new GateResult(gate, GateOutcome.NoEvidence, null, null, reason);
        }

        var failed = best.Rating < gate.MinimumRating || (gate.MinimumEvidence is { } level && best.Level < level);
        var rating = text.Rating(best.Rating, best.Items.Count);
        var why = needed is null ? text.Format(nameof(StaffingTexts.GateReason), name, rating, text.Level(best.Level), minimum)
            : text.Format(nameof(StaffingTexts.GateReasonLevel), name, rating, text.Level(best.Level), minimum, needed);
        return new GateResult(gate, failed ? GateOutcome.Failed : GateOutcome.Passed, best.Rating, best.Level, why);
    }

    /// <summary>The words and numbers of one culture.</summary>
    private sealed class Words(CultureInfo culture, IReadOnlyList<CompetencyDefinition> catalogue)
    {
        private readonly Dictionary<string, CompetencyDefinition> _definitions =
            catalogue.GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public CultureInfo Culture => culture;

        /// <summary>The competency's name, or its code when the catalogue no longer has it.</summary>
        public string Name(string code) => _definitions.TryGetValue(code, out var d) ? d.Name.In(culture) : code;

        public IReadOnlyList<LocalText> Actions(string code) => _definitions.TryGetValue(code, out var d) ? d.DevelopmentActions : [];

        public string Format(string key, params object?[] args) => string.Format(culture, StaffingTexts.ResourceManager.GetString(key, culture)!, args);

        public string Points(decimal points) => points.ToString("#,0.0", culture);

        public string Rating(decimal rating, int count) => count > 1
            ? Format(nameof(StaffingTexts.RatingOfMean), rating.ToString("0.##", culture), count)
            : Format(nameof(StaffingTexts.RatingOf), rating.ToString("0.##", culture));

        public string Level(EvidenceLevel level) => Format(level switch
        {
            EvidenceLevel.SelfDeclared => nameof(StaffingTexts.LevelSelfDeclared),
            EvidenceLevel.DocumentChecked => nameof(StaffingTexts.LevelDocumentChecked),
            _ => nameof(StaffingTexts.LevelAssessed),
        });
    }
}
