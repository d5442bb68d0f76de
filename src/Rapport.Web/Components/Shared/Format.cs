using System.Globalization;

namespace Rapport.Web.Components.Shared;

/// <summary>How values are shown, per the user's culture.</summary>
internal static class Format
{
    /// <summary>An instant in UTC, shown in the server's time zone with the culture's date and time pattern.</summary>
    public static string Instant(DateTime utc) =>
        utc.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string Number(decimal value, int decimals = 2) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
}
