using System.Globalization;

namespace Rapport.Deals;

/// <summary>The length of a period that quotas, the forecast and the ranking are counted over.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A calendar month, quarter or year, from its first day to its last (both included). Periods are whole calendar
/// units, so "the prior period" and "the same period last year" are the same kind of unit moved back: February 2024
/// (29 days) compares with January 2024 and with February 2023 (28 days), never with a count of days.
/// </summary>
public readonly record struct SalesPeriod
{
    private SalesPeriod(PeriodKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    public PeriodKind Kind { get; }

    /// <summary>The first day.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day, included.</summary>
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    public int Months => Kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        _ => 12,
    };

    /// <summary>The period of this kind just before: December 2025 for January 2026, Q4 2025 for Q1 2026.</summary>
    public SalesPeriod Prior => new(Kind, Start.AddMonths(-Months));

    public SalesPeriod Next => new(Kind, Start.AddMonths(Months));

    /// <summary>The same period a year earlier.</summary>
    public SalesPeriod YearEarlier => new(Kind, Start.AddYears(-1));

    /// <summary>The months of the period, in order.</summary>
    public IEnumerable<SalesPeriod> MonthsIn
    {
        get
        {
            for (var i = 0; i < Months; i++)
            {
                yield return new SalesPeriod(PeriodKind.Month, Start.AddMonths(i));
            }
        }
    }

    /// <summary>The quarters of the period (one for a month's or a quarter's own quarter).</summary>
    public IEnumerable<SalesPeriod> QuartersIn
    {
        get
        {
            var first = Of(PeriodKind.Quarter, Start);
            for (var q = first; q.Start <= End; q = q.Next)
            {
                yield return q;
            }
        }
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public bool Overlaps(DateOnly start, DateOnly end) => start <= End && end >= Start;

    /// <summary>The period of the kind that holds the day.</summary>
    public static SalesPeriod Of(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Month => new(kind, new DateOnly(day.Year, day.Month, 1)),
        PeriodKind.Quarter => new(kind, new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1)),
        _ => new(kind, new DateOnly(day.Year, 1, 1)),
    };

    /// <summary>"2026-03" (a month), "2026-Q1" (a quarter) or "2026" (a year); null for anything else.</summary>
    public static SalesPeriod? Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 9999)
        {
            return new SalesPeriod(PeriodKind.Year, new DateOnly(year, 1, 1));
        }

        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 9999)
        {
            if ((t[5] == 'Q' || t[5] == 'q') && t[6] is >= '1' and <= '4')
            {
                return new SalesPeriod(PeriodKind.Quarter, new DateOnly(year, ((t[6] - '1') * 3) + 1, 1));
            }

            if (int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                return new SalesPeriod(PeriodKind.Month, new DateOnly(year, month, 1));
            }
        }

        return null;
    }

    public int Quarter => ((Start.Month - 1) / 3) + 1;

    /// <summary>The period as <see cref="Parse"/> reads it: "2026-03", "2026-Q1", "2026".</summary>
    public string Code => Kind switch
    {
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{Quarter}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The period in the reader's words: "March 2026" / "март 2026", "Q1 2026" / "I тримесечие 2026 г.", "2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => Start.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        PeriodKind.Quarter => string.Format(CultureInfo.CurrentCulture, DealTexts.PeriodQuarter, DealTexts.PeriodQuarterNumerals.Split(',')[Quarter - 1], Start.Year),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A short month label for the chart: "Mar" / "мар".</summary>
    public string ShortLabel => Kind == PeriodKind.Month
        ? CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedMonthName(Start.Month)
        : Label;

    public override string ToString() => Code;
}

/// <summary>Growth of a figure against a base, in percent.</summary>
public static class Growth
{
    /// <summary>
    /// (current − base) ÷ base × 100, to one decimal; null when there is no base to grow from (nothing in the base
    /// period), which is shown as "—" rather than an infinite or a 100 % that would mean nothing.
    /// </summary>
    public static decimal? Percent(decimal current, decimal baseAmount) =>
        baseAmount <= 0 ? null : Math.Round((current - baseAmount) * 100m / baseAmount, 1, MidpointRounding.AwayFromZero);

    /// <summary>A part of a whole in percent, to one decimal; null when the whole is zero.</summary>
    public static decimal? Share(decimal part, decimal whole) =>
        whole <= 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
