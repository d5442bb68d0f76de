using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Identity;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>Cursors and ids <see cref="ServiceData.AddAsync"/> found in what it made, for the request files to point at.</summary>
internal sealed record ServiceTargets(
    IReadOnlyList<string> OpenDeep, IReadOnlyList<string> AllDeep, IReadOnlyList<Guid> Assignees, IReadOnlyList<string> RenewalsDeep,
    IReadOnlyList<string> HealthDeep);

/// <summary>
/// Service coordination on top of a generated client base: cases opened over the last six months on the accounts,
/// raised by their contacts and assigned to their coordinators or owners, each taken through its life (first
/// response, a wait on the client, resolution, closing) by the app's own <see cref="CaseClock"/> under the SLA rules
/// <see cref="SlaSettingsHandlers.RulesAsync"/> reads (the defaults an installation starts with); their replies; and
/// about one service per account with renewals from overdue to a year ahead. Then every account's health is
/// computed by <see cref="HealthQueries"/>, timed. Everything follows from the seed and the instant "now".
/// </summary>
internal static class ServiceData
{
    /// <summary>How far back cases were opened.</summary>
    private const int HistoryDays = 182;

    private const int Chunk = 20_000;

    /// <summary>The renewals' deep pages look this far ahead: the longest window the page offers (the API allows a day more).</summary>
    private const int RenewalDays = 365;

    private static readonly string[] Subjects =
    [
        "Не се генерират месечните отчети", "Грешка при вход в системата", "Въпрос за фактурата за ноември",
        "Заявка за нов потребител", "Бавна работа на модула за склад", "Промяна на адреса за доставка",
        "Искане за обучение на новите служители", "Неправилно изчислено ДДС", "Експортът към Excel спира по средата",
        "Удължаване на договора за поддръжка", "Оплакване от забавена доставка", "Настройка на двуфакторно удостоверяване",
        "Invoice shows the wrong VAT number", "Cannot reset password", "Request for an additional licence",
    ];

    private static readonly string[] Descriptions =
    [
        "Клиентът съобщава за проблема от вчера сутринта; засяга целия отдел.", "Моля, проверете възможно най-скоро.",
        "Изпратиха екранна снимка по имейла.", "Проблемът се повтаря всеки ден след 16:00.", "",
    ];

    private static readonly string[] OurReplies =
    [
        "Благодаря за сигнала, разглеждаме го и ще се свържем с вас днес.", "Проблемът е отстранен, моля, потвърдете от ваша страна.",
        "Можете ли да изпратите точното съобщение за грешка?", "Подготвихме корекция, ще бъде пусната довечера.",
    ];

    private static readonly string[] ClientReplies =
    [
        "Благодаря, изпращам ви снимка на грешката.", "Потвърждавам, вече всичко работи.", "Все още се случва при някои потребители.",
    ];

    private static readonly string[] Notes = ["Да се провери с екипа по внедряване.", "Клиентът е ключов — приоритетно.", "Чакаме отговор от доставчика."];

    private static readonly string[] Services =
    [
        "Поддръжка на ERP", "Облачен абонамент", "Лицензи за потребители", "Електронни фактури", "Хостинг и ежедневни резервни копия",
        "Поддръжка 24/7 с дежурен инженер", "Managed backup (off-site)", "BI отчети",
    ];

    /// <summary>
    /// Adds <paramref name="casesPerAccount"/> cases per account and <paramref name="repliesPerCase"/> replies per case on
    /// average, and the services; times the health of every account and of batches of changed ones; returns the cursors.
    /// </summary>
    public static async Task<ServiceTargets> AddAsync(BenchDatabase database, int seed, DateTime now, double casesPerAccount,
        double repliesPerCase, TextWriter log)
    {
        var random = new Random(seed + 5);
        var ids = new SeededIds(seed + 6);
        var clock = new StaffingData.FixedClock(now);

        List<(Guid Id, Guid OwnerId, Guid? CoordinatorId)> accounts;
        Dictionary<Guid, List<Guid>> contacts;
        await using (var db = new RapportDb(database.Options()))
        {
            accounts = (await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.OwnerId, a.CoordinatorId }).ToListAsync())
                .Select(a => (a.Id, a.OwnerId, a.CoordinatorId)).ToList();
            contacts = (await db.Contacts.AsNoTracking().Where(c => c.Status == ContactStatus.Active).OrderBy(c => c.Id)
                    .Select(c => new { c.Id, c.AccountId }).ToListAsync())
                .GroupBy(c => c.AccountId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
        }

        SlaRules rules;
        await using (var services = database.Services(clock))
        {
            await using var scope = services.CreateAsyncScope();
            rules = await scope.ServiceProvider.GetRequiredService<SlaSettingsHandlers>().RulesAsync();
        }

        var watch = Stopwatch.StartNew();
        var withContacts = accounts.Where(a => contacts.ContainsKey(a.Id)).ToList();
        var cases = Cases(random, ids, withContacts, contacts, rules, now, (int)Math.Round(accounts.Count * casesPerAccount));
        var subscriptions = Subscriptions(random, ids, accounts, now);
        long replies;
        await using (var writer = await DatasetWriter.OpenAsync(database))
        {
            await writer.DropIndexesAsync(typeof(ServiceCase), typeof(CaseReply), typeof(Subscription));
            foreach (var chunk in cases.Select(c => c.Case).Chunk(Chunk))
            {
                await writer.WriteAsync(chunk);
            }

            replies = await WriteRepliesAsync(writer, random, ids, cases, now, (long)Math.Round(cases.Count * repliesPerCase));
            foreach (var chunk in subscriptions.Chunk(Chunk))
            {
                await writer.WriteAsync(chunk);
            }

            await writer.RestoreIndexesAsync();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await writer.ExecuteAsync("ANALYZE;");
            }
        }

        var open = cases.Count(c => c.Case.IsOpen);
        var breached = cases.Count(c => c.Case.IsOpen && c.Case.SlaDueAt <= now);
        var near = cases.Count(c => c.Case.IsOpen && c.Case.SlaDueAt > now && c.Case.SlaNearAt <= now);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// service: {cases.Count:N0} cases ({open:N0} open: {breached:N0} breached, {near:N0} near breach), {replies:N0} replies, {subscriptions.Count:N0} services in {watch.Elapsed.TotalSeconds:F1} s, indexes included; now {now:yyyy-MM-dd HH:mm} UTC"));

        await TimeHealthAsync(database, clock, random, accounts, log);
        return await TargetsAsync(database, clock, random, cases, now, log);
    }

    /// <summary>Request paths for <c>bench/load.sh</c>: the case list at its start and deep in, by assignee and SLA, renewals, health.</summary>
    public static async Task WriteUrlsAsync(string folder, ServiceTargets t)
    {
        var urls = Directory.CreateDirectory(Path.Combine(folder, "urls")).FullName;
        var files = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal)
        {
            ["cases-first"] = ["/api/v1/cases"],
            ["cases-deep"] = t.OpenDeep.Select(c => $"/api/v1/cases?after={c}"),
            ["cases-all-deep"] = t.AllDeep.Select(c => $"/api/v1/cases?all=true&after={c}"),
            ["cases-assignee"] = t.Assignees.Select(a => $"/api/v1/cases?assigneeId={a}"),
            ["cases-breached"] = ["/api/v1/cases?sla=Breached"],
            ["html-cases"] = ["/cases"],
            ["html-cases-deep"] = t.OpenDeep.Select(c => $"/cases?after={c}"),
            ["html-cases-all-deep"] = t.AllDeep.Select(c => $"/cases?status=all&after={c}"),
            ["html-cases-assignee"] = t.Assignees.Select(a => $"/cases?assignee={a}"),
            ["html-cases-breached"] = ["/cases?sla=Breached"],
            ["manager-cases"] = ["/api/v1/cases"],
            ["manager-html-cases"] = ["/cases"],
            ["renewals"] = ["/api/v1/renewals"],
            ["renewals-deep"] = t.RenewalsDeep.Select(c => $"/api/v1/renewals?days={RenewalDays}&after={c}"),
            ["html-renewals"] = ["/renewals"],
            ["html-renewals-deep"] = t.RenewalsDeep.Select(c => $"/renewals?days={RenewalDays}&after={c}"),
            ["manager-renewals"] = ["/api/v1/renewals"],
            ["health-list-first"] = ["/api/v1/accounts?size=50&sort=Health"],
            ["health-list-deep"] = t.HealthDeep.Select(c => $"/api/v1/accounts?size=50&sort=Health&after={c}"),
            ["html-health-list"] = ["/accounts?sort=Health"],
            ["html-health-list-deep"] = t.HealthDeep.Select(c => $"/accounts?sort=Health&after={c}"),
        };
        foreach (var (name, paths) in files)
        {
            await File.WriteAllLinesAsync(Path.Combine(urls, name + ".txt"), paths, new UTF8Encoding(false));
        }
    }

    /// <summary>A case and the instants of its thread that the replies are placed around.</summary>
    private sealed record Made(ServiceCase Case, DateTime? Responded, DateTime? PauseEnded, DateTime End);

    private static List<Made> Cases(Random random, SeededIds ids, List<(Guid Id, Guid OwnerId, Guid? CoordinatorId)> accounts,
        Dictionary<Guid, List<Guid>> contacts, SlaRules rules, DateTime now, int count)
    {
        // Cases gather on some accounts: seven in ten on a tenth of them, the rest anywhere.
        var busy = accounts.Where((_, i) => i % 10 == 3).ToList();
        var calendar = rules.Calendar;
        var made = new List<Made>(count);
        for (var i = 0; i < count; i++)
        {
            var account = random.Next(10) < 7 ? busy[random.Next(busy.Count)] : accounts[random.Next(accounts.Count)];
            var ofAccount = contacts[account.Id];
            var priority = random.Next(100) switch { < 20 => CasePriority.Low, < 75 => CasePriority.Normal, < 95 => CasePriority.High, _ => CasePriority.Urgent };
            var c = new ServiceCase
            {
                AccountId = account.Id,
                ContactId = ofAccount[random.Next(ofAccount.Count)],
                Subject = Subjects[random.Next(Subjects.Length)],
                Description = Descriptions[random.Next(Descriptions.Length)],
                Category = (CaseCategory)random.Next(6),
                Priority = priority,
                Status = CaseStatus.New,
                AssigneeId = account.CoordinatorId is { } coordinator && random.Next(5) < 3 ? coordinator : account.OwnerId,

                // Mail and calls arrive at any hour; the clock starts with the next working hour.
                CreatedAt = now.AddSeconds(-random.NextDouble() * HistoryDays * 86_400),
            };
            SeededIds.SetId(c, ids.Next());
            made.Add(Live(c, random, calendar, rules.For(ServiceTier.Standard, priority), now));
        }

        return made;
    }

    /// <summary>
    /// Takes a case through its life as the handlers would, up to now: answered after a share of its first-response
    /// target (about one in seven late), one in five waits on the client for a while, resolved after a share of its
    /// resolution target (one in eight late), most of the resolved closed days later; one in a hundred is never resolved.
    /// </summary>
    private static Made Live(ServiceCase c, Random random, BusinessCalendar calendar, SlaTargets targets, DateTime now)
    {
        CaseClock.Refresh(c, calendar, targets);
        var created = CaseClock.ToInstant(c.CreatedAt);
        DateTime? At(Duration working, Instant from) => calendar.Add(from, working) is { } at ? at.ToDateTimeUtc() : null;
        Duration Share(Duration target, double share) => Duration.FromSeconds((long)(target.TotalSeconds * share));

        var responded = At(Share(targets.FirstResponse, 0.05 + (random.NextDouble() * 1.1)), created);
        var pauseFrom = random.Next(5) == 0 && responded is { } r ? r.AddMinutes(10 + random.Next(600)) : (DateTime?)null;
        var pauseUntil = pauseFrom?.AddHours(1 + random.Next(96));
        var resolved = random.Next(100) == 0 ? null : At(Share(targets.Resolution, 0.1 + (random.NextDouble() * 1.05)), created);
        if (resolved is { } s && pauseUntil is { } u && pauseFrom is { } f)
        {
            // The wait does not count: resolution moves on by the working time the case waited.
            resolved = At(calendar.Between(CaseClock.ToInstant(f), CaseClock.ToInstant(u)), CaseClock.ToInstant(s > f ? s : f));
        }

        if (resolved is { } early && responded is { } answer && early <= answer)
        {
            resolved = answer.AddMinutes(5);
        }

        var closed = resolved?.AddDays(random.Next(1, 10));
        if (responded is { } respondedAt && respondedAt <= now)
        {
            CaseClock.Refresh(c, calendar, targets);
            c.FirstRespondedAt = respondedAt;
            c.Status = CaseStatus.InProgress;
            CaseClock.Refresh(c, calendar, targets);
        }
        else
        {
            responded = null;
        }

        if (pauseFrom is { } from && from <= now && c.FirstRespondedAt is not null)
        {
            CaseClock.Pause(c, calendar, targets, from);
            c.Status = CaseStatus.WaitingOnClient;
            if (pauseUntil is { } until && until <= now)
            {
                CaseClock.Resume(c, calendar, targets, until);
                c.Status = CaseStatus.InProgress;
            }
            else
            {
                pauseUntil = null;
            }
        }
        else
        {
            pauseUntil = null;
        }

        var end = now;
        if (resolved is { } resolvedAt && resolvedAt <= now && c.FirstRespondedAt is not null && (pauseUntil is not null || pauseFrom is null || pauseFrom > now))
        {
            CaseClock.Resume(c, calendar, targets, resolvedAt);
            c.ResolvedAt = resolvedAt;
            c.Status = closed <= now && random.Next(10) < 6 ? CaseStatus.Closed : CaseStatus.Resolved;
            CaseClock.Refresh(c, calendar, targets);
            end = resolvedAt;
        }

        return new Made(c, responded, pauseUntil, end);
    }

    /// <summary>
    /// The thread of each case: our first response, the client's answer that ended a wait, our resolving reply, and
    /// the rest (the client, us, internal notes) spread over the case's life so that the total comes to <paramref name="total"/>.
    /// </summary>
    private static async Task<long> WriteRepliesAsync(DatasetWriter writer, Random random, SeededIds ids, List<Made> cases, DateTime now, long total)
    {
        var structured = cases.Sum(m => (m.Responded is null ? 0 : 1) + (m.PauseEnded is null ? 0 : 1) + (m.Case.ResolvedAt is null ? 0 : 1));
        var extras = new int[cases.Count];
        for (var e = structured; e < total; e++)
        {
            extras[random.Next(cases.Count)]++;
        }

        var rows = new List<CaseReply>(Chunk + 64);
        var thread = new List<CaseReply>();
        long written = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (c, responded, pauseEnded, end) = cases[i];
            thread.Clear();
            if (responded is { } r)
            {
                thread.Add(Reply(c, OurReplies[0], r, fromClient: false, internalNote: false));
            }

            if (pauseEnded is { } p)
            {
                thread.Add(Reply(c, ClientReplies[0], p, fromClient: true, internalNote: false));
            }

            if (c.ResolvedAt is { } s)
            {
                thread.Add(Reply(c, OurReplies[1], s, fromClient: false, internalNote: false));
            }

            var span = (end - c.CreatedAt).Ticks;
            for (var k = 0; k < extras[i]; k++)
            {
                var at = c.CreatedAt.AddTicks((long)(random.NextDouble() * span));
                var roll = random.Next(10);

                // Before our first response only the client and internal notes add to a thread.
                var ours = roll < 4 && responded is { } first && at > first;
                thread.Add(ours ? Reply(c, OurReplies[random.Next(OurReplies.Length)], at, fromClient: false, internalNote: false)
                    : roll < 8 ? Reply(c, ClientReplies[random.Next(ClientReplies.Length)], at, fromClient: true, internalNote: false)
                    : Reply(c, Notes[random.Next(Notes.Length)], at, fromClient: false, internalNote: true));
            }

            foreach (var reply in thread.OrderBy(x => x.At))
            {
                SeededIds.SetId(reply, ids.Next());
                rows.Add(reply);
            }

            if (rows.Count >= Chunk || i == cases.Count - 1)
            {
                await writer.WriteAsync(rows);
                written += rows.Count;
                rows.Clear();
            }
        }

        return written;
    }

    private static CaseReply Reply(ServiceCase c, string text, DateTime at, bool fromClient, bool internalNote) => new()
    {
        CaseId = c.Id,
        EmployeeId = fromClient ? null : c.AssigneeId,
        ContactId = fromClient ? c.ContactId : null,
        Text = text,
        At = at,
        Internal = internalNote,
    };

    /// <summary>
    /// About one service per account (a fifth none, a fifth two): renewals spread over the coming year, one in twelve
    /// overdue, one in twenty running until cancelled; one in twenty cancelled or ended.
    /// </summary>
    private static List<Subscription> Subscriptions(Random random, SeededIds ids, List<(Guid Id, Guid OwnerId, Guid? CoordinatorId)> accounts, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var rows = new List<Subscription>(accounts.Count + (accounts.Count / 5));
        foreach (var account in accounts)
        {
            var roll = random.Next(10);
            for (var k = 0; k < (roll < 2 ? 0 : roll < 8 ? 1 : 2); k++)
            {
                var billing = random.Next(10) < 3 ? BillingPeriod.Monthly : BillingPeriod.Yearly;
                var yearly = 600m + (50m * random.Next(400));
                var renewal = random.Next(100);
                var status = random.Next(20) switch { 0 => SubscriptionStatus.Cancelled, 1 => SubscriptionStatus.Ended, _ => SubscriptionStatus.Active };
                var subscription = new Subscription
                {
                    AccountId = account.Id,
                    Name = Services[random.Next(Services.Length)],
                    StartsOn = today.AddDays(-random.Next(30, 1_500)),
                    RenewsOn = renewal < 5 ? null : renewal < 13 ? today.AddDays(-random.Next(1, 60)) : today.AddDays(random.Next(0, 366)),
                    Billing = billing,
                    Amount = billing == BillingPeriod.Monthly ? Math.Round(yearly / 12m, 2) : yearly,
                    Currency = "EUR",
                    Status = status,
                    CreatedAt = now.AddDays(-random.Next(1, 400)),
                };
                SeededIds.SetId(subscription, ids.Next());
                rows.Add(subscription);
            }
        }

        return rows;
    }

    /// <summary>
    /// Times <see cref="HealthQueries.RefreshAllAsync"/> over every account, then <see cref="HealthQueries.RefreshAsync"/>
    /// and <see cref="HealthQueries.ComputeAsync"/> alone for batches of 1,000 accounts picked at random, as changes
    /// spread over the client base queue them; each in a new scope, as the host's refresh service runs them.
    /// </summary>
    private static async Task TimeHealthAsync(BenchDatabase database, TimeProvider clock, Random random, List<(Guid Id, Guid OwnerId, Guid? CoordinatorId)> accounts,
        TextWriter log)
    {
        await using var services = database.Services(clock);
        var watch = Stopwatch.StartNew();
        int all;
        await using (var scope = services.CreateAsyncScope())
        {
            all = await scope.ServiceProvider.GetRequiredService<HealthQueries>().RefreshAllAsync();
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// health: RefreshAllAsync of {all:N0} accounts in {watch.Elapsed.TotalSeconds:F1} s"));
        for (var run = 1; run <= 3; run++)
        {
            var batch = accounts.Select(a => a.Id).OrderBy(_ => random.Next()).Take(HealthQueries.BatchSize).ToList();
            await using var scope = services.CreateAsyncScope();
            var health = scope.ServiceProvider.GetRequiredService<HealthQueries>();
            watch.Restart();
            await health.RefreshAsync(batch);
            var refresh = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await health.ComputeAsync(batch);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"// health: RefreshAsync of {batch.Count:N0} random accounts in {refresh:F0} ms (ComputeAsync alone again: {watch.Elapsed.TotalMilliseconds:F0} ms); run {run}"));
        }
    }

    /// <summary>
    /// Cursors a client holds 85–95 % into the open cases, all cases, the year's renewals and the accounts by health,
    /// built from the rows at those positions; checks that the case list continues after one where an offset query does.
    /// </summary>
    private static async Task<ServiceTargets> TargetsAsync(BenchDatabase database, TimeProvider clock, Random random, List<Made> cases, DateTime now,
        TextWriter log)
    {
        static string CaseCursor(ServiceCase c) => new Cursor(c.SlaDueAt.Ticks.ToString("D19", CultureInfo.InvariantCulture), c.Id).Encode();
        static List<T> Deep<T>(IReadOnlyList<T> ordered) =>
            [.. Enumerable.Range(85, 11).Select(p => ordered.Count * p / 100 - 1).Where(i => i >= 0).Distinct().Select(i => ordered[i])];

        var open = cases.Select(m => m.Case).Where(c => c.IsOpen).OrderBy(c => c.SlaDueAt).ThenBy(c => c.Id).ToList();
        var all = cases.Select(m => m.Case).OrderBy(c => c.SlaDueAt).ThenBy(c => c.Id).ToList();
        var assignees = Enumerable.Range(0, 20).Select(_ => cases[random.Next(cases.Count)].Case.AssigneeId).Distinct().ToList();

        await using var services = database.Services(clock);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var until = DateOnly.FromDateTime(now).AddDays(RenewalDays);
        var renewals = (await db.Subscriptions.AsNoTracking()
                .Where(s => s.Status == SubscriptionStatus.Active && s.RenewsOn != null && s.RenewsOn <= until)
                .OrderBy(s => s.RenewsOn).ThenBy(s => s.Id).Select(s => new { s.RenewsOn, s.Id }).ToListAsync())
            .Select(s => new Cursor(s.RenewsOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Id).Encode()).ToList();
        var byHealth = await db.Accounts.AsNoTracking().OrderBy(a => a.Health).ThenBy(a => a.Id).Select(a => new { a.Health, a.Id }).ToListAsync();
        var health = byHealth.Select(a => new Cursor(a.Health.ToString(CultureInfo.InvariantCulture), a.Id).Encode()).ToList();
        var bands = byHealth.GroupBy(a => a.Health < 0 ? "not computed" : AccountHealth.BandOf(a.Health).ToString()).OrderBy(g => g.Key, StringComparer.Ordinal);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"// health: {string.Join(", ", bands.Select(g => $"{g.Key} {g.Count():N0}"))}"));

        // The handler's own page after the first deep cursor starts with the next case of the offset order.
        var administrator = new Viewer(Guid.Empty, null, new HashSet<string> { Roles.Administrator });
        var first = open.Count * 85 / 100;
        var page = await scope.ServiceProvider.GetRequiredService<CaseHandlers>().ListAsync(administrator, new CaseFilter(After: CaseCursor(open[first - 1])));
        if (page.Items.Count == 0 || page.Items[0].Id != open[first].Id)
        {
            throw new InvalidOperationException("A deep case cursor does not continue where the offset order does.");
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// service: deep pages 85–95 % into {open.Count:N0} open and {all.Count:N0} cases, {renewals.Count:N0} renewals within a year, {health.Count:N0} accounts by health; {assignees.Count} assignees"));
        return new ServiceTargets([.. Deep(open).Select(CaseCursor)], [.. Deep(all).Select(CaseCursor)], assignees, Deep(renewals), Deep(health));
    }
}
