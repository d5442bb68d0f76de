using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.People;
using Rapport.Staffing;
using Rapport.Staffing.Engine;

namespace Rapport.Benchmarks;

/// <summary>What <see cref="StaffingData.AddAsync"/> made, for benchmarks and request files to point at.</summary>
internal sealed record StaffingTargets(Guid VacancyId, Guid OutsideCandidate, Guid InternalCandidate, string DeepCursor, string StageDeepCursor,
    int Candidates, int Retargetable);

/// <summary>
/// Staffing on top of a generated staff (and client base, when there is one): the deals dataset M does not have,
/// appraisal input for one employee in five, the small-business profile, and one open vacancy with
/// <see cref="CandidatesPerVacancy"/> candidates, each with a few ratings, some with CV experience and a claimed
/// client base, a few of them employees, all scored by the engine as <see cref="Scoring.RescoreAsync"/> would and
/// logged. Everything follows from the seed; rows go in through <see cref="DatasetWriter"/>.
/// </summary>
internal static class StaffingData
{
    public const int CandidatesPerVacancy = 10_000;

    /// <summary>Candidates who are employees of the company: few, as in a real pipeline, but the details read their facts.</summary>
    private const int InternalCandidates = 20;

    /// <summary>The stage a deep page of the stage filter is measured in.</summary>
    public const CandidateStage FilteredStage = CandidateStage.Screened;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] FirstNames = ["Иван", "Мария", "Георги", "Елена", "Petar", "Yana", "Стефан", "Гергана", "Boris", "Teodora"];

    private static readonly string[] Surnames = ["Петров", "Иванова", "Димитров", "Стоянова", "Kolev", "Marinova", "Тодоров", "Ангелова"];

    private static readonly string[] Industries = ["Телекомуникации", "Софтуер", "Търговия на едро", "Logistics", "Банково дело", "Retail"];

    /// <summary>
    /// Adds deals to the accounts (<paramref name="dealsPerAccount"/> each on average, one in ten split 60/40 with the
    /// account's coordinator or a colleague), appraisal input and the vacancy with its candidates. Returns what was made.
    /// </summary>
    public static async Task<StaffingTargets> AddAsync(BenchDatabase database, int seed, double dealsPerAccount, TextWriter log)
    {
        var random = new Random(seed + 3);
        var ids = new SeededIds(seed + 4);
        var options = database.Options();

        // The generator leaves when each relationship stops being warm to the host's first start; the facts read it.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var services = database.Services())
        {
            await using var scope = services.CreateAsyncScope();
            var refreshed = await scope.ServiceProvider.GetRequiredService<WarmUntilRefresh>().RunAsync();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// staffing: {refreshed:N0} relationships' warm-until in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        List<(Guid Id, Guid OwnerId, Guid? CoordinatorId)> accounts;
        List<(Guid Id, string Name, string? Email)> people;
        Guid head;
        await using (var db = new RapportDb(options))
        {
            accounts = (await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.OwnerId, a.CoordinatorId }).ToListAsync())
                .Select(a => (a.Id, a.OwnerId, a.CoordinatorId)).ToList();
            people = (await db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active).OrderBy(e => e.Id)
                    .Select(e => new { e.Id, e.FullName, e.Email }).ToListAsync())
                .Select(e => (e.Id, e.FullName, e.Email)).ToList();
            head = await db.Teams.Where(t => t.HeadId != null).OrderBy(t => t.Id).Select(t => t.HeadId!.Value).FirstAsync();
        }

        clock.Restart();
        var deals = 0;
        await using (var writer = await DatasetWriter.OpenAsync(database))
        {
            if (accounts.Count > 0 && dealsPerAccount > 0)
            {
                await writer.DropIndexesAsync(typeof(Deal), typeof(DealSplit), typeof(DealCredit));
                deals = await WriteDealsAsync(writer, random, ids, accounts, people, (int)Math.Round(accounts.Count * dealsPerAccount));
                await writer.RestoreIndexesAsync();
            }

            await WriteAppraisalsAsync(writer, random, ids, people);
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// staffing: {deals:N0} deals, appraisal input for {people.Count / 5:N0} people in {clock.Elapsed.TotalSeconds:F1} s"));

        clock.Restart();
        var targets = await WriteVacancyAsync(database, random, ids, people, head);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var writer = await DatasetWriter.OpenAsync(database);
            await writer.ExecuteAsync("ANALYZE;");
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// staffing: a vacancy with {targets.Candidates:N0} candidates in {clock.Elapsed.TotalSeconds:F1} s; {targets.Retargetable:N0} employees to re-target (active, capacity under 1)"));
        return targets;
    }

    /// <summary>Request paths for <c>bench/load.sh</c>: the API's and the pages' ranking, a candidate, the internal candidates.</summary>
    public static async Task WriteUrlsAsync(string folder, StaffingTargets t)
    {
        var urls = Directory.CreateDirectory(Path.Combine(folder, "urls")).FullName;
        var vacancy = $"/api/v1/staffing/vacancies/{t.VacancyId}";
        var page = $"/staffing/vacancies/{t.VacancyId}";
        var stage = FilteredStage.ToString();
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["staffing-ranking"] = $"{vacancy}/ranking",
            ["staffing-ranking-deep"] = $"{vacancy}/ranking?after={t.DeepCursor}",
            ["staffing-ranking-stage"] = $"{vacancy}/ranking?stage={stage}&after={t.StageDeepCursor}",
            ["staffing-candidate"] = $"/api/v1/staffing/candidates/{t.OutsideCandidate}",
            ["staffing-internal"] = $"{vacancy}/internal-candidates",
            ["html-staffing-vacancy"] = page,
            ["html-staffing-vacancy-deep"] = $"{page}?after={t.DeepCursor}",
            ["html-staffing-vacancy-stage"] = $"{page}?stage={stage}&after={t.StageDeepCursor}",
            ["html-staffing-candidate"] = $"/staffing/candidates/{t.OutsideCandidate}",
            ["html-staffing-internal"] = $"{page}/internal",
        };
        foreach (var (name, path) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(urls, name + ".txt"), path + "\n");
        }
    }

    private static async Task<int> WriteDealsAsync(DatasetWriter writer, Random random, SeededIds ids,
        List<(Guid Id, Guid OwnerId, Guid? CoordinatorId)> accounts, List<(Guid Id, string Name, string? Email)> people, int count)
    {
        var first = new DateOnly(2024, 1, 1);
        var days = DateOnly.FromDateTime(Now).DayNumber - first.DayNumber;
        var open = new[] { DealDefaults.QualificationId, DealDefaults.NeedsAnalysisId, DealDefaults.ProposalId, DealDefaults.NegotiationId };
        var chunk = new List<Deal>(20_000);
        var splits = new List<DealSplit>(22_000);
        for (var i = 0; i < count; i++)
        {
            var account = accounts[random.Next(accounts.Count)];
            var close = first.AddDays(random.Next(days));
            var roll = random.Next(100);
            var outcome = roll < 45 ? DealOutcome.Won : roll < 70 ? DealOutcome.Lost : DealOutcome.Open;
            var amount = Math.Round((decimal)(random.NextDouble() * 50_000) + 500m, 2);
            var deal = Deal.Create(ids.Next());
            deal.Number = i + 1;
            deal.Rename(string.Create(CultureInfo.InvariantCulture, $"Сделка {i + 1}"));
            deal.AccountId = account.Id;
            deal.PipelineId = DealDefaults.DefaultPipelineId;
            deal.Outcome = outcome;
            deal.StageId = outcome switch { DealOutcome.Won => DealDefaults.WonId, DealOutcome.Lost => DealDefaults.LostId, _ => open[random.Next(4)] };
            deal.Amount = deal.AmountBase = amount;
            deal.Probability = outcome switch { DealOutcome.Won => 100m, DealOutcome.Lost => 0m, _ => 25m };
            deal.ExpectedCloseOn = deal.CloseOn = deal.RateDate = close;
            deal.ClosedOn = outcome == DealOutcome.Open ? null : close;
            deal.NewBusiness = outcome == DealOutcome.Won ? random.Next(3) == 0 : null;
            deal.OwnerId = account.OwnerId;
            deal.CreatedAt = deal.StageSince = close.AddDays(-random.Next(1, 120)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var other = random.Next(10) == 0 ? account.CoordinatorId ?? people[random.Next(people.Count)].Id : account.OwnerId;
            if (other != account.OwnerId)
            {
                splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = account.OwnerId, Percent = 60m });
                splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = other, Percent = 40m });
            }
            else
            {
                splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = account.OwnerId, Percent = 100m });
            }

            chunk.Add(deal);
            if (chunk.Count == 20_000 || i == count - 1)
            {
                await writer.WriteAsync(chunk);
                await writer.WriteAsync(splits);
                var shares = splits.ToLookup(s => s.DealId);
                await writer.WriteAsync(chunk.SelectMany(d => DealCredit.Of(d, shares[d.Id])).ToList());
                chunk.Clear();
                splits.Clear();
            }
        }

        return count;
    }

    /// <summary>One person in five has two or three appraisal ratings, as a yearly review would leave.</summary>
    private static async Task WriteAppraisalsAsync(DatasetWriter writer, Random random, SeededIds ids, List<(Guid Id, string Name, string? Email)> people)
    {
        string[] competencies = [Competencies.Communication, Competencies.Persuasion, Competencies.MotivationToEarn, Competencies.Courses];
        var rows = new List<EvidenceRecord>();
        foreach (var person in people.Where((_, i) => i % 5 == 0))
        {
            foreach (var competency in competencies.OrderBy(_ => random.Next()).Take(random.Next(2, 4)))
            {
                var record = new EvidenceRecord
                {
                    EmployeeId = person.Id, Competency = competency, Rating = random.Next(0, 9) / 2m,
                    Level = random.Next(2) == 0 ? EvidenceLevel.Assessed : EvidenceLevel.DocumentChecked,
                    Source = "Годишна оценка 2025", RecordedAt = Now.AddDays(-random.Next(30, 300)), RecordedBy = "bench",
                };
                SeededIds.SetId(record, ids.Next());
                rows.Add(record);
            }
        }

        await writer.WriteAsync(rows);
    }

    private static async Task<StaffingTargets> WriteVacancyAsync(BenchDatabase database, Random random, SeededIds ids,
        List<(Guid Id, string Name, string? Email)> people, Guid head)
    {
        var template = ProfileTemplates.SmallBusiness;
        var profile = new RoleProfileRecord { Name = "Акаунт мениджър — малък и среден бизнес", Template = "small-business" };
        var version = new RoleProfileVersion { ProfileId = profile.Id, Number = 1, Document = ProfileDocument.Write(template), CreatedAt = Now, CreatedBy = "bench" };
        var vacancy = new Vacancy
        {
            Title = "Акаунт мениджър — малки и средни клиенти, София", ProfileId = profile.Id, HiringManagerId = head, Status = VacancyStatus.Open,
            OpenedOn = DateOnly.FromDateTime(Now).AddDays(-60),
        };
        IReadOnlyList<CompetencyDefinition> catalogue;
        Dictionary<Guid, EmployeeFacts> facts;
        var insiders = people.OrderBy(_ => random.Next()).Take(InternalCandidates).ToList();
        await using (var db = new RapportDb(database.Options()))
        {
            db.AddRange(profile, version, vacancy);
            await db.SaveChangesAsync();
            catalogue = await new Catalogue(db).AllAsync();
            facts = await new Scoring(db, new Catalogue(db), new FixedClock(Now)).FactsAsync([.. insiders.Select(p => p.Id)]);
        }

        var candidates = new List<Candidate>(CandidatesPerVacancy);
        var evidence = new List<EvidenceRecord>();
        var experience = new List<CandidateExperience>();
        var clientBase = new List<CandidateClientBaseEntry>();
        var logs = new List<StaffingLogEntry>();
        for (var i = 0; i < CandidatesPerVacancy; i++)
        {
            (Guid Id, string Name, string? Email)? insider = i % (CandidatesPerVacancy / InternalCandidates) == 7 ? insiders[i / (CandidatesPerVacancy / InternalCandidates)] : null;
            var applied = DateOnly.FromDateTime(Now).AddDays(-random.Next(0, 60));
            var candidate = new Candidate
            {
                VacancyId = vacancy.Id, EmployeeId = insider?.Id,
                Email = insider is { } known ? known.Email : string.Create(CultureInfo.InvariantCulture, $"c{i:D5}@candidates.bench.example"),
                Phone = insider is null ? string.Create(CultureInfo.InvariantCulture, $"+359 88 {random.Next(1_000_000, 9_999_999)}") : null,
                Cv = "Опит в продажбите на B2B услуги, работа с ключови клиенти, преговори и подновяване на договори.",
                AppliedOn = applied, RetainUntil = applied.AddMonths(CandidateHandlers.RetentionMonths),
                Stage = random.Next(100) switch { < 50 => CandidateStage.Applied, < 70 => CandidateStage.Screened, < 85 => CandidateStage.Interviewed, < 90 => CandidateStage.Offer, _ => CandidateStage.Rejected },
            };
            SeededIds.SetId(candidate, ids.Next());
            candidate.Rename(insider?.Name ?? $"{FirstNames[random.Next(FirstNames.Length)]} {Surnames[random.Next(Surnames.Length)]} {i}");

            var recordedAt = Now.AddDays(-random.Next(1, 60));
            var items = new List<EvidenceItem>();
            foreach (var competency in new[] { Competencies.Communication, Competencies.Persuasion, Competencies.MotivationToEarn, Competencies.RelationshipBuilding }
                         .Where((_, k) => k < 2 || random.Next(2) == 0))
            {
                var record = new EvidenceRecord
                {
                    CandidateId = candidate.Id, Competency = competency, Rating = random.Next(0, 9) / 2m,
                    Level = random.Next(3) == 0 ? EvidenceLevel.SelfDeclared : EvidenceLevel.Assessed,
                    Source = "Интервю", RecordedAt = recordedAt = recordedAt.AddHours(1), RecordedBy = "bench",
                };
                SeededIds.SetId(record, ids.Next());
                evidence.Add(record);
                items.Add(new EvidenceItem(record.Competency, record.Rating, record.Level, record.Source));
            }

            if (random.Next(5) == 0)
            {
                var entries = Enumerable.Range(0, random.Next(1, 3)).Select(k => new CandidateClientBaseEntry
                {
                    CandidateId = candidate.Id, Kind = (ClientBaseItemKind)random.Next(3), Company = string.Create(CultureInfo.InvariantCulture, $"Клиент {i}-{k} ООД"),
                }).ToList();
                clientBase.AddRange(entries);
                if (EvidenceRules.RateClientBase([.. entries.Select(e => new ClientBaseItem(e.Kind, e.Company, e.Note))], CultureInfo.InvariantCulture) is { } rated)
                {
                    items.Add(rated);
                }
            }

            if (random.Next(5) < 3)
            {
                var entry = new CandidateExperience
                {
                    CandidateId = candidate.Id, Industry = Industries[random.Next(Industries.Length)], Years = random.Next(1, 120) / 10m, SameField = random.Next(3) == 0,
                };
                experience.Add(entry);
                items.AddRange(ExperienceRule.Evidence(entry.Years, entry.SameField ? entry.Years : 0, 1, CultureInfo.InvariantCulture));
            }

            if (candidate.EmployeeId is { } employeeId && facts.TryGetValue(employeeId, out var fact))
            {
                items.AddRange(EvidenceRules.FromEmployee(fact, CultureInfo.InvariantCulture));
            }

            var score = ProfileScorer.Score(template, items, catalogue, CultureInfo.InvariantCulture);
            candidate.Total = score.Total;
            candidate.Rank = (int)Math.Round(score.Total * 10m, MidpointRounding.AwayFromZero);
            candidate.Score = score.Score;
            candidate.Coverage = Math.Round(score.Coverage, 4, MidpointRounding.AwayFromZero);
            candidate.GateFailed = score.AnyGateFailed;
            candidate.ScoredVersionId = version.Id;
            candidates.Add(candidate);
            var at = candidate.AppliedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            logs.Add(new StaffingLogEntry
            {
                At = at, Actor = "bench", Kind = StaffingLogKind.Candidate, VacancyId = vacancy.Id, CandidateId = candidate.Id, EmployeeId = candidate.EmployeeId,
                Value = (int)CandidateStage.Applied,
            });
            logs.Add(new StaffingLogEntry
            {
                At = at, Actor = "bench", Kind = StaffingLogKind.Score, VacancyId = vacancy.Id, CandidateId = candidate.Id, EmployeeId = candidate.EmployeeId,
                ProfileVersionId = version.Id, Value = score.Total, Inputs = JsonSerializer.Serialize(items, Json),
            });
        }

        await using (var writer = await DatasetWriter.OpenAsync(database))
        {
            await writer.WriteAsync(candidates);
            await writer.WriteAsync(evidence);
            await writer.WriteAsync(experience);
            await writer.WriteAsync(clientBase);
            await writer.WriteAsync(logs);
        }

        // Cursors a client holds nine tenths into the ranking, overall and in one stage: the row at that position.
        var ordered = candidates.OrderByDescending(c => c.Rank).ThenBy(c => c.Id).ToList();
        var deep = ordered[ordered.Count * 9 / 10 - 1];
        var inStage = ordered.Where(c => c.Stage == FilteredStage).ToList();
        var stageDeep = inStage[inStage.Count * 9 / 10 - 1];
        int retargetable;
        await using (var db = new RapportDb(database.Options()))
        {
            retargetable = await db.Employees.CountAsync(e => e.Status == EmployeeStatus.Active && e.Capacity < 1m);
        }

        return new StaffingTargets(vacancy.Id, ordered.First(c => c.EmployeeId is null).Id, candidates.First(c => c.EmployeeId is not null).Id,
            RankCursor.Format(deep.Rank, deep.Id), RankCursor.Format(stageDeep.Rank, stageDeep.Id), candidates.Count, retargetable);
    }

    /// <summary>The generated history's "now", so that warm relationships and ages come out the same on every run.</summary>
    internal sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
