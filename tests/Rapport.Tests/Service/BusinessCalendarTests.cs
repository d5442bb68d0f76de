using CsCheck;
using NodaTime;
using Rapport.Service;

namespace Rapport.Tests.Service;

/// <summary>Working-time arithmetic in Europe/Sofia, Monday to Friday 09:00–18:00, with and without holidays.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly DateTimeZone Sofia = DateTimeZoneProviders.Tzdb["Europe/Sofia"];

    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    private static BusinessCalendar Calendar(params LocalDate[] holidays) =>
        new(Sofia, Weekdays, new LocalTime(9, 0), new LocalTime(18, 0), holidays);

    private static Instant At(int year, int month, int day, int hour, int minute = 0) =>
        Sofia.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private static LocalDateTime Local(Instant? instant) => instant!.Value.InZone(Sofia).LocalDateTime;

    [Fact]
    public void Hours_within_a_working_day_are_added_by_the_wall_clock()
    {
        // Tuesday 2 December 2026, 10:00 + 4h = 14:00.
        Assert.Equal(new LocalDateTime(2026, 12, 1, 14, 0), Local(Calendar().Add(At(2026, 12, 1, 10), Duration.FromHours(4))));
    }

    [Fact]
    public void What_does_not_fit_today_carries_over_to_the_next_morning()
    {
        // Tuesday 16:00 + 4h: two hours today, two from 09:00 on Wednesday.
        Assert.Equal(new LocalDateTime(2026, 12, 2, 11, 0), Local(Calendar().Add(At(2026, 12, 1, 16), Duration.FromHours(4))));
    }

    [Fact]
    public void A_case_opened_at_the_weekend_starts_its_clock_on_monday_morning()
    {
        // Saturday 5 December 2026 at noon + 1h = Monday 7 December 10:00.
        Assert.Equal(new LocalDateTime(2026, 12, 7, 10, 0), Local(Calendar().Add(At(2026, 12, 5, 12), Duration.FromHours(1))));
    }

    [Fact]
    public void Friday_evening_plus_eight_hours_is_monday_evening_less_one()
    {
        // Friday 4 December 17:00: one hour on Friday, seven on Monday.
        Assert.Equal(new LocalDateTime(2026, 12, 7, 16, 0), Local(Calendar().Add(At(2026, 12, 4, 17), Duration.FromHours(8))));
    }

    [Fact]
    public void Public_holidays_are_skipped()
    {
        // Christmas Eve to the 26th are holidays in Bulgaria; Wednesday 23 December 17:00 + 2h is Monday 28th 10:00.
        var calendar = Calendar(new LocalDate(2026, 12, 24), new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 26));
        Assert.Equal(new LocalDateTime(2026, 12, 28, 10, 0), Local(calendar.Add(At(2026, 12, 23, 17), Duration.FromHours(2))));
        Assert.Equal(Duration.FromHours(2), calendar.Between(At(2026, 12, 23, 17), At(2026, 12, 28, 10)));
    }

    [Fact]
    public void The_day_summer_time_starts_still_works_nine_hours()
    {
        // Sunday 29 March 2026 the clocks go 03:00 → 04:00; Friday 27 March 17:00 + 10h is Monday 30 March 18:00 (1 + 9).
        var due = Calendar().Add(At(2026, 3, 27, 17), Duration.FromHours(10));
        Assert.Equal(new LocalDateTime(2026, 3, 30, 18, 0), Local(due));

        // The elapsed wall time across the change is one hour shorter than the local clock's difference.
        Assert.Equal(Duration.FromHours(72), due!.Value - At(2026, 3, 27, 18) + Duration.FromHours(1));
    }

    [Fact]
    public void A_working_weekend_day_across_the_autumn_change_has_nine_working_hours()
    {
        // Sunday 25 October 2026 the clocks go 04:00 → 03:00: 25 hours in the day, still nine of them 09:00–18:00.
        var everyDay = new BusinessCalendar(Sofia, Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None),
            new LocalTime(9, 0), new LocalTime(18, 0), []);
        Assert.Equal(Duration.FromHours(9), everyDay.Between(At(2026, 10, 25, 0), At(2026, 10, 26, 0)));

        // A window that spans the change: 00:00–06:00 lasts seven hours that night by the clock on the wall.
        var night = new BusinessCalendar(Sofia, [IsoDayOfWeek.Sunday], new LocalTime(0, 0), new LocalTime(6, 0), []);
        Assert.Equal(Duration.FromHours(7), night.Between(At(2026, 10, 24, 12), At(2026, 10, 26, 12)));
        var spring = new BusinessCalendar(Sofia, [IsoDayOfWeek.Sunday], new LocalTime(0, 0), new LocalTime(6, 0), []);
        Assert.Equal(Duration.FromHours(5), spring.Between(At(2026, 3, 28, 12), At(2026, 3, 30, 12)));
    }

    [Fact]
    public void Nothing_passes_outside_working_hours()
    {
        Assert.Equal(Duration.Zero, Calendar().Between(At(2026, 12, 4, 18), At(2026, 12, 7, 9)));
        Assert.Equal(Duration.Zero, Calendar().Between(At(2026, 12, 7, 12), At(2026, 12, 7, 11)));
    }

    [Fact]
    public void A_calendar_with_no_working_time_never_reaches_a_target()
    {
        var never = new BusinessCalendar(Sofia, [], new LocalTime(9, 0), new LocalTime(18, 0), []);
        Assert.Null(never.Add(At(2026, 12, 1, 10), Duration.FromHours(1)));
    }

    private static readonly Gen<Instant> Instants =
        Gen.Long[At(2026, 1, 1, 0).ToUnixTimeSeconds(), At(2027, 12, 31, 0).ToUnixTimeSeconds()].Select(Instant.FromUnixTimeSeconds);

    private static readonly Gen<Duration> Targets = Gen.Long[1, 200 * 3600].Select(Duration.FromSeconds);

    private static readonly Gen<LocalDate[]> Holidays =
        Gen.Int[0, 729].Select(d => new LocalDate(2026, 1, 1).PlusDays(d)).Array[0, 40];

    [Fact]
    public void The_working_time_until_a_due_instant_is_the_target()
    {
        Gen.Select(Instants, Targets, Holidays).Sample((start, target, holidays) =>
        {
            var calendar = Calendar(holidays);
            var due = calendar.Add(start, target)!.Value;
            Assert.Equal(target, calendar.Between(start, due));
            Assert.True(due > start);
        }, iter: 500);
    }

    [Fact]
    public void Counting_back_is_the_inverse_of_counting_forward()
    {
        Gen.Select(Instants, Targets, Holidays).Sample((end, amount, holidays) =>
        {
            var calendar = Calendar(holidays);
            var start = calendar.Before(end, amount)!.Value;
            Assert.Equal(amount, calendar.Between(start, end));
        }, iter: 500);
    }

    [Fact]
    public void Working_time_adds_up_over_consecutive_stretches()
    {
        // The SLA clock sums pauses as working time: the parts must add up to the whole whatever the cut points.
        Gen.Select(Instants, Gen.Long[0, 30L * 86400], Gen.Long[0, 30L * 86400], Holidays).Sample((a, first, second, holidays) =>
        {
            var calendar = Calendar(holidays);
            var b = a + Duration.FromSeconds(first);
            var c = b + Duration.FromSeconds(second);
            Assert.Equal(calendar.Between(a, c), calendar.Between(a, b) + calendar.Between(b, c));
        }, iter: 500);
    }

    [Fact]
    public void A_longer_target_is_never_due_sooner()
    {
        Gen.Select(Instants, Targets, Targets).Sample((start, x, y) =>
        {
            var calendar = Calendar();
            var (shorter, longer) = x <= y ? (x, y) : (y, x);
            Assert.True(calendar.Add(start, shorter) <= calendar.Add(start, longer));
        }, iter: 500);
    }
}
