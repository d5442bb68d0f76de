namespace Rapport.Shared;

/// <summary>
/// The one rounding rule for money in Rapport: to the cent, half away from zero (2.345 → 2.35, −2.345 → −2.35).
/// Every stored amount has been through it; totals are sums of rounded amounts, never rounded sums.
/// </summary>
public static class Money
{
    public const int Decimals = 2;

    /// <summary>The amount rounded to the cent, half away from zero.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Whether the amount has no more than whole cents.</summary>
    public static bool IsWholeCents(decimal amount) => Round(amount) == amount;
}
