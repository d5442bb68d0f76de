using NodaTime;
using Rapport.Service;

namespace Rapport.Tests.Service;

/// <summary>The SLA clock of a case: due instants from targets and pauses, and the state a list reads from them.</summary>
public sealed class CaseClockTests
{
    private static readonly DateTimeZone Sofia = DateTimeZoneProviders.Tzdb["Europe/Sofia"];

    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    private static readonly SlaTargets Normal = SlaTargets.Of(8m, 40m);

    private static DateTime At(int month, int day, int hour, int minute = 0) =>
        Sofia.AtStrictly(new LocalDateTime(2026, month, day, hour, minute)).ToInstant().ToDateTimeUtc();

    private static ServiceCase ACase(DateTime created)
    {
        var c = new ServiceCase { CreatedAt = created, Priority = CasePriority.Normal };
        CaseClock.Refresh(c, Calendar, Normal);
        return c;
    }

    [Fact]
    public void A_new_case_is_due_its_targets_in_working_hours_and_near_breach_at_four_fifths()
    {
        var c = ACase(At(12, 1, 9));
        Assert.Equal(At(12, 1, 17), c.ResponseDueAt);
        Assert.Equal(At(12, 7, 13), c.ResolutionDueAt);
        Assert.Equal(c.ResponseDueAt, c.SlaDueAt);
        Assert.Equal(At(12, 1, 15, 24), c.SlaNearAt);
        Assert.Equal(SlaState.OnTrack, CaseClock.StateAt(c.SlaDueAt, c.SlaNearAt, At(12, 1, 15)));
        Assert.Equal(SlaState.NearBreach, CaseClock.StateAt(c.SlaDueAt, c.SlaNearAt, At(12, 1, 16)));
        Assert.Equal(SlaState.Breached, CaseClock.StateAt(c.SlaDueAt, c.SlaNearAt, At(12, 1, 17)));
    }

    [Fact]
    public void Answered_in_time_the_case_is_held_to_its_resolution()
    {
        var c = ACase(At(12, 1, 9));
        c.FirstRespondedAt = At(12, 1, 10);
        CaseClock.Refresh(c, Calendar, Normal);
        Assert.Equal(At(12, 1, 17), c.ResponseDueAt);
        Assert.Equal(c.ResolutionDueAt, c.SlaDueAt);
    }

    [Fact]
    public void Answered_late_the_case_stays_breached()
    {
        var c = ACase(At(12, 1, 9));
        c.FirstRespondedAt = At(12, 2, 10);
        CaseClock.Refresh(c, Calendar, Normal);
        Assert.Equal(At(12, 1, 17), c.SlaDueAt);
    }

    [Fact]
    public void Waiting_on_the_client_stops_the_clock_and_the_wait_moves_the_due_instants()
    {
        var c = ACase(At(12, 1, 9));
        c.FirstRespondedAt = At(12, 1, 10);
        CaseClock.Refresh(c, Calendar, Normal);
        CaseClock.Pause(c, Calendar, Normal, At(12, 1, 12));
        Assert.Equal(ServiceCase.Far, c.SlaDueAt);
        Assert.Equal(ServiceCase.Far, c.ResolutionDueAt);

        // The client answers the next day at 12:00: nine working hours of waiting, so resolution is due nine hours later.
        CaseClock.Resume(c, Calendar, Normal, At(12, 2, 12));
        Assert.Equal(9 * 3600, c.PausedSeconds);
        Assert.Equal(At(12, 8, 13), c.ResolutionDueAt);
        Assert.Equal(Duration.FromHours(3), CaseClock.Elapsed(c, Calendar, At(12, 2, 12)));
    }

    [Fact]
    public void A_case_breached_before_it_waits_on_the_client_stays_breached()
    {
        var c = ACase(At(12, 1, 9));
        CaseClock.Pause(c, Calendar, Normal, At(12, 2, 12));
        Assert.Equal(At(12, 1, 17), c.SlaDueAt);
    }
}
