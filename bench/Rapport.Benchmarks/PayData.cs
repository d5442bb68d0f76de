using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.People;

namespace Rapport.Benchmarks;

/// <summary>
/// Pay on top of a generated client base with its deals: a sales plan (the minimum wage and a half, graduated
/// commission with a higher rate on new business, clawback within six months) for every account owner, a
/// coordinator's plan (a fixed base and a tenure bonus) for every other active employee, both from January 2024 and
/// running on, and the current month's pay period opened. Then an account manager's live ledger (<c>/pay</c>) is the
/// month so far computed from their won deals' events, as on a real installation.
/// </summary>
internal static class PayData
{
    private static readonly DateOnly From = new(2024, 1, 1);

    public static async Task AddAsync(BenchDatabase database, DateTime now, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        await using var db = new RapportDb(database.Options());
        var owners = (await db.Accounts.AsNoTracking().Select(a => a.OwnerId).Distinct().ToListAsync()).ToHashSet();
        var active = await db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active).Select(e => e.Id).ToListAsync();

        var sales = Plan(db, "Продажби — минимална заплата и комисиона", new PayPlan
        {
            Name = "Продажби", Currency = "EUR", Base = new BasePay(BaseKind.MinimumWage, Factor: 1.5m),
            Commission = new CommissionPlan
            {
                Method = CommissionMethod.Graduated, Tiers = [new Tier(0, 3), new Tier(20_000, 5), new Tier(50_000, 7)],
                Rates = [new RateRule("new-business", 8, Business: BusinessKind.New)], ClawbackMonths = 6,
            },
        });
        var coordinators = Plan(db, "Координация на клиенти", new PayPlan
        {
            Name = "Координация", Currency = "EUR", Base = new BasePay(BaseKind.Fixed, Amount: 1_800),
            Retention = [new RetentionBonus("two-years", 24, 150, Recurring: true)],
        });
        db.AddRange(active.Select(e => new PlanAssignment { EmployeeId = e, PlanId = owners.Contains(e) ? sales : coordinators, From = From }));

        var today = DateOnly.FromDateTime(now);
        var month = new DateOnly(today.Year, today.Month, 1);
        if (!await db.PayPeriods.AnyAsync(p => p.Start == month))
        {
            db.Add(new PayPeriod { Start = month, End = month.AddMonths(1).AddDays(-1), Status = PayPeriodStatus.Open });
        }

        await db.SaveChangesAsync();
        var onSales = active.Count(owners.Contains);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// pay: {onSales:N0} on the sales plan, {active.Count - onSales:N0} on the coordinators' plan, {month:yyyy-MM} open, in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static Guid Plan(RapportDb db, string name, PayPlan plan)
    {
        var row = new CompPlan { Name = name };
        db.Add(row);
        db.Add(new CompPlanVersion
        {
            PlanId = row.Id, Number = 1, EffectiveFrom = From, CreatedAt = DateTime.UtcNow, CreatedBy = "bench", Document = PlanDocument.Write(plan),
        });
        return row.Id;
    }

    /// <summary>The request kinds: an account manager's ledger over the API and as the page.</summary>
    public static async Task WriteUrlsAsync(string folder)
    {
        var urls = Directory.CreateDirectory(Path.Combine(folder, "urls")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(urls, "manager-ledger.txt"), ["/api/v1/compensation/me/ledger"], new UTF8Encoding(false));
        await File.WriteAllLinesAsync(Path.Combine(urls, "manager-html-pay.txt"), ["/pay"], new UTF8Encoding(false));
    }
}
