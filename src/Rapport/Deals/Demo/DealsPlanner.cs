using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals.Demo;

/// <summary>
/// Plans the demo's deals in memory from the part's random sequence: what each account bought, lost and is being
/// offered, with every step dated. Each deal's events are the ones <see cref="DealHandlers"/> and
/// <see cref="PaymentHandlers"/> write for the same steps, recorded by the person who would have taken them.
/// </summary>
public sealed class DealsPlanner(
    Random random, DemoStaff staff, DateTime now, IReadOnlyList<Stage> stages, IReadOnlyList<LostReason> reasons,
    IReadOnlySet<Guid> activeEmployees, IReadOnlyDictionary<Guid, Guid?> userOf, IReadOnlyDictionary<Guid, string> actorOf,
    Func<decimal, string, DateOnly, decimal> convert)
{
    private readonly DateOnly _today = DateOnly.FromDateTime(now);
    private readonly List<Stage> _open = [.. stages.Where(s => s.Kind == StageKind.Open)];
    private readonly Stage _won = stages.Single(s => s.Kind == StageKind.Won);
    private readonly Stage _lost = stages.Single(s => s.Kind == StageKind.Lost);
    private readonly List<(DealEvent Event, int Order)> _events = [];
    private readonly List<DealPayment> _payments = [];
    private readonly Dictionary<Guid, List<WonHistory>> _history = [];
    private List<Product> _products = [];
    private int _invoice = 2_000_140;

    public DealsPlan Plan(IReadOnlyList<DemoAccount> accounts, IReadOnlyList<DemoContact> contacts)
    {
        _products = Catalogue();
        var byAccount = contacts.GroupBy(c => c.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        var drafts = new List<Draft>();
        foreach (var account in accounts)
        {
            var people = byAccount.GetValueOrDefault(account.Id) ?? [];
            foreach (var draft in DraftsFor(account, people))
            {
                drafts.Add(draft);
            }
        }

        // Numbered in the order they were made; won deals decided in the order they closed, as the rule reads them.
        drafts.Sort((a, b) => a.Deal.CreatedAt.CompareTo(b.Deal.CreatedAt));
        for (var i = 0; i < drafts.Count; i++)
        {
            drafts[i].Deal.Number = i + 1;
        }

        foreach (var draft in drafts)
        {
            Open(draft);
        }

        foreach (var draft in drafts.Where(d => d.Outcome == DealOutcome.Won).OrderBy(d => d.ClosedOn).ThenBy(d => d.Deal.Number))
        {
            Win(draft);
        }

        foreach (var draft in drafts.Where(d => d.Outcome == DealOutcome.Lost))
        {
            Lose(draft);
        }

        return new DealsPlan(_products, [.. drafts.Select(d => d.Deal)], _payments,
            [.. _events.OrderBy(e => e.Event.At).ThenBy(e => e.Order).Select(e => e.Event)]);
    }

    /// <summary>What the demo company sells: its business software, the work around it and the hardware it is run on.</summary>
    private static List<Product> Catalogue()
    {
        (string Code, string Name, string Category, decimal Euro)[] items =
        [
            ("RB-ERP-U", "Рапорт Бизнес ERP — лиценз за потребител", "Лицензи", 480m),
            ("RB-CLOUD", "Rapport Cloud ERP — annual subscription per user", "Абонаменти", 348m),
            ("RB-WMS", "Модул „Склад и логистика“", "Лицензи", 3_900m),
            ("RB-HR", "Модул „ТРЗ и човешки ресурси“", "Лицензи", 2_700m),
            ("RB-EINV", "E-invoicing connector (НАП, Peppol)", "Интеграции", 1_450m),
            ("RB-BI", "Business Intelligence dashboards", "Лицензи", 2_200m),
            ("SRV-IMPL", "Внедряване — човекоден", "Услуги", 520m),
            ("SRV-TRAIN", "Обучение на потребители (група до 8 души)", "Услуги", 900m),
            ("SRV-SUPP", "Годишна поддръжка и абонаментно обслужване", "Поддръжка", 3_600m),
            ("SRV-GDPR", "GDPR audit and consultation", "Услуги", 1_200m),
            ("HW-SRV", "Сървър Dell PowerEdge R660", "Хардуер", 7_800m),
            ("HW-TERM", "Мобилен терминал Zebra TC22", "Хардуер", 890m),
        ];
        var products = new List<Product>();
        foreach (var (code, name, category, euro) in items)
        {
            var product = new Product { Code = code, Category = category };
            product.Rename(name);
            product.Prices.Add(new ProductPrice { ProductId = product.Id, Currency = Currencies.Euro, Amount = euro });

            // Leva prices were kept for the clients still quoted in leva before the euro came.
            product.Prices.Add(new ProductPrice { ProductId = product.Id, Currency = "BGN", Amount = Money.Round(euro * 1.95583m) });
            products.Add(product);
        }

        return products;
    }

    private IEnumerable<Draft> DraftsFor(DemoAccount account, List<DemoContact> people)
    {
        var (won, lost, open) = account.Status switch
        {
            AccountStatus.Active => (1 + random.Next(3), random.Next(10) < 4 ? 1 : 0, random.Next(10) < 7 ? 1 + random.Next(2) : 0),
            AccountStatus.Former => (1 + random.Next(2), random.Next(10) < 7 ? 1 : 0, 0),
            _ => (0, random.Next(10) < 3 ? 1 : 0, random.Next(10) < 7 ? 1 : 0),
        };
        for (var i = 0; i < won; i++)
        {
            // Six in ten wins of a client in the last twelve months: the company is growing. A former client bought long ago.
            var monthsAgo = account.Status == AccountStatus.Former ? 13 + random.Next(11)
                : random.Next(10) < 6 ? random.Next(12) : 12 + random.Next(12);
            var closed = _today.AddMonths(-monthsAgo).AddDays(-random.Next(28));
            closed = closed >= _today ? _today.AddDays(-1 - random.Next(5)) : closed;
            yield return NewDraft(account, people, DealOutcome.Won, closed);
        }

        for (var i = 0; i < lost; i++)
        {
            yield return NewDraft(account, people, DealOutcome.Lost, _today.AddDays(-5 - random.Next(700)));
        }

        for (var i = 0; i < open; i++)
        {
            // A quarter closing this month (what Home shows), the rest in the coming five months.
            var monthEnd = new DateOnly(_today.Year, _today.Month, 1).AddMonths(1).AddDays(-1);
            var expected = random.Next(4) == 0 && monthEnd > _today
                ? _today.AddDays(1 + random.Next(monthEnd.DayNumber - _today.DayNumber))
                : _today.AddDays(10 + random.Next(150));
            yield return NewDraft(account, people, DealOutcome.Open, expected);
        }
    }

    /// <summary>A deal with its lines or amount, owner, split and committee; <paramref name="on"/> is its close date, or the expected one.</summary>
    private Draft NewDraft(DemoAccount account, List<DemoContact> people, DealOutcome outcome, DateOnly on)
    {
        var deal = Deal.Create();
        deal.AccountId = account.Id;
        deal.PipelineId = _won.PipelineId;
        deal.OwnerId = account.OwnerId;

        // Clients still invoiced in leva bought in leva before the euro came.
        deal.Currency = outcome != DealOutcome.Open && on < new DateOnly(2026, 1, 1) && random.Next(10) < 4 ? "BGN" : Currencies.Euro;
        deal.ExpectedCloseOn = on;
        deal.CloseOn = on;
        deal.RateDate = on;

        var title = Title(account, deal, random.Next(10) < 6);
        deal.Rename(title);
        deal.Amount = deal.Lines.Count > 0 ? deal.Lines.Sum(l => l.Amount) : Money.Round((20 + random.Next(580)) * 100m);
        deal.AmountBase = convert(deal.Amount, deal.Currency, deal.RateDate);

        // Deals take from three weeks to four months from the first call to a signature.
        var cycle = 20 + random.Next(100);
        var created = outcome == DealOutcome.Open
            ? _today.AddDays(-(3 + random.Next(90)))
            : on.AddDays(-cycle);
        deal.CreatedAt = At(created);
        deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = deal.OwnerId, Percent = Splits.Whole });

        // How far the deal got: open ones sit in any open stage, lost ones fell out anywhere, won ones went most of the way.
        var reached = outcome switch
        {
            DealOutcome.Open => random.Next(_open.Count),
            DealOutcome.Lost => random.Next(_open.Count),
            _ => _open.Count - 1 - (random.Next(5) == 0 ? 1 : 0),
        };
        var path = Enumerable.Range(0, reached + 1).Where(i => i == 0 || i == reached || random.Next(6) != 0).Select(i => _open[i]).ToList();
        var stage = path[^1];
        deal.StageId = stage.Id;
        deal.Outcome = DealOutcome.Open;
        deal.Probability = stage.Probability;
        deal.Forecast = stage.Probability >= 75 ? ForecastCategory.Commit
            : stage.Probability >= 50 && random.Next(2) == 0 ? ForecastCategory.BestCase
            : ForecastCategory.Pipeline;

        // A committee of the account's people, most often with whoever decides there.
        if (people.Count > 0 && (outcome == DealOutcome.Open || random.Next(3) == 0))
        {
            var picked = new List<DemoContact>();
            if (people.Find(p => p.Role == BuyingRoles.DecisionMaker) is { } decider && random.Next(10) < 7)
            {
                picked.Add(decider);
            }

            foreach (var person in people.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
            {
                if (!picked.Contains(person))
                {
                    picked.Add(person);
                }
            }

            deal.Contacts.AddRange(picked.Select(p => new DealContact { DealId = deal.Id, ContactId = p.Id, Role = p.Role }));
        }

        // One deal in eight was worked with a colleague of the team, who holds a share of the credit.
        Guid? partner = null;
        decimal share = 0;
        var owner = staff.People.FirstOrDefault(p => p.Id == deal.OwnerId);
        if (owner?.Team is { } team && random.Next(8) == 0)
        {
            var colleagues = staff.InTeam(team).Where(p => p.Id != owner.Id && p.Role == DemoRole.AccountManager && activeEmployees.Contains(p.Id)).ToList();
            if (colleagues.Count > 0)
            {
                partner = colleagues[random.Next(colleagues.Count)].Id;
                share = random.Next(2) == 0 ? 50m : 30m;
            }
        }

        return new Draft(deal, outcome, outcome == DealOutcome.Open ? null : on, path, partner, share,
            outcome == DealOutcome.Lost ? reasons[random.Next(reasons.Count)] : null);
    }

    private string Title(DemoAccount account, Deal deal, bool withLines)
    {
        var kind = random.Next(6);
        (string Title, (string Code, int Quantity)[] Lines) pick = kind switch
        {
            0 => ("Внедряване на ERP", [("RB-ERP-U", 5 + random.Next(36)), ("SRV-IMPL", 8 + random.Next(30)), ("SRV-TRAIN", 1 + random.Next(3))]),
            1 => ("Cloud ERP subscription", [("RB-CLOUD", 10 + random.Next(60)), ("SRV-IMPL", 3 + random.Next(8))]),
            2 => ("Модул „Склад“ и мобилни терминали", [("RB-WMS", 1), ("HW-TERM", 4 + random.Next(16)), ("SRV-IMPL", 4 + random.Next(10))]),
            3 => ("Годишна поддръжка", [("SRV-SUPP", 1), ("RB-EINV", random.Next(2))]),
            4 => ("ТРЗ и личен състав", [("RB-HR", 1), ("SRV-IMPL", 3 + random.Next(6)), ("SRV-GDPR", random.Next(2))]),
            _ => ("Сървъри и BI отчети", [("HW-SRV", 1 + random.Next(3)), ("RB-BI", 1)]),
        };
        if (withLines)
        {
            var position = 0;
            foreach (var (code, quantity) in pick.Lines.Where(l => l.Quantity > 0))
            {
                var product = _products.First(p => p.Code == code);
                var price = product.PriceIn(deal.Currency)!.Value;
                var discount = random.Next(4) switch { 0 => 10m, 1 => 5m, _ => 0m };
                deal.Lines.Add(new DealLine
                {
                    DealId = deal.Id, Position = position++, ProductId = product.Id, Quantity = quantity, UnitPrice = price,
                    DiscountPercent = discount, Amount = DealMath.LineAmount(quantity, price, discount),
                });
            }
        }

        var name = account.Name.Length > 120 ? account.Name[..120] : account.Name;
        return $"{pick.Title} — {name}";
    }

    /// <summary>The deal as it was made and moved through its open stages, split with a colleague on the way.</summary>
    private void Open(Draft draft)
    {
        var deal = draft.Deal;
        var created = NewEvent(deal, DealEventKind.Created, deal.CreatedAt, deal.OwnerId);
        (created.ToStageId, created.AmountAfter, created.BaseAfter) = (draft.Path[0].Id, deal.Amount, deal.AmountBase);
        created.Details = new DealEventDetails(Credits: DealHandlers.Credits(deal), Lines: DealHandlers.Lines(deal)).ToJson();

        // The steps fall between creation and the close (or a few days ago, for a deal still open).
        var end = draft.ClosedOn is { } closed ? At(closed) : now.AddDays(-1);
        var span = end - deal.CreatedAt;
        var steps = draft.Path.Count + (draft.Partner is null ? 0 : 1);
        var step = 0;
        for (var i = 1; i < draft.Path.Count; i++)
        {
            var at = deal.CreatedAt + (span * (++step / (double)(steps + 1)));
            var moved = NewEvent(deal, DealEventKind.StageMoved, at, deal.OwnerId);
            (moved.FromStageId, moved.ToStageId) = (draft.Path[i - 1].Id, draft.Path[i].Id);
            deal.StageSince = at;
        }

        if (deal.StageSince == default)
        {
            deal.StageSince = deal.CreatedAt;
        }

        if (draft.Partner is { } partner)
        {
            var at = deal.CreatedAt + (span * (++step / (double)(steps + 1)));
            var before = DealHandlers.Credits(deal);
            DealHandlers.ReplaceSplits(deal, [new SplitShare(deal.OwnerId, Splits.Whole - draft.Share), new SplitShare(partner, draft.Share)]);
            var split = NewEvent(deal, DealEventKind.SplitsChanged, at, deal.OwnerId);
            split.BaseAfter = deal.AmountBase;
            split.Details = new DealEventDetails(Credits: DealHandlers.Credits(deal), CreditsBefore: before, WasOutcome: DealOutcome.Open).ToJson();
        }
    }

    private void Win(Draft draft)
    {
        var deal = draft.Deal;
        var closedOn = draft.ClosedOn!.Value;
        var history = _history.TryGetValue(deal.AccountId, out var h) ? h : _history[deal.AccountId] = [];
        var (isNew, newProducts) = Novelty.Classify(deal.Number, closedOn, deal.Lines.Select(l => l.ProductId), history);
        history.Add(new WonHistory(deal.Id, deal.Number, closedOn, [.. deal.Lines.Select(l => l.ProductId)]));
        deal.NewBusiness = isNew;
        deal.Lines.ForEach(l => l.NewProduct = newProducts.Contains(l.ProductId));
        var from = deal.StageId;
        Close(deal, _won, DealOutcome.Won, closedOn);
        deal.AmountBase = convert(deal.Amount, deal.Currency, closedOn);
        var ev = NewEvent(deal, DealEventKind.Won, deal.StageSince, deal.OwnerId, closedOn);
        (ev.FromStageId, ev.ToStageId, ev.AmountAfter, ev.BaseAfter) = (from, _won.Id, deal.Amount, deal.AmountBase);
        ev.Details = new DealEventDetails(Credits: DealHandlers.Credits(deal), Lines: DealHandlers.Lines(deal), NewBusiness: deal.NewBusiness).ToJson();
        Pay(deal, closedOn);
    }

    private void Lose(Draft draft)
    {
        var deal = draft.Deal;
        var from = deal.StageId;
        Close(deal, _lost, DealOutcome.Lost, draft.ClosedOn!.Value);
        deal.LostReasonId = draft.Reason!.Id;
        deal.LostNote = random.Next(3) == 0 ? LostNotes[random.Next(LostNotes.Length)] : null;
        var ev = NewEvent(deal, DealEventKind.Lost, deal.StageSince, deal.OwnerId, deal.ClosedOn);
        (ev.FromStageId, ev.ToStageId, ev.AmountAfter, ev.BaseAfter) = (from, _lost.Id, deal.Amount, deal.AmountBase);
        ev.Details = new DealEventDetails(LostReasonId: deal.LostReasonId, Note: deal.LostNote).ToJson();
    }

    private static readonly string[] LostNotes =
    [
        "Избраха по-евтина оферта от местен доставчик.",
        "Бюджетът е замразен до следващата година.",
        "Новият управител реши да остане на сегашната система.",
        "The group standardised on SAP Business One.",
        "Не успяхме да стигнем до собственика преди решението.",
    ];

    private void Close(Deal deal, Stage stage, DealOutcome outcome, DateOnly closedOn)
    {
        deal.Outcome = outcome;
        deal.StageId = stage.Id;
        deal.StageSince = At(closedOn);
        deal.ClosedOn = closedOn;
        deal.CloseOn = closedOn;
        deal.Probability = outcome == DealOutcome.Won ? 100m : 0m;
        deal.RateDate = outcome == DealOutcome.Won ? closedOn : deal.RateDate;
    }

    /// <summary>
    /// What the client paid, recorded by the chief accountant: most pay the invoice within weeks, some in two parts; a few
    /// had part of it credited back. Nothing is paid beyond the deal's amount, and nothing credited beyond what was paid.
    /// </summary>
    private void Pay(Deal deal, DateOnly closedOn)
    {
        var finance = staff.With(DemoRole.Finance).FirstOrDefault();
        if (finance is null || closedOn > _today.AddDays(-15) || random.Next(4) == 0)
        {
            return;
        }

        var parts = random.Next(10) < 4 ? 2 : 1;
        var paid = 0m;
        var on = closedOn;
        for (var i = 0; i < parts; i++)
        {
            on = on.AddDays(10 + random.Next(35));
            if (on >= _today)
            {
                break;
            }

            var amount = i == parts - 1 ? deal.Amount - paid : Money.Round(deal.Amount / parts);
            paid += amount;
            Record(deal, finance, PaymentKind.Payment, amount, on, $"Ф-ра {_invoice++:D10}");
        }

        if (paid > 0 && random.Next(12) == 0 && on.AddDays(5) < _today)
        {
            Record(deal, finance, PaymentKind.CreditNote, Money.Round(paid / 10), on.AddDays(5 + random.Next(10)), $"КИ {_invoice++:D10}");
        }
    }

    private void Record(Deal deal, DemoPerson finance, PaymentKind kind, decimal size, DateOnly on, string reference)
    {
        var amount = kind == PaymentKind.CreditNote ? -size : size;
        var at = At(on);
        var payment = DealPayment.Create();
        (payment.DealId, payment.Kind, payment.Amount, payment.Currency, payment.AmountBase, payment.PaidOn, payment.Reference, payment.RecordedAt,
            payment.RecordedByUserId) = (deal.Id, kind, amount, deal.Currency, convert(amount, deal.Currency, on), on, reference, at, userOf.GetValueOrDefault(finance.Id));
        _payments.Add(payment);
        var credits = Splits.Allocate(payment.AmountBase, [.. deal.Splits.Select(s => new SplitShare(s.EmployeeId, s.Percent))], deal.OwnerId)
            .Select(c => new CreditDetail(c.EmployeeId, c.Percent, c.Amount)).ToList();
        var ev = NewEvent(deal, kind == PaymentKind.CreditNote ? DealEventKind.CreditNote : DealEventKind.Payment, at, finance.Id, on);
        (ev.AmountAfter, ev.BaseAfter, ev.PaymentId) = (amount, payment.AmountBase, payment.Id);
        ev.Details = new DealEventDetails(Credits: credits, Lines: DealHandlers.Lines(deal), NewBusiness: deal.NewBusiness, Reference: reference).ToJson();
    }

    private DealEvent NewEvent(Deal deal, DealEventKind kind, DateTime at, Guid by, DateOnly? effectiveOn = null)
    {
        var ev = new DealEvent
        {
            DealId = deal.Id, Kind = kind, At = at, EffectiveOn = effectiveOn ?? DateOnly.FromDateTime(at), UserId = userOf.GetValueOrDefault(by),
            ActorEmployeeId = by, Actor = actorOf.GetValueOrDefault(by) ?? "", Currency = deal.Currency,
        };
        _events.Add((ev, _events.Count));
        return ev;
    }

    /// <summary>An instant in working hours of a day, never after now.</summary>
    private DateTime At(DateOnly day)
    {
        var at = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60))), DateTimeKind.Utc);
        return at < now ? at : now.AddMinutes(-1 - random.Next(120));
    }

    private sealed record Draft(
        Deal Deal, DealOutcome Outcome, DateOnly? ClosedOn, List<Stage> Path, Guid? Partner, decimal Share, LostReason? Reason);
}
