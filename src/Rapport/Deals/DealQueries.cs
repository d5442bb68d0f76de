using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>An account's deals: the open and the won ones with their totals, and the won amount per quarter.</summary>
public sealed record AccountDeals(
    IReadOnlyList<DealRow> Open, IReadOnlyList<DealRow> Won, decimal OpenTotal, decimal WeightedTotal, decimal WonTotal,
    string BaseCurrency, IReadOnlyList<QuarterRevenue> Quarters);

/// <summary>What was won on an account in one calendar quarter, in the organisation's currency.</summary>
public sealed record QuarterRevenue(int Year, int Quarter, decimal Won, int Deals)
{
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {Year}");
}

/// <summary>A deal on an account's timeline: created, won or lost on a day.</summary>
public sealed record DealTimelineItem(Guid DealId, string Number, string Title, DealEventKind Kind, DateTime At, DateOnly On, decimal AmountBase, string BaseCurrency);

/// <summary>
/// Reads deals within what the viewer may see: the list with its filters and keyset paging, a deal with everything its
/// page shows, an account's deals and revenue trend, a deal's events. Lists sort by an indexed key and the id.
/// </summary>
public sealed class DealQueries(
    RapportDb db, TimeProvider clock, DealSettingsCatalog catalog, CurrencyConverter converter, DealRiskQueries risk,
    IOptions<StrengthOptions> strength)
{
    /// <summary>How many rows a risk-filtered page examines at most before it answers with what it found.</summary>
    private const int RiskScanLimit = 2000;

    public async Task<Page<DealRow>> ListAsync(Viewer viewer, DealFilter filter, CancellationToken ct = default)
    {
        var query = Filtered(viewer, filter);
        var size = Cursor.ClampSize(filter.PageSize);
        var after = Cursor.Decode(filter.After);
        var settings = await catalog.GetAsync(ct);
        var rows = new List<(DealRow Row, string Key)>();
        var scanned = 0;
        while (true)
        {
            var batch = await Ordered(query, filter, after).Take(size + 1)
                .Select(d => new
                {
                    d.Id, d.Number, d.Title, d.AccountId, AccountName = d.Account!.Name, d.StageId, d.Outcome, d.Amount, d.Currency,
                    d.AmountBase, d.Probability, d.CloseOn, d.Forecast, d.OwnerId, OwnerName = d.Owner!.FullName, d.NewBusiness,
                })
                .ToListAsync(ct);
            var items = batch.Select(d => (Row: new DealRow(d.Id, DealNumber.Format(d.Number), d.Title, d.AccountId, d.AccountName, d.StageId,
                    settings.StageName(d.StageId), d.Outcome, d.Amount, d.Currency, d.AmountBase, d.Probability,
                    DealMath.Weighted(d.AmountBase, d.Probability), d.CloseOn, d.Forecast, d.OwnerId, d.OwnerName, d.NewBusiness),
                Key: KeyOf(filter.Sort, d.CloseOn, d.AmountBase, d.Number))).ToList();
            if (filter.Risk is { } wanted)
            {
                // Risk is read from relationships, not stored: a page is filled by assessing the candidates in turn,
                // examining at most RiskScanLimit rows per request; the cursor goes on from the last row examined.
                var more = items.Count > size;
                var candidates = items.Take(size).ToList();
                scanned += candidates.Count;
                var assessed = await risk.AssessAsync([.. candidates.Select(i => i.Row.Id)], ct);
                for (var i = 0; i < candidates.Count; i++)
                {
                    var item = candidates[i];
                    after = new Cursor(item.Key, item.Row.Id);
                    var atRisk = assessed.TryGetValue(item.Row.Id, out var a) && a.AtRisk;
                    if (atRisk == (wanted == RiskFilter.AtRisk))
                    {
                        rows.Add(item);
                        if (rows.Count == size)
                        {
                            return new Page<DealRow>([.. rows.Select(r => r.Row)], more || i < candidates.Count - 1 ? after.Value.Encode() : null);
                        }
                    }
                }

                if (!more || scanned >= RiskScanLimit)
                {
                    return new Page<DealRow>([.. rows.Select(r => r.Row)], more ? after?.Encode() : null);
                }

                continue;
            }

            string? cursor = null;
            if (items.Count > size)
            {
                items.RemoveAt(size);
                cursor = new Cursor(items[^1].Key, items[^1].Row.Id).Encode();
            }

            return new Page<DealRow>([.. items.Select(i => i.Row)], cursor);
        }
    }

    /// <summary>The visible deals that match the filter, unordered.</summary>
    internal IQueryable<Deal> Filtered(Viewer viewer, DealFilter filter)
    {
        var query = db.Deals.AsNoTracking().VisibleTo(db, viewer);
        if (DealNumber.Parse(filter.Search) is { } number)
        {
            query = query.Where(d => d.Number == number);
        }
        else if (SearchText.Fold(filter.Search) is { Length: > 0 } term)
        {
            var pattern = SearchText.LikeContains(term);
            query = query.Where(d => EF.Functions.Like(d.SearchTitle, pattern, "\\") || EF.Functions.Like(d.Account!.SearchName, pattern, "\\")
                || d.ExternalId == filter.Search!.Trim());
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(d => d.OwnerId == owner);
        }

        if (filter.TeamId is { } team)
        {
            query = query.Where(d => db.Employees.Any(e => e.Id == d.OwnerId && e.TeamId == team));
        }

        if (filter.AccountId is { } account)
        {
            query = query.Where(d => d.AccountId == account);
        }

        if (filter.StageId is { } stage)
        {
            query = query.Where(d => d.StageId == stage);
        }

        if (filter.ProductId is { } product)
        {
            query = query.Where(d => db.DealLines.Any(l => l.DealId == d.Id && l.ProductId == product));
        }

        if (filter.Forecast is { } forecast)
        {
            query = query.Where(d => d.Forecast == forecast);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(d => d.Outcome == outcome);
        }

        if (filter.CreditedTo is { } credited)
        {
            query = query.Where(d => db.DealSplits.Any(s => s.DealId == d.Id && s.EmployeeId == credited));
        }

        if (filter.CreditedTeamId is { } creditedTeam)
        {
            var members = db.Employees.Where(e => e.TeamId == creditedTeam).Select(e => e.Id)
                .Concat(db.Teams.Where(t => t.Id == creditedTeam && t.HeadId != null).Select(t => t.HeadId!.Value));
            query = query.Where(d => db.DealSplits.Any(s => s.DealId == d.Id && members.Contains(s.EmployeeId)));
        }

        if (filter.CloseFrom is { } from)
        {
            query = query.Where(d => d.CloseOn >= from);
        }

        if (filter.CloseTo is { } to)
        {
            query = query.Where(d => d.CloseOn <= to);
        }

        if (filter.NewBusiness is { } business)
        {
            query = query.Where(d => d.NewBusiness == business);
        }

        if (ParseMonth(filter.CloseMonth) is { } month)
        {
            var next = month.AddMonths(1);
            query = query.Where(d => d.CloseOn >= month && d.CloseOn < next);
        }

        return query;
    }

    /// <summary>"2026-03" as the first day of that month; null for anything else.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    private static string KeyOf(DealSort sort, DateOnly closeOn, decimal amountBase, long number) => sort switch
    {
        DealSort.Amount => amountBase.ToString(CultureInfo.InvariantCulture),
        DealSort.Number => number.ToString(CultureInfo.InvariantCulture),
        _ => closeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static IQueryable<Deal> Ordered(IQueryable<Deal> query, DealFilter filter, Cursor? after)
    {
        var desc = filter.Descending;
        switch (filter.Sort)
        {
            case DealSort.Number:
                if (after is { } n && long.TryParse(n.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    query = desc ? query.Where(d => d.Number < number) : query.Where(d => d.Number > number);
                }

                return desc ? query.OrderByDescending(d => d.Number) : query.OrderBy(d => d.Number);
            case DealSort.Amount:
                if (after is { } a && decimal.TryParse(a.Key, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                {
                    var id = a.Id;
                    query = desc
                        ? query.Where(d => d.AmountBase < amount || (d.AmountBase == amount && d.Id < id))
                        : query.Where(d => d.AmountBase > amount || (d.AmountBase == amount && d.Id > id));
                }

                return desc ? query.OrderByDescending(d => d.AmountBase).ThenByDescending(d => d.Id) : query.OrderBy(d => d.AmountBase).ThenBy(d => d.Id);
            default:
                if (after is { } c && DateOnly.TryParseExact(c.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                {
                    var id = c.Id;
                    query = desc
                        ? query.Where(d => d.CloseOn <= on && (d.CloseOn < on || d.Id < id))
                        : query.Where(d => d.CloseOn >= on && (d.CloseOn > on || d.Id > id));
                }

                return desc ? query.OrderByDescending(d => d.CloseOn).ThenByDescending(d => d.Id) : query.OrderBy(d => d.CloseOn).ThenBy(d => d.Id);
        }
    }

    public async Task<DealDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var deal = await db.Deals.AsNoTracking().VisibleTo(db, viewer).Where(d => d.Id == id)
            .Include(d => d.Lines).Include(d => d.Splits).Include(d => d.Contacts).AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (deal is null)
        {
            return null;
        }

        var settings = await catalog.GetAsync(ct);
        var names = await db.Accounts.Where(a => a.Id == deal.AccountId).Select(a => a.Name).FirstAsync(ct);
        var people = deal.Splits.Select(s => s.EmployeeId).Append(deal.OwnerId).Distinct().ToList();
        var employees = await db.Employees.Where(e => people.Contains(e.Id)).Select(e => new { e.Id, e.FullName }).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        var productIds = deal.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var credits = DealHandlers.Credits(deal);
        var committee = await CommitteeAsync(deal, ct);
        DealRiskView? riskView = null;
        if (deal.Outcome == DealOutcome.Open)
        {
            var assessed = await risk.AssessAsync([deal.Id], ct);
            riskView = await risk.ViewAsync(assessed.GetValueOrDefault(deal.Id, DealRiskAssessment.None), ct);
        }

        var paid = (await db.DealPayments.Where(p => p.DealId == id).Select(p => p.Amount).ToListAsync(ct)).Sum();
        var canEdit = await db.Deals.Where(d => d.Id == id).EditableBy(db, viewer).AnyAsync(ct);
        return new DealDetails(deal.Id, deal.DisplayNumber, deal.ExternalId, deal.AccountId, names, deal.Title, deal.PipelineId, deal.StageId,
            settings.StageName(deal.StageId), deal.Outcome, deal.Amount, deal.Currency, deal.AmountBase, await converter.BaseCurrencyAsync(ct),
            deal.RateDate, deal.Probability, deal.ProbabilityOverridden, DealMath.Weighted(deal.AmountBase, deal.Probability),
            deal.ExpectedCloseOn, deal.ClosedOn, deal.LostReasonId, settings.ReasonName(deal.LostReasonId), deal.LostNote, deal.OwnerId,
            employees.GetValueOrDefault(deal.OwnerId, ""), deal.Forecast, deal.NewBusiness, deal.CreatedAt, deal.StageSince,
            [.. deal.Lines.OrderBy(l => l.Position).Select(l => new DealLineView(l.Id, l.ProductId, products.GetValueOrDefault(l.ProductId, ""),
                l.Quantity, l.UnitPrice, l.DiscountPercent, l.Amount, l.NewProduct))],
            [.. credits.Select(c => new CreditView(c.EmployeeId, employees.GetValueOrDefault(c.EmployeeId, ""), c.Percent, c.Amount))],
            committee, riskView, paid, deal.Version, canEdit, DealAccess.MayRecordPayments(viewer) && deal.Outcome == DealOutcome.Won);
    }

    private async Task<List<CommitteeMember>> CommitteeAsync(Deal deal, CancellationToken ct)
    {
        var ids = deal.Contacts.Select(c => c.ContactId).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FullName, c.JobTitle, c.Status }).ToListAsync(ct);
        var links = await (from r in db.Relationships
                           join e in db.Employees on r.EmployeeId equals e.Id
                           where ids.Contains(r.ContactId) && e.Status == EmployeeStatus.Active
                           select new { r.ContactId, e.FullName, r.Score, r.ScoreAt, r.WarmUntil }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. deal.Contacts.Select(m =>
        {
            var contact = contacts.First(c => c.Id == m.ContactId);
            var best = links.Where(l => l.ContactId == m.ContactId)
                .Select(l => (l.FullName, Strength: RelationshipStrength.At(new StrengthState(l.Score, l.ScoreAt), now, strength.Value), l.WarmUntil))
                .OrderByDescending(l => l.Strength).FirstOrDefault();
            return new CommitteeMember(m.ContactId, contact.FullName, contact.JobTitle, m.Role, contact.Status == ContactStatus.Active,
                best.Strength, best.FullName, best.WarmUntil > now && best.Strength >= strength.Value.WarmThreshold);
        }).OrderBy(m => m.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The events of a deal the viewer may see, newest first.</summary>
    public async Task<List<DealEventView>?> EventsAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!await db.Deals.Where(d => d.Id == id).VisibleTo(db, viewer).AnyAsync(ct))
        {
            return null;
        }

        var settings = await catalog.GetAsync(ct);
        var events = await db.DealEvents.AsNoTracking().Where(e => e.DealId == id).OrderByDescending(e => e.Id).Take(500).ToListAsync(ct);
        return [.. events.Select(e => DealEvents.View(e, settings))];
    }

    /// <summary>
    /// An account's open and won deals the viewer may see, with totals, and the won amount in each of the last
    /// <paramref name="quarters"/> calendar quarters up to the current one, by close date.
    /// </summary>
    public async Task<AccountDeals> ForAccountAsync(Viewer viewer, Guid accountId, int quarters = 8, CancellationToken ct = default)
    {
        var open = await ListAsync(viewer, new DealFilter(AccountId: accountId, Outcome: DealOutcome.Open, PageSize: 50), ct);
        var won = await ListAsync(viewer, new DealFilter(AccountId: accountId, Outcome: DealOutcome.Won, Descending: true, PageSize: 50), ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var first = QuarterStart(today).AddMonths(-3 * (quarters - 1));
        var history = await db.Deals.AsNoTracking().VisibleTo(db, viewer)
            .Where(d => d.AccountId == accountId && d.Outcome == DealOutcome.Won && d.ClosedOn >= first)
            .Select(d => new { ClosedOn = d.ClosedOn!.Value, d.AmountBase }).ToListAsync(ct);
        var trend = Enumerable.Range(0, quarters).Select(i =>
        {
            var start = first.AddMonths(3 * i);
            var inQuarter = history.Where(h => h.ClosedOn >= start && h.ClosedOn < start.AddMonths(3)).ToList();
            return new QuarterRevenue(start.Year, ((start.Month - 1) / 3) + 1, inQuarter.Sum(h => h.AmountBase), inQuarter.Count);
        }).ToList();
        var totals = await db.Deals.AsNoTracking().VisibleTo(db, viewer).Where(d => d.AccountId == accountId && d.Outcome != DealOutcome.Lost)
            .Select(d => new { d.Outcome, d.AmountBase, d.Probability }).ToListAsync(ct);
        return new AccountDeals(open.Items, won.Items,
            totals.Where(t => t.Outcome == DealOutcome.Open).Sum(t => t.AmountBase),
            totals.Where(t => t.Outcome == DealOutcome.Open).Sum(t => DealMath.Weighted(t.AmountBase, t.Probability)),
            totals.Where(t => t.Outcome == DealOutcome.Won).Sum(t => t.AmountBase),
            await converter.BaseCurrencyAsync(ct), trend);
    }

    /// <summary>The creations, wins and losses of an account's deals the viewer may see, newest first, for its timeline.</summary>
    public async Task<List<DealTimelineItem>> TimelineAsync(Viewer viewer, Guid accountId, int take = 20, CancellationToken ct = default)
    {
        var visible = db.Deals.VisibleTo(db, viewer).Where(d => d.AccountId == accountId);
        var kinds = new[] { DealEventKind.Created, DealEventKind.Won, DealEventKind.Lost, DealEventKind.Reopened };
        var rows = await (from e in db.DealEvents.AsNoTracking()
                          join d in visible on e.DealId equals d.Id
                          where kinds.Contains(e.Kind)
                          orderby e.Id descending
                          select new { e.DealId, d.Number, d.Title, e.Kind, e.At, e.EffectiveOn, Base = e.BaseAfter ?? d.AmountBase })
            .Take(take).ToListAsync(ct);
        var currency = await converter.BaseCurrencyAsync(ct);
        return [.. rows.Select(r => new DealTimelineItem(r.DealId, DealNumber.Format(r.Number), r.Title, r.Kind, r.At, r.EffectiveOn, r.Base, currency))];
    }

    /// <summary>The active employees who may be credited on a split, for the split form: the whole company, by name.</summary>
    public Task<List<Choice>> CreditableAsync(CancellationToken ct = default) =>
        db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active).OrderBy(e => e.SearchName)
            .Select(e => new Choice(e.Id, e.FullName)).Take(2000).ToListAsync(ct);

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
}
