using System.Globalization;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>The colour band of a relationship strength, for bars and heat-map cells (the --heat-* colours in app.css).</summary>
internal static class Heat
{
    /// <summary>0 for no relationship, then one band per 20 points of strength, up to 5.</summary>
    public static int Band(int strength) => strength <= 0 ? 0 : Math.Min(5, 1 + (strength / 20));

    public static string Class(int strength) => "heat-" + Band(strength).ToString(CultureInfo.InvariantCulture);

    public static string Title(int strength) => string.Format(CultureInfo.CurrentCulture, Texts.StrengthOf, strength);
}
