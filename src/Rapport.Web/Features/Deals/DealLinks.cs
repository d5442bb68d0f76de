using System.Globalization;
using Rapport.Deals;

namespace Rapport.Web.Features.Deals;

/// <summary>Addresses of the deal list filtered to the deals behind a figure of the forecast, the quotas or the ranking.</summary>
internal static class DealLinks
{
    /// <summary>The deals credited to the scope with a close date in [from, to], narrowed by the rest of the query.</summary>
    public static string List(SalesScope scope, DateOnly from, DateOnly to, string rest)
    {
        var parts = new List<string>();
        if (scope.DealsQuery is { Length: > 0 } credited)
        {
            parts.Add(credited);
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return "/deals?" + string.Join('&', parts);
    }

    public static string Won(SalesScope scope, DateOnly from, DateOnly to) => List(scope, from, to, "outcome=Won");

    public static string Open(SalesScope scope, DateOnly from, DateOnly to, ForecastCategory? category = null) =>
        List(scope, from, to, category is { } c ? $"outcome=Open&forecast={c}" : "outcome=Open");
}
