using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Rapport.Web.Features.Deals;

/// <summary>What the charts drawn on the server as SVG share: the top of an axis, coordinates, short amounts and text.</summary>
internal static class SvgChart
{
    private static readonly decimal[] Steps = [1m, 2m, 5m, 10m];

    /// <summary>A round top for an axis that holds <paramref name="max"/>: 1, 2 or 5 times a power of ten; 0 when there is nothing to draw.</summary>
    public static decimal Top(decimal max)
    {
        if (max <= 0)
        {
            return 0;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        return Steps.Select(f => f * power).First(v => v >= max);
    }

    /// <summary>A coordinate as SVG reads it, whatever the reader's language.</summary>
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An amount for an axis: "20 k", "1.5 M".</summary>
    public static string Short(decimal v) => v >= 1_000_000 ? (v / 1_000_000).ToString("0.#", CultureInfo.CurrentCulture) + " M"
        : v >= 1_000 ? (v / 1_000).ToString("0.#", CultureInfo.CurrentCulture) + " k" : v.ToString("0", CultureInfo.CurrentCulture);

    // Razor reads <text> in code as its own tag, so the SVG text elements are written out, their content encoded.
    public static MarkupString Text(double x, double y, string anchor, string fill, string content) =>
        new($"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"{fill}\">{System.Net.WebUtility.HtmlEncode(content)}</text>");
}
