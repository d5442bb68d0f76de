using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.IntegrationTests;
using Rapport.People;
using Rapport.Shared;
using Rapport.Staffing;
using Rapport.Staffing.Demo;
using Rapport.Staffing.Engine;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>
/// Staffing in the browser: a recruiter scores the same three people under two profiles and reads why they rank in
/// opposite orders; HR finds internal candidates for a vacancy and hires one into it part time.
/// </summary>
public sealed class StaffingJourney(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Bulgarian = CultureInfo.GetCultureInfo("bg-BG");
    private static readonly Viewer Recruiter = new(Guid.Empty, null, new HashSet<string> { Roles.Recruiter });

    private const string Interview = "Интервю — Мария Иванова";

    /// <summary>
    /// Fewer ratings than the integration tests' sets, still flipping the order: a law degree carries Elena under the
    /// large-company profile and her weak interview sinks her under the small business's; Georgi is the reverse.
    /// </summary>
    private static readonly (string Name, (string Competency, decimal Rating, EvidenceLevel Level, string Source)[] Ratings)[] Three =
    [
        ("Елена Димитрова", [
            (Competencies.BusinessEducation, 4, EvidenceLevel.DocumentChecked, "Диплома — магистър по право, СУ"),
            (Competencies.Communication, 2, EvidenceLevel.Assessed, Interview)]),
        ("Николай Василев", [
            (Competencies.BusinessEducation, 3, EvidenceLevel.DocumentChecked, "Диплома — бакалавър, УНСС"),
            (Competencies.Communication, 3, EvidenceLevel.Assessed, Interview)]),
        ("Георги Стоянов", [
            (Competencies.Communication, 4, EvidenceLevel.Assessed, Interview)]),
    ];

    private static ProfileScore Expected(RoleProfile profile, (string Competency, decimal Rating, EvidenceLevel Level, string Source)[] ratings) =>
        ProfileScorer.Score(profile, [.. ratings.Select(r => new EvidenceItem(r.Competency, r.Rating, r.Level, r.Source))], CompetencyCatalogue.Default,
            CultureInfo.InvariantCulture);

    private static (string Competency, decimal Rating, EvidenceLevel Level, string Source)[] RatingsOf(string name) => Three.Single(t => t.Name == name).Ratings;

    /// <summary>Points as the pages write them: one decimal in the reader's culture.</summary>
    private static string Points(decimal value, CultureInfo culture) => value.ToString("0.0", culture);

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_recruiter_ranks_three_candidates_under_the_smb_and_the_large_company_profiles_and_sees_why_the_order_differs()
    {
        // The order the engine gives, checked here so a change of the sets cannot quietly stop the flip.
        string[] byLarge = ["Елена Димитрова", "Николай Василев", "Георги Стоянов"];
        string[] bySmall = ["Георги Стоянов", "Николай Василев", "Елена Димитрова"];
        Assert.Equal(byLarge, Three.OrderByDescending(t => Expected(ProfileTemplates.LargeCompany, t.Ratings).Total).Select(t => t.Name));
        Assert.Equal(bySmall, Three.OrderByDescending(t => Expected(ProfileTemplates.SmallBusiness, t.Ratings).Total).Select(t => t.Name));

        var manager = app.Unique("Мартин Колев ");
        await app.CreateEmployeeAsync(manager);
        var (_, email) = await app.CreateUserAsync(null, Roles.Recruiter);
        var page = await SignInAsync(email);

        // Two profiles from the templates.
        var smbProfile = app.Unique("МСП профил ");
        var largeProfile = app.Unique("Корпоративен профил ");
        foreach (var (name, template, templateName) in new[]
        {
            (smbProfile, "small-business", "Account manager — small or medium business"),
            (largeProfile, "large-company", "Account manager — large company"),
        })
        {
            await page.GotoAsync("/staffing/profiles");
            await Expect(Heading(page)).ToHaveTextAsync("Role profiles");
            await page.GetByLabel("Profile name").FillAsync(name);
            await page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = templateName });
            await Expect(page.GetByLabel("Template")).ToHaveValueAsync(template);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create profile" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync(name);
        }

        // A vacancy under each.
        var smbVacancy = app.Unique("Акаунт мениджър МСП ");
        var largeVacancy = app.Unique("Акаунт мениджър корпоративни клиенти ");
        foreach (var (title, profile) in new[] { (smbVacancy, smbProfile), (largeVacancy, largeProfile) })
        {
            await page.GotoAsync("/staffing");
            await Expect(Heading(page)).ToHaveTextAsync("Vacancies");
            await page.GetByLabel("Vacancy title").FillAsync(title);
            await page.GetByLabel("Role profile").SelectOptionAsync(new SelectOptionValue { Label = profile });
            await page.GetByLabel("Hiring manager").SelectOptionAsync(new SelectOptionValue { Label = manager });
            await page.GetByRole(AriaRole.Button, new() { Name = "Open vacancy" }).ClickAsync();
            await Expect(Heading(page)).ToHaveTextAsync(title);
            await Expect(page.GetByTestId("vacancy-status")).ToHaveTextAsync("Open");
            await Expect(page.GetByText("No candidates at this stage yet.")).ToBeVisibleAsync();

            // The same three people under each, their ratings entered on their candidate pages.
            foreach (var (name, ratings) in Three)
            {
                await AddCandidateAsync(page, title, name, ratings);
            }
        }

        // The two rankings in opposite orders, with the engine's totals, in English then in Bulgarian.
        await page.GotoAsync("/staffing");
        await page.GetByRole(AriaRole.Link, new() { Name = largeVacancy }).ClickAsync();
        await ExpectRankingAsync(page, largeVacancy, ProfileTemplates.LargeCompany, byLarge, English, "Outside candidate", failed: null);
        await page.GotoAsync("/staffing");
        await page.GetByRole(AriaRole.Link, new() { Name = smbVacancy }).ClickAsync();
        await ExpectRankingAsync(page, smbVacancy, ProfileTemplates.SmallBusiness, bySmall, English, "Outside candidate", failed: "Must-have not met");

        // Why: Elena's breakdown under the small business, every criterion with its points.
        await page.GetByTestId("ranking").GetByRole(AriaRole.Link, new() { Name = "Елена Димитрова" }).ClickAsync();
        await ExpectElenaUnderSmallBusinessAsync(page, English, "Communication", "Persuasion and negotiation", "Must-have not met", "No evidence yet", "2 of 4", "Assessed");

        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await ExpectElenaUnderSmallBusinessAsync(page, Bulgarian, "Комуникация", "Убеждаване и преговори", "Неизпълнено задължително изискване",
            "Все още няма доказателства", "2 от 4", "Оценено");
        await page.GetByRole(AriaRole.Link, new() { Name = smbVacancy }).ClickAsync();
        await ExpectRankingAsync(page, smbVacancy, ProfileTemplates.SmallBusiness, bySmall, Bulgarian, "Външен кандидат",
            failed: "Неизпълнено задължително изискване");

        // And under the large company: the same Communication is worth less, and Georgi has no business degree to show.
        await page.GotoAsync("/staffing");
        await page.GetByRole(AriaRole.Link, new() { Name = largeVacancy }).ClickAsync();
        await ExpectRankingAsync(page, largeVacancy, ProfileTemplates.LargeCompany, byLarge, Bulgarian, "Външен кандидат", failed: null);
        await page.GetByTestId("ranking").GetByRole(AriaRole.Link, new() { Name = "Георги Стоянов" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Георги Стоянов");
        var georgi = Expected(ProfileTemplates.LargeCompany, RatingsOf("Георги Стоянов"));
        await Expect(page.GetByTestId("score-total")).ToHaveTextAsync(Points(georgi.Total, Bulgarian));
        var business = page.GetByTestId($"criterion-{Competencies.BusinessEducation}");
        await Expect(business).ToContainTextAsync("Бизнес образование (икономика, право, мениджмънт)");
        await Expect(business).ToContainTextAsync("Все още няма доказателства");
        await Expect(business.Locator("td.num").Nth(1)).ToHaveTextAsync(Points(0m, Bulgarian));
        await Expect(page.GetByTestId($"gate-{Competencies.BusinessEducation}")).ToContainTextAsync("Все още няма доказателства");
        var communication = page.GetByTestId($"criterion-{Competencies.Communication}");
        await Expect(communication.Locator("td.num")).ToHaveTextAsync([Points(10m, Bulgarian), Points(10m, Bulgarian)]);
        await Expect(communication).ToContainTextAsync("4 от 4");

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(business).ToContainTextAsync("Business education (economics, law, management)");
        await Expect(business).ToContainTextAsync("No evidence yet");
        await Expect(page.GetByTestId("score-total")).ToHaveTextAsync(Points(georgi.Total, English));
    }

    /// <summary>Adds a candidate on the vacancy page, then their ratings on their own page, and goes back to the vacancy.</summary>
    private static async Task AddCandidateAsync(IPage page, string vacancy, string name,
        (string Competency, decimal Rating, EvidenceLevel Level, string Source)[] ratings)
    {
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("candidate-stage")).ToHaveTextAsync("Applied");
        var form = page.Locator("#rate");
        for (var i = 0; i < ratings.Length; i++)
        {
            var (competency, rating, level, source) = ratings[i];
            await form.GetByLabel("Competency").SelectOptionAsync(new SelectOptionValue { Value = competency });
            await form.GetByLabel("Rating (0–4)").FillAsync(rating.ToString(CultureInfo.InvariantCulture));
            await form.GetByLabel("Evidence", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = level.ToString() });
            // The source is the last field: Enter there adds the rating.
            await form.GetByLabel("Source").FillAsync(source);
            await form.GetByLabel("Source").PressAsync("Enter");
            await Expect(page.GetByTestId("evidence").Locator("tbody tr")).ToHaveCountAsync(i + 1);
        }

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = vacancy, Exact = true }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(vacancy);
    }

    private static async Task ExpectRankingAsync(IPage page, string vacancy, RoleProfile profile, string[] order, CultureInfo culture, string outside,
        string? failed)
    {
        await Expect(Heading(page)).ToHaveTextAsync(vacancy);
        var rows = page.GetByTestId("ranking").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows).ToContainTextAsync(order);
        await Expect(rows.GetByTestId("total")).ToHaveTextAsync([.. order.Select(n => Points(Expected(profile, RatingsOf(n)).Total, culture))]);
        for (var i = 0; i < order.Length; i++)
        {
            var score = Expected(profile, RatingsOf(order[i]));
            await Expect(rows.Nth(i).Locator("td").First).ToHaveTextAsync((i + 1).ToString(culture));
            await Expect(rows.Nth(i)).ToContainTextAsync(outside);
            await Expect(rows.Nth(i).Locator("td.num").Last).ToHaveTextAsync((score.Coverage * 100m).ToString("0", culture) + " %");
            if (failed is not null && score.AnyGateFailed)
            {
                await Expect(rows.Nth(i)).ToContainTextAsync(failed);
            }
            else
            {
                await Expect(rows.Nth(i).Locator(".badge.warn")).ToHaveCountAsync(0);
            }
        }

        if (failed is not null)
        {
            await Expect(page.GetByTestId("ranking").GetByText(failed)).ToHaveCountAsync(order.Count(n => Expected(profile, RatingsOf(n)).AnyGateFailed));
        }
    }

    private static async Task ExpectElenaUnderSmallBusinessAsync(IPage page, CultureInfo culture, string communicationName, string persuasionName,
        string gateFailed, string noEvidence, string ratedTwo, string assessed)
    {
        var elena = Expected(ProfileTemplates.SmallBusiness, RatingsOf("Елена Димитрова"));
        var communicationScore = elena.Criteria.Single(c => c.Criterion.Competency == Competencies.Communication);
        var persuasionScore = elena.Criteria.Single(c => c.Criterion.Competency == Competencies.Persuasion);
        Assert.True(elena.AnyGateFailed);

        await Expect(Heading(page)).ToHaveTextAsync("Елена Димитрова");
        await Expect(page.GetByTestId("score-total")).ToHaveTextAsync(Points(elena.Total, culture));

        // Her interview fails the small business's must-have: said, not subtracted.
        var gate = page.GetByTestId($"gate-{Competencies.Communication}");
        await Expect(gate).ToContainTextAsync(gateFailed);
        await Expect(gate).ToContainTextAsync(communicationName);

        var communication = page.GetByTestId($"criterion-{Competencies.Communication}");
        await Expect(communication.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(communicationName);
        await Expect(communication.Locator("td.num")).ToHaveTextAsync([Points(communicationScore.MaxPoints, culture), Points(communicationScore.Points, culture)]);
        await Expect(communication).ToContainTextAsync(ratedTwo);
        await Expect(communication).ToContainTextAsync(assessed);
        await Expect(communication).ToContainTextAsync(Interview);

        // Nothing on persuasion: no evidence, not a zero rating.
        var persuasion = page.GetByTestId($"criterion-{Competencies.Persuasion}");
        await Expect(persuasion.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(persuasionName);
        await Expect(persuasion.Locator("td").Nth(1)).ToHaveTextAsync(noEvidence);
        await Expect(persuasion.Locator("td.num")).ToHaveTextAsync([Points(persuasionScore.MaxPoints, culture), Points(0m, culture)]);

        // Her law degree counts for nothing here: the small business's profile does not ask for one.
        await Expect(page.GetByTestId($"criterion-{Competencies.BusinessEducation}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("score-criteria").Locator("tbody tr")).ToHaveCountAsync(ProfileTemplates.SmallBusiness.Criteria.Count);
    }

    [Fact]
    public async Task Hr_finds_internal_candidates_for_a_vacancy_and_hires_one_into_the_role_part_time()
    {
        // What the demo has: the Sofia vacancy under the small-business profile and three people of other departments,
        // the deputy head of PR and the analyst already put forward.
        var head = await app.CreateEmployeeAsync(app.Unique("Стоян Петров "));
        var (_, email) = await app.CreateUserAsync(null, Roles.Recruiter);
        var vacancyTitle = "Акаунт мениджър — малки и средни клиенти, София";
        (string Competency, decimal Rating, EvidenceLevel Level)[][] appraisals =
        [
            [(Competencies.Communication, 4, EvidenceLevel.Assessed), (Competencies.Persuasion, 3, EvidenceLevel.Assessed)],
            [(Competencies.Communication, 2, EvidenceLevel.Assessed)],
            [(Competencies.Communication, 3, EvidenceLevel.Assessed), (Competencies.MotivationToEarn, 4, EvidenceLevel.SelfDeclared)],
        ];
        var (vacancy, people) = await app.WithServicesAsync(async sp =>
        {
            var profile = (await sp.GetRequiredService<ProfileHandlers>().CreateAsync(Recruiter,
                new ProfileInput { Name = app.Unique("Акаунт мениджър — малък и среден бизнес "), Template = "small-business" })).Value;
            var created = await sp.GetRequiredService<VacancyHandlers>().CreateAsync(Recruiter,
                new VacancyInput { Title = vacancyTitle, ProfileId = profile, HiringManagerId = head, Capacity = 1m });
            Assert.True(created.IsSuccess);
            var ids = new List<Guid>();
            for (var i = 0; i < StaffingDemo.InternalPeople.Length; i++)
            {
                var (name, position, department, months) = StaffingDemo.InternalPeople[i];
                var employee = await sp.GetRequiredService<EmployeeHandlers>().CreateAsync(RapportApp.Admin, new EmployeeInput
                {
                    FullName = name, Position = position, Department = department, Capacity = 0m,
                    EmploymentStart = DateOnly.FromDateTime(DateTime.Today).AddMonths(-months),
                });
                Assert.True(employee.IsSuccess, string.Join("; ", employee.Errors.Select(e => e.Message)));
                foreach (var (competency, rating, level) in appraisals[i])
                {
                    Assert.True((await sp.GetRequiredService<Retargeting>().AddAppraisalAsync(Recruiter, employee.Value,
                        new EvidenceInput { Competency = competency, Rating = rating, Level = level, Source = "Годишна атестация" })).IsSuccess);
                }

                ids.Add(employee.Value);
            }

            var candidates = sp.GetRequiredService<CandidateHandlers>();
            Assert.True((await candidates.AddInternalAsync(Recruiter, created.Value, ids[0])).IsSuccess);
            Assert.True((await candidates.AddInternalAsync(Recruiter, created.Value, ids[1])).IsSuccess);
            return (created.Value, ids);
        });
        var (radostina, kalin, nevena) = (people[0], people[1], people[2]);
        decimal Total(int person) => ProfileScorer.Score(ProfileTemplates.SmallBusiness,
            [.. appraisals[person].Select(a => new EvidenceItem(a.Competency, a.Rating, a.Level, "Годишна атестация"))], CompetencyCatalogue.Default,
            CultureInfo.InvariantCulture).Total;

        var page = await SignInAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "BG" }).ClickAsync();
        await page.GotoAsync("/staffing");
        await Expect(Heading(page)).ToHaveTextAsync("Позиции");
        await Expect(page.GetByTestId($"vacancy-{vacancy}")).ToContainTextAsync("Отворена");
        await page.GetByRole(AriaRole.Link, new() { Name = vacancyTitle }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync(vacancyTitle);
        await page.GetByRole(AriaRole.Link, new() { Name = "Намери вътрешни кандидати" }).ClickAsync();
        await Expect(Heading(page)).ToHaveTextAsync("Вътрешни кандидати");

        // Everyone with their role now, best first; the two already put forward link to their candidacy.
        var table = page.GetByTestId("internal");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Идва от" })).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(table.Locator("tbody tr")).ToContainTextAsync(["Радостина Колева", "Невена Маринова", "Калин Дончев"]);
        foreach (var (id, person, position, department) in new[]
        {
            (radostina, 0, "Заместник-ръководител ПР", "PR"), (kalin, 1, "Бизнес анализатор", "Анализи"), (nevena, 2, "Административен асистент", "Администрация"),
        })
        {
            var row = page.GetByTestId($"internal-{id}");
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(position);
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(department);
            await Expect(row.GetByTestId("total")).ToHaveTextAsync(Points(Total(person), Bulgarian));
        }

        await Expect(page.GetByTestId($"internal-{radostina}").GetByRole(AriaRole.Link, new() { Name = "Вече е кандидат" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"internal-{kalin}").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Предложи" })).ToHaveCountAsync(1);

        // Nevena is put forward from the keyboard.
        await page.GetByTestId($"internal-{nevena}").GetByRole(AriaRole.Button, new() { Name = "Предложи" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Heading(page)).ToHaveTextAsync("Невена Маринова");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Записано.");
        await Expect(page.GetByTestId("candidate-stage")).ToHaveTextAsync("Кандидатствал");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Вътрешен: Административен асистент");
        await Expect(page.GetByTestId("score-total")).ToHaveTextAsync(Points(Total(2), Bulgarian));

        // Hired into the role beside her job: a fifth of her time, the form sent with Enter.
        var firstDay = DateOnly.FromDateTime(DateTime.Today).AddDays(7);
        await page.GetByLabel("Първи работен ден").FillAsync(firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Дял от времето").FillAsync("0.2");
        await page.GetByLabel("Дял от времето").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/people/employees/{nevena}"));
        await Expect(Heading(page)).ToHaveTextAsync("Невена Маринова");
        var facts = page.Locator("dl.details");
        await Expect(facts).ToContainTextAsync("Административен асистент");
        await Expect(facts).ToContainTextAsync("Администрация");
        await Expect(facts).ToContainTextAsync("0,20");

        await page.GotoAsync("/staffing");
        await Expect(page.GetByTestId($"vacancy-{vacancy}")).ToContainTextAsync("Заета");
        await page.GetByRole(AriaRole.Link, new() { Name = vacancyTitle }).ClickAsync();
        await Expect(page.GetByTestId("vacancy-status")).ToHaveTextAsync("Заета");
        var hired = page.GetByTestId("ranking").Locator("tbody tr", new() { HasText = "Невена Маринова" });
        await Expect(hired).ToContainTextAsync("Назначен");
        await Expect(hired).ToContainTextAsync("Вътрешен: Административен асистент");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Добави кандидат" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "EN" }).ClickAsync();
        await Expect(page.GetByTestId("vacancy-status")).ToHaveTextAsync("Filled");
        await Expect(hired).ToContainTextAsync("Hired");
        await Expect(hired).ToContainTextAsync("Internal: Административен асистент");
        await page.GotoAsync("/staffing");
        await Expect(page.GetByTestId($"vacancy-{vacancy}")).ToContainTextAsync("Filled");
        await page.GotoAsync($"/people/employees/{nevena}");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("0.20");
    }
}
