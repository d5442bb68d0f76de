namespace Rapport.ClientBase;

/// <summary>The parameters of the relationship-strength model; bound from configuration section "ClientBase".</summary>
public sealed class StrengthOptions
{
    /// <summary>Days after which an interaction counts half as much as on the day it happened.</summary>
    public double HalfLifeDays { get; set; } = 60;

    /// <summary>The score at which strength reaches about 63; strength approaches 100 as the score grows past it.</summary>
    public double Saturation { get; set; } = 5;

    public double MeetingWeight { get; set; } = 3;

    public double CallWeight { get; set; } = 2;

    public double EmailWeight { get; set; } = 1;

    public double NoteWeight { get; set; } = 0.5;

    /// <summary>How much more an interaction counts when the client reached out: reciprocity.</summary>
    public double ClientInitiatedFactor { get; set; } = 1.5;

    /// <summary>The strength from which a relationship counts as warm, for coverage.</summary>
    public int WarmThreshold { get; set; } = 40;

    public double WeightOf(InteractionKind kind) => kind switch
    {
        InteractionKind.Meeting => MeetingWeight,
        InteractionKind.Call => CallWeight,
        InteractionKind.Email => EmailWeight,
        _ => NoteWeight,
    };
}

/// <summary>A decaying score and the instant it was taken at.</summary>
public readonly record struct StrengthState(double Score, DateTime At)
{
    public static readonly StrengthState None = new(0, DateTime.MinValue);
}

/// <summary>
/// Relationship strength 0–100. Every interaction adds its weight (by kind, more when the client initiated it) to a
/// score that halves every half-life; strength is the score mapped onto 0–100 by 100·(1 − e^(−score/saturation)).
/// Because the decay is exponential, the score can be kept as one number and the instant it was taken, and
/// interactions can be added in any order with the same result. See docs/relationship-strength.md.
/// </summary>
public static class RelationshipStrength
{
    public static StrengthState Add(StrengthState state, InteractionKind kind, bool initiatedByClient, DateTime at, StrengthOptions options)
    {
        var weight = options.WeightOf(kind) * (initiatedByClient ? options.ClientInitiatedFactor : 1);
        if (state.Score == 0 && state.At == DateTime.MinValue)
        {
            return new StrengthState(weight, at);
        }

        return at >= state.At
            ? new StrengthState(Decay(state.Score, at - state.At, options) + weight, at)
            : new StrengthState(state.Score + Decay(weight, state.At - at, options), state.At);
    }

    /// <summary>Two histories of the same pair as one, e.g. when duplicate contacts are merged.</summary>
    public static StrengthState Combine(StrengthState first, StrengthState second, StrengthOptions options)
    {
        if (first.Score <= 0)
        {
            return second;
        }

        if (second.Score <= 0)
        {
            return first;
        }

        var (earlier, later) = first.At <= second.At ? (first, second) : (second, first);
        return new StrengthState(later.Score + Decay(earlier.Score, later.At - earlier.At, options), later.At);
    }

    /// <summary>The strength on <paramref name="now"/>, 0 to 100.</summary>
    public static int At(StrengthState state, DateTime now, StrengthOptions options)
    {
        if (state.Score <= 0)
        {
            return 0;
        }

        var score = now > state.At ? Decay(state.Score, now - state.At, options) : state.Score;
        return (int)Math.Round(100 * (1 - Math.Exp(-score / options.Saturation)), MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The last instant at which <see cref="At"/> still reaches the warm threshold: strength rounds to at least
    /// T while 100·(1 − e^(−score/S)) ≥ T − ½, i.e. while the decayed score ≥ −S·ln(1 − (T − ½)/100).
    /// </summary>
    public static DateTime WarmUntil(StrengthState state, StrengthOptions options)
    {
        var needed = -options.Saturation * Math.Log(1 - ((options.WarmThreshold - 0.5) / 100));
        if (state.Score < needed || state.Score <= 0)
        {
            return state.At == DateTime.MinValue ? DateTime.MinValue : state.At.AddTicks(-1);
        }

        var days = options.HalfLifeDays * Math.Log2(state.Score / needed);
        return days > 36_500 ? DateTime.MaxValue : state.At.AddDays(days);
    }

    /// <summary>
    /// The instant the score decays (or decayed) to one: <c>At + half-life · log2(score)</c>. Strength now is a rising
    /// function of it, the same for every relationship, so it orders relationships by strength at any time without
    /// being recomputed as time passes; <see cref="AtUnitInstant"/> turns it back into the strength.
    /// </summary>
    public static DateTime UnitScoreAt(StrengthState state, StrengthOptions options)
    {
        if (state.Score <= 0)
        {
            return new DateTime(0, DateTimeKind.Utc);
        }

        var days = options.HalfLifeDays * Math.Log2(state.Score);
        var at = DateTime.SpecifyKind(state.At, DateTimeKind.Utc);
        return days switch
        {
            > 36_500 => DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            < -36_500 => new DateTime(0, DateTimeKind.Utc),
            _ => at.AddDays(days),
        };
    }

    /// <summary>The strength on <paramref name="now"/> of a relationship whose score is one at <paramref name="unitAt"/>.</summary>
    public static int AtUnitInstant(DateTime unitAt, DateTime now, StrengthOptions options)
    {
        if (unitAt.Ticks == 0)
        {
            return 0;
        }

        var score = Math.Pow(2, (unitAt - now).TotalDays / options.HalfLifeDays);
        return (int)Math.Round(100 * (1 - Math.Exp(-score / options.Saturation)), MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether a relationship is past the expected contact rhythm of the contact's role.</summary>
    public static bool IsGoingCold(DateTime lastContactAt, int rhythmDays, DateTime now) =>
        (now - lastContactAt).TotalDays > rhythmDays;

    private static double Decay(double score, TimeSpan elapsed, StrengthOptions options) =>
        score * Math.Pow(2, -elapsed.TotalDays / options.HalfLifeDays);
}
