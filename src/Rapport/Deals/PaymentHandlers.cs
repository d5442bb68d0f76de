using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// Payments and credit notes against won deals, recorded by Finance or an administrator, never changed or deleted: a
/// wrong entry is corrected by a credit note. The rule: a payment may bring what was paid (payments less credit notes)
/// up to the deal's amount, not beyond; a credit note may take back at most what was paid, so that the net paid never
/// falls below zero. Both in the deal's currency, on a date not after today; converted at that date's rate.
/// </summary>
public sealed class PaymentHandlers(RapportDb db, TimeProvider clock, CurrencyConverter converter)
{
    public async Task<List<PaymentView>?> ListAsync(Viewer viewer, Guid dealId, CancellationToken ct = default)
    {
        if (!await db.Deals.Where(d => d.Id == dealId).VisibleTo(db, viewer).AnyAsync(ct))
        {
            return null;
        }

        var payments = await db.DealPayments.AsNoTracking().Where(p => p.DealId == dealId).OrderBy(p => p.PaidOn).ThenBy(p => p.RecordedAt).ToListAsync(ct);
        return [.. payments.Select(View)];
    }

    public async Task<Result<Guid>> RecordAsync(Viewer viewer, Guid dealId, PaymentInput input, CancellationToken ct = default)
    {
        var deal = await db.Deals.VisibleTo(db, viewer).Include(d => d.Lines).Include(d => d.Splits).AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal is null)
        {
            return Error.NotFound(DealTexts.ErrorDealNotFound);
        }

        if (!DealAccess.MayRecordPayments(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (deal.Outcome != DealOutcome.Won)
        {
            return Error.Conflict(DealTexts.ErrorPaymentNeedsWon);
        }

        var paidOn = input.PaidOn!.Value;
        if (paidOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
        {
            return Error.Invalid(nameof(PaymentInput.PaidOn), DealTexts.ValidationPaidOnFuture);
        }

        var size = Money.Round(input.Amount!.Value);
        var paid = (await db.DealPayments.Where(p => p.DealId == dealId).Select(p => p.Amount).ToListAsync(ct)).Sum();
        if (input.Kind == PaymentKind.Payment && paid + size > deal.Amount)
        {
            return Error.Invalid(nameof(PaymentInput.Amount), string.Format(CultureInfo.CurrentCulture, DealTexts.ValidationPaymentTooMuch,
                (deal.Amount - paid).ToString("N2", CultureInfo.CurrentCulture), deal.Currency));
        }

        if (input.Kind == PaymentKind.CreditNote && size > paid)
        {
            return Error.Invalid(nameof(PaymentInput.Amount), string.Format(CultureInfo.CurrentCulture, DealTexts.ValidationCreditNoteTooMuch,
                paid.ToString("N2", CultureInfo.CurrentCulture), deal.Currency));
        }

        var amount = input.Kind == PaymentKind.CreditNote ? -size : size;
        var conversion = await converter.ConvertAsync(amount, deal.Currency, paidOn, nameof(PaymentInput.PaidOn), ct);
        if (!conversion.IsSuccess)
        {
            return Result<Guid>.Fail([.. conversion.Errors]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var payment = DealPayment.Create();
        (payment.DealId, payment.Kind, payment.Amount, payment.Currency, payment.AmountBase, payment.PaidOn, payment.Reference, payment.RecordedAt, payment.RecordedByUserId) =
            (deal.Id, input.Kind, amount, deal.Currency, conversion.Value.Converted, paidOn, input.Reference!.Trim(), now, db.Actor.UserId);
        db.DealPayments.Add(payment);
        var credits = Splits.Allocate(payment.AmountBase, [.. deal.Splits.Select(s => new SplitShare(s.EmployeeId, s.Percent))], deal.OwnerId)
            .Select(c => new CreditDetail(c.EmployeeId, c.Percent, c.Amount)).ToList();
        db.DealEvents.Add(new DealEvent
        {
            DealId = deal.Id, Kind = input.Kind == PaymentKind.CreditNote ? DealEventKind.CreditNote : DealEventKind.Payment, At = now,
            EffectiveOn = paidOn, UserId = db.Actor.UserId, ActorEmployeeId = viewer.EmployeeId, Actor = db.Actor.Name,
            Currency = deal.Currency, AmountAfter = amount, BaseAfter = payment.AmountBase, PaymentId = payment.Id,
            Details = new DealEventDetails(Credits: credits, Lines: DealHandlers.Lines(deal), NewBusiness: deal.NewBusiness, Reference: payment.Reference).ToJson(),
        });
        await db.SaveChangesAsync(ct);
        return payment.Id;
    }

    private static PaymentView View(DealPayment p) => new(p.Id, p.Kind, p.Amount, p.Currency, p.AmountBase, p.PaidOn, p.Reference, p.RecordedAt);
}
