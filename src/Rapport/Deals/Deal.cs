using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.ClientBase;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// A sale being worked on an account: what (lines or an amount), how likely, when, whose (owner and credit splits),
/// with whom on the client's side (the buying committee). Every change that pay or the forecast cares about is also
/// written as a <see cref="DealEvent"/>; the deal row is the current state, the events are the history.
/// </summary>
public sealed class Deal : IVersioned, IAudited
{
    public const int TitleLength = 200;
    public const int ExternalIdLength = 64;
    public const int NoteLength = 500;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The human-readable number, shown as D-000123 (<see cref="DealNumber"/>); unique, never reused.</summary>
    public long Number { get; set; }

    /// <summary>The deal's id in the system it was imported from, a natural key of the import.</summary>
    public string? ExternalId { get; set; }

    public Guid AccountId { get; set; }

    public string Title { get; private set; } = "";

    /// <summary>The folded title, for case- and accent-insensitive search.</summary>
    public string SearchTitle { get; private set; } = "";

    public Guid PipelineId { get; set; }

    public Guid StageId { get; set; }

    /// <summary>Open, won or lost: the kind of <see cref="StageId"/>, kept on the row so that lists filter by index.</summary>
    public DealOutcome Outcome { get; set; }

    /// <summary>In <see cref="Currency"/>, to the cent; the sum of the lines when there are lines.</summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; } = Settings.Currencies.Euro;

    /// <summary><see cref="Amount"/> in the organisation's currency at the rate of <see cref="RateDate"/>.</summary>
    public decimal AmountBase { get; set; }

    /// <summary>The date whose rate converted the amount: the expected close date while open, the close date once closed.</summary>
    public DateOnly RateDate { get; set; }

    /// <summary>Percent 0–100; the stage's unless <see cref="ProbabilityOverridden"/>.</summary>
    public decimal Probability { get; set; }

    public bool ProbabilityOverridden { get; set; }

    public DateOnly ExpectedCloseOn { get; set; }

    /// <summary>The day the deal was won or lost.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The close date that counts: <see cref="ClosedOn"/> once closed, else <see cref="ExpectedCloseOn"/>; for month filters.</summary>
    public DateOnly CloseOn { get; set; }

    public Guid? LostReasonId { get; set; }

    public string? LostNote { get; set; }

    public Guid OwnerId { get; set; }

    public Employee? Owner { get; set; }

    public Account? Account { get; set; }

    public ForecastCategory Forecast { get; set; }

    /// <summary>Whether the deal was the account's first won deal when it was won; null while not won.</summary>
    public bool? NewBusiness { get; set; }

    /// <summary>
    /// Whether the deal renews a service the client already uses: such a deal is existing business when won, whatever
    /// the account's earlier deals.
    /// </summary>
    public bool Renewal { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the deal entered its current stage.</summary>
    public DateTime StageSince { get; set; }

    public long Version { get; set; }

    public List<DealLine> Lines { get; } = [];

    public List<DealSplit> Splits { get; } = [];

    public List<DealContact> Contacts { get; } = [];

    public string DisplayNumber => DealNumber.Format(Number);

    public void Rename(string title)
    {
        Title = title.Trim();
        SearchTitle = SearchText.Fold(Title);
    }

    public static Deal Create(Guid? id = null)
    {
        var deal = new Deal();
        if (id is { } fixedId)
        {
            deal.Id = fixedId;
        }

        return deal;
    }
}

/// <summary>Where a deal stands: being worked, won or lost.</summary>
public enum DealOutcome
{
    Open,
    Won,
    Lost,
}

/// <summary>The owner's own call on a deal, for the forecast.</summary>
public enum ForecastCategory
{
    Pipeline,
    BestCase,
    Commit,
    Omitted,
}

/// <summary>Deal numbers as people read and type them: "D-000123".</summary>
public static class DealNumber
{
    public static string Format(long number) => "D-" + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The number in "D-000123", "d123" or "123"; null for anything else.</summary>
    public static long? Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.StartsWith("D-", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }
        else if (t.StartsWith('D') || t.StartsWith('d'))
        {
            t = t[1..];
        }

        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }
}

/// <summary>A product on a deal: how many, at what unit price, with what discount.</summary>
public sealed class DealLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DealId { get; set; }

    public int Position { get; set; }

    public Guid ProductId { get; set; }

    public decimal Quantity { get; set; }

    /// <summary>In the deal's currency.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>Percent 0–100 off the unit price.</summary>
    public decimal DiscountPercent { get; set; }

    /// <summary><see cref="DealMath.LineAmount"/> of the line, in the deal's currency, to the cent.</summary>
    public decimal Amount { get; set; }

    /// <summary>Whether the account had never bought the product when the deal was won; null while not won.</summary>
    public bool? NewProduct { get; set; }
}

/// <summary>An employee's share of the credit for a deal, in percent; a deal's shares sum to 100.</summary>
public sealed class DealSplit
{
    public Guid DealId { get; set; }

    public Guid EmployeeId { get; set; }

    public decimal Percent { get; set; }
}

/// <summary>A contact of the account on the deal's buying committee, in the buying role they play in this deal.</summary>
public sealed class DealContact
{
    public Guid DealId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>A <see cref="BuyingRole.Code"/>; may differ from the contact's usual role.</summary>
    public string Role { get; set; } = "";
}

/// <summary>The one-row counter that deal numbers are taken from.</summary>
public sealed class DealCounter
{
    public int Id { get; set; }

    public long Last { get; set; }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.Property(x => x.ExternalId).HasMaxLength(Deal.ExternalIdLength);
        builder.Property(x => x.Title).HasMaxLength(Deal.TitleLength);
        builder.Property(x => x.SearchTitle).HasMaxLength(Deal.TitleLength);
        builder.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Probability).HasPrecision(5, 2);
        builder.Property(x => x.LostNote).HasMaxLength(Deal.NoteLength);
        builder.Property(x => x.Forecast).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.DisplayNumber);
        builder.HasIndex(x => x.Number).IsUnique();
        builder.HasIndex(x => x.ExternalId).IsUnique();
        builder.HasIndex(x => new { x.AccountId, x.Outcome, x.CloseOn });
        builder.HasIndex(x => new { x.OwnerId, x.Outcome, x.CloseOn });
        builder.HasIndex(x => new { x.Outcome, x.CloseOn, x.Id });
        builder.HasIndex(x => new { x.StageId, x.CloseOn });
        builder.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pipeline>().WithMany().HasForeignKey(x => x.PipelineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Stage>().WithMany().HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LostReason>().WithMany().HasForeignKey(x => x.LostReasonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Splits).WithOne().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DealLineConfiguration : IEntityTypeConfiguration<DealLine>
{
    public void Configure(EntityTypeBuilder<DealLine> builder)
    {
        builder.Property(x => x.Quantity).HasPrecision(18, 4);
        builder.Property(x => x.DiscountPercent).HasPrecision(5, 2);
        builder.HasIndex(x => new { x.DealId, x.Position });
        builder.HasIndex(x => x.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealSplitConfiguration : IEntityTypeConfiguration<DealSplit>
{
    public void Configure(EntityTypeBuilder<DealSplit> builder)
    {
        builder.HasKey(x => new { x.DealId, x.EmployeeId });
        builder.Property(x => x.Percent).HasPrecision(5, 2);
        builder.HasIndex(x => new { x.EmployeeId, x.DealId });
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealContactConfiguration : IEntityTypeConfiguration<DealContact>
{
    public void Configure(EntityTypeBuilder<DealContact> builder)
    {
        builder.HasKey(x => new { x.DealId, x.ContactId });
        builder.Property(x => x.Role).HasMaxLength(BuyingRoles.CodeLength);
        builder.HasIndex(x => x.ContactId);
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BuyingRole>().WithMany().HasForeignKey(x => x.Role).HasPrincipalKey(r => r.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealCounterConfiguration : IEntityTypeConfiguration<DealCounter>
{
    public void Configure(EntityTypeBuilder<DealCounter> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasData(new DealCounter { Id = 1, Last = 0 });
    }
}
