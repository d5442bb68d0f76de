using System.Globalization;
using Rapport.Staffing;
using Rapport.Staffing.Engine;

namespace Rapport.Web.Features.Staffing;

/// <summary>Words for staffing's states, in the reader's language.</summary>
internal static class StaffingLabels
{
    public static string Of(CandidateStage stage) => stage switch
    {
        CandidateStage.Applied => StaffingTexts.StageApplied,
        CandidateStage.Screened => StaffingTexts.StageScreened,
        CandidateStage.Interviewed => StaffingTexts.StageInterviewed,
        CandidateStage.Offer => StaffingTexts.StageOffer,
        CandidateStage.Hired => StaffingTexts.StageHired,
        CandidateStage.Rejected => StaffingTexts.StageRejected,
        _ => stage.ToString(),
    };

    public static string Of(VacancyStatus status) => status switch
    {
        VacancyStatus.Open => StaffingTexts.VacancyOpen,
        VacancyStatus.Filled => StaffingTexts.VacancyFilled,
        VacancyStatus.Closed => StaffingTexts.VacancyClosed,
        _ => status.ToString(),
    };

    public static string Of(EvidenceLevel level) => level switch
    {
        EvidenceLevel.SelfDeclared => StaffingTexts.EvidenceLevelSelfDeclared,
        EvidenceLevel.DocumentChecked => StaffingTexts.EvidenceLevelDocumentChecked,
        EvidenceLevel.Assessed => StaffingTexts.EvidenceLevelAssessed,
        _ => level.ToString(),
    };

    public static string Of(ClientBaseItemKind kind) => kind switch
    {
        ClientBaseItemKind.NameOnly => StaffingTexts.ClientNameOnly,
        ClientBaseItemKind.NamedDecisionMaker => StaffingTexts.ClientNamedDecisionMaker,
        ClientBaseItemKind.DocumentedDeal => StaffingTexts.ClientDocumentedDeal,
        ClientBaseItemKind.ConfirmedByReference => StaffingTexts.ClientConfirmedByReference,
        _ => kind.ToString(),
    };

    public static string Of(CompanySize size) => size switch
    {
        CompanySize.Small => StaffingTexts.SizeSmall,
        CompanySize.Medium => StaffingTexts.SizeMedium,
        CompanySize.Large => StaffingTexts.SizeLarge,
        _ => size.ToString(),
    };

    public static string Of(StaffingLogKind kind) => kind switch
    {
        StaffingLogKind.ProfileVersion => StaffingTexts.LogProfileVersion,
        StaffingLogKind.Vacancy => StaffingTexts.LogVacancy,
        StaffingLogKind.Candidate => StaffingTexts.LogCandidate,
        StaffingLogKind.Stage => StaffingTexts.LogStage,
        StaffingLogKind.Evidence => StaffingTexts.LogEvidence,
        StaffingLogKind.EvidenceWithdrawn => StaffingTexts.LogEvidenceWithdrawn,
        StaffingLogKind.Score => StaffingTexts.LogScore,
        StaffingLogKind.Override => StaffingTexts.LogOverride,
        StaffingLogKind.Erasure => StaffingTexts.LogErasure,
        StaffingLogKind.Scorecard => StaffingTexts.LogScorecard,
        StaffingLogKind.Offer => StaffingTexts.LogOffer,
        _ => kind.ToString(),
    };

    public static string StageBadge(CandidateStage stage) => stage switch
    {
        CandidateStage.Hired => "badge ok",
        CandidateStage.Rejected => "badge muted",
        CandidateStage.Offer => "badge info",
        _ => "badge",
    };

    /// <summary>A score with one decimal, as the ranking shows it: "72.5", "72,5".</summary>
    public static string Points(decimal value) => value.ToString("0.0", CultureInfo.CurrentCulture);

    public static string Percent(decimal share) => (share * 100m).ToString("0", CultureInfo.CurrentCulture) + " %";

    public static string Capacity(decimal capacity) => capacity >= 1m
        ? StaffingTexts.FullTime
        : string.Format(CultureInfo.CurrentCulture, StaffingTexts.PartTimeShare, Percent(capacity));

    /// <summary>A competency's name from the catalogue, or its code when the catalogue no longer has it.</summary>
    public static string Name(IReadOnlyList<CompetencyDefinition> catalogue, string code) =>
        catalogue.FirstOrDefault(c => c.Code == code)?.Name.In(CultureInfo.CurrentUICulture) ?? code;
}
