using System.Globalization;
using Rapport.Shared;

namespace Rapport.Staffing.Engine;

/// <summary>The competency catalogue Rapport starts with (the organisation may add to it; it is data).</summary>
public static class CompetencyCatalogue
{
    /// <summary>Every default competency, in display order.</summary>
    public static IReadOnlyList<CompetencyDefinition> Default => throw new NotImplementedException();
}

/// <summary>The three ready profiles: a large company, a small or medium business, a specialised industrial seller.</summary>
public static class ProfileTemplates
{
    public static RoleProfile LargeCompany => throw new NotImplementedException();

    public static RoleProfile SmallBusiness => throw new NotImplementedException();

    public static RoleProfile IndustrialSeller => throw new NotImplementedException();

    /// <summary>The three, with a stable key each ("large-company", "small-business", "industrial-seller").</summary>
    public static IReadOnlyList<(string Key, LocalText Name, RoleProfile Profile)> All => throw new NotImplementedException();
}

/// <summary>A profile as its JSON document (docs/staffing-profiles.md): unknown fields refused, every problem named by its field's path.</summary>
public static class ProfileDocument
{
    /// <summary>The profile in <paramref name="json"/>, or every problem with it; <paramref name="competencies"/> are the catalogue's codes.</summary>
    public static Result<RoleProfile> Parse(string json, IReadOnlySet<string> competencies) => throw new NotImplementedException();

    public static string Write(RoleProfile profile) => throw new NotImplementedException();

    /// <summary>Weights negative or all zero, a gate on a criterion the profile lacks, a code not in the catalogue, targets or minimums outside 0–4, duplicates.</summary>
    public static Result Validate(RoleProfile profile, IReadOnlySet<string> competencies) => throw new NotImplementedException();
}

/// <summary>Scores a person's evidence against a profile, explaining every point.</summary>
public static class ProfileScorer
{
    /// <summary>The factor a rating counts at for its evidence level.</summary>
    public static decimal Factor(EvidenceLevel level) => throw new NotImplementedException();

    /// <summary>
    /// The score. Per competency the best-evidenced items count (the highest level present; several at that level
    /// are averaged), explanations in <paramref name="culture"/>, names from <paramref name="catalogue"/>.
    /// </summary>
    public static ProfileScore Score(RoleProfile profile, IReadOnlyList<EvidenceItem> evidence, IReadOnlyList<CompetencyDefinition> catalogue, CultureInfo culture) =>
        throw new NotImplementedException();
}

/// <summary>Turns what is known into evidence items.</summary>
public static class EvidenceRules
{
    /// <summary>The competency code a client base is rated under.</summary>
    public const string ClientBase = "client-base";

    /// <summary>A claimed client base as one rating of <see cref="ClientBase"/>, or null when it holds nothing that counts (names only).</summary>
    public static EvidenceItem? RateClientBase(IReadOnlyList<ClientBaseItem> items, CultureInfo culture) => throw new NotImplementedException();

    /// <summary>What Rapport knows about an employee, as evidence (relationships, role history, deals), sources in <paramref name="culture"/>.</summary>
    public static IReadOnlyList<EvidenceItem> FromEmployee(EmployeeFacts facts, CultureInfo culture) => throw new NotImplementedException();
}

/// <summary>The default catalogue's codes (stable: profiles, evidence and the API name competencies by them).</summary>
public static class Competencies
{
    /// <summary>Highest education on the ISCED scale (0 = up to lower secondary … 4 = doctorate), any field.</summary>
    public const string EducationLevel = "education-level";

    /// <summary>A degree in economics, law or management (what large firms ask for).</summary>
    public const string BusinessEducation = "education-business";

    /// <summary>A degree in engineering (what specialised industrial sellers prefer).</summary>
    public const string EngineeringEducation = "education-engineering";

    /// <summary>Courses in management, marketing, PR or rhetoric.</summary>
    public const string Courses = "courses";

    /// <summary>Advanced courses in effective business management.</summary>
    public const string AdvancedManagement = "advanced-management";

    public const string Communication = "communication";

    public const string Persuasion = "persuasion-negotiation";

    public const string MotivationToEarn = "motivation-to-earn";

    public const string RelationshipBuilding = "relationship-building";

    /// <summary>Knowledge of the company's products and field.</summary>
    public const string DomainKnowledge = "domain-knowledge";

    /// <summary>Sales experience in any field.</summary>
    public const string SalesExperience = "sales-experience";

    /// <summary>Sales experience in the company's own field: its own criterion.</summary>
    public const string SameFieldExperience = "same-field-experience";

    /// <summary>A client base of real relationships, rated from its evidence (see <see cref="EvidenceRules.RateClientBase"/>).</summary>
    public const string ClientBase = EvidenceRules.ClientBase;
}
