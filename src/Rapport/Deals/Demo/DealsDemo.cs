using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals.Demo;

/// <summary>
/// The deals of the demo: a catalogue of what the demo company sells, and two years of deals on the client base's
/// accounts — won ones spread over the last 24 months (more in the last twelve, so growth has something to show),
/// lost ones with their reasons, open ones in every stage closing in the coming months, some with product lines,
/// some shared between two managers, buying committees from the accounts' contacts, payments and a few credit notes.
/// Planned by <see cref="DealsPlanner"/> and written in bulk, with the events the commands would have written as each
/// deal went through its stages (created, moved, split, won or lost, paid), dated when each happened.
/// </summary>
public sealed class DealsDemo(RapportDb db, TimeProvider clock, CurrencyConverter converter) : IDemoPart
{
    public string Name => "deals";

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Deals.AnyAsync(ct);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var stages = await db.Stages.AsNoTracking().Where(s => s.PipelineId == DealDefaults.DefaultPipelineId && !s.Archived)
            .OrderBy(s => s.Position).ToListAsync(ct);
        var reasons = await db.LostReasons.AsNoTracking().Where(r => !r.Archived).OrderBy(r => r.Position).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking()
            .Select(a => new DemoAccount(a.Id, a.Name, a.Status, a.OwnerId)).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.Status == ContactStatus.Active)
            .Select(c => new DemoContact(c.Id, c.AccountId, c.FullName, c.Email, c.Role)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).Select(u => new { u.Id, EmployeeId = u.EmployeeId!.Value, u.Email })
            .ToListAsync(ct);
        var employees = await db.Employees.AsNoTracking().Select(e => new { e.Id, e.Email, e.Status }).ToListAsync(ct);
        var active = employees.Where(e => e.Status == EmployeeStatus.Active).Select(e => e.Id).ToHashSet();
        var signIns = users.GroupBy(u => u.EmployeeId).ToDictionary(g => g.Key, g => g.MinBy(u => u.Id)!);

        // A command records its user's e-mail as the actor; those without a sign-in are named by their work address.
        var actors = employees.ToDictionary(e => e.Id, e => signIns.GetValueOrDefault(e.Id)?.Email ?? e.Email ?? "");
        var rates = await converter.RatesAsync(ct);
        var baseCurrency = await converter.BaseCurrencyAsync(ct);

        var planner = new DealsPlanner(demo.Random, demo.Staff, demo.Now, stages, reasons, active,
            signIns.ToDictionary(p => p.Key, p => (Guid?)p.Value.Id), actors,
            (amount, currency, on) => rates.Convert(amount, currency, baseCurrency, on)
                ?? throw new InvalidOperationException($"The demo has no {currency} rate for {on}."));
        var plan = planner.Plan(
            [.. accounts.OrderBy(a => a.Name, StringComparer.Ordinal)],
            [.. contacts.OrderBy(c => c.FullName, StringComparer.Ordinal).ThenBy(c => c.Email, StringComparer.Ordinal)]);
        demo.Progress?.Report(0.4);

        // Numbers in the order the deals were made, as the counter would have handed them out; the plan counts from 1.
        var last = await DealHandlers.NextNumbersAsync(db, plan.Deals.Count, ct);
        plan.Deals.ForEach(d => d.Number += last - plan.Deals.Count);

        await using (var writer = new BulkWriter(db, db.Actor, clock))
        {
            plan.Products.ForEach(writer.Add);
            plan.Products.SelectMany(p => p.Prices).ToList().ForEach(writer.Add);
            plan.Deals.ForEach(writer.Add);
            plan.Deals.SelectMany(d => d.Lines).ToList().ForEach(writer.Add);
            plan.Deals.SelectMany(d => d.Splits).ToList().ForEach(writer.Add);
            plan.Deals.SelectMany(DealCredit.Of).ToList().ForEach(writer.Add);
            plan.Deals.SelectMany(d => d.Contacts).ToList().ForEach(writer.Add);
            plan.Payments.ForEach(writer.Add);
            Quotas(plan.Deals, DateOnly.FromDateTime(demo.Now), demo.Random).ForEach(writer.Add);

            // In the order they happened, so that the log's ids follow time as they do when the commands write them.
            plan.Events.ForEach(writer.Add);
            plan.Events.SelectMany(DealEventPerson.Of).ToList().ForEach(writer.Add);
            await writer.FlushAsync(ct);
        }

        demo.Progress?.Report(1);
    }

    /// <summary>
    /// A quarter quota for each person credited with won deals, from two years back to the next quarter: what they won
    /// in the quarter a year before (or their average quarter), nine tenths to a fifth more, in round thousands — so
    /// attainment on the forecast and the ranking lands on both sides of 100 %.
    /// </summary>
    private static List<Quota> Quotas(List<Deal> deals, DateOnly today, Random random)
    {
        static DateOnly QuarterOf(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        var credited = deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedOn is not null)
            .SelectMany(d => d.Splits.Select(s => (s.EmployeeId, Quarter: QuarterOf(d.ClosedOn!.Value), Amount: d.AmountBase * s.Percent / 100m)))
            .GroupBy(x => (x.EmployeeId, x.Quarter))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        var current = QuarterOf(today);
        var quotas = new List<Quota>();
        foreach (var person in credited.Keys.Select(k => k.EmployeeId).Distinct().Order())
        {
            var average = credited.Where(c => c.Key.EmployeeId == person).Average(c => c.Value);
            for (var quarter = current.AddMonths(-24); quarter <= current.AddMonths(3); quarter = quarter.AddMonths(3))
            {
                var basis = credited.GetValueOrDefault((person, quarter.AddMonths(-12)), average);
                var amount = Math.Max(1_000m, Math.Round(basis * random.Next(90, 121) / 100m / 1_000m, MidpointRounding.AwayFromZero) * 1_000m);
                quotas.Add(new Quota { EmployeeId = person, Kind = PeriodKind.Quarter, Start = quarter, End = quarter.AddMonths(3).AddDays(-1), Amount = amount, Version = 1 });
            }
        }

        return quotas;
    }
}

/// <summary>An account of the client base as the deals demo sees it.</summary>
public sealed record DemoAccount(Guid Id, string Name, AccountStatus Status, Guid OwnerId);

/// <summary>An active contact of an account, who may sit on a buying committee.</summary>
public sealed record DemoContact(Guid Id, Guid AccountId, string FullName, string? Email, string Role);

/// <summary>The deals demo as planned: products, deals (with lines, splits and committees), payments and events in time order.</summary>
public sealed record DealsPlan(List<Product> Products, List<Deal> Deals, List<DealPayment> Payments, List<DealEvent> Events);
