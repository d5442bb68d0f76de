using Microsoft.EntityFrameworkCore;
using NodaTime;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;

namespace Rapport.Service.Demo;

/// <summary>
/// The service cases of the demo: on the accounts the demo coordinator coordinates and on the demo manager's own, cases
/// in every status, some breached, some near breach, some answered in time, one waiting on the client. Each case is
/// opened a number of working hours back from now, so that its SLA state is the same whatever the hour of seeding.
/// </summary>
public sealed class ServiceDemo(RapportDb db, SlaSettingsHandlers settings) : IDemoPart
{
    private static readonly string[] Subjects =
    [
        "Не се генерират месечните отчети", "Грешка при вход в системата", "Въпрос за фактурата за ноември",
        "Заявка за нов потребител", "Бавна работа на модула за склад", "Промяна на адреса за доставка",
        "Искане за обучение на новите служители", "Неправилно изчислено ДДС", "Експортът към Excel спира по средата",
        "Удължаване на договора за поддръжка", "Оплакване от забавена доставка", "Настройка на двуфакторно удостоверяване",
    ];

    private static readonly string[] Descriptions =
    [
        "Клиентът съобщава за проблема от вчера сутринта; засяга целия отдел.", "Моля, проверете възможно най-скоро.",
        "Изпратиха екранна снимка по имейла.", "Проблемът се повтаря всеки ден след 16:00.",
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

    private static readonly string[] Notes = ["Да се провери с екипа по внедряване.", "Клиентът е ключов — приоритетно."];

    /// <summary>What each demo case is: its status, priority, and how far its targets have gone.</summary>
    private enum Shape
    {
        ResponseBreached,
        ResponseNearBreach,
        OnTrack,
        WaitingOnClient,
        ResolutionBreached,
        ResolvedInTime,
        Closed,
        JustOpened,
    }

    public string Name => "service";

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Cases.AnyAsync(ct);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var rules = await settings.RulesAsync(ct);
        await PromiseTiersAsync(demo, ct);
        var coordinator = demo.Staff.People.FirstOrDefault(p => p.SignIn == DemoSignIns.Coordinator);
        var manager = demo.Staff.People.FirstOrDefault(p => p.SignIn == DemoSignIns.Manager);
        var shapes = Enum.GetValues<Shape>();
        var cases = new List<ServiceCase>();
        foreach (var (person, coordinated, count) in new[] { (coordinator, true, 12), (manager, false, 12) })
        {
            if (person is null)
            {
                continue;
            }

            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => coordinated ? a.CoordinatorId == person.Id : a.OwnerId == person.Id)
                .OrderBy(a => a.SearchName).Select(a => new { a.Id, a.Tier }).Take(count).ToListAsync(ct);
            var ids = accounts.Select(a => a.Id).ToList();
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => ids.Contains(c.AccountId) && c.Status == ClientBase.ContactStatus.Active)
                .OrderBy(c => c.SearchName).Select(c => new { c.Id, c.AccountId }).ToListAsync(ct);
            // Every shape once before any twice, whichever accounts turn out to have no contact.
            var built = 0;
            for (var i = 0; i < accounts.Count && built < shapes.Length + 2; i++)
            {
                var ofAccount = contacts.Where(c => c.AccountId == accounts[i].Id).ToList();
                if (ofAccount.Count == 0)
                {
                    continue;
                }

                var contact = ofAccount[demo.Random.Next(ofAccount.Count)].Id;
                cases.Add(Build(demo, rules, shapes[built++ % shapes.Length], accounts[i].Id, accounts[i].Tier, contact, person.Id));
            }
        }

        db.Cases.AddRange(cases);
        await db.SaveChangesAsync(ct);
        await new IntakeDemo(db, settings).SeedAsync(demo, ct);
        demo.Progress?.Report(1);
    }

    /// <summary>
    /// The tiers promised to the demo's clients, as if agreed when each became one: a large active client is premium,
    /// one in three of them strategic, and one medium-sized client in four premium. Written past the audit log.
    /// </summary>
    private async Task PromiseTiersAsync(DemoContext demo, CancellationToken ct)
    {
        var candidates = await db.Accounts.AsNoTracking()
            .Where(a => a.Status == ClientBase.AccountStatus.Active && (a.Size == ClientBase.SizeSegment.Large || a.Size == ClientBase.SizeSegment.Medium))
            .OrderBy(a => a.SearchName).Select(a => new { a.Id, a.Size }).ToListAsync(ct);
        var tiers = candidates
            .Select(a => (a.Id, Tier: a.Size == ClientBase.SizeSegment.Large
                ? demo.Random.Next(3) == 0 ? ServiceTier.Strategic : ServiceTier.Premium
                : demo.Random.Next(4) == 0 ? ServiceTier.Premium : ServiceTier.Standard))
            .Where(a => a.Tier != ServiceTier.Standard)
            .GroupBy(a => a.Tier, a => a.Id);
        foreach (var tier in tiers)
        {
            var ids = tier.ToList();
            await db.Accounts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Tier, tier.Key), ct);
        }
    }

    private static ServiceCase Build(
        DemoContext demo, SlaRules rules, Shape shape, Guid accountId, ServiceTier tier, Guid contactId, Guid assignee)
    {
        var random = demo.Random;
        var priority = shape switch
        {
            Shape.ResponseBreached => CasePriority.Urgent,
            Shape.ResponseNearBreach or Shape.ResolutionBreached => CasePriority.High,
            Shape.JustOpened => CasePriority.Low,
            _ => CasePriority.Normal,
        };
        var targets = rules.For(tier, priority);
        var now = Instant.FromDateTimeUtc(demo.Now);
        var calendar = rules.Calendar;

        // How much working time has passed since the case was opened, as a share of the target that decides its state.
        var elapsed = shape switch
        {
            Shape.ResponseBreached => Share(targets.FirstResponse, 1.6),
            Shape.ResponseNearBreach => Share(targets.FirstResponse, 0.9),
            Shape.OnTrack or Shape.WaitingOnClient => Share(targets.Resolution, 0.3),
            Shape.ResolutionBreached => Share(targets.Resolution, 1.25),
            Shape.ResolvedInTime or Shape.Closed => Share(targets.Resolution, 2.5),
            _ => Duration.FromMinutes(40),
        };
        var created = calendar.Before(now, elapsed) ?? now;
        var c = new ServiceCase
        {
            AccountId = accountId,
            ContactId = contactId,
            Subject = Subjects[random.Next(Subjects.Length)],
            Description = Descriptions[random.Next(Descriptions.Length)],
            Category = (CaseCategory)random.Next(Enum.GetValues<CaseCategory>().Length),
            Priority = priority,
            Tier = tier,
            Status = CaseStatus.New,
            AssigneeId = assignee,
            CreatedAt = created.ToDateTimeUtc(),
        };
        CaseClock.Refresh(c, calendar, targets);
        if (shape is Shape.ResponseBreached or Shape.ResponseNearBreach or Shape.JustOpened)
        {
            if (random.Next(2) == 0)
            {
                c.Replies.Add(Reply(c, Notes[random.Next(Notes.Length)], calendar.Add(created, Duration.FromMinutes(10))!.Value, internalNote: true, assignee));
            }

            return c;
        }

        // Answered within half its first-response target, then worked on.
        var answered = calendar.Add(created, Share(targets.FirstResponse, 0.5))!.Value;
        c.Replies.Add(Reply(c, OurReplies[random.Next(OurReplies.Length)], answered, internalNote: false, assignee));
        c.FirstRespondedAt = answered.ToDateTimeUtc();
        c.Status = CaseStatus.InProgress;
        var clientAnswer = calendar.Add(answered, Duration.FromMinutes(30))!.Value;
        if (clientAnswer < now)
        {
            c.Replies.Add(Reply(c, ClientReplies[random.Next(ClientReplies.Length)], clientAnswer, internalNote: false, null));
        }

        switch (shape)
        {
            case Shape.WaitingOnClient:
                c.Status = CaseStatus.WaitingOnClient;
                c.PausedSince = (calendar.Before(now, Duration.FromHours(2)) ?? now).ToDateTimeUtc();
                break;
            case Shape.ResolvedInTime or Shape.Closed:
                var resolved = calendar.Add(created, Share(targets.Resolution, 0.7))!.Value;
                c.Replies.Add(Reply(c, OurReplies[1], resolved, internalNote: false, assignee));
                c.ResolvedAt = resolved.ToDateTimeUtc();
                c.Status = shape == Shape.Closed ? CaseStatus.Closed : CaseStatus.Resolved;
                break;
        }

        CaseClock.Refresh(c, calendar, targets);
        return c;
    }

    private static CaseReply Reply(ServiceCase c, string text, Instant at, bool internalNote, Guid? employee) => new()
    {
        CaseId = c.Id,
        EmployeeId = employee,
        ContactId = employee is null ? c.ContactId : null,
        Text = text,
        At = at.ToDateTimeUtc(),
        Internal = internalNote,
    };

    private static Duration Share(Duration target, double share) => Duration.FromSeconds((long)(target.TotalSeconds * share));
}
