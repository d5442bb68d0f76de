using CsCheck;
using Rapport.Pay.Engine;
using Rapport.Shared;
using static Rapport.Tests.Pay.PayBuilders;

namespace Rapport.Tests.Pay;

/// <summary>What holds for any plan and any activity.</summary>
public sealed class PayPropertyTests
{
    [Fact]
    public void Graduated_commission_never_decreases_as_a_credit_grows()
    {
        Gen.Select(PayGenerators.Tiers, PayGenerators.Cents.Array[0, 5], PayGenerators.Cents, Gen.Long[0, 1_000_000]).Sample((tiers, before, amount, more) =>
        {
            var plan = APlan().WithoutBase().WithCommission(c => c with { Method = CommissionMethod.Graduated, Rate = null, Tiers = tiers });
            decimal Commission(decimal credit) => PayCalculator.Calculate(plan, AnActivity([.. before.Select((b, i) => Won(i + 1, b)), Won(99, credit)])).Total;

            Assert.True(Commission(amount + more / 100m) >= Commission(amount));
        }, iter: 2_000);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_rounded_lines_and_never_below_base_and_adjustments()
    {
        Gen.Select(PayGenerators.Plans, PayGenerators.Activities).Sample((plan, activity) =>
        {
            var statement = PayCalculator.Calculate(plan, activity);

            Assert.All(statement.Lines, l => Assert.True(Money.IsWholeCents(l.Amount), $"{l.Kind} {l.Amount}"));
            Assert.Equal(statement.Lines.Sum(l => l.Amount), statement.Total);
            Assert.True(statement.Total >= statement.Lines.Where(l => l.Kind is PayLineKind.Base or PayLineKind.Adjustment).Sum(l => l.Amount));
            Assert.True(statement.CarryForward <= 0);
            Assert.Equal(Enumerable.Range(1, statement.Lines.Count), statement.Lines.Select(l => l.Order));
            // Lines come in the order of their kinds.
            Assert.Equal(statement.Lines.Select(l => Rank(l.Kind)).Order(), statement.Lines.Select(l => Rank(l.Kind)));
        }, iter: 2_000);
    }

    private static int Rank(PayLineKind kind) => kind switch
    {
        PayLineKind.Incentive => (int)PayLineKind.Bonus,
        _ => (int)kind,
    };

    [Fact]
    public void Calculating_twice_gives_byte_identical_statements()
    {
        Gen.Select(PayGenerators.Plans, PayGenerators.Activities).Sample((plan, activity) =>
        {
            var first = PayJson.Write(PayCalculator.Calculate(plan, activity));
            // From the activity as it would be stored and read back, too.
            var replayed = PayJson.Write(PayCalculator.Calculate(plan, PayJson.ReadActivity(PayJson.Write(activity)).Value));

            Assert.Equal(first, replayed);
        }, iter: 500);
    }

    [Fact]
    public void A_period_calculated_in_parallel_stores_what_one_calculated_after_another_would_and_its_inputs_derive_it_again()
    {
        // A period's worth of employees at once, as period close calculates a batch of them side by side.
        Gen.Select(PayGenerators.Plans, PayGenerators.Activities).Array[20, 80].Sample(people =>
        {
            var sequential = people.Select(p => Rapport.Pay.PeriodHandlers.Compute(p.Item1, p.Item2)).ToArray();
            var parallel = new Rapport.Pay.PeriodHandlers.Computed[people.Length];
            Parallel.For(0, people.Length, i => parallel[i] = Rapport.Pay.PeriodHandlers.Compute(people[i].Item1, people[i].Item2));

            for (var i = 0; i < people.Length; i++)
            {
                var (plan, activity) = people[i];
                Assert.Equal(sequential[i].Lines, parallel[i].Lines);
                Assert.Equal(sequential[i].Inputs, parallel[i].Inputs);
                Assert.Equal(sequential[i].Hash, parallel[i].Hash);
                Assert.Equal(PayJson.Hash(PayCalculator.Calculate(plan, activity)), parallel[i].Hash);
                // What verification does with a stored statement: calculate again from the stored inputs.
                Assert.Equal(parallel[i].Hash, PayJson.Hash(PayCalculator.Calculate(plan, PayJson.ReadActivity(parallel[i].Inputs).Value)));
            }
        }, iter: 20);
    }

    [Fact]
    public void A_plan_reads_back_from_its_document_as_it_was()
    {
        PayGenerators.Plans.Sample(plan =>
        {
            var read = PlanDocument.Parse(PlanDocument.Write(plan));

            Assert.True(read.IsSuccess, string.Join("; ", read.Errors.Select(e => e.Message)));
            Assert.Equal(plan, read.Value);
        }, iter: 2_000);
    }

    [Fact]
    public void A_statement_reads_back_from_its_canonical_json_with_the_same_hash()
    {
        Gen.Select(PayGenerators.Plans, PayGenerators.Activities).Sample((plan, activity) =>
        {
            var statement = PayCalculator.Calculate(plan, activity);
            var read = PayJson.ReadStatement(PayJson.Write(statement));

            Assert.True(read.IsSuccess, string.Join("; ", read.Errors.Select(e => e.Message)));
            Assert.Equal(PayJson.Hash(statement), PayJson.Hash(read.Value));
        }, iter: 300);
    }
}
