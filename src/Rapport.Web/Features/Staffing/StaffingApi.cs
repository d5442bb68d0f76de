using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Shared;
using Rapport.Staffing;
using Rapport.Staffing.Engine;

namespace Rapport.Web.Features.Staffing;

/// <summary>Staffing under <c>/api/v1/staffing</c>: the catalogue, profiles, vacancies, candidates and their evidence, rankings and re-targeting.</summary>
internal static class StaffingApi
{
    /// <summary>The body of a score preview: a profile in the documented format and the evidence to score.</summary>
    internal sealed record ScoreRequest(JsonElement Profile, IReadOnlyList<EvidenceItem>? Evidence);

    internal sealed record StatusInput(VacancyStatus Status, long Version);

    internal sealed record InternalInput(Guid? EmployeeId);

    public static RouteGroupBuilder MapStaffingApi(this RouteGroupBuilder api)
    {
        var staffing = api.MapGroup("/staffing").WithTags("Staffing").RequireAuthorization();
        var recruiters = new[] { Roles.Administrator, Roles.Recruiter };

        staffing.MapGet("/competencies", async (Catalogue catalogue, CancellationToken ct) => TypedResults.Ok(await catalogue.AllAsync(ct)))
            .WithName("ListCompetencies").WithSummary("The competency catalogue: codes, names and the five anchors (0–4) in both languages, ESCO skills, development actions.");
        staffing.MapPut("/competencies/esco", async Task<Results<Ok<IReadOnlyList<CompetencyDefinition>>, ProblemHttpResult>> (EscoInput input, Catalogue catalogue, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await catalogue.SetEscoAsync(user.ToViewer(), input, ct), async () => await catalogue.AllAsync(ct)))
            .WithName("SetCompetencyEsco").Validates<EscoInput>().RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Names (or clears) the ESCO skill of a competency by its concept URI (http://data.europa.eu/esco/skill/…).").ProducesProblem(400);
        staffing.MapPost("/score", Preview).WithName("PreviewScore")
            .WithSummary("Scores evidence against a profile without storing anything: every criterion's points with its explanation, the must-haves and the gaps.")
            .WithDescription("The body is `{ \"profile\": {…}, \"evidence\": [{ \"competency\", \"rating\", \"level\", \"source\" }] }`, the profile in the format "
                + "of docs/staffing-profiles.md; explanations are in the request's language.")
            .ProducesProblem(400);

        var profiles = staffing.MapGroup("/profiles");
        profiles.MapGet("/", async (ProfileHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.ListAsync(ct)))
            .WithName("ListProfiles").WithSummary("Role profiles with how many criteria, gates, versions and vacancies each has.");
        profiles.MapGet("/{id:guid}", async (Guid id, int? number, ProfileHandlers handlers, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await handlers.GetAsync(id, number, ct), StaffingTexts.ErrorProfileNotFound))
            .WithName("GetProfile").WithSummary("A profile at its latest version (or `number`): criteria, weights, gates, and every version.").ProducesProblem(404);
        profiles.MapGet("/{id:guid}/document", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, int? number, ProfileHandlers handlers, CancellationToken ct) =>
                await handlers.GetAsync(id, number, ct) is { } found
                    ? TypedResults.Text(found.Document, "application/json; charset=utf-8")
                    : ApiResults.NotFound(StaffingTexts.ErrorProfileNotFound))
            .WithName("ExportProfile").Produces<string>(200, "application/json")
            .WithSummary("A version of the profile (the latest unless `number` names one) as its JSON document.").ProducesProblem(404);
        profiles.MapPost("/", async Task<Results<CreatedAtRoute<ProfileDetails>, ProblemHttpResult>> (ProfileInput input, ProfileHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.CreatedAt(await handlers.CreateAsync(user.ToViewer(), input, ct), "GetProfile", id => handlers.GetAsync(id, null, ct)))
            .WithName("CreateProfile").Validates<ProfileInput>().RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Creates a profile from a template (`template`: large-company, small-business, industrial-seller) or a `document` (the profile JSON as a string).")
            .ProducesProblem(400);
        profiles.MapPost("/{id:guid}/versions", async Task<Results<Ok<ProfileDetails>, ProblemHttpResult>> (Guid id, ProfileVersionInput input, ProfileHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.AddVersionAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(id, null, ct)))
            .WithName("AddProfileVersion").Validates<ProfileVersionInput>().RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Adds a version of the profile; `version` is the profile's as read (a stale one is 409).")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var vacancies = staffing.MapGroup("/vacancies");
        vacancies.MapGet("/", async (VacancyStatus? status, ClaimsPrincipal user, VacancyHandlers handlers, CancellationToken ct) =>
                TypedResults.Ok(await handlers.ListAsync(user.ToViewer(), status, ct)))
            .WithName("ListVacancies").WithSummary("Vacancies the caller works on: all for a recruiter, else those they are the hiring manager of.");
        vacancies.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, VacancyHandlers handlers, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), StaffingTexts.ErrorVacancyNotFound))
            .WithName("GetVacancy").WithSummary("A vacancy with its candidates counted by stage.").ProducesProblem(404);
        vacancies.MapPost("/", async Task<Results<CreatedAtRoute<VacancyDetails>, ProblemHttpResult>> (VacancyInput input, VacancyHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.CreatedAt(await handlers.CreateAsync(user.ToViewer(), input, ct), "GetVacancy", id => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("CreateVacancy").Validates<VacancyInput>().RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Opens a vacancy with a profile, a hiring manager, optionally a pay plan, and the share of time the role takes.").ProducesProblem(400);
        vacancies.MapPut("/{id:guid}/status", async Task<Results<Ok<VacancyDetails>, ProblemHttpResult>> (Guid id, StatusInput input, VacancyHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.SetStatusAsync(user.ToViewer(), id, input.Status, input.Version, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("SetVacancyStatus").WithSummary("Closes or reopens a vacancy; `version` is the vacancy's as read.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        vacancies.MapGet("/{id:guid}/ranking", async Task<Results<Ok<Page<RankedCandidate>>, ProblemHttpResult>> (Guid id, CandidateStage? stage, string? after, ClaimsPrincipal user, CandidateHandlers handlers, CancellationToken ct) =>
                await handlers.RankAsync(user.ToViewer(), id, stage, after, ct) is { } page ? TypedResults.Ok(page) : ApiResults.NotFound(StaffingTexts.ErrorVacancyNotFound))
            .WithName("RankCandidates")
            .WithSummary("The vacancy's candidates by total, highest first, 50 a page (`after` is the previous page's `next`); a failed must-have is a flag, never a penalty.")
            .ProducesProblem(404);
        vacancies.MapPost("/{id:guid}/candidates", async Task<Results<CreatedAtRoute<CandidateDetails>, ProblemHttpResult>> (Guid id, CandidateInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.CreatedAt(await handlers.CreateAsync(user.ToViewer(), id, input, ct), "GetCandidate", cid => handlers.GetAsync(user.ToViewer(), cid, ct)))
            .WithName("AddCandidate").Validates<CandidateInput>()
            .WithSummary("Adds an outside candidate to an open vacancy (recruiters); they are scored at once.").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        vacancies.MapGet("/{id:guid}/internal-candidates", async Task<Results<Ok<IReadOnlyList<InternalCandidate>>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, Retargeting retargeting, CancellationToken ct) =>
                await retargeting.CandidatesForAsync(user.ToViewer(), id, 50, ct) is { } rows ? TypedResults.Ok(rows) : ApiResults.NotFound(StaffingTexts.ErrorVacancyNotFound))
            .WithName("FindInternalCandidates").RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Employees scored against the vacancy's profile from what Rapport knows of them, best first, with the role they hold now.").ProducesProblem(404);
        vacancies.MapPost("/{id:guid}/internal-candidates", async Task<Results<CreatedAtRoute<CandidateDetails>, ProblemHttpResult>> (Guid id, InternalInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.CreatedAt(await handlers.AddInternalAsync(user.ToViewer(), id, input.EmployeeId ?? Guid.Empty, ct), "GetCandidate", cid => handlers.GetAsync(user.ToViewer(), cid, ct)))
            .WithName("AddInternalCandidate").RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Puts an employee forward for the vacancy as an internal candidate.").ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var candidates = staffing.MapGroup("/candidates");
        candidates.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, CandidateHandlers handlers, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), StaffingTexts.ErrorCandidateNotFound))
            .WithName("GetCandidate").WithSummary("A candidate: their evidence, client base, experience, score with every point explained, and their log.").ProducesProblem(404);
        candidates.MapPost("/{id:guid}/stage", async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> (Guid id, StageInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.MoveAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("MoveCandidate").Validates<StageInput>()
            .WithSummary("Moves a candidate to a stage; rejecting needs a `reason`, and so does moving on past a failed must-have (an override, logged).")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        candidates.MapPost("/{id:guid}/evidence", async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> (Guid id, EvidenceInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.AddEvidenceAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("RateCandidate").Validates<EvidenceInput>()
            .WithSummary("Records a rating (0–4) of one competency with its evidence level and source; the candidate is scored again.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        candidates.MapDelete("/{id:guid}/evidence/{evidenceId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid evidenceId, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.WithdrawEvidenceAsync(user.ToViewer(), id, evidenceId, ct)))
            .WithName("WithdrawRating").WithSummary("Withdraws a rating recorded by mistake (the log keeps that it was there).").ProducesProblem(404).ProducesProblem(409);
        candidates.MapPost("/{id:guid}/client-base", async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> (Guid id, ClientBaseInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.AddClientBaseAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("AddClientBaseEntry").Validates<ClientBaseInput>()
            .WithSummary("Records an entry of the candidate's claimed client base and what backs it; a name alone counts for nothing.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        candidates.MapPost("/{id:guid}/experience", async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> (Guid id, ExperienceInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.AddExperienceAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("AddCandidateExperience").Validates<ExperienceInput>()
            .WithSummary("Records years of sales experience in one industry (`sameField` for the company's own).")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        candidates.MapPost("/{id:guid}/hire", async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> (Guid id, HireInput input, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.HireAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("HireCandidate").Validates<HireInput>()
            .WithSummary("Hires the candidate in one step: an employee (or the internal one) with the share of time, on the vacancy's plan from `startOn`.")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        candidates.MapDelete("/{id:guid}/personal-data", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.EraseAsync(user.ToViewer(), id, ct)))
            .WithName("EraseCandidate")
            .WithSummary("Erases the candidate's name, e-mail, phone, CV and client-base companies; the record stays for the statistics. A hired person is refused (409).")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        staffing.MapPost("/erase-expired", async Task<Results<Ok<int>, ProblemHttpResult>> (CandidateHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await handlers.EraseExpiredAsync(user.ToViewer(), ct) is { IsSuccess: true } done ? TypedResults.Ok(done.Value) : ApiResults.NotFound(Texts.ErrorForbidden))
            .WithName("EraseExpiredCandidates").RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Erases every candidate whose retention period has ended; answers how many.").ProducesProblem(404);

        candidates.MapPost("/{id:guid}/raters", async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> (Guid id, RaterInput input, ScorecardHandlers handlers, CandidateHandlers candidateHandlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.AssignAsync(user.ToViewer(), id, input, ct), () => candidateHandlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("AssignRater").Validates<RaterInput>()
            .WithSummary("Asks an employee to rate the candidate with the vacancy's interview scorecard (recruiters and the hiring manager).")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        candidates.MapGet("/{id:guid}/offer", async Task<Results<Ok<OfferPreview>, ProblemHttpResult>> (Guid id, decimal? sales, OfferHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await handlers.PreviewAsync(user.ToViewer(), id, sales, ct) switch
                {
                    null => ApiResults.NotFound(StaffingTexts.ErrorCandidateNotFound),
                    { IsSuccess: true } ok => TypedResults.Ok(ok.Value),
                    var failed => ApiResults.Problem(failed.Errors),
                })
            .WithName("PreviewOffer").RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Expected monthly earnings from the vacancy's plan (base at the minimum wage in force plus commission on `sales`, by default our "
                + "account managers' median), beside the salary benchmarks for the vacancy's region and company size.")
            .ProducesProblem(400).ProducesProblem(404);
        candidates.MapPost("/{id:guid}/offer", async Task<Results<Ok<OfferPreview>, ProblemHttpResult>> (Guid id, OfferInput input, OfferHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.MakeAsync(user.ToViewer(), id, input, ct), async () => (await handlers.PreviewAsync(user.ToViewer(), id, input.ExpectedSales, ct))?.Value))
            .WithName("MakeOffer").Validates<OfferInput>().RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Records an offer with its expected earnings and moves the candidate to the offer stage (`reason` needed past a failed must-have).")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var scorecards = staffing.MapGroup("/scorecards");
        scorecards.MapGet("/", async (ClaimsPrincipal user, ScorecardHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.MineAsync(user.ToViewer(), ct)))
            .WithName("ListMyScorecards").WithSummary("The caller's scorecards: the candidates they were asked to rate (no name when the vacancy is blind).");
        scorecards.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ScorecardHandlers handlers, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), StaffingTexts.ErrorScorecardNotFound))
            .WithName("GetScorecard").WithSummary("A scorecard: the vacancy's questions with their anchors, the caller's answers, and the other raters' only once the caller has submitted.")
            .ProducesProblem(404);
        scorecards.MapPost("/{id:guid}/submit", async Task<Results<Ok<ScorecardDetails>, ProblemHttpResult>> (Guid id, ScorecardInput input, ScorecardHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.SubmitAsync(user.ToViewer(), id, input, ct), () => handlers.GetAsync(user.ToViewer(), id, ct)))
            .WithName("SubmitScorecard").Validates<ScorecardInput>()
            .WithSummary("Submits the caller's scorecard once (`ratings`: competency → 0–4 for every question); a second submission is 409.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        var salaries = staffing.MapGroup("/salary-benchmarks").RequireAuthorization(p => p.RequireRole(recruiters));
        salaries.MapGet("/", async (OfferHandlers handlers, CancellationToken ct) => TypedResults.Ok(await handlers.BenchmarksAsync(ct)))
            .WithName("ListSalaryBenchmarks").WithSummary("What the market pays an account manager a month by region and company size, as HR keeps it.");
        salaries.MapPost("/", async Task<Results<Ok<List<SalaryBenchmarkRow>>, ProblemHttpResult>> (SalaryBenchmarkInput input, OfferHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                await ApiResults.OkAfter(await handlers.AddBenchmarkAsync(user.ToViewer(), input, ct), async () => await handlers.BenchmarksAsync(ct)))
            .WithName("AddSalaryBenchmark").Validates<SalaryBenchmarkInput>()
            .WithSummary("Adds a benchmark row (low ≤ median ≤ high; one per region, size and year).").ProducesProblem(400);
        salaries.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, long version, OfferHandlers handlers, ClaimsPrincipal user, CancellationToken ct) =>
                ApiResults.NoContentOr(await handlers.DeleteBenchmarkAsync(user.ToViewer(), id, version, ct)))
            .WithName("DeleteSalaryBenchmark").WithSummary("Deletes a benchmark row; `version` is the row's as read.").ProducesProblem(404).ProducesProblem(409);

        var people = staffing.MapGroup("/people");
        people.MapGet("/{id:guid}/fit", async Task<Results<Ok<EmployeeScore>, ProblemHttpResult>> (Guid id, Guid? profileId, ClaimsPrincipal user, Retargeting retargeting, CancellationToken ct) =>
                await retargeting.ScoreAsync(user.ToViewer(), id, profileId, ct) is { } score ? TypedResults.Ok(score) : ApiResults.NotFound(Texts.ErrorEmployeeNotFound))
            .WithName("GetEmployeeFit")
            .WithSummary("An employee scored against a profile for re-targeting, with gaps, development actions and the part-time option: recruiters for anyone, everyone else for themselves only.")
            .ProducesProblem(404);
        people.MapPost("/{id:guid}/appraisal", async Task<Results<Ok<EmployeeScore>, ProblemHttpResult>> (Guid id, EvidenceInput input, ClaimsPrincipal user, Retargeting retargeting, CancellationToken ct) =>
                await ApiResults.OkAfter(await retargeting.AddAppraisalAsync(user.ToViewer(), id, input, ct), () => retargeting.ScoreAsync(user.ToViewer(), id, null, ct)))
            .WithName("AddAppraisal").Validates<EvidenceInput>().RequireAuthorization(p => p.RequireRole(recruiters))
            .WithSummary("Records appraisal input (a rating with its evidence level) for an employee's re-targeting.").ProducesProblem(400).ProducesProblem(404);
        return api;
    }

    private static async Task<Results<Ok<ProfileScore>, ProblemHttpResult>> Preview(ScoreRequest request, Catalogue catalogue, CancellationToken ct)
    {
        if (request.Profile.ValueKind != JsonValueKind.Object)
        {
            return ApiResults.FieldProblem([("profile", StaffingTexts.ValidationScoreBody)]);
        }

        var parsed = ProfileDocument.Parse(request.Profile.GetRawText(), await catalogue.CodesAsync(ct));
        if (!parsed.IsSuccess)
        {
            return ApiResults.Problem(parsed.Errors);
        }

        var evidence = request.Evidence ?? [];
        if (evidence.FirstOrDefault(e => e.Rating is < 0 or > 4) is not null)
        {
            return ApiResults.FieldProblem([("evidence", StaffingTexts.ValidationRating)]);
        }

        return TypedResults.Ok(ProfileScorer.Score(parsed.Value, evidence, await catalogue.AllAsync(ct), CultureInfo.CurrentUICulture));
    }
}
