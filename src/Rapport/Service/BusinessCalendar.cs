using NodaTime;

namespace Rapport.Service;

/// <summary>
/// Working time in the organisation's time zone: the working days, one window of hours on each, and no work on public
/// holidays. Pure arithmetic over instants, so SLA targets in business hours become instants a list can sort by.
/// </summary>
/// <remarks>
/// Each working day's window is its local start and end mapped to instants by the zone's rules on that date, so a
/// day when the clocks change still works its hours by the wall clock (09:00–18:00 is nine hours either way), and
/// a local time that does not exist that day is taken leniently (shifted forward by the gap).
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead <see cref="Add"/> looks for working time before it says "never" (a calendar all holidays).</summary>
    private const int HorizonDays = 366 * 20;

    private readonly DateTimeZone _zone;
    private readonly HashSet<IsoDayOfWeek> _days;
    private readonly LocalTime _start;
    private readonly LocalTime _end;
    private readonly HashSet<LocalDate> _holidays;

    public BusinessCalendar(DateTimeZone zone, IEnumerable<IsoDayOfWeek> workingDays, LocalTime start, LocalTime end,
        IEnumerable<LocalDate> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (end <= start)
        {
            throw new ArgumentException("A working day ends after it starts.", nameof(end));
        }

        _zone = zone;
        _days = [.. workingDays];
        _start = start;
        _end = end;
        _holidays = [.. holidays];
    }

    /// <summary>Monday to Friday, 09:00–18:00 in Europe/Sofia, without holidays.</summary>
    public static BusinessCalendar Default { get; } = new(DateTimeZoneProviders.Tzdb["Europe/Sofia"],
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        new LocalTime(9, 0), new LocalTime(18, 0), []);

    public DateTimeZone Zone => _zone;

    /// <summary>The instant when <paramref name="amount"/> of working time has passed after <paramref name="from"/>, or null if it never does.</summary>
    public Instant? Add(Instant from, Duration amount)
    {
        if (amount <= Duration.Zero)
        {
            return from;
        }

        var left = amount;
        var date = from.InZone(_zone).Date;
        for (var i = 0; i < HorizonDays; i++, date = date.PlusDays(1))
        {
            if (Window(date) is not var (start, end))
            {
                continue;
            }

            var begin = start > from ? start : from;
            if (begin >= end)
            {
                continue;
            }

            var available = end - begin;
            if (left <= available)
            {
                return begin + left;
            }

            left -= available;
        }

        return null;
    }

    /// <summary>The instant <paramref name="amount"/> of working time before <paramref name="to"/>, or null if there was none that far back.</summary>
    public Instant? Before(Instant to, Duration amount)
    {
        if (amount <= Duration.Zero)
        {
            return to;
        }

        var left = amount;
        var date = to.InZone(_zone).Date;
        for (var i = 0; i < HorizonDays; i++, date = date.PlusDays(-1))
        {
            if (Window(date) is not var (start, end))
            {
                continue;
            }

            var finish = end < to ? end : to;
            if (finish <= start)
            {
                continue;
            }

            var available = finish - start;
            if (left <= available)
            {
                return finish - left;
            }

            left -= available;
        }

        return null;
    }

    /// <summary>The working time between two instants (zero when the second is not after the first).</summary>
    public Duration Between(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }

        var total = Duration.Zero;
        var last = to.InZone(_zone).Date;
        for (var date = from.InZone(_zone).Date; date <= last; date = date.PlusDays(1))
        {
            if (Window(date) is not var (start, end))
            {
                continue;
            }

            var begin = start > from ? start : from;
            var finish = end < to ? end : to;
            if (finish > begin)
            {
                total += finish - begin;
            }
        }

        return total;
    }

    /// <summary>Whether the date is a working day (a working weekday that is not a holiday).</summary>
    public bool IsWorkingDay(LocalDate date) => _days.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    private (Instant Start, Instant End)? Window(LocalDate date)
    {
        if (!IsWorkingDay(date))
        {
            return null;
        }

        var start = _zone.AtLeniently(date + _start).ToInstant();
        var end = _zone.AtLeniently(date + _end).ToInstant();
        return end > start ? (start, end) : null;
    }
}
