using System.Globalization;

namespace Rapport.Staffing.Engine;

/// <summary>A text in both interface languages; <see cref="In"/> picks the one for a culture.</summary>
public sealed record LocalText(string En, string Bg)
{
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "bg" ? Bg : En;

    public override string ToString() => In(CultureInfo.CurrentUICulture);
}

/// <summary>
/// How far a rating can be trusted, lowest first. The scorer counts a rating at its level's factor (see
/// <see cref="ProfileScorer"/>), so the same 3 of 4 weighs more once an interviewer has seen it than when a CV claims it.
/// </summary>
public enum EvidenceLevel
{
    /// <summary>The person says so (a CV, an application form).</summary>
    SelfDeclared = 1,

    /// <summary>A document backs it (a diploma, a certificate, a reference letter, a record in Rapport).</summary>
    DocumentChecked = 2,

    /// <summary>Someone of ours saw it (an interview scorecard, a work sample, a confirmed reference).</summary>
    Assessed = 3,
}

/// <summary>
/// One competency of the catalogue: rated 0–4 against its five anchors (<see cref="Anchors"/>[0] describes a 0,
/// [4] a 4). <see cref="Code"/> is stable (kebab-case ASCII); <see cref="EscoUri"/> names the ESCO skill when there
/// is one; <see cref="DevelopmentActions"/> are what closes a gap in it (a course, shadowing, product training).
/// </summary>
public sealed record CompetencyDefinition(
    string Code,
    LocalText Name,
    IReadOnlyList<LocalText> Anchors,
    string? EscoUri,
    IReadOnlyList<LocalText> DevelopmentActions);

/// <summary>
/// One version of a role profile: what a market wants of an account manager, as data. It is read from and written to
/// its JSON document by <see cref="ProfileDocument"/>, which also checks it; <see cref="ProfileScorer"/> expects a
/// profile that passed that check.
/// </summary>
public sealed record RoleProfile
{
    public required string Name { get; init; }

    /// <summary>The scored criteria: weighted ones make the 0–100 score, nice-to-haves add bonus points on top.</summary>
    public required IReadOnlyList<Criterion> Criteria { get; init; }

    /// <summary>Must-haves: a minimum rating (and optionally evidence level) on one of <see cref="Criteria"/>. A failed gate is a flag with its reason, never a penalty.</summary>
    public IReadOnlyList<Gate> Gates { get; init; } = [];

    public bool Equals(RoleProfile? other) =>
        other is not null && Name == other.Name && Criteria.SequenceEqual(other.Criteria) && Gates.SequenceEqual(other.Gates);

    public override int GetHashCode() => HashCode.Combine(Name, Criteria.Count, Gates.Count);
}

/// <summary>
/// A competency the profile scores. <paramref name="Weight"/> ≥ 0 is its share of the score (weights need not sum
/// to 100; they are normalised). A nice-to-have adds up to <paramref name="Weight"/> bonus points and never lowers
/// the score. <paramref name="Target"/> (0–4) is the rating the role needs; below it is a gap for re-targeting.
/// </summary>
public sealed record Criterion(string Competency, decimal Weight, bool NiceToHave = false, int Target = 3);

/// <summary>A must-have: at least <paramref name="MinimumRating"/> on <paramref name="Competency"/>, evidenced at least at <paramref name="MinimumEvidence"/> when given.</summary>
public sealed record Gate(string Competency, int MinimumRating, EvidenceLevel? MinimumEvidence = null);

/// <summary>
/// One piece of evidence about a person: a rating 0–4 (fractions allowed: the mean of several raters) of one
/// competency, how far it can be trusted, and where it came from in words the user reads ("CV", "Interview —
/// Мария Иванова", "Rapport: 14 warm relationships with decision-makers").
/// </summary>
public sealed record EvidenceItem(string Competency, decimal Rating, EvidenceLevel Level, string Source);

/// <summary>What a claim about a client base is backed by; a list of names alone counts for nothing.</summary>
public enum ClientBaseItemKind
{
    /// <summary>A company name on a list.</summary>
    NameOnly,

    /// <summary>A named decision-maker at a client, with their role.</summary>
    NamedDecisionMaker,

    /// <summary>A past deal with that client, documented (a contract, an invoice, a reference letter).</summary>
    DocumentedDeal,

    /// <summary>The relationship confirmed by the client's side when we called a reference.</summary>
    ConfirmedByReference,
}

/// <summary>One entry of a candidate's claimed client base.</summary>
public sealed record ClientBaseItem(ClientBaseItemKind Kind, string Company, string? Note = null);

/// <summary>Whether a gate held.</summary>
public enum GateOutcome
{
    Passed,

    /// <summary>Evidence exists and is below the minimum (rating or evidence level).</summary>
    Failed,

    /// <summary>Nothing is known yet: not a failure, not a pass.</summary>
    NoEvidence,
}

/// <summary>A gate and how it came out, with the reason in words (current UI culture).</summary>
public sealed record GateResult(Gate Gate, GateOutcome Outcome, decimal? Rating, EvidenceLevel? Level, string Reason);

/// <summary>
/// One criterion's part of a score. <see cref="Rating"/> and <see cref="Level"/> are null when there is no evidence
/// yet (shown as such, distinct from a 0). <see cref="Points"/> = <see cref="MaxPoints"/> × rating ÷ 4 × the evidence
/// level's factor; <see cref="Explanation"/> says that in words and numbers.
/// </summary>
public sealed record CriterionScore(
    Criterion Criterion,
    decimal? Rating,
    EvidenceLevel? Level,
    decimal Factor,
    decimal Points,
    decimal MaxPoints,
    IReadOnlyList<string> Sources,
    string Explanation)
{
    public bool HasEvidence => Rating is not null;
}

/// <summary>A competency below the role's target, with what would close it.</summary>
public sealed record Gap(string Competency, decimal? Rating, int Target, IReadOnlyList<LocalText> Actions);

/// <summary>
/// A person scored against a profile. <see cref="Score"/> is 0–100 from the weighted criteria, <see cref="Bonus"/>
/// the nice-to-haves' points, <see cref="Total"/> their sum (what ranks). <see cref="Coverage"/> is the share (0–1)
/// of the weighted criteria's weight that has any evidence. Every point is in <see cref="Criteria"/>.
/// </summary>
public sealed record ProfileScore(
    decimal Score,
    decimal Bonus,
    decimal Total,
    decimal Coverage,
    IReadOnlyList<CriterionScore> Criteria,
    IReadOnlyList<GateResult> Gates,
    IReadOnlyList<Gap> Gaps)
{
    public bool AnyGateFailed => Gates.Any(g => g.Outcome == GateOutcome.Failed);
}

/// <summary>
/// What Rapport already knows about an employee, for scoring them against a profile (internal re-targeting):
/// their relationships from the client base, their role history and the deals they took part in.
/// </summary>
public sealed record EmployeeFacts(
    string Position,
    int MonthsEmployed,
    int MonthsInClientFacingRole,
    int WarmDecisionMakerRelationships,
    int Relationships,
    int DealsWon,
    int DealsTakenPartIn,
    bool SameFieldExperience);
