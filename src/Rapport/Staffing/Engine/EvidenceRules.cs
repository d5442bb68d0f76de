using System.Globalization;

namespace Rapport.Staffing.Engine;

/// <summary>Turns what is known into evidence items.</summary>
public static class EvidenceRules
{
    /// <summary>The competency code a client base is rated under.</summary>
    public const string ClientBase = "client-base";

    /// <summary>
    /// A claimed client base as one rating of <see cref="ClientBase"/>, or null when it holds nothing that counts (names only).
    /// </summary>
    /// <remarks>
    /// The rule: 1 point per named decision-maker, up to 2; 1 point per documented deal or confirmed reference, up to 2;
    /// so 0–4. Company names alone give nothing, not even a 0: a list proves no relationship. The level is that of the
    /// strongest proof: assessed when we confirmed a reference ourselves, document-checked with a documented deal,
    /// otherwise self-declared. The same entry written twice counts once.
    /// </remarks>
    public static EvidenceItem? RateClientBase(IReadOnlyList<ClientBaseItem> items, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(culture);
        var distinct = items.DistinctBy(i => (i.Kind, Key(i.Company), Key(i.Note))).ToList();
        int Count(ClientBaseItemKind kind) => distinct.Count(i => i.Kind == kind);
        var decisionMakers = Count(ClientBaseItemKind.NamedDecisionMaker);
        var deals = Count(ClientBaseItemKind.DocumentedDeal);
        var references = Count(ClientBaseItemKind.ConfirmedByReference);
        var names = Count(ClientBaseItemKind.NameOnly);
        if (decisionMakers + deals + references == 0)
        {
            return null;
        }

        var rating = Math.Min(2, decisionMakers) + Math.Min(2, deals + references);
        var level = references > 0 ? EvidenceLevel.Assessed : deals > 0 ? EvidenceLevel.DocumentChecked : EvidenceLevel.SelfDeclared;
        var parts = new List<string>();
        void Part(int count, string one, string many)
        {
            if (count > 0)
            {
                parts.Add(Plural(culture, count, one, many));
            }
        }

        Part(decisionMakers, nameof(StaffingTexts.ClientBaseDecisionMakersOne), nameof(StaffingTexts.ClientBaseDecisionMakersMany));
        Part(deals, nameof(StaffingTexts.ClientBaseDealsOne), nameof(StaffingTexts.ClientBaseDealsMany));
        Part(references, nameof(StaffingTexts.ClientBaseReferencesOne), nameof(StaffingTexts.ClientBaseReferencesMany));
        Part(names, nameof(StaffingTexts.ClientBaseNamesOne), nameof(StaffingTexts.ClientBaseNamesMany));
        return new EvidenceItem(ClientBase, rating, level, Format(culture, nameof(StaffingTexts.ClientBaseSource), List(culture, parts)));
    }

    /// <summary>What Rapport knows about an employee, as evidence (relationships, role history, deals), sources in <paramref name="culture"/>.</summary>
    /// <remarks>
    /// Every item is document-checked: Rapport's own records are the document. The rules:
    /// <list type="bullet">
    /// <item>Relationship building, when the employee holds any relationship: by warm relationships with decision-makers, 0 → 0, 1–2 → 1, 3–5 → 2, 6–9 → 3, 10 or more → 4.</item>
    /// <item>Client base, when the employee holds any relationship: the candidates' rule with Rapport as the proof, each warm relationship with a decision-maker a named decision-maker (up to 2 points) and each deal won a documented deal (up to 2).</item>
    /// <item>Sales experience, when the employee has months in a client-facing role or took part in deals: under 12 months → 1, 12–35 → 2, 36–59 → 3, 60 or more → 4; at most 1 without a deal taken part in (serving clients is not yet selling).</item>
    /// <item>Sales experience in the company's field: the same rating, when Rapport knows the experience is in the field.</item>
    /// </list>
    /// What Rapport does not know (education, courses, how the person talks) gives no item: unknown is not 0.
    /// </remarks>
    public static IReadOnlyList<EvidenceItem> FromEmployee(EmployeeFacts facts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentOutOfRangeException.ThrowIfNegative(facts.MonthsInClientFacingRole, nameof(facts));
        ArgumentOutOfRangeException.ThrowIfNegative(facts.WarmDecisionMakerRelationships, nameof(facts));
        ArgumentOutOfRangeException.ThrowIfNegative(facts.Relationships, nameof(facts));
        ArgumentOutOfRangeException.ThrowIfNegative(facts.DealsWon, nameof(facts));
        ArgumentOutOfRangeException.ThrowIfNegative(facts.DealsTakenPartIn, nameof(facts));
        const EvidenceLevel records = EvidenceLevel.DocumentChecked;
        string Source(params string[] parts) => Format(culture, nameof(StaffingTexts.EmployeeSource), List(culture, parts));
        var items = new List<EvidenceItem>();
        if (facts.Relationships > 0)
        {
            var warmCount = facts.WarmDecisionMakerRelationships;
            var warm = Plural(culture, warmCount, nameof(StaffingTexts.EmployeeWarmOne), nameof(StaffingTexts.EmployeeWarmMany), facts.Relationships);
            var building = warmCount switch
            {
                >= 10 => 4,
                >= 6 => 3,
                >= 3 => 2,
                >= 1 => 1,
                _ => 0,
            };
            items.Add(new EvidenceItem(Competencies.RelationshipBuilding, building, records, Source(warm)));
            var won = Plural(culture, facts.DealsWon, nameof(StaffingTexts.EmployeeDealsWonOne), nameof(StaffingTexts.EmployeeDealsWonMany));
            items.Add(new EvidenceItem(ClientBase, Math.Min(2, warmCount) + Math.Min(2, facts.DealsWon), records, Source(warm, won)));
        }

        if (facts.MonthsInClientFacingRole > 0 || facts.DealsTakenPartIn > 0)
        {
            var months = facts.MonthsInClientFacingRole;
            var rating = months switch
            {
                >= 60 => 4,
                >= 36 => 3,
                >= 12 => 2,
                _ => 1,
            };
            if (facts.DealsTakenPartIn == 0)
            {
                rating = Math.Min(rating, 1);
            }

            var parts = new List<string>();
            if (months > 0)
            {
                parts.Add(Plural(culture, months, nameof(StaffingTexts.EmployeeMonthsOne), nameof(StaffingTexts.EmployeeMonthsMany)));
            }

            parts.Add(Plural(culture, facts.DealsTakenPartIn, nameof(StaffingTexts.EmployeeDealsTakenOne), nameof(StaffingTexts.EmployeeDealsTakenMany)));
            items.Add(new EvidenceItem(Competencies.SalesExperience, rating, records, Source([.. parts])));
            if (facts.SameFieldExperience)
            {
                parts.Add(Format(culture, nameof(StaffingTexts.EmployeeSameField)));
                items.Add(new EvidenceItem(Competencies.SameFieldExperience, rating, records, Source([.. parts])));
            }
        }

        return items;
    }

    private static string Key(string? text) => text?.Trim().ToUpperInvariant() ?? "";

    private static string Format(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, StaffingTexts.ResourceManager.GetString(key, culture)!, args);

    private static string Plural(CultureInfo culture, int count, string one, string many, params object?[] more) =>
        Format(culture, count == 1 ? one : many, [count.ToString("#,0", culture), .. more]);

    private static string List(CultureInfo culture, IEnumerable<string> parts) =>
        string.Join(Format(culture, nameof(StaffingTexts.ListSeparator)), parts);
}
