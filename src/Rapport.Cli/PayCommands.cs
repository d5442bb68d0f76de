using System.CommandLine;
using System.Globalization;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.Shared;

namespace Rapport.Cli;

/// <summary>
/// <c>comp preview --plan PLAN.json --activity ACTIVITY.json</c>: a plan's statement for one employee's period, worked
/// out from the two documents alone (no database), so Finance can try a plan before it is published and a statement
/// can be re-derived from its stored inputs. Exits 1 when either document is refused, with the reason on stderr.
/// </summary>
internal static class PayCommands
{
    public static Command Create()
    {
        var plan = new Option<FileInfo>("--plan") { Description = "The plan, in the JSON format of docs/compensation-plans.md.", Required = true };
        plan.AcceptExistingOnly();
        var activity = new Option<FileInfo>("--activity")
        {
            Description = "One employee's period: credits, payments, adjustments and parameters, as JSON (docs/compensation-plans.md).",
            Required = true,
        };
        activity.AcceptExistingOnly();
        var language = new Option<string>("--lang") { Description = "The language of the lines and messages: en or bg.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "bg");
        var json = new Option<bool>("--json") { Description = "Print the statement as its canonical JSON instead of the lines in words." };

        var preview = new Command("preview", "Calculate the statement a plan gives for one employee's period and print every line with its formula.")
        {
            plan, activity, language, json,
        };
        preview.SetAction(async (parsed, ct) =>
        {
            var culture = CultureInfo.GetCultureInfo(parsed.GetRequiredValue(language));
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            var planFile = parsed.GetRequiredValue(plan);
            var activityFile = parsed.GetRequiredValue(activity);
            var readPlan = PlanDocument.Parse(await File.ReadAllTextAsync(planFile.FullName, ct));
            var readActivity = PayJson.ReadActivity(await File.ReadAllTextAsync(activityFile.FullName, ct));
            if (!readPlan.IsSuccess || !readActivity.IsSuccess)
            {
                await WriteErrorsAsync(planFile.Name, readPlan.Errors);
                await WriteErrorsAsync(activityFile.Name, readActivity.Errors);
                return ExitCodes.Failed;
            }

            var (payPlan, period) = (readPlan.Value, readActivity.Value);
            if (!string.Equals(payPlan.Currency, period.Currency, StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync(string.Format(culture, PayTexts.PreviewCurrencyMismatch, payPlan.Currency, period.Currency));
                return ExitCodes.Failed;
            }

            var statement = PayCalculator.Calculate(payPlan, period);
            if (parsed.GetValue(json))
            {
                await Console.Out.WriteLineAsync(PayJson.Write(statement));
                return ExitCodes.Ok;
            }

            string Money(decimal amount) => $"{amount.ToString("N2", culture)} {period.Currency}";
            foreach (var line in statement.Lines)
            {
                await Console.Out.WriteLineAsync($"{line.Order,3}. {PayLineText.Describe(line, period.Currency, culture)}");
            }

            await Console.Out.WriteLineAsync(string.Format(culture, PayTexts.StatementTotal, Money(statement.Total)));
            if (statement.CarryForward != 0)
            {
                await Console.Out.WriteLineAsync(string.Format(culture, PayTexts.StatementCarryForward, Money(statement.CarryForward)));
            }

            if (statement.Net is { } net)
            {
                await Console.Out.WriteLineAsync(string.Format(culture, PayTexts.StatementNet, Money(net.Gross), Money(net.Contributions),
                    Money(net.IncomeTax), Money(net.Net)));
            }

            return ExitCodes.Ok;
        });

        return new Command("comp", "Compensation: preview a plan's statement from its documents.") { preview };
    }

    private static async Task WriteErrorsAsync(string file, IReadOnlyList<Error> errors)
    {
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync($"{file}: {error.Field}: {error.Message}");
        }
    }
}
