using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Settings;

/// <summary>
/// A legal or economic figure of a country that holds from a date until the next one of the same kind takes over,
/// e.g. the national minimum monthly wage. Kept as data with validity dates, never as constants in code.
/// </summary>
public sealed class CountryParameter : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string CountryCode { get; set; } = "";

    public ParameterKind Kind { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>The amount: money for a wage, units of <see cref="Currency"/> per euro for an exchange rate.</summary>
    public decimal Value { get; set; }

    /// <summary>The currency of a money amount, or the quoted currency of an exchange rate.</summary>
    public string Currency { get; set; } = "";

    public string? Note { get; set; }

    public long Version { get; set; }
}

/// <summary>The kinds of country parameter Rapport knows.</summary>
public enum ParameterKind
{
    /// <summary>The national minimum monthly wage, in <see cref="CountryParameter.Currency"/>.</summary>
    MinimumMonthlyWage,

    /// <summary>A fixed conversion rate: 1 EUR = value units of <see cref="CountryParameter.Currency"/>.</summary>
    FixedEuroRate,

    /// <summary>The employee's social and health insurance contributions, as a percent of gross pay (no currency).</summary>
    EmployeeContributionPercent,

    /// <summary>The monthly income above which no contributions are due, in <see cref="CountryParameter.Currency"/>.</summary>
    MaximumInsurableIncome,

    /// <summary>The flat income tax, as a percent of gross pay less contributions (no currency).</summary>
    IncomeTaxPercent,
}

internal sealed class CountryParameterConfiguration : IEntityTypeConfiguration<CountryParameter>
{
    public void Configure(EntityTypeBuilder<CountryParameter> builder)
    {
        builder.Property(x => x.CountryCode).HasMaxLength(2);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Note).HasMaxLength(500);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.CountryCode, x.Kind, x.ValidFrom }).IsUnique();
    }
}
