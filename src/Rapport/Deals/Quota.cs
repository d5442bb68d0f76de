using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// What an employee is expected to win in a month or a quarter, in the organisation's currency, and optionally how
/// many new deals. An employee's quotas never overlap: a quarter with a quota has no month quotas inside it.
/// </summary>
public sealed class Quota : IVersioned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid EmployeeId { get; set; }

    /// <summary>Month or quarter.</summary>
    public PeriodKind Kind { get; set; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start { get; set; }

    /// <summary>The last day of the period, included; kept on the row so that overlaps are one indexed range test.</summary>
    public DateOnly End { get; set; }

    /// <summary>In the organisation's currency, to the cent.</summary>
    public decimal Amount { get; set; }

    /// <summary>How many new-business deals, when the quota counts them.</summary>
    public int? NewDeals { get; set; }

    public long Version { get; set; }

    public SalesPeriod Period => SalesPeriod.Parse(Kind == PeriodKind.Month ? Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
        : $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}")!.Value;
}

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.Period);
        builder.HasIndex(x => new { x.EmployeeId, x.Start }).IsUnique();
        builder.HasIndex(x => new { x.Start, x.End });
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A quota as a form or the API sets it: whose, which month ("2026-03") or quarter ("2026-Q1"), how much.</summary>
public sealed class QuotaInput
{
    [Display(Name = nameof(Texts.FieldEmployee), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? EmployeeId { get; set => field = Choice.OrNull(value); }

    /// <summary>"2026-03" for a month, "2026-Q1" for a quarter.</summary>
    [Display(Name = nameof(DealTexts.FieldPeriod), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public string? Period { get; set; }

    [Display(Name = nameof(DealTexts.FieldQuotaAmount), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0", "1000000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(DealTexts.ValidationNotNegative), ErrorMessageResourceType = typeof(DealTexts))]
    public decimal? Amount { get; set; }

    [Display(Name = nameof(DealTexts.FieldQuotaNewDeals), ResourceType = typeof(DealTexts))]
    [Range(0, 100_000, ErrorMessageResourceName = nameof(DealTexts.ValidationNotNegative), ErrorMessageResourceType = typeof(DealTexts))]
    public int? NewDeals { get; set; }

    /// <summary>The version of the quota being changed, as read; 0 for a new one.</summary>
    public long Version { get; set; }
}

/// <summary>A quota with what has been won against it.</summary>
public sealed record QuotaRow(
    Guid Id, Guid EmployeeId, string EmployeeName, PeriodKind Kind, string Period, string PeriodLabel, DateOnly Start, DateOnly End,
    decimal Amount, int? NewDeals, decimal Won, int NewDealsWon, decimal? Attainment, string BaseCurrency, long Version);

/// <summary>A team's quota for a period: the sum of its members' quotas, and what they won against it.</summary>
public sealed record TeamQuota(
    Guid TeamId, string TeamName, string Period, string PeriodLabel, decimal Amount, int NewDeals, decimal Won, int NewDealsWon,
    decimal? Attainment, string BaseCurrency, IReadOnlyList<MemberQuota> Members);

/// <summary>One member's part of a team's quota for a period (the share of a quarter quota that falls in a month).</summary>
public sealed record MemberQuota(Guid EmployeeId, string Name, decimal Capacity, Guid? QuotaId, string? QuotaPeriod, decimal Amount, int? NewDeals,
    decimal Won, int NewDealsWon, decimal? Attainment, long Version, bool MayEdit);

/// <summary>Quotas spread over months: a month quota is its month's; a quarter quota is split over its three months to the cent.</summary>
public static class QuotaMath
{
    /// <summary>What a quota contributes to each of its months.</summary>
    public static IEnumerable<(DateOnly Month, decimal Amount, decimal NewDeals)> PerMonth(PeriodKind kind, DateOnly start, decimal amount, int? newDeals)
    {
        var months = kind == PeriodKind.Quarter ? 3 : 1;
        var amounts = DealMath.Spread(amount, [.. Enumerable.Repeat(1m, months)]);
        for (var i = 0; i < months; i++)
        {
            yield return (start.AddMonths(i), amounts[i], (newDeals ?? 0) / (decimal)months);
        }
    }

    /// <summary>The quota of a period from quotas that may be months or quarters: the sum of their months inside it.</summary>
    public static (decimal Amount, decimal NewDeals) In(SalesPeriod period, IEnumerable<(PeriodKind Kind, DateOnly Start, decimal Amount, int? NewDeals)> quotas)
    {
        var amount = 0m;
        var deals = 0m;
        foreach (var q in quotas)
        {
            foreach (var m in PerMonth(q.Kind, q.Start, q.Amount, q.NewDeals))
            {
                if (period.Contains(m.Month))
                {
                    amount += m.Amount;
                    deals += m.NewDeals;
                }
            }
        }

        return (amount, deals);
    }
}
