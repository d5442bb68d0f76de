using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Deals;

/// <summary>A share of credit as an event recorded it: the percent and the amount in the organisation's currency.</summary>
public sealed record CreditDetail(Guid EmployeeId, decimal Percent, decimal Amount);

/// <summary>A product line as an event recorded it, with its amount in the organisation's currency and whether the account was new to the product.</summary>
public sealed record LineDetail(Guid ProductId, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal Amount, decimal AmountBase, bool? NewProduct);

/// <summary>
/// The lists and facts an event carries beyond its columns. Which are set depends on the kind: a win has the credits,
/// lines and new-business flag it was won with; a reopen what it undid (the outcome, close date, credits and lines it
/// had); a split change the credits before and after; a payment the credits it is spread over.
/// </summary>
public sealed record DealEventDetails(
    IReadOnlyList<CreditDetail>? Credits = null, IReadOnlyList<CreditDetail>? CreditsBefore = null, IReadOnlyList<LineDetail>? Lines = null,
    bool? NewBusiness = null, DealOutcome? WasOutcome = null, DateOnly? WasClosedOn = null, Guid? LostReasonId = null, string? Note = null,
    Guid? OwnerBefore = null, Guid? OwnerAfter = null, string? Reference = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly DealEventDetails Empty = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DealEventDetails FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? Empty : JsonSerializer.Deserialize<DealEventDetails>(json, Json) ?? Empty;
}

/// <summary>A deal won in a period, with what it was won with: pay's commission on winning reads these.</summary>
public sealed record WonDealEvent(
    long EventId, Guid DealId, string Number, Guid AccountId, DateOnly ClosedOn, DateTime RecordedAt, decimal Amount, string Currency,
    decimal AmountBase, bool NewBusiness, IReadOnlyList<CreditDetail> Credits, IReadOnlyList<LineDetail> Lines)
{
    /// <summary>The deal's title now, for the lines that name it.</summary>
    public string Title { get; init; } = "";
}

/// <summary>A payment or credit note in a period, spread over the deal's credits in force when it was recorded.</summary>
public sealed record PaymentEvent(
    long EventId, Guid DealId, string Number, Guid AccountId, Guid PaymentId, PaymentKind Kind, DateOnly PaidOn, DateTime RecordedAt,
    decimal Amount, string Currency, decimal AmountBase, string Reference, bool? NewBusiness, IReadOnlyList<CreditDetail> Credits,
    IReadOnlyList<LineDetail> Lines)
{
    /// <summary>The deal's title now, for the lines that name it.</summary>
    public string Title { get; init; } = "";
}

/// <summary>A won (or lost) deal reopened in a period, with the credits and lines of the win it undoes.</summary>
public sealed record ReopenEvent(
    long EventId, Guid DealId, string Number, Guid AccountId, DateOnly ReopenedOn, DateTime RecordedAt, DealOutcome WasOutcome,
    DateOnly? WasClosedOn, decimal? AmountBase, bool? WasNewBusiness, IReadOnlyList<CreditDetail> Credits, IReadOnlyList<LineDetail> Lines)
{
    /// <summary>The deal's title now, for the lines that name it.</summary>
    public string Title { get; init; } = "";
}

/// <summary>A change of a deal's credit split in a period: the credits before and after.</summary>
public sealed record SplitChangeEvent(
    long EventId, Guid DealId, string Number, DateOnly ChangedOn, DateTime RecordedAt, DealOutcome Outcome,
    IReadOnlyList<CreditDetail> Before, IReadOnlyList<CreditDetail> After)
{
    /// <summary>The deal's title now, for the lines that name it.</summary>
    public string Title { get; init; } = "";
}

/// <summary>
/// The read surface of the deal log for pay and other features: what happened between two dates, exactly as it was
/// recorded. Dates are the events' business dates (close date, payment date, the day of a reopen or change), both
/// ends included; <see cref="RecordedBetweenAsync"/> reads by the instant of recording instead, to replay the log as
/// it grew. Replaying is: each win credits its <see cref="WonDealEvent.Credits"/>; each reopen of a won deal takes
/// its <see cref="ReopenEvent.Credits"/> back; each split change of a won deal moves credit from
/// <see cref="SplitChangeEvent.Before"/> to <see cref="SplitChangeEvent.After"/>; payments and credit notes carry
/// their own credits. Every amount is in the organisation's currency, to the cent, and credits sum to their amount.
/// No viewer: this is for the server's own features; the API exposes it to Finance and administrators only.
/// </summary>
public sealed class DealEvents(RapportDb db)
{
    public Task<List<WonDealEvent>> WonBetweenAsync(DateOnly from, DateOnly to, Guid? creditedTo = null, CancellationToken ct = default) =>
        ReadAsync(DealEventKind.Won, from, to, creditedTo, r =>
        {
            var d = DealEventDetails.FromJson(r.Details);
            return new WonDealEvent(r.Id, r.DealId, DealNumber.Format(r.Number), r.AccountId, r.EffectiveOn, r.At,
                r.AmountAfter ?? 0, r.Currency, r.BaseAfter ?? 0, d.NewBusiness ?? false, d.Credits ?? [], d.Lines ?? []) { Title = r.Title };
        }, ct);

    public async Task<List<PaymentEvent>> PaymentsBetweenAsync(DateOnly from, DateOnly to, Guid? creditedTo = null, CancellationToken ct = default)
    {
        PaymentEvent Payment(Row r)
        {
            var d = DealEventDetails.FromJson(r.Details);
            return new PaymentEvent(r.Id, r.DealId, DealNumber.Format(r.Number), r.AccountId, r.PaymentId ?? Guid.Empty,
                r.Kind == DealEventKind.CreditNote ? PaymentKind.CreditNote : PaymentKind.Payment, r.EffectiveOn, r.At,
                r.AmountAfter ?? 0, r.Currency, r.BaseAfter ?? 0, d.Reference ?? "", d.NewBusiness, d.Credits ?? [], d.Lines ?? []) { Title = r.Title };
        }

        var payments = await ReadAsync(DealEventKind.Payment, from, to, creditedTo, Payment, ct);
        var notes = await ReadAsync(DealEventKind.CreditNote, from, to, creditedTo, Payment, ct);
        return [.. payments.Concat(notes).OrderBy(p => p.PaidOn).ThenBy(p => p.EventId)];
    }

    public Task<List<ReopenEvent>> ReopensBetweenAsync(DateOnly from, DateOnly to, Guid? creditedTo = null, CancellationToken ct = default) =>
        ReadAsync(DealEventKind.Reopened, from, to, creditedTo, r =>
        {
            var d = DealEventDetails.FromJson(r.Details);
            return new ReopenEvent(r.Id, r.DealId, DealNumber.Format(r.Number), r.AccountId, r.EffectiveOn, r.At,
                d.WasOutcome ?? DealOutcome.Won, d.WasClosedOn, r.BaseBefore, d.NewBusiness, d.Credits ?? [], d.Lines ?? []) { Title = r.Title };
        }, ct);

    public Task<List<SplitChangeEvent>> SplitChangesBetweenAsync(DateOnly from, DateOnly to, Guid? creditedTo = null, CancellationToken ct = default) =>
        ReadAsync(DealEventKind.SplitsChanged, from, to, creditedTo, r =>
        {
            var d = DealEventDetails.FromJson(r.Details);
            return new SplitChangeEvent(r.Id, r.DealId, DealNumber.Format(r.Number), r.EffectiveOn, r.At,
                d.WasOutcome ?? DealOutcome.Open, d.CreditsBefore ?? [], d.Credits ?? []) { Title = r.Title };
        }, ct);

    /// <summary>Every event recorded in [from, to) (UTC instants), in the order it was recorded.</summary>
    public async Task<List<DealEventView>> RecordedBetweenAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var events = await db.DealEvents.AsNoTracking().Where(e => e.At >= from && e.At < to).OrderBy(e => e.Id).Take(100_000).ToListAsync(ct);
        return [.. events.Select(e => View(e, null))];
    }

    internal static DealEventView View(DealEvent e, DealSettings? settings) => new(
        e.Id, e.Kind, e.At, e.EffectiveOn, e.Actor, e.FromStageId, e.FromStageId is { } f ? settings?.StageName(f) : null,
        e.ToStageId, e.ToStageId is { } t ? settings?.StageName(t) : null, e.AmountBefore, e.AmountAfter, e.Currency, e.BaseBefore,
        e.BaseAfter, DealEventDetails.FromJson(e.Details));

    private const int DealsPerRead = 2_000;

    /// <summary>The columns of an event the typed events carry, with its deal's: no more, as a month's million are read.</summary>
    private sealed record Row(
        long Id, Guid DealId, DealEventKind Kind, DateOnly EffectiveOn, DateTime At, decimal? AmountAfter, string Currency, decimal? BaseBefore,
        decimal? BaseAfter, Guid? PaymentId, string? Details, long Number, Guid AccountId, string Title);

    // Each row is made into its typed event as it is read, so that a month's million events are never held as rows
    // and details' text besides. creditedTo keeps only the events whose credits name this employee, for one person's
    // pay: the deals of their events are a range of DealEventPeople's index, and of those deals' events the ones
    // whose details hold their id.
    private async Task<List<T>> ReadAsync<T>(DealEventKind kind, DateOnly first, DateOnly last, Guid? creditedTo, Func<Row, T> make, CancellationToken ct)
    {
        var result = new List<T>();
        if (creditedTo is not { } employee)
        {
            var all = Rows(db.DealEvents.Where(e => e.Kind == kind && e.EffectiveOn >= first && e.EffectiveOn <= last));
            await foreach (var r in all.AsAsyncEnumerable().WithCancellation(ct))
            {
                result.Add(make(r));
            }

            return result;
        }

        var deals = await db.DealEventPeople
            .Where(p => p.EmployeeId == employee && p.Kind == kind && p.EffectiveOn >= first && p.EffectiveOn <= last)
            .Select(p => p.DealId).Distinct().ToListAsync(ct);
        if (deals.Count == 0)
        {
            return result;
        }

        // The deals' events through their own index, kind and dates kept here: given those in the query, SQLite reads
        // the whole period's events of the kind by the (kind, date) index and tests each against the deals. A chunk
        // of deals a query, so that a long range of a busy person's stays within any engine's parameter limit.
        var id = employee.ToString();
        var theirs = new List<Row>();
        foreach (var chunk in deals.Chunk(DealsPerRead))
        {
            theirs.AddRange(await Rows(db.DealEvents.Where(e => chunk.Contains(e.DealId) && e.Details != null && e.Details.Contains(id))).ToListAsync(ct));
        }

        result.AddRange(theirs.Where(r => r.Kind == kind && r.EffectiveOn >= first && r.EffectiveOn <= last)
            .OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id).Select(make));
        return result;
    }

    /// <summary>The events with their deals' figures, in the order they took effect.</summary>
    private IQueryable<Row> Rows(IQueryable<DealEvent> events) =>
        from e in events.AsNoTracking()
        join d in db.Deals on e.DealId equals d.Id
        orderby e.EffectiveOn, e.Id
        select new Row(e.Id, e.DealId, e.Kind, e.EffectiveOn, e.At, e.AmountAfter, e.Currency, e.BaseBefore, e.BaseAfter, e.PaymentId, e.Details,
            d.Number, d.AccountId, d.Title);
}
