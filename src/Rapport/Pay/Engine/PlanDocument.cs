using System.Globalization;
using System.Text.Json;
using Rapport.Shared;

namespace Rapport.Pay.Engine;

/// <summary>
/// A plan as a document (docs/compensation-plans.md): camelCase JSON, enums as strings, indented, fields in a fixed
/// order, nulls and empty defaults left out. Reading refuses unknown fields, so a misspelt rule never passes silently
/// as "no rule", and checks the plan with messages that name the field.
/// </summary>
public static class PlanDocument
{
    private static readonly JsonSerializerOptions Json = JsonShape.Options();

    /// <summary>The plan in <paramref name="json"/>, or the first problem with it (in the current UI culture, naming the field's path).</summary>
    public static Result<PayPlan> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = JsonShape.Read<PayPlan>(json, Json);
        if (!read.IsSuccess)
        {
            return read;
        }

        var valid = Validate(read.Value);
        return valid.IsSuccess ? read : Result<PayPlan>.Fail([.. valid.Errors]);
    }

    /// <summary>The plan as its document; <c>Parse(Write(plan))</c> gives back an equal plan.</summary>
    public static string Write(PayPlan plan) => JsonSerializer.Serialize(plan, Json);

    /// <summary>Every problem with the plan, each naming its field's path (<c>$.commission.tiers[1].from</c>).</summary>
    public static Result Validate(PayPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<Error>();
        var c = CultureInfo.CurrentCulture;
        void Fail(string field, string format, params object?[] args) =>
            errors.Add(Error.Invalid(field, string.Format(c, format, [field, .. args])));
        void NotNegative(string field, decimal value)
        {
            if (value < 0)
            {
                Fail(field, PayTexts.PlanAmountNegative, value);
            }
        }

        void Percent(string field, decimal value)
        {
            if (value is < 0 or > 100)
            {
                Fail(field, PayTexts.PlanPercentOutOfRange, value);
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Key(string field, string key)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                Fail(field, PayTexts.PlanKeyMissing);
            }
            else if (!keys.Add(key))
            {
                Fail(field, PayTexts.PlanKeyDuplicate, key);
            }
        }

        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            Fail("$.name", PayTexts.PlanNameMissing);
        }

        if (plan.Currency.Length != 3 || !plan.Currency.All(char.IsAsciiLetterUpper))
        {
            Fail("$.currency", PayTexts.PlanCurrencyInvalid, plan.Currency);
        }

        switch (plan.Base.Kind)
        {
            case BaseKind.MinimumWage when plan.Base.Factor is <= 0:
                Fail("$.base.factor", PayTexts.PlanFactorNotPositive, plan.Base.Factor);
                break;
            case BaseKind.Fixed when plan.Base.Amount is null:
                Fail("$.base.amount", PayTexts.PlanBaseAmountMissing);
                break;
            case BaseKind.Fixed:
                NotNegative("$.base.amount", plan.Base.Amount.Value);
                break;
        }

        if (plan.Base.Kind != BaseKind.MinimumWage && plan.Base.Factor is not null)
        {
            Fail("$.base.factor", PayTexts.PlanBaseFactorOnlyMinimumWage);
        }

        if (plan.Base.Kind != BaseKind.Fixed && plan.Base.Amount is not null)
        {
            Fail("$.base.amount", PayTexts.PlanBaseAmountOnlyFixed);
        }

        if (plan.Commission is { } commission)
        {
            if (commission.Method == CommissionMethod.Flat)
            {
                if (commission.Rate is { } rate)
                {
                    Percent("$.commission.rate", rate);
                }
                else
                {
                    Fail("$.commission.rate", PayTexts.PlanFlatRateMissing);
                }

                if (commission.Tiers.Count > 0)
                {
                    Fail("$.commission.tiers", PayTexts.PlanTiersWithFlat);
                }
            }
            else if (commission.Tiers.Count == 0)
            {
                Fail("$.commission.tiers", PayTexts.PlanTiersMissing);
            }
            else if (commission.Rate is not null)
            {
                Fail("$.commission.rate", PayTexts.PlanTiersWithFlat);
            }

            for (var i = 0; i < commission.Tiers.Count; i++)
            {
                var tier = commission.Tiers[i];
                NotNegative($"$.commission.tiers[{i}].from", tier.From);
                Percent($"$.commission.tiers[{i}].rate", tier.Rate);
                if (i > 0 && tier.From <= commission.Tiers[i - 1].From)
                {
                    Fail($"$.commission.tiers[{i}].from", PayTexts.PlanTiersOutOfOrder, tier.From, commission.Tiers[i - 1].From);
                }
            }

            var scopes = new HashSet<(Guid?, string?, BusinessKind)>();
            for (var i = 0; i < commission.Rates.Count; i++)
            {
                var rule = commission.Rates[i];
                var at = $"$.commission.rates[{i}]";
                Key($"{at}.key", rule.Key);
                Percent($"{at}.rate", rule.Rate);
                if (rule.ProductId is not null && rule.Category is not null)
                {
                    Fail(at, PayTexts.PlanRateRuleBoth);
                }
                else if (rule.ProductId is null && rule.Category is null && rule.Business == BusinessKind.Any)
                {
                    Fail(at, PayTexts.PlanRateRuleEmpty);
                }
                else if (!scopes.Add((rule.ProductId, rule.Category?.ToUpperInvariant(), rule.Business)))
                {
                    Fail(at, PayTexts.PlanRateRuleSame);
                }
            }

            if (commission.Accelerator is { } accelerator)
            {
                NotNegative("$.commission.accelerator.fromAttainment", accelerator.FromAttainment);
                if (accelerator.Multiplier < 1)
                {
                    Fail("$.commission.accelerator.multiplier", PayTexts.PlanAcceleratorMultiplier, accelerator.Multiplier);
                }
            }

            if (commission.ClawbackMonths < 0)
            {
                Fail("$.commission.clawbackMonths", PayTexts.PlanMonthsTooFew, 0, commission.ClawbackMonths);
            }
        }

        if (plan.Cap is { } cap)
        {
            NotNegative("$.cap", cap);
        }

        for (var i = 0; i < plan.Retention.Count; i++)
        {
            var bonus = plan.Retention[i];
            Key($"$.retention[{i}].key", bonus.Key);
            if (bonus.AfterMonths < 1)
            {
                Fail($"$.retention[{i}].afterMonths", PayTexts.PlanMonthsTooFew, 1, bonus.AfterMonths);
            }

            NotNegative($"$.retention[{i}].amount", bonus.Amount);
        }

        for (var i = 0; i < plan.TopPerformers.Count; i++)
        {
            var bonus = plan.TopPerformers[i];
            Key($"$.topPerformers[{i}].key", bonus.Key);
            if (bonus.WindowMonths < 1)
            {
                Fail($"$.topPerformers[{i}].windowMonths", PayTexts.PlanMonthsTooFew, 1, bonus.WindowMonths);
            }

            if (bonus.TopPercent is <= 0 or > 100)
            {
                Fail($"$.topPerformers[{i}].topPercent", PayTexts.PlanTopPercentInvalid, bonus.TopPercent);
            }

            NotNegative($"$.topPerformers[{i}].amount", bonus.Amount);
        }

        for (var i = 0; i < plan.Incentives.Count; i++)
        {
            var incentive = plan.Incentives[i];
            var at = $"$.incentives[{i}]";
            Key($"{at}.key", incentive.Key);
            if (incentive.Amount is null == incentive.Percent is null)
            {
                Fail(at, PayTexts.PlanIncentiveAmountOrPercent);
            }

            if (incentive.Amount is { } amount)
            {
                NotNegative($"{at}.amount", amount);
            }

            if (incentive.Percent is { } percent)
            {
                Percent($"{at}.percent", percent);
            }

            if (incentive.ProductId is not null && incentive.Category is not null)
            {
                Fail(at, PayTexts.PlanRateRuleBoth);
            }

            NotNegative($"{at}.minQuantity", incentive.MinQuantity);
            if (incentive.From > incentive.To)
            {
                Fail($"{at}.to", PayTexts.PlanDatesOutOfOrder);
            }
        }

        if (plan.Guarantee is { } guarantee)
        {
            if (guarantee.Months < 1)
            {
                Fail("$.guarantee.months", PayTexts.PlanMonthsTooFew, 1, guarantee.Months);
            }

            NotNegative("$.guarantee.amount", guarantee.Amount);
        }

        return errors.Count == 0 ? Result.Ok() : Result.Fail([.. errors]);
    }
}
