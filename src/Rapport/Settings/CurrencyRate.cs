using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Settings;

/// <summary>
/// How many units of a currency one euro buys from a date until the next rate of the same currency takes over. The
/// euro itself has no row: it is 1 by definition. Rates are data an administrator enters or imports; the fixed BGN
/// rate is put in by the migration that made the table.
/// </summary>
public sealed class CurrencyRate : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>ISO 4217 code in upper case, e.g. "BGN", "USD".</summary>
    public string Currency { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    /// <summary>Units of <see cref="Currency"/> per 1 EUR, e.g. 1.95583 for BGN.</summary>
    public decimal UnitsPerEuro { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public static CurrencyRate Create(string currency, DateOnly validFrom, decimal unitsPerEuro, string? note = null, Guid? id = null)
    {
        var rate = new CurrencyRate { Currency = currency, ValidFrom = validFrom, UnitsPerEuro = unitsPerEuro, Note = note };
        if (id is { } fixedId)
        {
            rate.Id = fixedId;
        }

        return rate;
    }
}

/// <summary>The currency every rate is quoted against, and the rates every installation starts with.</summary>
public static class Currencies
{
    public const string Euro = "EUR";

    /// <summary>
    /// BGN has been pegged at 1.95583 to the euro since 1999 (the currency board), and was converted at that rate when
    /// Bulgaria adopted the euro on 2026-01-01; from 1999 on, so that older deals in leva convert too.
    /// </summary>
    public static readonly CurrencyRate FixedLev =
        CurrencyRate.Create("BGN", new DateOnly(1999, 1, 1), 1.95583m, "Fixed rate of the lev (currency board, then euro adoption)",
            new Guid("0193f1a0-0000-7000-8000-00000000b9e0"));

    /// <summary>Whether the text is a three-letter code, the only shape a currency has here.</summary>
    public static bool IsCode(string? text) => text is { Length: 3 } && text.All(char.IsAsciiLetter);
}

internal sealed class CurrencyRateConfiguration : IEntityTypeConfiguration<CurrencyRate>
{
    public void Configure(EntityTypeBuilder<CurrencyRate> builder)
    {
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Note).HasMaxLength(500);
        builder.Property(x => x.UnitsPerEuro).HasPrecision(18, 6);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Currency, x.ValidFrom }).IsUnique();
        var seed = Currencies.FixedLev;
        builder.HasData(new { seed.Id, seed.Currency, seed.ValidFrom, seed.UnitsPerEuro, seed.Note, Version = 0L });
    }
}
