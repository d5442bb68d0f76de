using NodaTime;

namespace Rapport.Service;

/// <summary>The targets a case is held to: its priority's first response and resolution, in working time.</summary>
public readonly record struct SlaTargets(Duration FirstResponse, Duration Resolution)
{
    public static SlaTargets Of(decimal responseHours, decimal resolutionHours) =>
        new(Duration.FromSeconds((long)(responseHours * 3600m)), Duration.FromSeconds((long)(resolutionHours * 3600m)));
}

/// <summary>
/// A case's SLA clock: turns its targets, pauses and working calendar into due instants, so that lists filter and sort
/// by SLA state with plain comparisons against now, and time passing never makes the stored instants wrong.
/// </summary>
/// <remarks>
/// A target falls due when its working time has passed since the case was opened, not counting the working time it
/// waited on the client: due = calendar.Add(created, target + paused). It is near breach once four fifths of it has
/// passed. While the clock is paused a target that has not fallen due cannot fall due, so its instants are
/// <see cref="ServiceCase.Far"/>; one met (answered, resolved) keeps the due instant it was met against, and counts
/// as breached from then on only if it was met late.
/// </remarks>
public static class CaseClock
{
    /// <summary>The share of a target's working time that may pass before the case is near breach.</summary>
    public const decimal NearShare = 0.8m;

    public static Instant ToInstant(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTime ToUtc(Instant? instant) => instant is { } i ? i.ToDateTimeUtc() : ServiceCase.Far;

    /// <summary>Recomputes the due instants of the targets not yet met and the case's SLA keys.</summary>
    public static void Refresh(ServiceCase c, BusinessCalendar calendar, SlaTargets targets)
    {
        var response = Timer(c, calendar, targets.FirstResponse, c.FirstRespondedAt, c.ResponseDueAt);
        var resolution = Timer(c, calendar, targets.Resolution, c.ResolvedAt, c.ResolutionDueAt);
        c.ResponseDueAt = response.Due;
        c.ResolutionDueAt = resolution.Due;
        c.SlaDueAt = Min(response.BreachAt, resolution.BreachAt);
        c.SlaNearAt = Min(response.NearAt, resolution.NearAt);
    }

    /// <summary>Stops the clock (the case waits on the client) at <paramref name="now"/>.</summary>
    public static void Pause(ServiceCase c, BusinessCalendar calendar, SlaTargets targets, DateTime now)
    {
        if (c.PausedSince is null)
        {
            Refresh(c, calendar, targets);
            c.PausedSince = now;
            Refresh(c, calendar, targets);
        }
    }

    /// <summary>Starts the clock again at <paramref name="now"/>, adding the working time it stood still to the pauses.</summary>
    public static void Resume(ServiceCase c, BusinessCalendar calendar, SlaTargets targets, DateTime now)
    {
        if (c.PausedSince is { } since)
        {
            c.PausedSeconds += (long)calendar.Between(ToInstant(since), ToInstant(now)).TotalSeconds;
            c.PausedSince = null;
        }

        Refresh(c, calendar, targets);
    }

    /// <summary>Working time counted against the targets at <paramref name="now"/>: since opening, less the pauses.</summary>
    public static Duration Elapsed(ServiceCase c, BusinessCalendar calendar, DateTime now)
    {
        var upTo = c.PausedSince is { } since && since < now ? since : now;
        var elapsed = calendar.Between(ToInstant(c.CreatedAt), ToInstant(upTo)) - Duration.FromSeconds(c.PausedSeconds);
        return elapsed < Duration.Zero ? Duration.Zero : elapsed;
    }

    /// <summary>Where a case stands at <paramref name="now"/>, from its stored keys alone.</summary>
    public static SlaState StateAt(DateTime slaDueAt, DateTime slaNearAt, DateTime now) =>
        slaDueAt <= now ? SlaState.Breached : slaNearAt <= now ? SlaState.NearBreach : SlaState.OnTrack;

    private static (DateTime Due, DateTime BreachAt, DateTime NearAt) Timer(
        ServiceCase c, BusinessCalendar calendar, Duration target, DateTime? metAt, DateTime storedDue)
    {
        if (metAt is { } met)
        {
            // Met: the due instant it was met against stays, and only a late one counts against the case.
            return met > storedDue ? (storedDue, storedDue, storedDue) : (storedDue, ServiceCase.Far, ServiceCase.Far);
        }

        var created = ToInstant(c.CreatedAt);
        var paused = Duration.FromSeconds(c.PausedSeconds);
        var near = Duration.FromTicks((long)(target.BclCompatibleTicks * NearShare));
        var due = ToUtc(calendar.Add(created, target + paused));
        var nearAt = ToUtc(calendar.Add(created, near + paused));
        if (c.PausedSince is not { } since)
        {
            return (due, due, nearAt);
        }

        var elapsed = Elapsed(c, calendar, since);
        return elapsed >= target
            ? (due, due, nearAt)
            : (ServiceCase.Far, ServiceCase.Far, elapsed >= near ? nearAt : ServiceCase.Far);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
