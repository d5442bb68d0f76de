using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// One thing that happened to a deal, as it happened: when it was recorded and by whom, the business date it takes
/// effect on, and the values before and after. Never changed or deleted (the database refuses it), so that pay can
/// read exactly what happened in a period and replay it. Details that are lists (credits, lines) are kept as JSON
/// in <see cref="Details"/>; <see cref="DealEvents"/> reads them back typed.
/// </summary>
public sealed class DealEvent : IAppendOnly
{
    public long Id { get; private set; }

    public Guid DealId { get; set; }

    public DealEventKind Kind { get; set; }

    /// <summary>When the event was recorded (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The business date: the close date of a win or loss, the date of a payment, else the day it was recorded.</summary>
    public DateOnly EffectiveOn { get; set; }

    public Guid? UserId { get; set; }

    public Guid? ActorEmployeeId { get; set; }

    public string Actor { get; set; } = "";

    public Guid? FromStageId { get; set; }

    public Guid? ToStageId { get; set; }

    /// <summary>The deal's amount in its currency before the event (amount changes, reopens).</summary>
    public decimal? AmountBefore { get; set; }

    /// <summary>The deal's amount in its currency after the event, or the payment's amount (negative for a credit note).</summary>
    public decimal? AmountAfter { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>As <see cref="AmountBefore"/>, in the organisation's currency.</summary>
    public decimal? BaseBefore { get; set; }

    /// <summary>As <see cref="AmountAfter"/>, in the organisation's currency.</summary>
    public decimal? BaseAfter { get; set; }

    public Guid? PaymentId { get; set; }

    /// <summary>JSON of the lists the event carries (<see cref="DealEventDetails"/>).</summary>
    public string? Details { get; set; }
}

/// <summary>The kinds of deal event.</summary>
public enum DealEventKind
{
    Created,
    StageMoved,
    AmountChanged,
    Won,
    Lost,
    Reopened,
    SplitsChanged,
    OwnerChanged,
    Payment,
    CreditNote,
}

/// <summary>A payment by the client, or a credit note (negative), against a won deal. Never changed or deleted.</summary>
public sealed class DealPayment : IAppendOnly
{
    public const int ReferenceLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DealId { get; set; }

    public PaymentKind Kind { get; set; }

    /// <summary>In the deal's currency; positive for a payment, negative for a credit note.</summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    /// <summary><see cref="Amount"/> in the organisation's currency at the rate of <see cref="PaidOn"/>.</summary>
    public decimal AmountBase { get; set; }

    public DateOnly PaidOn { get; set; }

    public string Reference { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public static DealPayment Create(Guid? id = null)
    {
        var payment = new DealPayment();
        if (id is { } fixedId)
        {
            payment.Id = fixedId;
        }

        return payment;
    }
}

public enum PaymentKind
{
    Payment,
    CreditNote,
}

internal sealed class DealEventConfiguration : IEntityTypeConfiguration<DealEvent>
{
    public void Configure(EntityTypeBuilder<DealEvent> builder)
    {
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Actor).HasMaxLength(256);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Details).HasMaxLength(16_000);
        builder.HasIndex(x => new { x.DealId, x.Id });
        builder.HasIndex(x => new { x.Kind, x.EffectiveOn });
        builder.HasIndex(x => x.At);
        builder.HasOne<Deal>().WithMany().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealPaymentConfiguration : IEntityTypeConfiguration<DealPayment>
{
    public void Configure(EntityTypeBuilder<DealPayment> builder)
    {
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Reference).HasMaxLength(DealPayment.ReferenceLength);
        builder.HasIndex(x => new { x.DealId, x.PaidOn });
        builder.HasIndex(x => x.PaidOn);
        builder.HasOne<Deal>().WithMany().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Restrict);
    }
}
