using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

public sealed class RaterInput
{
    [Display(Name = nameof(StaffingTexts.FieldRater), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? RaterId { get; set => field = Choice.OrNull(value); }
}

/// <summary>A rater's answers: a rating 0–4 for every question, and a note.</summary>
public sealed class ScorecardInput
{
    public Dictionary<string, decimal?> Ratings { get; set; } = [];

    [Display(Name = nameof(Texts.FieldNote), ResourceType = typeof(Texts))]
    [StringLength(Scorecard.NoteLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Note { get; set; }

    public long Version { get; set; }
}

public sealed record ScorecardQuestion(string Competency, LocalText Name, IReadOnlyList<LocalText> Anchors);

public sealed record ScorecardRow(Guid Id, Guid CandidateId, string Candidate, string Vacancy, DateTime AssignedAt, DateTime? SubmittedAt);

public sealed record RaterRow(Guid ScorecardId, Guid RaterId, string Rater, DateTime AssignedAt, DateTime? SubmittedAt);

public sealed record SubmittedScorecard(string Rater, DateTime SubmittedAt, IReadOnlyDictionary<string, decimal> Ratings, string Note);

public sealed record ScorecardDetails(Guid Id, Guid CandidateId, string Candidate, bool Blind, string? Cv, string Vacancy, IReadOnlyList<ScorecardQuestion> Questions,
    IReadOnlyDictionary<string, decimal> Ratings, string Note, DateTime? SubmittedAt, long Version, IReadOnlyList<SubmittedScorecard> Others);

/// <summary>
/// Structured interview scorecards. A recruiter or the vacancy's hiring manager names the raters; each rater sees only
/// the candidates they rate (without name or CV when the vacancy is blind), answers the same questions as every other
/// rater of the vacancy, submits once, and sees the others' answers only after submitting their own.
/// </summary>
public sealed class ScorecardHandlers(RapportDb db, Catalogue catalogue, Scoring scoring, TimeProvider clock)
{
    /// <summary>The competencies an interview can assess: the scorecard asks about those of the profile's criteria that are among them.</summary>
    public static readonly IReadOnlyList<string> Assessable =
        [Competencies.Communication, Competencies.Persuasion, Competencies.MotivationToEarn, Competencies.RelationshipBuilding, Competencies.DomainKnowledge];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The questions of a vacancy's scorecard: the same for every candidate and rater.</summary>
    public async Task<IReadOnlyList<ScorecardQuestion>> QuestionsAsync(Guid vacancyId, CancellationToken ct = default)
    {
        var profileId = await db.Vacancies.Where(v => v.Id == vacancyId).Select(v => v.ProfileId).FirstAsync(ct);
        var profile = (await scoring.LatestVersionAsync(profileId, ct))!.Value.Profile;
        var definitions = await catalogue.AllAsync(ct);
        return [.. profile.Criteria.Select(c => c.Competency).Where(Assessable.Contains)
            .Select(code => definitions.First(d => d.Code == code))
            .Select(d => new ScorecardQuestion(d.Code, d.Name, d.Anchors))];
    }

    public async Task<Result<Guid>> AssignAsync(Viewer viewer, Guid candidateId, RaterInput input, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.AsNoTracking()
            .Where(c => c.Id == candidateId && db.Vacancies.VisibleTo(viewer).Any(v => v.Id == c.VacancyId))
            .Select(c => new { c.VacancyId, c.Stage, c.ErasedAt }).FirstOrDefaultAsync(ct);
        if (candidate is null)
        {
            return Error.NotFound(StaffingTexts.ErrorCandidateNotFound);
        }

        if (candidate.ErasedAt is not null || candidate.Stage is CandidateStage.Hired or CandidateStage.Rejected)
        {
            return Error.Conflict(StaffingTexts.ErrorCandidateClosed);
        }

        var raterId = input.RaterId!.Value;
        if (!await db.Employees.AnyAsync(e => e.Id == raterId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(nameof(RaterInput.RaterId), Texts.ValidationUnknownEmployee);
        }

        if (await db.Scorecards.AnyAsync(s => s.CandidateId == candidateId && s.RaterId == raterId, ct))
        {
            return Error.Invalid(nameof(RaterInput.RaterId), StaffingTexts.ValidationAlreadyRater);
        }

        var scorecard = new Scorecard { CandidateId = candidateId, RaterId = raterId, AssignedAt = clock.GetUtcNow().UtcDateTime, AssignedBy = db.Actor.Name };
        db.Scorecards.Add(scorecard);
        StaffingLog.Add(db, clock, StaffingLogKind.Scorecard, candidate.VacancyId, candidateId, raterId, reason: "assigned");
        await db.SaveChangesAsync(ct);
        return scorecard.Id;
    }

    /// <summary>The viewer's own scorecards, pending first.</summary>
    public async Task<List<ScorecardRow>> MineAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.EmployeeId is not { } me)
        {
            return [];
        }

        var rows = await (from s in db.Scorecards.AsNoTracking()
                          where s.RaterId == me
                          join c in db.Candidates on s.CandidateId equals c.Id
                          join v in db.Vacancies on c.VacancyId equals v.Id
                          orderby s.SubmittedAt != null, s.AssignedAt descending
                          select new { s.Id, s.CandidateId, c.FullName, c.ErasedAt, v.BlindReview, v.Title, c.VacancyId, s.AssignedAt, s.SubmittedAt })
            .ToListAsync(ct);
        var numbers = await NumbersAsync(rows.Select(r => r.VacancyId).Distinct().ToList(), ct);
        return [.. rows.Select(r => new ScorecardRow(r.Id, r.CandidateId, Display(r.FullName, r.ErasedAt, r.BlindReview, numbers.GetValueOrDefault(r.CandidateId)),
            r.Title, r.AssignedAt, r.SubmittedAt))];
    }

    /// <summary>A scorecard for its rater (or a recruiter); the other raters' answers only once this one is submitted.</summary>
    public async Task<ScorecardDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var found = await (from s in db.Scorecards.AsNoTracking()
                           where s.Id == id
                           join c in db.Candidates on s.CandidateId equals c.Id
                           join v in db.Vacancies on c.VacancyId equals v.Id
                           select new { Scorecard = s, c.FullName, c.Cv, c.ErasedAt, c.VacancyId, v.BlindReview, v.Title }).FirstOrDefaultAsync(ct);
        if (found is null || (found.Scorecard.RaterId != viewer.EmployeeId && !StaffingAccess.IsRecruiter(viewer)))
        {
            return null;
        }

        var card = found.Scorecard;
        var numbers = await NumbersAsync([found.VacancyId], ct);
        var others = new List<SubmittedScorecard>();
        if (card.SubmittedAt is not null)
        {
            var submitted = await (from o in db.Scorecards.AsNoTracking()
                                   where o.CandidateId == card.CandidateId && o.Id != id && o.SubmittedAt != null
                                   join e in db.Employees on o.RaterId equals e.Id
                                   orderby o.SubmittedAt
                                   select new { e.FullName, o.SubmittedAt, o.Ratings, o.Note }).ToListAsync(ct);
            others.AddRange(submitted.Select(o => new SubmittedScorecard(o.FullName, o.SubmittedAt!.Value, Read(o.Ratings), o.Note)));
        }

        var blind = found.BlindReview;
        return new ScorecardDetails(card.Id, card.CandidateId, Display(found.FullName, found.ErasedAt, blind, numbers.GetValueOrDefault(card.CandidateId)), blind,
            blind || found.ErasedAt is not null ? null : found.Cv, found.Title, await QuestionsAsync(found.VacancyId, ct), Read(card.Ratings), card.Note,
            card.SubmittedAt, card.Version, others);
    }

    /// <summary>Submits a scorecard once: every question rated 0–4; the ratings become assessed evidence and the candidate is scored again.</summary>
    public async Task<Result> SubmitAsync(Viewer viewer, Guid id, ScorecardInput input, CancellationToken ct = default)
    {
        if (await db.Scorecards.FirstOrDefaultAsync(s => s.Id == id && s.RaterId == viewer.EmployeeId, ct) is not { } scorecard)
        {
            return Error.NotFound(StaffingTexts.ErrorScorecardNotFound);
        }

        if (scorecard.SubmittedAt is not null)
        {
            return Error.Conflict(StaffingTexts.ErrorScorecardSubmitted);
        }

        if (scorecard.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        var candidate = await db.Candidates.FirstAsync(c => c.Id == scorecard.CandidateId, ct);
        if (candidate.ErasedAt is not null || candidate.Stage is CandidateStage.Hired or CandidateStage.Rejected)
        {
            return Error.Conflict(StaffingTexts.ErrorCandidateClosed);
        }

        var questions = await QuestionsAsync(candidate.VacancyId, ct);
        var errors = new List<Error>();
        var ratings = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            if (input.Ratings.GetValueOrDefault(q.Competency) is not { } rating || rating is < 0 or > 4)
            {
                errors.Add(Error.Invalid($"Ratings[{q.Competency}]", string.Format(CultureInfo.CurrentCulture, StaffingTexts.ValidationScorecardRating,
                    q.Name.In(CultureInfo.CurrentUICulture))));
                continue;
            }

            ratings[q.Competency] = Math.Round(rating, 2, MidpointRounding.AwayFromZero);
        }

        if (errors.Count > 0)
        {
            return Result.Fail([.. errors]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rater = await db.Employees.Where(e => e.Id == scorecard.RaterId).Select(e => e.FullName).FirstAsync(ct);
        var source = string.Format(CultureInfo.InvariantCulture, StaffingTexts.ResourceManager.GetString(nameof(StaffingTexts.ScorecardSource), CultureInfo.CurrentUICulture)!, rater);
        foreach (var (competency, rating) in ratings)
        {
            db.Evidence.Add(new EvidenceRecord
            {
                CandidateId = candidate.Id, ScorecardId = scorecard.Id, Competency = competency, Rating = rating, Level = EvidenceLevel.Assessed,
                Source = source[..Math.Min(source.Length, EvidenceRecord.SourceLength)], RecordedAt = now, RecordedBy = db.Actor.Name,
            });
        }

        scorecard.Ratings = JsonSerializer.Serialize(ratings, Json);
        scorecard.Note = input.Note?.Trim() ?? "";
        scorecard.SubmittedAt = now;
        StaffingLog.Add(db, clock, StaffingLogKind.Scorecard, candidate.VacancyId, candidate.Id, scorecard.RaterId, reason: "submitted", inputs: scorecard.Ratings);
        await db.SaveChangesAsync(ct);
        await scoring.RescoreAsync(candidate, ct);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private static Dictionary<string, decimal> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(json, Json) ?? [];

    /// <summary>A stable number for each candidate of the vacancies, in the order they applied: what a blind rater calls them by.</summary>
    private async Task<Dictionary<Guid, int>> NumbersAsync(List<Guid> vacancyIds, CancellationToken ct)
    {
        var ids = await db.Candidates.AsNoTracking().Where(c => vacancyIds.Contains(c.VacancyId)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.VacancyId }).ToListAsync(ct);
        return ids.GroupBy(c => c.VacancyId).SelectMany(g => g.Select((c, i) => (c.Id, Number: i + 1))).ToDictionary(x => x.Id, x => x.Number);
    }

    private static string Display(string name, DateTime? erasedAt, bool blind, int number) =>
        erasedAt is not null ? StaffingTexts.ErasedCandidate
        : blind ? string.Format(CultureInfo.CurrentCulture, StaffingTexts.BlindCandidate, number)
        : name;
}
