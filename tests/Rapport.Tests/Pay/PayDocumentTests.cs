using System.Globalization;
using System.Reflection;
using Rapport.Pay.Engine;
using static Rapport.Tests.Pay.PayBuilders;

namespace Rapport.Tests.Pay;

/// <summary>The plan and activity documents: what they refuse and the words they refuse it with; the statement's canonical JSON.</summary>
public sealed class PayDocumentTests
{
    private const string Plan = """
        {
          "name": "Account manager 2026",
          "currency": "EUR",
          "base": { "kind": "minimumWage", "factor": 1.5 },
          "commission": {
            "method": "graduated",
            "tiers": [ { "from": 0, "rate": 3 }, { "from": 10000, "rate": 5 } ],
            "rates": [ { "key": "licence", "productId": "00000000-0000-0000-0000-00000000a001", "rate": 9 } ]
          }
        }
        """;

    private static readonly string[] Allowed = ["Rapport.Pay.Engine", "Rapport.Pay", "Rapport.Shared"];

    private static (string? Field, string Message) Refusal(string json, string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var read = PlanDocument.Parse(json);
            Assert.False(read.IsSuccess);
            return (read.Errors[0].Field, read.Errors[0].Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_plan_document_reads_with_its_defaults()
    {
        var plan = PlanDocument.Parse(Plan).Value;

        Assert.Equal(new BasePay(BaseKind.MinimumWage, 1.5m), plan.Base);
        Assert.Equal((EarningPoint.Won, TierMeasure.Amount, 0), (plan.Commission!.EarnsOn, plan.Commission.Measure, plan.ClawbackMonths));
        Assert.Equal([new Tier(0m, 3m), new Tier(10_000m, 5m)], plan.Commission.Tiers);
        Assert.Equal(new RateRule("licence", 9m, Licence), Assert.Single(plan.Commission.Rates));
        Assert.Empty(plan.Retention);
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_it()
    {
        var json = Plan.Replace("\"method\"", "\"methods\"", StringComparison.Ordinal);

        Assert.Equal(("$.commission.methods", "Unknown field $.commission.methods: it is not part of the format."), Refusal(json, "en"));
        Assert.Equal(("$.commission.methods", "Непознато поле $.commission.methods: не е част от формата."), Refusal(json, "bg"));
    }

    [Fact]
    public void Tiers_out_of_order_are_refused()
    {
        var json = Plan.Replace("\"from\": 10000", "\"from\": 0", StringComparison.Ordinal);

        Assert.Equal(("$.commission.tiers[1].from", "$.commission.tiers[1].from: each tier starts above the one before it; 0 does not come after 0."), Refusal(json, "en"));
        Assert.Equal(("$.commission.tiers[1].from", "$.commission.tiers[1].from: всяка степен започва над предходната; 0 не е след 0."), Refusal(json, "bg"));
    }

    [Fact]
    public void A_rate_over_100_percent_is_refused()
    {
        var json = Plan.Replace("\"rate\": 9", "\"rate\": 101", StringComparison.Ordinal);

        Assert.Equal(("$.commission.rates[0].rate", "$.commission.rates[0].rate must be a percent from 0 to 100; it is 101."), Refusal(json, "en"));
        Assert.Equal(("$.commission.rates[0].rate", "$.commission.rates[0].rate трябва да е процент от 0 до 100, а е 101."), Refusal(json, "bg"));
    }

    [Theory]
    [InlineData("""{ "name": "X", "currency": "EUR" }""", "$.base", "The field $.base is required.")]
    [InlineData("""{ "name": "X", "currency": "EUR", "base": { "kind": "salary" } }""", "$.base.kind", "The field $.base.kind has a value of the wrong type or format.")]
    [InlineData("""{ "name": "X", "currency": "EUR", "base": { "kind": 1 } }""", "$.base.kind", "The field $.base.kind has a value of the wrong type or format.")]
    [InlineData("""{ "name": "X", "currency": "EUR", "base": { "kind": "minimumWage", "factor": 0 } }""", "$.base.factor", "$.base.factor must be greater than zero; it is 0.")]
    [InlineData("""{ "name": "X", "currency": "EUR", "base": { "kind": "fixed", "amount": -1 } }""", "$.base.amount", "$.base.amount must not be negative; it is -1.")]
    [InlineData("""{ "name": "X", "currency": "EUR", "base": { "kind": "none" }, "retention": [ { "key": "a", "afterMonths": 6, "amount": 1 }, { "key": "a", "afterMonths": 12, "amount": 1 } ] }""", "$.retention[1].key", "$.retention[1].key: the key \"a\" is already used by another rule of the plan.")]
    [InlineData("""{ "name": "X", "currency": "EUR", "base": { "kind": "none" }, "commission": { "method": "retroactive" } }""", "$.commission.tiers", "$.commission.tiers: graduated and retroactive commission need at least one tier.")]
    [InlineData("""{ "name": "X", "currency": "euro", "base": { "kind": "none" } }""", "$.currency", "$.currency must be a three-letter currency code such as EUR; it is \"euro\".")]
    [InlineData("""{ "name": "X", """, "$", "The file is not valid JSON (line 1, position 16).")]
    public void Bad_plans_are_refused_with_the_field_and_what_is_wrong(string json, string field, string message)
    {
        Assert.Equal((field, message), Refusal(json, "en"));
    }

    [Fact]
    public void An_activity_with_an_unknown_field_or_no_working_days_is_refused()
    {
        var json = PayJson.Write(AnActivity(Won(1, 100m)));

        var unknown = PayJson.ReadActivity(json.Replace("\"dealTitle\"", "\"title\"", StringComparison.Ordinal));
        var noDays = PayJson.ReadActivity(PayJson.Write(AnActivity() with { WorkingDays = [] }));

        Assert.Equal("$.credits[0].title", unknown.Errors[0].Field);
        Assert.Equal("$.workingDays", noDays.Errors[0].Field);
        Assert.Equal(AnActivity(Won(1, 100m)).Credits[0], PayJson.ReadActivity(json).Value.Credits[0] with { Lines = [] });
    }

    [Fact]
    public void The_statement_json_is_canonical_and_its_hash_is_the_sha256_of_it()
    {
        var statement = PayCalculator.Calculate(APlan(), AnActivity(Won(1, 1_000m)));
        var sameAmountsOtherScale = statement with { Lines = [.. statement.Lines.Select(l => l with { Amount = l.Amount * 1.000m })] };

        var json = PayJson.Write(statement);

        Assert.Contains("\"amount\": 930.3,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Equal(json, PayJson.Write(sameAmountsOtherScale));
        Assert.Matches("^[0-9a-f]{64}$", PayJson.Hash(statement));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))), PayJson.Hash(statement));
    }

    [Fact]
    public void The_engine_depends_only_on_the_shared_kernel()
    {
        // The engine is a pure function: no deals, no database, no identity; the hosts feed it snapshots.
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var engine = typeof(PayCalculator).Assembly.GetTypes().Where(t => t.Namespace == "Rapport.Pay.Engine");
        var used = engine.SelectMany(t => t.GetFields(all).Select(f => f.FieldType)
            .Concat(t.GetProperties(all).Select(p => p.PropertyType))
            .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))))
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("Rapport", StringComparison.Ordinal))
            .Distinct();

        Assert.All(used, n => Assert.Contains(n, Allowed));
    }
}
