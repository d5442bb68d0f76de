using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.Shared;
using Rapport.Staffing;
using Rapport.Staffing.Engine;

namespace Rapport.IntegrationTests.Staffing;

/// <summary>
/// Staffing on a real database: profiles from templates and their versions, a vacancy's ranking with every point
/// explained, the same people ranked differently by two profiles, internal re-targeting and a part-time hire in one
/// step, erasure that leaves no name, who reads and changes what, bad input, and the candidate page in both languages.
/// </summary>
public abstract partial class StaffingTests(RapportApp app)
{
    private const string Bulgarian = "culture=bg-BG&ui-culture=bg-BG";
    private const string English = "culture=en-GB&ui-culture=en-GB";

    private static readonly JsonSerializerOptions LogJson = new(JsonSerializerDefaults.Web);

    private sealed record Person(Guid EmployeeId, Guid UserId, string Email, string Name, HttpClient Api);

    private async Task<Person> PersonAsync(string name, string role)
    {
        app.EnsureAvailable();
        var fullName = app.Unique(name);
        var employee = await app.CreateEmployeeAsync(fullName);
        var (userId, email) = await app.CreateUserAsync(employee, role);
        return new Person(employee, userId, email, fullName, await app.ApiClientForAsync(userId));
    }

    private Task<HttpClient> RecruiterAsync()
    {
        app.EnsureAvailable();
        return app.ApiClientAsync(null, Roles.Recruiter);
    }

    private async Task<Guid> ProfileAsync(HttpClient recruiter, string template) =>
        (await (await recruiter.PostJsonAsync("/api/v1/staffing/profiles", new ProfileInput { Name = app.Unique(template + " "), Template = template }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task<Guid> VacancyAsync(HttpClient recruiter, Guid profile, Guid hiringManager, Guid? plan = null, decimal capacity = 1m) =>
        (await (await recruiter.PostJsonAsync("/api/v1/staffing/vacancies", new VacancyInput
        {
            Title = app.Unique("Акаунт мениджър "), ProfileId = profile, HiringManagerId = hiringManager, PlanId = plan, Capacity = capacity,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> CandidateAsync(HttpClient recruiter, Guid vacancy, string name, params (string Competency, decimal Rating, EvidenceLevel Level)[] ratings)
    {
        var id = (await (await recruiter.PostJsonAsync($"/api/v1/staffing/vacancies/{vacancy}/candidates",
            new CandidateInput { FullName = name, Email = $"{Guid.NewGuid():N}@example.bg", Cv = "Бакалавър, пет години в продажбите" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var (competency, rating, level) in ratings)
        {
            await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{id}/evidence",
                new EvidenceInput { Competency = competency, Rating = rating, Level = level, Source = "Интервю — Мария Иванова" })).ReadAsync<JsonElement>();
        }

        return id;
    }

    private static async Task<List<(Guid Id, string Name, decimal Total, bool Flag)>> RankingAsync(HttpClient reader, Guid vacancy) =>
        [.. (await (await reader.GetAsync($"/api/v1/staffing/vacancies/{vacancy}/ranking")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetGuid(), r.GetProperty("name").GetString()!, r.GetProperty("total").GetDecimal(), r.GetProperty("gateFailed").GetBoolean()))];

    /// <summary>The evidence of three people whom a large company and a small business order the opposite way round.</summary>
    private static readonly (string Name, (string, decimal, EvidenceLevel)[] Ratings)[] Three =
    [
        ("Елена Димитрова", [
            (Competencies.BusinessEducation, 4, EvidenceLevel.DocumentChecked), (Competencies.AdvancedManagement, 3, EvidenceLevel.DocumentChecked),
            (Competencies.EducationLevel, 3, EvidenceLevel.DocumentChecked), (Competencies.Courses, 2, EvidenceLevel.DocumentChecked),
            (Competencies.Communication, 2, EvidenceLevel.Assessed), (Competencies.Persuasion, 2, EvidenceLevel.Assessed),
            (Competencies.MotivationToEarn, 2, EvidenceLevel.Assessed), (Competencies.RelationshipBuilding, 2, EvidenceLevel.SelfDeclared),
            (Competencies.SalesExperience, 1, EvidenceLevel.SelfDeclared)]),
        ("Георги Стоянов", [
            (Competencies.Communication, 4, EvidenceLevel.Assessed), (Competencies.Persuasion, 4, EvidenceLevel.Assessed),
            (Competencies.MotivationToEarn, 4, EvidenceLevel.Assessed), (Competencies.RelationshipBuilding, 3, EvidenceLevel.Assessed),
            (Competencies.SalesExperience, 3, EvidenceLevel.DocumentChecked), (Competencies.EducationLevel, 1, EvidenceLevel.DocumentChecked)]),
        ("Николай Василев", [
            (Competencies.BusinessEducation, 3, EvidenceLevel.DocumentChecked), (Competencies.EducationLevel, 2, EvidenceLevel.DocumentChecked),
            (Competencies.SalesExperience, 2, EvidenceLevel.DocumentChecked), (Competencies.AdvancedManagement, 1, EvidenceLevel.SelfDeclared),
            (Competencies.Courses, 3, EvidenceLevel.SelfDeclared), (Competencies.RelationshipBuilding, 3, EvidenceLevel.SelfDeclared),
            (Competencies.Communication, 3, EvidenceLevel.Assessed), (Competencies.Persuasion, 3, EvidenceLevel.Assessed),
            (Competencies.MotivationToEarn, 3, EvidenceLevel.Assessed)]),
    ];

    /// <summary>What the engine makes of the evidence under a template: the ranking must show the same, having gone through the database.</summary>
    private static decimal Expected(RoleProfile profile, (string Competency, decimal Rating, EvidenceLevel Level)[] ratings) =>
        ProfileScorer.Score(profile, [.. ratings.Select(r => new EvidenceItem(r.Competency, r.Rating, r.Level, "test"))], CompetencyCatalogue.Default,
            CultureInfo.InvariantCulture).Total;

    [Fact]
    public async Task The_same_three_people_rank_one_way_for_a_large_company_and_the_other_way_for_a_small_business_and_every_point_is_explained()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var large = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "large-company"), head.EmployeeId);
        var small = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "small-business"), head.EmployeeId);
        foreach (var (name, ratings) in Three)
        {
            await CandidateAsync(recruiter, large, name, ratings);
            await CandidateAsync(recruiter, small, name, ratings);
        }

        var byLarge = await RankingAsync(recruiter, large);
        var bySmall = await RankingAsync(recruiter, small);
        Assert.Equal(["Елена Димитрова", "Николай Василев", "Георги Стоянов"], byLarge.Select(r => r.Name));
        Assert.Equal(["Георги Стоянов", "Николай Василев", "Елена Димитрова"], bySmall.Select(r => r.Name));
        foreach (var (name, ratings) in Three)
        {
            Assert.Equal(Expected(ProfileTemplates.LargeCompany, ratings), byLarge.Single(r => r.Name == name).Total);
            Assert.Equal(Expected(ProfileTemplates.SmallBusiness, ratings), bySmall.Single(r => r.Name == name).Total);
        }

        // A failed must-have is a flag, not a penalty: Elena's weak communication fails the small business's gate, and she is still ranked.
        Assert.True(bySmall.Single(r => r.Name == "Елена Димитрова").Flag);
        Assert.False(byLarge.Single(r => r.Name == "Елена Димитрова").Flag);

        // The hiring manager reads the ranking of their vacancy, each candidate's points by criterion with the evidence behind them.
        var georgi = await (await head.Api.GetAsync($"/api/v1/staffing/candidates/{bySmall[0].Id}")).ReadAsync<JsonElement>();
        var criteria = georgi.GetProperty("score").GetProperty("criteria").EnumerateArray().ToList();
        var communication = criteria.Single(c => c.GetProperty("criterion").GetProperty("competency").GetString() == Competencies.Communication);
        Assert.Equal(4m, communication.GetProperty("rating").GetDecimal());
        Assert.Equal("Assessed", communication.GetProperty("level").GetString());
        Assert.Equal(communication.GetProperty("maxPoints").GetDecimal(), communication.GetProperty("points").GetDecimal());
        Assert.Contains("Интервю — Мария Иванова", communication.GetProperty("explanation").GetString());
        Assert.Equal(georgi.GetProperty("score").GetProperty("total").GetDecimal(),
            criteria.Sum(c => c.GetProperty("points").GetDecimal()));

        // No evidence is shown as such, not as a 0: Georgi has nothing on courses.
        var courses = criteria.Single(c => c.GetProperty("criterion").GetProperty("competency").GetString() == Competencies.Courses);
        Assert.Equal(JsonValueKind.Null, courses.GetProperty("rating").ValueKind);
    }

    [Fact]
    public async Task A_new_profile_version_rescores_on_the_next_input_and_the_log_keeps_what_the_old_score_was_made_of()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var profile = await ProfileAsync(recruiter, "small-business");
        var vacancy = await VacancyAsync(recruiter, profile, head.EmployeeId);
        var candidate = await CandidateAsync(recruiter, vacancy, "Мария Петкова", (Competencies.Communication, 3, EvidenceLevel.Assessed),
            (Competencies.Persuasion, 2, EvidenceLevel.Assessed));
        var before = (await RankingAsync(recruiter, vacancy)).Single().Total;

        var details = await (await recruiter.GetAsync($"/api/v1/staffing/profiles/{profile}")).ReadAsync<JsonElement>();
        var changed = ProfileTemplates.SmallBusiness with
        {
            Criteria = [.. ProfileTemplates.SmallBusiness.Criteria.Select(c => c.Competency == Competencies.Persuasion ? c with { Weight = c.Weight + 25 } : c)],
        };
        var stale = details.GetProperty("version").GetInt64();
        var added = await (await recruiter.PostJsonAsync($"/api/v1/staffing/profiles/{profile}/versions",
            new ProfileVersionInput { Document = ProfileDocument.Write(changed), Version = stale })).ReadAsync<JsonElement>();
        Assert.Equal(2, added.GetProperty("number").GetInt32());

        // A second change from the same reading is stale: a conflict, not a silent overwrite.
        var conflict = await recruiter.PostJsonAsync($"/api/v1/staffing/profiles/{profile}/versions",
            new ProfileVersionInput { Document = ProfileDocument.Write(changed), Version = stale });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);

        await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/evidence",
            new EvidenceInput { Competency = Competencies.MotivationToEarn, Rating = 4, Level = EvidenceLevel.SelfDeclared, Source = "Автобиография" })).ReadAsync<JsonElement>();
        var after = (await RankingAsync(recruiter, vacancy)).Single().Total;
        Assert.NotEqual(before, after);

        // Every score is logged with the version and the evidence it was made from: the first one can be made again.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var scores = await db.StaffingLog.AsNoTracking().Where(l => l.CandidateId == candidate && l.Kind == StaffingLogKind.Score).OrderBy(l => l.Id).ToListAsync();
            var versions = await db.RoleProfileVersions.AsNoTracking().Where(v => v.ProfileId == profile).ToDictionaryAsync(v => v.Id);
            var codes = CompetencyCatalogue.Default.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            var beforeVersion = scores.Last(s => versions[s.ProfileVersionId!.Value].Number == 1);
            Assert.Equal(2, versions[scores[^1].ProfileVersionId!.Value].Number);
            var evidence = JsonSerializer.Deserialize<List<EvidenceItem>>(beforeVersion.Inputs!, LogJson)!;
            var again = ProfileScorer.Score(ProfileDocument.Parse(versions[beforeVersion.ProfileVersionId!.Value].Document, codes).Value, evidence,
                CompetencyCatalogue.Default, CultureInfo.InvariantCulture);
            Assert.Equal(before, again.Total);
            Assert.Equal(before, beforeVersion.Value);
            return 0;
        });
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_that_names_the_problem_and_changes_nothing()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);

        async Task<string> RefusedProfileAsync(RoleProfile profile)
        {
            var response = await recruiter.PostJsonAsync("/api/v1/staffing/profiles", new ProfileInput { Name = app.Unique("Лош профил "), Document = ProfileDocument.Write(profile) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var good = ProfileTemplates.SmallBusiness;
        Assert.Contains("$.criteria[0].weight", await RefusedProfileAsync(good with { Criteria = [good.Criteria[0] with { Weight = -5 }, .. good.Criteria.Skip(1)] }));
        Assert.Contains("weight", await RefusedProfileAsync(good with { Criteria = [.. good.Criteria.Select(c => c with { Weight = 0 })], Gates = [] }));
        Assert.Contains("$.gates[0]", await RefusedProfileAsync(good with
        {
            Criteria = [.. good.Criteria.Where(c => c.Competency != good.Gates[0].Competency)],
        }));
        var unknown = await recruiter.PostJsonAsync("/api/v1/staffing/profiles", new ProfileInput
        {
            Name = app.Unique("Лош профил "), Document = """{ "name": "x", "criteria": [ { "competency": "communication", "wieght": 10 } ] }""",
        });
        Assert.Contains("wieght", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(0, (await (await recruiter.GetAsync("/api/v1/staffing/profiles")).ReadAsync<JsonElement>()).EnumerateArray()
            .Count(p => p.GetProperty("name").GetString()!.StartsWith("Лош профил", StringComparison.Ordinal)));

        var vacancy = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "small-business"), head.EmployeeId);
        var candidate = await CandidateAsync(recruiter, vacancy, "Иван Тодоров");
        var outOfRange = await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/evidence",
            new EvidenceInput { Competency = Competencies.Communication, Rating = 5, Level = EvidenceLevel.Assessed, Source = "Интервю" });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("0", await outOfRange.Content.ReadAsStringAsync());
        var noSuchCompetency = await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/evidence",
            new EvidenceInput { Competency = "charisma", Rating = 3, Level = EvidenceLevel.Assessed, Source = "Интервю" });
        Assert.Equal(HttpStatusCode.BadRequest, noSuchCompetency.StatusCode);
        var details = await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>();
        Assert.Equal(0, details.GetProperty("evidence").GetArrayLength());

        // Rejecting needs a reason; a weak communicator moved on past the gate is an override, and needs one too.
        var version = details.GetProperty("version").GetInt64();
        var noReason = await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/stage", new StageInput { Stage = CandidateStage.Rejected, Version = version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/evidence",
            new EvidenceInput { Competency = Competencies.Communication, Rating = 1, Level = EvidenceLevel.Assessed, Source = "Интервю" })).ReadAsync<JsonElement>();
        version = (await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64();
        var overrideWithout = await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/stage", new StageInput { Stage = CandidateStage.Screened, Version = version });
        Assert.Equal(HttpStatusCode.BadRequest, overrideWithout.StatusCode);
        Assert.Contains("reason", await overrideWithout.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var moved = await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/stage",
            new StageInput { Stage = CandidateStage.Screened, Reason = "Силна препоръка от клиент", Version = version })).ReadAsync<JsonElement>();
        Assert.Equal("Screened", moved.GetProperty("stage").GetString());
        Assert.Contains(moved.GetProperty("log").EnumerateArray(), l => l.GetProperty("kind").GetString() == "Override"
            && l.GetProperty("reason").GetString() == "Силна препоръка от клиент");

        // A stale stage move is a conflict.
        var stale = await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/stage",
            new StageInput { Stage = CandidateStage.Interviewed, Reason = "x", Version = version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Recruiters_and_the_hiring_manager_see_a_vacancy_others_do_not_and_no_one_else_changes_or_reads_a_score()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var otherHead = await PersonAsync("Друг ръководител ", Roles.HeadOfSales);
        var manager = await PersonAsync("Търговец ", Roles.AccountManager);
        var vacancy = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "small-business"), head.EmployeeId);
        var candidate = await CandidateAsync(recruiter, vacancy, "Силвия Райкова", (Competencies.Communication, 3, EvidenceLevel.Assessed));

        Assert.Equal(HttpStatusCode.OK, (await head.Api.GetAsync($"/api/v1/staffing/vacancies/{vacancy}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await head.Api.GetAsync($"/api/v1/staffing/candidates/{candidate}")).StatusCode);
        foreach (var outsider in new[] { otherHead, manager })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"/api/v1/staffing/vacancies/{vacancy}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"/api/v1/staffing/vacancies/{vacancy}/ranking")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"/api/v1/staffing/candidates/{candidate}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/evidence",
                new EvidenceInput { Competency = Competencies.Communication, Rating = 4, Level = EvidenceLevel.Assessed, Source = "x" })).StatusCode);
            Assert.DoesNotContain((await (await outsider.Api.GetAsync("/api/v1/staffing/vacancies")).ReadAsync<JsonElement>()).EnumerateArray(),
                v => v.GetProperty("id").GetGuid() == vacancy);
        }

        // The hiring manager rates and moves their candidates, but only recruiters open vacancies, add candidates, hire and erase.
        await (await head.Api.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/evidence",
            new EvidenceInput { Competency = Competencies.Persuasion, Rating = 3, Level = EvidenceLevel.Assessed, Source = "Интервю" })).ReadAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.PostJsonAsync("/api/v1/staffing/vacancies",
            new VacancyInput { Title = "x", ProfileId = Guid.NewGuid(), HiringManagerId = head.EmployeeId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.PostJsonAsync($"/api/v1/staffing/vacancies/{vacancy}/candidates",
            new CandidateInput { FullName = "Някой друг" })).StatusCode);
        var version = (await (await head.Api.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/hire",
            new HireInput { StartOn = new DateOnly(2030, 1, 1), Version = version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.DeleteAsync($"/api/v1/staffing/candidates/{candidate}/personal-data")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.PostJsonAsync("/api/v1/staffing/profiles", new ProfileInput { Name = "x", Template = "small-business" })).StatusCode);

        // An employee reads their own re-targeting score and no one else's; a recruiter reads anyone's.
        Assert.Equal(HttpStatusCode.OK, (await manager.Api.GetAsync($"/api/v1/staffing/people/{manager.EmployeeId}/fit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Api.GetAsync($"/api/v1/staffing/people/{head.EmployeeId}/fit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/v1/staffing/people/{head.EmployeeId}/fit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.PostJsonAsync($"/api/v1/staffing/people/{manager.EmployeeId}/appraisal",
            new EvidenceInput { Competency = Competencies.Communication, Rating = 4, Level = EvidenceLevel.Assessed, Source = "Аз" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.GetAsync($"/api/v1/staffing/vacancies/{vacancy}/internal-candidates")).StatusCode);

        // The pages say the same: another's candidate or fit is not found.
        var page = await app.SignedInClientAsync(manager.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/staffing/candidates/{candidate}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/staffing/people/{head.EmployeeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/staffing/vacancies/{vacancy}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/staffing/me")).StatusCode);
    }

    [Fact]
    public async Task An_internal_candidate_is_found_with_their_role_and_hired_part_time_onto_the_plan_in_one_step()
    {
        var recruiter = await RecruiterAsync();
        var finance = await app.ApiClientAsync(null, Roles.Finance);
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var plan = (await (await finance.PostJsonAsync("/api/v1/compensation/plans", new PlanInput
        {
            Name = app.Unique("План за търговци "), EffectiveFrom = new DateOnly(2024, 1, 1),
            Document = PlanDocument.Write(new PayPlan { Name = "x", Currency = "EUR", Base = new BasePay(BaseKind.None), Commission = new CommissionPlan { Rate = 5 } }),
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var vacancy = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "small-business"), head.EmployeeId, plan, 0.2m);

        var deputy = await app.CreateEmployeeAsync(app.Unique("Радостина Колева "));
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var employee = await db.Employees.SingleAsync(e => e.Id == deputy);
            employee.Position = "Заместник-ръководител ПР";
            employee.Capacity = 0m;
            await db.SaveChangesAsync();
            return 0;
        });
        foreach (var (competency, rating) in new[] { (Competencies.Communication, 4m), (Competencies.Persuasion, 4m), (Competencies.MotivationToEarn, 4m) })
        {
            await (await recruiter.PostJsonAsync($"/api/v1/staffing/people/{deputy}/appraisal",
                new EvidenceInput { Competency = competency, Rating = rating, Level = EvidenceLevel.Assessed, Source = "Годишна атестация" })).ReadAsync<JsonElement>();
        }

        var found = (await (await recruiter.GetAsync($"/api/v1/staffing/vacancies/{vacancy}/internal-candidates")).ReadAsync<JsonElement>()).EnumerateArray().ToList();
        var row = found.Single(r => r.GetProperty("employeeId").GetGuid() == deputy);
        Assert.Equal("Заместник-ръководител ПР", row.GetProperty("position").GetString());
        Assert.Equal(found.Max(r => r.GetProperty("total").GetDecimal()), row.GetProperty("total").GetDecimal());

        var candidate = await (await recruiter.PostJsonAsync($"/api/v1/staffing/vacancies/{vacancy}/internal-candidates", new { employeeId = deputy }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal("Заместник-ръководител ПР", candidate.GetProperty("sourceRole").GetString());
        Assert.Equal(row.GetProperty("total").GetDecimal(), candidate.GetProperty("score").GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await recruiter.PostJsonAsync($"/api/v1/staffing/vacancies/{vacancy}/internal-candidates", new { employeeId = deputy })).StatusCode);

        var startOn = new DateOnly(2031, 2, 1);
        var hired = await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate.GetProperty("id").GetGuid()}/hire",
            new HireInput { StartOn = startOn, Capacity = 0.2m, Version = candidate.GetProperty("version").GetInt64() })).ReadAsync<JsonElement>();
        Assert.Equal("Hired", hired.GetProperty("stage").GetString());
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            Assert.Equal(0.2m, await db.Employees.Where(e => e.Id == deputy).Select(e => e.Capacity).SingleAsync());
            var assignment = await db.PlanAssignments.SingleAsync(a => a.EmployeeId == deputy);
            Assert.Equal((plan, startOn, (DateOnly?)null), (assignment.PlanId, assignment.From, assignment.To));
            Assert.Equal(VacancyStatus.Filled, await db.Vacancies.Where(v => v.Id == vacancy).Select(v => v.Status).SingleAsync());
            return 0;
        });

        // A hired person is an employee now: their candidacy is not erased.
        var erase = await recruiter.DeleteAsync($"/api/v1/staffing/candidates/{candidate.GetProperty("id").GetGuid()}/personal-data");
        Assert.Equal(HttpStatusCode.Conflict, erase.StatusCode);
        Assert.Contains("employee", await erase.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outside_candidate_hired_becomes_an_employee_under_the_hiring_manager()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var vacancy = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "industrial-seller"), head.EmployeeId);
        var name = app.Unique("Стефан Илиев ");
        var candidate = await CandidateAsync(recruiter, vacancy, name, (Competencies.EngineeringEducation, 4, EvidenceLevel.DocumentChecked));
        var version = (await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64();
        var hired = await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/hire",
            new HireInput { StartOn = new DateOnly(2031, 3, 2), Version = version })).ReadAsync<JsonElement>();
        var employeeId = hired.GetProperty("employeeId").GetGuid();
        var employee = await (await recruiter.GetAsync($"/api/v1/employees/{employeeId}")).ReadAsync<JsonElement>();
        Assert.Equal(name, employee.GetProperty("fullName").GetString());
        Assert.Equal(new DateOnly(2031, 3, 2), DateOnly.Parse(employee.GetProperty("employmentStart").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Erasure_leaves_no_name_email_or_cv_anywhere_and_the_counts_do_not_change()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var vacancy = await VacancyAsync(recruiter, await ProfileAsync(recruiter, "small-business"), head.EmployeeId);
        var name = app.Unique("Вяра Станчева ");
        var email = $"{Guid.NewGuid():N}@example.bg";
        var id = (await (await recruiter.PostJsonAsync($"/api/v1/staffing/vacancies/{vacancy}/candidates",
            new CandidateInput { FullName = name, Email = email, Phone = "+359 876 432 990", Cv = "Магистър „Финанси“, " + name }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{id}/client-base",
            new ClientBaseInput { Kind = ClientBaseItemKind.NamedDecisionMaker, Company = "Фирма на " + name, Note = "Управител" })).ReadAsync<JsonElement>();
        await CandidateAsync(recruiter, vacancy, "Друг кандидат");
        var before = await (await recruiter.GetAsync($"/api/v1/staffing/vacancies/{vacancy}")).ReadAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, (await recruiter.DeleteAsync($"/api/v1/staffing/candidates/{id}/personal-data")).StatusCode);

        var after = await (await recruiter.GetAsync($"/api/v1/staffing/vacancies/{vacancy}")).ReadAsync<JsonElement>();
        Assert.Equal(before.GetProperty("stages").GetRawText(), after.GetProperty("stages").GetRawText());
        Assert.Equal(2, (await RankingAsync(recruiter, vacancy)).Count);
        var details = await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{id}")).ReadAsync<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, details.GetProperty("erasedAt").ValueKind);
        Assert.DoesNotContain(name, details.GetRawText());
        Assert.DoesNotContain(email, details.GetRawText());

        var browser = await app.SignedInClientAsync((await PersonAsync("Рекрутер ", Roles.Recruiter)).Email);
        var page = await browser.GetStringAsync($"/staffing/vacancies/{vacancy}?{Bulgarian}");
        Assert.DoesNotContain(name, page);
        Assert.Contains("Изтрит кандидат", page);
        var export = await browser.GetStringAsync($"/staffing/vacancies/{vacancy}/ranking.csv?{Bulgarian}");
        Assert.DoesNotContain(name, export);
        Assert.Contains("Изтрит кандидат", export);
        Assert.Contains("Друг кандидат", export);

        // Nowhere in the database: the candidate's row, their client base, the staffing log, the audit log.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            Assert.False(await db.Candidates.AnyAsync(c => c.FullName.Contains(name) || c.Email == email || c.Cv.Contains(name)));
            Assert.False(await db.CandidateClientBase.AnyAsync(c => c.Company.Contains(name)));
            Assert.False(await db.StaffingLog.AnyAsync(l => (l.Reason != null && l.Reason.Contains(name)) || (l.Inputs != null && l.Inputs.Contains(name))));
            Assert.False(await db.AuditEntries.AnyAsync(a => (a.OldValue != null && (a.OldValue.Contains(name) || a.OldValue.Contains(email)))
                || (a.NewValue != null && (a.NewValue.Contains(name) || a.NewValue.Contains(email)))));
            return 0;
        });
    }

    [Fact]
    public async Task The_staffing_log_and_profile_versions_are_refused_changes_by_the_database_itself()
    {
        var recruiter = await RecruiterAsync();
        await ProfileAsync(recruiter, "small-business");
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"StaffingLog\" SET \"Actor\" = 'someone else'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"RoleProfileVersions\""));
            return 0;
        });
    }

    [Fact]
    public async Task The_candidate_page_shows_points_flags_and_gaps_in_both_languages()
    {
        var recruiterUser = await PersonAsync("Рекрутер ", Roles.Recruiter);
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var vacancy = await VacancyAsync(recruiterUser.Api, await ProfileAsync(recruiterUser.Api, "small-business"), head.EmployeeId);
        var candidate = await CandidateAsync(recruiterUser.Api, vacancy, "Елена Димитрова", Three[0].Ratings);
        var total = Expected(ProfileTemplates.SmallBusiness, Three[0].Ratings);
        var client = await app.SignedInClientAsync(recruiterUser.Email);

        var bg = Visible(await client.GetStringAsync($"/staffing/candidates/{candidate}?{Bulgarian}"));
        Assert.Contains("Неизпълнено задължително изискване", bg);
        Assert.Contains(total.ToString("0.0", CultureInfo.GetCultureInfo("bg-BG")), bg);
        Assert.Contains("Комуникация", bg);
        Assert.Contains("Все още няма доказателства", bg);

        var en = Visible(await client.GetStringAsync($"/staffing/candidates/{candidate}?{English}"));
        Assert.Contains("Must-have not met", en);
        Assert.Contains(total.ToString("0.0", CultureInfo.GetCultureInfo("en-GB")), en);
        Assert.Contains("No evidence yet", en);

        var ranking = Visible(await client.GetStringAsync($"/staffing/vacancies/{vacancy}?{English}"));
        Assert.Contains("Елена Димитрова", ranking);
        Assert.Contains("Outside candidate", ranking);
    }

    [Fact]
    public async Task Raters_submit_scorecards_once_without_seeing_the_others_first_and_a_blind_rater_sees_no_name()
    {
        var recruiter = await RecruiterAsync();
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var first = await PersonAsync("Първи оценяващ ", Roles.AccountManager);
        var second = await PersonAsync("Втори оценяващ ", Roles.AccountManager);
        var vacancy = (await (await recruiter.PostJsonAsync("/api/v1/staffing/vacancies", new VacancyInput
        {
            Title = app.Unique("Сляпа позиция "), ProfileId = await ProfileAsync(recruiter, "small-business"), HiringManagerId = head.EmployeeId, BlindReview = true,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var name = app.Unique("Петър Генчев ");
        var candidate = await CandidateAsync(recruiter, vacancy, name);

        // The hiring manager asks two colleagues to rate; asking the same one twice is refused.
        foreach (var rater in new[] { first, second })
        {
            await (await head.Api.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/raters", new RaterInput { RaterId = rater.EmployeeId })).ReadAsync<JsonElement>();
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await head.Api.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/raters", new RaterInput { RaterId = first.EmployeeId })).StatusCode);

        // A rater sees only their scorecard, blind: no name, no CV; the candidate itself is not theirs to open.
        var mine = (await (await first.Api.GetAsync("/api/v1/staffing/scorecards")).ReadAsync<JsonElement>()).EnumerateArray().Single();
        Assert.DoesNotContain(name, mine.GetRawText());
        var card = await (await first.Api.GetAsync($"/api/v1/staffing/scorecards/{mine.GetProperty("id").GetGuid()}")).ReadAsync<JsonElement>();
        Assert.True(card.GetProperty("blind").GetBoolean());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("cv").ValueKind);
        Assert.DoesNotContain(name, card.GetRawText());
        var questions = card.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("competency").GetString()!).ToList();
        Assert.Contains(Competencies.Communication, questions);
        Assert.DoesNotContain(Competencies.EducationLevel, questions);
        Assert.Equal(HttpStatusCode.NotFound, (await first.Api.GetAsync($"/api/v1/staffing/candidates/{candidate}")).StatusCode);
        var secondCard = (await (await second.Api.GetAsync("/api/v1/staffing/scorecards")).ReadAsync<JsonElement>()).EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await first.Api.GetAsync($"/api/v1/staffing/scorecards/{secondCard}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.Api.PostJsonAsync($"/api/v1/staffing/scorecards/{secondCard}/submit",
            new ScorecardInput { Ratings = questions.ToDictionary(q => q, _ => (decimal?)4m) })).StatusCode);

        // Home says what waits for them, in their language.
        var home = Visible(await (await app.SignedInClientAsync(first.Email)).GetStringAsync($"/?{Bulgarian}"));
        Assert.Contains("Оценъчни карти, които ви чакат: 1", home);

        // Every question must be answered, within 0–4.
        var id = mine.GetProperty("id").GetGuid();
        var version = card.GetProperty("version").GetInt64();
        var incomplete = await first.Api.PostJsonAsync($"/api/v1/staffing/scorecards/{id}/submit",
            new ScorecardInput { Ratings = new() { [Competencies.Communication] = 5m }, Version = version });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);

        var submitted = await (await first.Api.PostJsonAsync($"/api/v1/staffing/scorecards/{id}/submit",
            new ScorecardInput { Ratings = questions.ToDictionary(q => q, _ => (decimal?)3m), Note = "Добро впечатление", Version = version })).ReadAsync<JsonElement>();
        Assert.Equal(0, submitted.GetProperty("others").GetArrayLength());
        var twice = await first.Api.PostJsonAsync($"/api/v1/staffing/scorecards/{id}/submit",
            new ScorecardInput { Ratings = questions.ToDictionary(q => q, _ => (decimal?)1m), Version = submitted.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // The second rater does not see the first one's answers before submitting: not on the scorecard, not in the candidate's score.
        var before = await (await second.Api.GetAsync($"/api/v1/staffing/scorecards/{secondCard}")).ReadAsync<JsonElement>();
        Assert.Equal(0, before.GetProperty("others").GetArrayLength());
        var after = await (await second.Api.PostJsonAsync($"/api/v1/staffing/scorecards/{secondCard}/submit",
            new ScorecardInput { Ratings = questions.ToDictionary(q => q, _ => (decimal?)4m), Version = before.GetProperty("version").GetInt64() })).ReadAsync<JsonElement>();
        var other = after.GetProperty("others").EnumerateArray().Single();
        Assert.Equal(first.Name, other.GetProperty("rater").GetString());
        Assert.Equal(3m, other.GetProperty("ratings").GetProperty(Competencies.Communication).GetDecimal());

        // Both scorecards count, as assessed evidence averaged per competency: communication (3 + 4) / 2.
        var scored = await (await head.Api.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>();
        var communication = scored.GetProperty("score").GetProperty("criteria").EnumerateArray()
            .Single(c => c.GetProperty("criterion").GetProperty("competency").GetString() == Competencies.Communication);
        Assert.Equal(3.5m, communication.GetProperty("rating").GetDecimal());
        Assert.Equal("Assessed", communication.GetProperty("level").GetString());
    }

    [Fact]
    public async Task An_offer_shows_the_base_at_the_minimum_wage_and_the_expected_commission_beside_the_market()
    {
        var recruiter = await RecruiterAsync();
        var finance = await app.ApiClientAsync(null, Roles.Finance);
        var head = await PersonAsync("Ръководител продажби ", Roles.HeadOfSales);
        var plan = (await (await finance.PostJsonAsync("/api/v1/compensation/plans", new PlanInput
        {
            Name = app.Unique("План с минимална заплата "), EffectiveFrom = new DateOnly(2020, 1, 1),
            Document = PlanDocument.Write(new PayPlan { Name = "x", Currency = "EUR", Base = new BasePay(BaseKind.Fixed, Amount: 1_200), Commission = new CommissionPlan { Rate = 8 } }),
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var region = app.Unique("Бургас ");
        await (await recruiter.PostJsonAsync("/api/v1/staffing/salary-benchmarks", new SalaryBenchmarkInput
        {
            Region = region, CompanySize = CompanySize.Medium, Year = 2026, Low = 1_000, Median = 1_500, High = 2_200, Source = "Проучване 2026",
        })).ReadAsync<JsonElement>();
        var badOrder = await recruiter.PostJsonAsync("/api/v1/staffing/salary-benchmarks", new SalaryBenchmarkInput
        {
            Region = region, CompanySize = CompanySize.Small, Year = 2026, Low = 2_000, Median = 1_500, High = 2_200, Source = "Проучване 2026",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badOrder.StatusCode);

        var vacancy = (await (await recruiter.PostJsonAsync("/api/v1/staffing/vacancies", new VacancyInput
        {
            Title = app.Unique("Акаунт мениджър Бургас "), ProfileId = await ProfileAsync(recruiter, "small-business"), HiringManagerId = head.EmployeeId,
            PlanId = plan, Region = region, CompanySize = CompanySize.Medium,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var candidate = await CandidateAsync(recruiter, vacancy, "Антония Михайлова", (Competencies.Communication, 4, EvidenceLevel.Assessed));

        var preview = await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{candidate}/offer?sales=10000")).ReadAsync<JsonElement>();
        Assert.Equal((1_200m, 800m, 2_000m), (preview.GetProperty("base").GetDecimal(), preview.GetProperty("commission").GetDecimal(), preview.GetProperty("total").GetDecimal()));
        var benchmark = preview.GetProperty("benchmarks").EnumerateArray().Single();
        Assert.Equal(1_500m, benchmark.GetProperty("median").GetDecimal());

        // Only recruiters see and make offers.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Api.GetAsync($"/api/v1/staffing/candidates/{candidate}/offer")).StatusCode);

        var version = (await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>()).GetProperty("version").GetInt64();
        var made = await (await recruiter.PostJsonAsync($"/api/v1/staffing/candidates/{candidate}/offer", new OfferInput { ExpectedSales = 10_000, Version = version }))
            .ReadAsync<JsonElement>();
        Assert.Equal(2_000m, made.GetProperty("made").EnumerateArray().Single().GetProperty("total").GetDecimal());
        var details = await (await recruiter.GetAsync($"/api/v1/staffing/candidates/{candidate}")).ReadAsync<JsonElement>();
        Assert.Equal("Offer", details.GetProperty("stage").GetString());

        var page = Visible(await (await app.SignedInClientAsync((await PersonAsync("Рекрутер ", Roles.Recruiter)).Email))
            .GetStringAsync($"/staffing/candidates/{candidate}?sales=10000&{Bulgarian}"));
        Assert.Contains("Очаквано брутно на месец", page);
        Assert.Contains("2 000,00 EUR", page);
    }

    [Fact]
    public async Task A_recruiter_names_a_competencys_esco_skill_and_nothing_else_passes_for_one()
    {
        var recruiter = await RecruiterAsync();
        var manager = await PersonAsync("Търговец ", Roles.AccountManager);
        var uri = $"{Catalogue.EscoPrefix}{Guid.NewGuid()}";
        var bad = await recruiter.PutJsonAsync("/api/v1/staffing/competencies/esco", new EscoInput { Competency = Competencies.Persuasion, EscoUri = "https://example.com/skill" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data.europa.eu/esco/skill", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.PutJsonAsync("/api/v1/staffing/competencies/esco",
            new EscoInput { Competency = Competencies.Persuasion, EscoUri = uri })).StatusCode);

        var all = await (await recruiter.PutJsonAsync("/api/v1/staffing/competencies/esco", new EscoInput { Competency = Competencies.Persuasion, EscoUri = uri }))
            .ReadAsync<JsonElement>();
        Assert.Equal(uri, all.EnumerateArray().Single(c => c.GetProperty("code").GetString() == Competencies.Persuasion).GetProperty("escoUri").GetString());
        var page = await (await app.SignedInClientAsync(manager.Email)).GetStringAsync($"/staffing/catalogue?{English}");
        Assert.Contains(uri, page);
    }

    /// <summary>The text a reader sees: tags out, entities decoded, white space as single spaces.</summary>
    private static string Visible(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Replace('\u00a0', ' ');

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class StaffingOnSqlite(SqliteApp app) : StaffingTests(app), IClassFixture<SqliteApp>;

public sealed class StaffingOnPostgres(PostgresApp app) : StaffingTests(app), IClassFixture<PostgresApp>;
