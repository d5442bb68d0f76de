using System.Globalization;
using Rapport.Staffing.Engine;

namespace Rapport.Tests.Staffing;

/// <summary>Profiles, evidence and the three candidates the staffing tests and docs/staffing-profiles.md talk about.</summary>
internal static class StaffingBuilders
{
    public static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo Bg = CultureInfo.GetCultureInfo("bg-BG");
    public static readonly IReadOnlySet<string> Codes = CompetencyCatalogue.Default.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    public static RoleProfile AProfile(params Criterion[] criteria) => new() { Name = "Test profile", Criteria = criteria };

    public static RoleProfile With(this RoleProfile profile, params Gate[] gates) => profile with { Gates = gates };

    public static EvidenceItem Claimed(string competency, decimal rating, string source = "CV") => new(competency, rating, EvidenceLevel.SelfDeclared, source);

    public static EvidenceItem Documented(string competency, decimal rating, string source = "Diploma") => new(competency, rating, EvidenceLevel.DocumentChecked, source);

    public static EvidenceItem Seen(string competency, decimal rating, string source = "Interview") => new(competency, rating, EvidenceLevel.Assessed, source);

    public static ProfileScore ScoreOf(RoleProfile profile, params EvidenceItem[] evidence) => ProfileScorer.Score(profile, evidence, CompetencyCatalogue.Default, En);

    public static ProfileScore ScoreOf(RoleProfile profile, CultureInfo culture, params EvidenceItem[] evidence) =>
        ProfileScorer.Score(profile, evidence, CompetencyCatalogue.Default, culture);

    public static CriterionScore Line(this ProfileScore score, string competency) => score.Criteria.Single(c => c.Criterion.Competency == competency);

    /// <summary>A business graduate: a master's in economics and management courses, a modest talker, little sales.</summary>
    public static EvidenceItem[] Elena =>
    [
        Documented(Competencies.BusinessEducation, 4, "Master's diploma, UNWE"),
        Documented(Competencies.AdvancedManagement, 3, "Certificate: advanced business management"),
        Documented(Competencies.EducationLevel, 3, "Master's diploma, UNWE"),
        Documented(Competencies.Courses, 2, "Certificate: marketing"),
        Seen(Competencies.Communication, 2),
        Seen(Competencies.Persuasion, 2),
        Seen(Competencies.MotivationToEarn, 2),
        Claimed(Competencies.RelationshipBuilding, 2),
        Claimed(Competencies.SalesExperience, 1),
    ];

    /// <summary>A natural seller: strong at interview, a client base with proof, secondary school only.</summary>
    public static EvidenceItem[] Georgi =>
    [
        Seen(Competencies.Communication, 4),
        Seen(Competencies.Persuasion, 4),
        Seen(Competencies.MotivationToEarn, 4),
        Seen(Competencies.RelationshipBuilding, 3),
        Documented(Competencies.SalesExperience, 3, "Reference letter"),
        Documented(Competencies.EducationLevel, 1, "Secondary school diploma"),
        EvidenceRules.RateClientBase(
        [
            new(ClientBaseItemKind.NamedDecisionMaker, "Metalex", "Procurement director"),
            new(ClientBaseItemKind.NamedDecisionMaker, "Agro Trade", "Owner"),
            new(ClientBaseItemKind.DocumentedDeal, "Metalex", "Contract 2025"),
            new(ClientBaseItemKind.NameOnly, "Bulstrad"),
        ], En)!,
    ];

    /// <summary>An all-rounder: a bachelor's in economics, threes at interview, some claims.</summary>
    public static EvidenceItem[] Nikolay =>
    [
        Documented(Competencies.BusinessEducation, 3, "Bachelor's diploma, Sofia University"),
        Documented(Competencies.EducationLevel, 2, "Bachelor's diploma, Sofia University"),
        Claimed(Competencies.AdvancedManagement, 1),
        Claimed(Competencies.Courses, 3),
        Seen(Competencies.Communication, 3),
        Seen(Competencies.Persuasion, 3),
        Seen(Competencies.MotivationToEarn, 3),
        Claimed(Competencies.RelationshipBuilding, 3),
        Documented(Competencies.SalesExperience, 2, "Employment record"),
        Claimed(Competencies.SameFieldExperience, 2),
    ];
}
