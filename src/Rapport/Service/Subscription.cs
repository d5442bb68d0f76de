using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.ClientBase;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>
/// A product or service line a client uses: since when, when it renews, what it is worth per month or per year, and
/// whether it still runs. Its renewal becomes a deal (existing business) in one step; the deal is remembered.
/// </summary>
public sealed class Subscription : IVersioned, IAudited
{
    public const int NameLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>The catalogue's product, when the service is one; the renewal deal then carries it as its line.</summary>
    public Guid? ProductId { get; set; }

    public Product? Product { get; set; }

    public string Name { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    /// <summary>The next renewal; null for a service that runs until cancelled.</summary>
    public DateOnly? RenewsOn { get; set; }

    /// <summary>What the client pays per <see cref="Billing"/> period, in <see cref="Currency"/>.</summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; } = "EUR";

    public BillingPeriod Billing { get; set; } = BillingPeriod.Yearly;

    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Active;

    /// <summary>The deal its next renewal became, once someone turned it into one.</summary>
    public Guid? RenewalDealId { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>What a year of the service is worth: twelve months, or the yearly amount.</summary>
    public decimal YearlyAmount => Amount * PeriodsPerYear(Billing);

    /// <summary>How many billing periods make a year: twelve months, or one year.</summary>
    public static int PeriodsPerYear(BillingPeriod billing) => billing == BillingPeriod.Monthly ? 12 : 1;
}

public enum BillingPeriod
{
    Monthly,
    Yearly,
}

public enum SubscriptionStatus
{
    Active,
    Cancelled,
    Ended,
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("Subscriptions");
        builder.Property(x => x.Name).HasMaxLength(Subscription.NameLength);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Billing).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.YearlyAmount);
        builder.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);

        // The renewals list seeks along the renewal date of running services for an administrator, and per account for
        // anyone else (SubscriptionHandlers.Running); the account page and account health read an account's own.
        builder.HasIndex(x => new { x.Status, x.RenewsOn, x.Id });
        builder.HasIndex(x => new { x.AccountId, x.Status, x.RenewsOn });
        builder.HasIndex(x => x.RenewalDealId);
    }
}
