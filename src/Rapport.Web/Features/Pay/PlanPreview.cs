using System.Globalization;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.Shared;

namespace Rapport.Web.Features.Pay;

/// <summary>A period's activity typed by hand for a plan's worked preview: one credited amount per line, "new" after it for new business.</summary>
public sealed class PreviewForm
{
    public string? Month { get; set; }

    public decimal? Quota { get; set; }

    public DateOnly? EmploymentStart { get; set; }

    public string? Credits { get; set; }

    /// <summary>This month and a sample of two credits, one of them new business.</summary>
    public static PreviewForm Sample(DateOnly today) => new()
    {
        Month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture), Credits = "12500 new\n8000",
    };
}

/// <summary>
/// The plan editor's worked preview: the statement a plan gives for typed activity, computed by the same engine as
/// the period's statements; nothing is stored. The interactive preview computes it on every change, the page without
/// script when its form is sent.
/// </summary>
public static class PlanPreview
{
    /// <summary>The statement, or the message saying what in the typed activity cannot be used.</summary>
    public static async Task<(PayStatement? Statement, string? Error)> ComputeAsync(
        PayPlan plan, PreviewForm form, Func<DateOnly, DateOnly, bool, Task<Result<PeriodFacts>>> facts)
    {
        if (!PeriodHandlers.TryParseMonth(form.Month, out var from))
        {
            return (null, PayTexts.ValidationMonth);
        }

        if (form.Quota < 0)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, Texts.ValidationRange, PayTexts.FieldQuota, 0, 10_000_000));
        }

        var credits = new List<CreditEntry>();
        var lines = (form.Credits ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!decimal.TryParse(parts[0].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                return (null, string.Format(CultureInfo.CurrentCulture, PayTexts.ValidationPreviewLine, i + 1));
            }

            var isNew = parts.Skip(1).Any(p => p.Equals("new", StringComparison.OrdinalIgnoreCase) || p.Equals("нов", StringComparison.OrdinalIgnoreCase)
                || p.Equals("нова", StringComparison.OrdinalIgnoreCase));
            var day = from.AddDays(Math.Min(i, 27));
            credits.Add(new CreditEntry(i + 1, CreditKind.Won, Guid.Empty, $"#{i + 1}", "", day, day, Money.Round(amount), Money.Round(amount), 100m, isNew, []));
        }

        var to = from.AddMonths(1).AddDays(-1);
        var found = await facts(from, to, plan.Base.Kind == BaseKind.MinimumWage);
        if (!found.IsSuccess)
        {
            return (null, found.Errors[0].Message);
        }

        var f = found.Value;
        if (!string.Equals(plan.Currency, f.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return (null, string.Format(CultureInfo.CurrentCulture, PayTexts.ValidationPreviewCurrency, plan.Currency));
        }

        // Left empty, the person has been employed for years: no proration, every tenure bonus reached.
        var start = form.EmploymentStart ?? from.AddYears(-10);
        var activity = new PeriodActivity(from, to, f.Currency, new EmployeeFacts(Guid.Empty, PayTexts.PreviewEmployee, start, null), start < from ? from : start,
            null, form.Quota, f.MinimumWage, f.WorkingDays, credits, [], [], 0m, plan.TrailingWindows.ToDictionary(w => w, _ => 100m), f.Net);
        return (PayCalculator.Calculate(plan, activity), null);
    }
}
