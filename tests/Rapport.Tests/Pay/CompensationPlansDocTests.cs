using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Pay.Engine;

namespace Rapport.Tests.Pay;

/// <summary>docs/compensation-plans.md never lies: every plan in it parses, and its worked example is what the calculation gives.</summary>
public sealed partial class CompensationPlansDocTests
{
    private static readonly string Doc = File.ReadAllText(FindDoc());

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "compensation-plans.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/compensation-plans.md is not above the test's directory.");
    }

    private static List<(string Tag, string Json)> Blocks() =>
        [.. Fenced().Matches(Doc).Select(m => (m.Groups["tag"].Value.Trim(), m.Groups["body"].Value))];

    [Fact]
    public void Every_plan_in_the_document_parses()
    {
        var plans = Blocks().Where(b => b.Tag.Length == 0).ToList();

        Assert.True(plans.Count >= 12, $"{plans.Count} plans");
        Assert.All(plans, b =>
        {
            var read = PlanDocument.Parse(b.Json);
            Assert.True(read.IsSuccess, string.Join("; ", read.Errors.Select(e => $"{e.Field}: {e.Message}")) + "\n" + b.Json);
        });
        // Between them they show every rule type.
        var all = plans.Select(b => PlanDocument.Parse(b.Json).Value).ToList();
        Assert.Equal(Enum.GetValues<BaseKind>().Order(), all.Select(p => p.Base.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<CommissionMethod>().Order(), all.Where(p => p.HasCommission).Select(p => p.Commission!.Method).Distinct().Order());
        Assert.Contains(all, p => p.EarnsOnPayment);
        Assert.Contains(all, p => p.Commission?.Measure == TierMeasure.Attainment && p.Commission.Accelerator is not null);
        Assert.Contains(all, p => p.Commission?.Rates.Any(r => r.ProductId is not null) == true && p.Commission.Rates.Any(r => r.Category is not null)
            && p.Commission.Rates.Any(r => r.Business == BusinessKind.New));
        Assert.Contains(all, p => p.Cap is not null);
        Assert.Contains(all, p => p.Retention.Any(r => r.Recurring) && p.TopPerformers.Count > 0);
        Assert.Contains(all, p => p.Incentives.Any(i => i.Amount is not null) && p.Incentives.Any(i => i.Percent is not null));
        Assert.Contains(all, p => p.Guarantee is { Recoverable: true });
        Assert.Contains(all, p => p.ClawbackMonths > 0);
        Assert.Contains(all, p => !p.HasCommission);
    }

    [Fact]
    public void The_worked_example_is_what_the_calculation_gives_in_both_languages()
    {
        var plan = PlanDocument.Parse(Blocks().Last(b => b.Tag.Length == 0).Json).Value;
        var activity = PayJson.ReadActivity(Assert.Single(Blocks(), b => b.Tag == "activity").Json);
        Assert.True(activity.IsSuccess, string.Join("; ", activity.Errors.Select(e => $"{e.Field}: {e.Message}")));

        var statement = PayCalculator.Calculate(plan, activity.Value);

        Assert.Equal([753.10m, 240m, 60m, 250m, 50m, -900m, 350m], statement.Lines.Select(l => l.Amount));
        Assert.Equal((803.10m, -350m), (statement.Total, statement.CarryForward));
        Assert.Equal(new NetEstimate(803.10m, 110.67m, 69.24m, 623.19m), statement.Net);

        var bg = CultureInfo.GetCultureInfo("bg");
        var printed = statement.Lines.Select(l => $"{l.Order,3}. {PayLineText.Describe(l, "EUR", bg)}")
            .Select(s => s.Replace(bg.NumberFormat.NumberGroupSeparator, " ", StringComparison.Ordinal));
        Assert.All(printed, line => Assert.Contains(line + "\n", Doc, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^```json(?<tag>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fenced();
}
