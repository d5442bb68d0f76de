using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing.Demo;

/// <summary>
/// Staffing in the demo: the three ready profiles (the small-business one in a second version), two open vacancies,
/// fourteen candidates at every stage of the pipeline with their CVs, ratings, client bases and experience, one
/// rejected with a reason, one moved on past a failed must-have with the reason logged, one erased on request; and
/// three employees from other departments (a deputy head of PR, an analyst, an administrative assistant) with
/// appraisal input, two of them put forward as internal candidates. Done through the handlers, as HR would.
/// </summary>
public sealed class StaffingDemo(RapportDb db, ProfileHandlers profiles, VacancyHandlers vacancies, CandidateHandlers candidates, Retargeting retargeting,
    ScorecardHandlers scorecards, OfferHandlers offers) : IDemoPart
{
    /// <summary>The people of other departments the demo adds as internal candidates, by position (the demo company knows them by it).</summary>
    public static readonly (string Name, string Position, string Department, int MonthsHere)[] InternalPeople =
    [
        ("Радостина Колева", "Заместник-ръководител ПР", "PR", 50),
        ("Калин Дончев", "Бизнес анализатор", "Анализи", 30),
        ("Невена Маринова", "Административен асистент", "Администрация", 20),
    ];

    private static readonly Viewer Recruiter = new(Guid.Empty, null, new HashSet<string> { Roles.Recruiter });

    public string Name => "staffing";

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.RoleProfiles.AnyAsync(ct);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var hr = demo.Staff.With(DemoRole.HumanResources).FirstOrDefault();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == DemoSignIns.Hr).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        using var acting = hr is null ? null : db.ActAs(new DemoActor(user, hr.Name));
        await SeedAsHrAsync(demo, hr?.Name ?? "HR", ct);
    }

    private async Task SeedAsHrAsync(DemoContext demo, string hrName, CancellationToken ct)
    {
        var large = Check(await profiles.CreateAsync(Recruiter, new ProfileInput { Name = "Акаунт мениджър — голяма компания", Template = "large-company" }, ct));
        var smb = Check(await profiles.CreateAsync(Recruiter, new ProfileInput { Name = "Акаунт мениджър — малък и среден бизнес", Template = "small-business" }, ct));
        var industrial = Check(await profiles.CreateAsync(Recruiter,
            new ProfileInput { Name = "Търговец — индустриални клиенти", Template = "industrial-seller" }, ct));
        _ = large;

        // HR's second thought on the SMB profile: relationships weigh more, motivation a little less.
        var smbProfile = ProfileTemplates.SmallBusiness;
        var revised = smbProfile with
        {
            Criteria = [.. smbProfile.Criteria.Select(c => c.Competency switch
            {
                Competencies.RelationshipBuilding => c with { Weight = c.Weight + 5 },
                Competencies.MotivationToEarn => c with { Weight = Math.Max(0, c.Weight - 5) },
                _ => c,
            })],
        };
        var smbVersion = await db.RoleProfiles.AsNoTracking().Where(p => p.Id == smb).Select(p => p.Version).FirstAsync(ct);
        Check(await profiles.AddVersionAsync(Recruiter, smb, new ProfileVersionInput { Document = ProfileDocument.Write(revised), Version = smbVersion }, ct));

        var heads = demo.Staff.With(DemoRole.HeadOfSales).ToList();
        var plans = await db.CompPlans.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        Guid? Plan(string prefix) => plans.FirstOrDefault(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))?.Id;

        var sofia = Check(await vacancies.CreateAsync(Recruiter, new VacancyInput
        {
            Title = "Акаунт мениджър — малки и средни клиенти, София", ProfileId = smb, HiringManagerId = heads[0].Id,
            PlanId = Plan("Мениджър продажби"), Capacity = 1m, Region = "София", CompanySize = CompanySize.Medium,
        }, ct));
        var metals = Check(await vacancies.CreateAsync(Recruiter, new VacancyInput
        {
            Title = "Мениджър ключови клиенти — валцувани метали", ProfileId = industrial, HiringManagerId = heads[Math.Min(1, heads.Count - 1)].Id,
            PlanId = Plan("Ключови клиенти"), Capacity = 1m, Region = "Перник", CompanySize = CompanySize.Large, BlindReview = true,
        }, ct));

        var interviewer = heads[0].Name;
        foreach (var c in Outside(interviewer, hrName))
        {
            await AddAsync(c.Vacancy == 0 ? sofia : metals, c, ct);
        }

        await InternalAsync(demo, sofia, hrName, ct);
        await BenchmarksAsync(demo, ct);
        await ScorecardsAndOfferAsync(demo, sofia, metals, ct);
    }

    /// <summary>What the market pays, as HR copied it from a salary survey of this year.</summary>
    private async Task BenchmarksAsync(DemoContext demo, CancellationToken ct)
    {
        (string Region, CompanySize Size, decimal Low, decimal Median, decimal High)[] rows =
        [
            ("София", CompanySize.Small, 1_150, 1_550, 2_300),
            ("София", CompanySize.Medium, 1_350, 1_900, 2_900),
            ("София", CompanySize.Large, 1_600, 2_350, 3_800),
            ("Пловдив", CompanySize.Medium, 1_050, 1_450, 2_200),
            ("Варна", CompanySize.Medium, 1_000, 1_400, 2_100),
            ("Перник", CompanySize.Large, 1_200, 1_700, 2_600),
        ];
        foreach (var (region, size, low, median, high) in rows)
        {
            Check(await offers.AddBenchmarkAsync(Recruiter, new SalaryBenchmarkInput
            {
                Region = region, CompanySize = size, Year = demo.Today.Year, Low = low, Median = median, High = high,
                Source = $"Проучване на заплатите в продажбите {demo.Today.Year}",
            }, ct));
        }
    }

    /// <summary>
    /// Interview scorecards: the director has rated the Sofia vacancy's front runner and the head of sales has not yet;
    /// the head of sales also rates a metals candidate, blind; the front runner has an offer with its expected earnings.
    /// </summary>
    private async Task ScorecardsAndOfferAsync(DemoContext demo, Guid sofia, Guid metals, CancellationToken ct)
    {
        var head = demo.Staff.With(DemoRole.HeadOfSales).First();
        var director = demo.Staff.With(DemoRole.Director).FirstOrDefault() ?? head;
        var names = await db.Candidates.AsNoTracking().Where(c => c.VacancyId == sofia || c.VacancyId == metals)
            .Select(c => new { c.Id, c.FullName }).ToDictionaryAsync(c => c.FullName, c => c.Id, ct);
        var georgi = names["Георги Стоянов"];
        var directorCard = Check(await scorecards.AssignAsync(Recruiter, georgi, new RaterInput { RaterId = director.Id }, ct));
        Check(await scorecards.AssignAsync(Recruiter, georgi, new RaterInput { RaterId = head.Id }, ct));
        Check(await scorecards.AssignAsync(Recruiter, names["Николай Василев"], new RaterInput { RaterId = head.Id }, ct));
        Check(await scorecards.AssignAsync(Recruiter, names["Стефан Илиев"], new RaterInput { RaterId = head.Id }, ct));

        var asDirector = new Viewer(Guid.Empty, director.Id, new HashSet<string>());
        var version = await db.Scorecards.AsNoTracking().Where(s => s.Id == directorCard).Select(s => s.Version).FirstAsync(ct);
        Check(await scorecards.SubmitAsync(asDirector, directorCard, new ScorecardInput
        {
            Ratings = new() { [Competencies.Communication] = 4, [Competencies.Persuasion] = 3, [Competencies.MotivationToEarn] = 4, [Competencies.RelationshipBuilding] = 3 },
            Note = "Подготвен, задава добри въпроси за клиентите ни. Да проверим препоръките.", Version = version,
        }, ct));

        var candidateVersion = await db.Candidates.AsNoTracking().Where(c => c.Id == georgi).Select(c => c.Version).FirstAsync(ct);
        Check(await offers.MakeAsync(Recruiter, georgi, new OfferInput { Version = candidateVersion }, ct));
    }

    private async Task AddAsync(Guid vacancy, DemoCandidate c, CancellationToken ct)
    {
        var id = Check(await candidates.CreateAsync(Recruiter, vacancy, new CandidateInput { FullName = c.Name, Email = c.Email, Phone = c.Phone, Cv = c.Cv }, ct));
        foreach (var (industry, years, same) in c.Experience)
        {
            Check(await candidates.AddExperienceAsync(Recruiter, id, new ExperienceInput { Industry = industry, Years = years, SameField = same }, ct));
        }

        foreach (var (kind, company, note) in c.ClientBase)
        {
            Check(await candidates.AddClientBaseAsync(Recruiter, id, new ClientBaseInput { Kind = kind, Company = company, Note = note }, ct));
        }

        foreach (var (competency, rating, level, source) in c.Ratings)
        {
            Check(await candidates.AddEvidenceAsync(Recruiter, id, new EvidenceInput { Competency = competency, Rating = rating, Level = level, Source = source }, ct));
        }

        foreach (var (stage, reason) in c.Steps)
        {
            var version = await db.Candidates.AsNoTracking().Where(x => x.Id == id).Select(x => x.Version).FirstAsync(ct);
            Check(await candidates.MoveAsync(Recruiter, id, new StageInput { Stage = stage, Reason = reason ?? c.Override, Version = version }, ct));
        }

        if (c.Erase)
        {
            Check(await candidates.EraseAsync(Recruiter, id, ct));
        }
    }

    /// <summary>Three people of other departments, with appraisal input; the deputy head of PR and the analyst are put forward for the Sofia vacancy.</summary>
    private async Task InternalAsync(DemoContext demo, Guid vacancy, string hrName, CancellationToken ct)
    {
        var director = demo.Staff.With(DemoRole.Director).FirstOrDefault();
        var ids = new List<Guid>();
        var index = 0;
        foreach (var (name, position, department, months) in InternalPeople)
        {
            var employee = new Employee
            {
                Position = position, Department = department, ManagerId = director?.Id, EmploymentStart = demo.Today.AddMonths(-months),
                Status = EmployeeStatus.Active, Capacity = 0m, Email = $"staff{++index}@demo.rapport.example",
            };
            employee.Rename(name);
            db.Employees.Add(employee);
            ids.Add(employee.Id);
        }

        await db.SaveChangesAsync(ct);
        var appraisal = $"Годишна атестация — {hrName}";
        (int Person, string Competency, decimal Rating, EvidenceLevel Level, string Source)[] input =
        [
            (0, Competencies.Communication, 4, EvidenceLevel.Assessed, appraisal),
            (0, Competencies.Persuasion, 3, EvidenceLevel.Assessed, appraisal),
            (0, Competencies.RelationshipBuilding, 3, EvidenceLevel.Assessed, appraisal),
            (0, Competencies.MotivationToEarn, 3, EvidenceLevel.SelfDeclared, "Разговор за развитие"),
            (0, Competencies.Courses, 3, EvidenceLevel.DocumentChecked, "Сертификат — курс по ПР и реторика"),
            (0, Competencies.EducationLevel, 3, EvidenceLevel.DocumentChecked, "Диплома — магистър, СУ „Св. Климент Охридски“"),
            (1, Competencies.BusinessEducation, 3, EvidenceLevel.DocumentChecked, "Диплома — магистър по икономика, УНСС"),
            (1, Competencies.EducationLevel, 3, EvidenceLevel.DocumentChecked, "Диплома — магистър по икономика, УНСС"),
            (1, Competencies.DomainKnowledge, 3, EvidenceLevel.Assessed, appraisal),
            (1, Competencies.Communication, 2, EvidenceLevel.Assessed, appraisal),
            (1, Competencies.MotivationToEarn, 3, EvidenceLevel.SelfDeclared, "Разговор за развитие"),
            (2, Competencies.Communication, 3, EvidenceLevel.Assessed, appraisal),
            (2, Competencies.MotivationToEarn, 4, EvidenceLevel.SelfDeclared, "Разговор за развитие"),
            (2, Competencies.EducationLevel, 1, EvidenceLevel.DocumentChecked, "Диплома — средно образование"),
        ];
        foreach (var (person, competency, rating, level, source) in input)
        {
            Check(await retargeting.AddAppraisalAsync(Recruiter, ids[person], new EvidenceInput { Competency = competency, Rating = rating, Level = level, Source = source }, ct));
        }

        var deputy = Check(await candidates.AddInternalAsync(Recruiter, vacancy, ids[0], ct));
        Check(await candidates.AddEvidenceAsync(Recruiter, deputy, new EvidenceInput
        {
            Competency = Competencies.Persuasion, Rating = 3.5m, Level = EvidenceLevel.Assessed, Source = "Интервю — практическа задача с клиент",
        }, ct));
        var version = await db.Candidates.AsNoTracking().Where(x => x.Id == deputy).Select(x => x.Version).FirstAsync(ct);
        Check(await candidates.MoveAsync(Recruiter, deputy, new StageInput { Stage = CandidateStage.Interviewed, Version = version }, ct));
        Check(await candidates.AddInternalAsync(Recruiter, vacancy, ids[1], ct));
    }

    private sealed record DemoCandidate(
        int Vacancy, string Name, string Email, string Phone, string Cv,
        (string Industry, decimal Years, bool SameField)[] Experience,
        (ClientBaseItemKind Kind, string Company, string? Note)[] ClientBase,
        (string Competency, decimal Rating, EvidenceLevel Level, string Source)[] Ratings,
        (CandidateStage Stage, string? Reason)[] Steps,
        bool Erase = false,
        string? Override = null);

    /// <summary>The outside candidates: ten for Sofia (small and medium clients), four for rolled metals.</summary>
    private static IEnumerable<DemoCandidate> Outside(string interviewer, string hr)
    {
        const string Cv = "Автобиография";
        var interview = $"Интервю — {interviewer}";
        var sample = $"Практическа задача — {hr}";
        (CandidateStage, string?)[] screened = [(CandidateStage.Screened, null)];
        (CandidateStage, string?)[] interviewed = [(CandidateStage.Screened, null), (CandidateStage.Interviewed, null)];
        (CandidateStage, string?)[] offered = [(CandidateStage.Screened, null), (CandidateStage.Interviewed, null), (CandidateStage.Offer, null)];

        yield return new(0, "Георги Стоянов", "georgi.stoyanov@example.bg", "+359 888 214 530",
            "Бакалавър „Маркетинг“, Икономически университет — Варна. Шест години търговец в телеком, последните три — малки фирми в София.",
            [("Телекомуникации", 6m, false)],
            [(ClientBaseItemKind.NamedDecisionMaker, "Кафе Дизайн ООД", "Управител — Петя Николова"), (ClientBaseItemKind.NamedDecisionMaker, "Арт Принт ЕООД", "Собственик"),
             (ClientBaseItemKind.DocumentedDeal, "Арт Принт ЕООД", "Договор за 24 месеца, 2025"), (ClientBaseItemKind.NameOnly, "Бистро Лозенец", null)],
            [(Competencies.Communication, 4, EvidenceLevel.Assessed, interview), (Competencies.Persuasion, 4, EvidenceLevel.Assessed, sample),
             (Competencies.MotivationToEarn, 4, EvidenceLevel.Assessed, interview), (Competencies.RelationshipBuilding, 3, EvidenceLevel.Assessed, interview),
             (Competencies.EducationLevel, 2, EvidenceLevel.DocumentChecked, "Диплома — бакалавър, ИУ — Варна")],
            offered);
        yield return new(0, "Елена Димитрова", "elena.dimitrova@example.bg", "+359 887 402 118",
            "Магистър „Право“, Софийски университет; курс „Ефективно управление на бизнеса“. Две години юрисконсулт, една — продажби на правни услуги.",
            [("Правни услуги", 1m, false)],
            [],
            [(Competencies.BusinessEducation, 4, EvidenceLevel.DocumentChecked, "Диплома — магистър по право, СУ"),
             (Competencies.AdvancedManagement, 3, EvidenceLevel.DocumentChecked, "Сертификат — Ефективно управление на бизнеса"),
             (Competencies.EducationLevel, 3, EvidenceLevel.DocumentChecked, "Диплома — магистър по право, СУ"),
             (Competencies.Communication, 2, EvidenceLevel.Assessed, interview), (Competencies.Persuasion, 2, EvidenceLevel.Assessed, interview),
             (Competencies.MotivationToEarn, 2, EvidenceLevel.Assessed, interview)],
            interviewed,
            Override: "Силно образование и курс по управление — заслужава интервю въпреки по-слабата комуникация");
        yield return new(0, "Николай Василев", "n.vasilev@example.bg", "+359 898 551 209",
            "Бакалавър „Бизнес администрация“, УНСС. Три години търговски представител на софтуер за счетоводство; курс по реторика.",
            [("Софтуер", 3m, true)],
            [(ClientBaseItemKind.NamedDecisionMaker, "Счетоводна къща Балкан ООД", "Управител"), (ClientBaseItemKind.ConfirmedByReference, "Счетоводна къща Балкан ООД", "Потвърдено по телефона")],
            [(Competencies.Communication, 3, EvidenceLevel.Assessed, interview), (Competencies.Persuasion, 3, EvidenceLevel.Assessed, interview),
             (Competencies.MotivationToEarn, 3, EvidenceLevel.Assessed, interview), (Competencies.Courses, 3, EvidenceLevel.SelfDeclared, Cv),
             (Competencies.BusinessEducation, 3, EvidenceLevel.DocumentChecked, "Диплома — бакалавър, УНСС")],
            interviewed);
        yield return new(0, "Мария Петкова", "maria.petkova@example.bg", "+359 878 300 411",
            "Бакалавър „Публична администрация“. Четири години в обслужване на клиенти в банка.",
            [("Банково дело", 4m, false)],
            [],
            [(Competencies.Communication, 2, EvidenceLevel.Assessed, interview), (Competencies.MotivationToEarn, 3, EvidenceLevel.SelfDeclared, Cv)],
            [(CandidateStage.Screened, null), (CandidateStage.Interviewed, null)],
            Override: "Идва с препоръка от клиент — да видим практическата задача");
        yield return new(0, "Иван Тодоров", "ivan.todorov@example.bg", "+359 886 120 775",
            "Средно образование. Осем години продажби на едро — хранителни стоки, собствена клиентска мрежа в София.",
            [("Търговия на едро", 8m, false)],
            [(ClientBaseItemKind.NamedDecisionMaker, "Мини маркети Зора", "Снабдител"), (ClientBaseItemKind.DocumentedDeal, "Мини маркети Зора", "Фактури 2023–2025")],
            [(Competencies.Persuasion, 3, EvidenceLevel.SelfDeclared, Cv), (Competencies.EducationLevel, 1, EvidenceLevel.DocumentChecked, "Диплома — средно образование")],
            screened);
        yield return new(0, "Десислава Ангелова", "desi.angelova@example.bg", "+359 889 644 052",
            "Бакалавър „Връзки с обществеността“, НБУ. Една година асистент в рекламна агенция.",
            [("Реклама", 1m, false)],
            [(ClientBaseItemKind.NameOnly, "Рекламна агенция Фокус", null), (ClientBaseItemKind.NameOnly, "Хотел Родина", null)],
            [(Competencies.Courses, 2, EvidenceLevel.SelfDeclared, Cv)],
            []);
        yield return new(0, "Петър Генчев", "petar.genchev@example.bg", "+359 877 915 330",
            "Бакалавър „Икономика“, Стопанска академия — Свищов. Две години търговски сътрудник в застраховане.",
            [("Застраховане", 2m, false)],
            [],
            [(Competencies.MotivationToEarn, 4, EvidenceLevel.SelfDeclared, Cv), (Competencies.BusinessEducation, 3, EvidenceLevel.SelfDeclared, Cv)],
            []);
        yield return new(0, "Силвия Райкова", "silvia.raykova@example.bg", "+359 888 700 264",
            "Магистър „Маркетинг“, УНСС. Пет години акаунт мениджър в софтуерна компания за малки фирми.",
            [("Софтуер", 5m, true)],
            [(ClientBaseItemKind.NamedDecisionMaker, "Дентален център Усмивка", "Управител"), (ClientBaseItemKind.NamedDecisionMaker, "Автосервиз Мотор", "Собственик")],
            [(Competencies.Communication, 3, EvidenceLevel.Assessed, interview), (Competencies.Persuasion, 2, EvidenceLevel.Assessed, interview)],
            [(CandidateStage.Screened, null), (CandidateStage.Interviewed, null), (CandidateStage.Rejected, "Прие оферта от друга компания")]);
        yield return new(0, "Борислав Кирилов", "b.kirilov@example.bg", "+359 899 118 602",
            "Бакалавър „Информатика“. Три години техническа поддръжка.",
            [],
            [],
            [(Competencies.Communication, 1, EvidenceLevel.Assessed, interview)],
            [(CandidateStage.Rejected, "Търси техническа, а не търговска роля")]);
        yield return new(0, "Вяра Станчева", "vyara.stancheva@example.bg", "+359 876 432 990",
            "Магистър „Финанси“. Поиска данните ѝ да бъдат изтрити след интервюто.",
            [("Финансови услуги", 2m, false)],
            [],
            [(Competencies.Communication, 3, EvidenceLevel.Assessed, interview)],
            [(CandidateStage.Screened, null)],
            Erase: true);

        yield return new(1, "Стефан Илиев", "stefan.iliev@example.bg", "+359 888 552 173",
            "Магистър инженер „Металургия“, ХТМУ. Седем години технолог и търговец във валцов завод; познава клиентите в строителството.",
            [("Металургия", 7m, true)],
            [(ClientBaseItemKind.NamedDecisionMaker, "Стоманени конструкции Перник АД", "Технически директор"),
             (ClientBaseItemKind.DocumentedDeal, "Стоманени конструкции Перник АД", "Рамков договор, 2024"),
             (ClientBaseItemKind.ConfirmedByReference, "Стоманени конструкции Перник АД", "Потвърдено от снабдяването")],
            [(Competencies.EngineeringEducation, 4, EvidenceLevel.DocumentChecked, "Диплома — магистър инженер, ХТМУ"),
             (Competencies.DomainKnowledge, 4, EvidenceLevel.Assessed, interview), (Competencies.Communication, 3, EvidenceLevel.Assessed, interview),
             (Competencies.Persuasion, 3, EvidenceLevel.Assessed, interview)],
            offered);
        yield return new(1, "Пламен Христов", "plamen.hristov@example.bg", "+359 887 226 481",
            "Бакалавър „Машинно инженерство“, ТУ — София. Четири години продажби на машини за металообработка.",
            [("Машиностроене", 4m, true)],
            [(ClientBaseItemKind.NamedDecisionMaker, "Завод за метални изделия Враца", "Главен механик")],
            [(Competencies.EngineeringEducation, 3, EvidenceLevel.DocumentChecked, "Диплома — бакалавър, ТУ — София"),
             (Competencies.DomainKnowledge, 3, EvidenceLevel.Assessed, interview), (Competencies.Communication, 2, EvidenceLevel.Assessed, interview)],
            interviewed);
        yield return new(1, "Антония Михайлова", "antonia.m@example.bg", "+359 898 730 455",
            "Магистър „Международни икономически отношения“. Шест години търговия с химически продукти.",
            [("Химическа промишленост", 6m, false)],
            [(ClientBaseItemKind.DocumentedDeal, "Полимери Девня АД", "Договори 2022–2024")],
            [(Competencies.Communication, 4, EvidenceLevel.Assessed, interview), (Competencies.Persuasion, 4, EvidenceLevel.Assessed, interview),
             (Competencies.BusinessEducation, 4, EvidenceLevel.DocumentChecked, "Диплома — магистър, УНСС"),
             (Competencies.EngineeringEducation, 0, EvidenceLevel.DocumentChecked, "Диплома — магистър, УНСС")],
            [(CandidateStage.Screened, null), (CandidateStage.Interviewed, null)],
            Override: "Без инженерно образование, но силен търговец с клиенти в промишлеността — заслужава интервю");
        yield return new(1, "Тодор Русев", "todor.rusev@example.bg", "+359 876 145 208",
            "Магистър инженер „Строителство“. Две години проектант.",
            [],
            [],
            [(Competencies.EngineeringEducation, 3, EvidenceLevel.SelfDeclared, Cv)],
            []);
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"The staffing demo could not be seeded: {result.Errors[0].Message}");

    private static void Check(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The staffing demo could not be seeded: {result.Errors[0].Message}");
        }
    }

    private sealed record DemoActor(Guid? UserId, string Name) : ICurrentActor;
}
