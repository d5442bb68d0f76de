using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay.Engine;
using Rapport.Shared;

namespace Rapport.Pay.Demo;

/// <summary>
/// Pay in the demo: a plan for the account managers (minimum wage base, graduated commission with a new-business rate,
/// an accelerator, retention and top-performer bonuses, clawback), one for key accounts that earns when the client
/// pays, one for coordinators without commission and one for part-timers without a base; everyone on one; the two
/// months before this one calculated, approved and locked (the earlier also exported), this month calculated with a
/// correction, and an inquiry on last month's statement that Finance has answered. Done through the handlers, as Finance
/// would, so the statements are the engine's own.
/// </summary>
public sealed class PayDemo(RapportDb db, PlanHandlers plans, PeriodHandlers periods) : IDemoPart
{
    private static readonly Viewer Finance = new(Guid.Empty, null, new HashSet<string> { Roles.Finance });

    public string Name => "pay";

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.CompPlans.AnyAsync(ct);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        // Finance's steps are the chief accountant's, as if she had clicked them.
        var accountant = demo.Staff.With(DemoRole.Finance).FirstOrDefault();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == DemoSignIns.Finance).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        using var acting = accountant is null ? null : db.ActAs(new DemoActor(user, accountant.Name));
        await SeedAsFinanceAsync(demo, ct);
    }

    private async Task SeedAsFinanceAsync(DemoContext demo, CancellationToken ct)
    {
        var currency = await db.Organisations.AsNoTracking().Select(o => o.BaseCurrency).FirstOrDefaultAsync(ct) ?? "EUR";
        var month = new DateOnly(demo.Today.Year, demo.Today.Month, 1);
        var first = month.AddMonths(-2);
        var plansFrom = first.AddYears(-1);

        var sales = await CreateAsync("Мениджър продажби", plansFrom, SalesPlan(currency), ct);
        var keyAccounts = await CreateAsync("Ключови клиенти — комисиона при плащане", plansFrom, KeyAccountPlan(currency), ct);
        var coordinators = await CreateAsync("Координатор връзки с клиенти", plansFrom, CoordinatorPlan(currency), ct);
        var partTime = await CreateAsync("Търговец на непълно работно време", plansFrom, PartTimePlan(currency), ct);
        var heads = await CreateAsync("Ръководител продажби", plansFrom, HeadPlan(currency), ct);

        var starts = await db.Employees.AsNoTracking().Select(e => new { e.Id, e.EmploymentStart }).ToDictionaryAsync(e => e.Id, e => e.EmploymentStart, ct);
        var managers = demo.Staff.With(DemoRole.AccountManager).ToList();
        foreach (var person in demo.Staff.People)
        {
            var plan = person.Role switch
            {
                DemoRole.AccountManager => managers.IndexOf(person) % 4 == 3 && person.SignIn is null ? keyAccounts : sales,
                DemoRole.Leaver => sales,
                DemoRole.HeadOfSales or DemoRole.Director => heads,
                DemoRole.Coordinator => coordinators,
                DemoRole.PartTimeAccountManager => partTime,
                _ => (Guid?)null,
            };
            if (plan is null || !starts.TryGetValue(person.Id, out var start))
            {
                continue;
            }

            var from = start > plansFrom ? start : plansFrom;
            if (person.LeftOn is { } left && left < from)
            {
                continue;
            }

            Check(await plans.AssignAsync(Finance, plan.Value, new AssignmentInput { EmployeeId = person.Id, From = from, To = person.LeftOn }, ct));
        }

        // Two closed months, then this one open, each calculated from the deal log as it stands.
        var older = await OpenAsync(first, ct);
        Check(await periods.CalculateAsync(Finance, older, null, null, ct));
        await CloseAsync(older, ct);
        _ = (await periods.ExportAsync(Finance, older, ct)).Value;

        var last = await OpenAsync(first.AddMonths(1), ct);
        Check(await periods.CalculateAsync(Finance, last, null, null, ct));
        await CloseAsync(last, ct);

        var current = await OpenAsync(month, ct);
        var manager = demo.Staff.People.FirstOrDefault(p => p.SignIn == DemoSignIns.Manager);
        if (manager is not null)
        {
            Check(await periods.AddAdjustmentAsync(Finance, current, new AdjustmentInput
            {
                EmployeeId = manager.Id, On = demo.Today, Amount = 120m, Reason = "Доплащане на комисиона за сделка, пропусната в миналия месец",
            }, ct));
        }

        Check(await periods.CalculateAsync(Finance, current, null, null, ct));
        if (manager is not null)
        {
            await InquiryAsync(demo, last, manager, ct);
        }
    }

    private async Task<Guid> CreateAsync(string name, DateOnly from, PayPlan plan, CancellationToken ct) =>
        Check(await plans.CreateAsync(Finance, new PlanInput { Name = name, EffectiveFrom = from, Document = PlanDocument.Write(plan with { Name = name }) }, ct));

    private async Task<Guid> OpenAsync(DateOnly start, CancellationToken ct) =>
        Check(await periods.OpenAsync(Finance, start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), ct));

    private async Task CloseAsync(Guid period, CancellationToken ct)
    {
        Check(await periods.ApproveAsync(Finance, period, await VersionAsync(period, ct), ct));
        Check(await periods.LockAsync(Finance, period, await VersionAsync(period, ct), ct));
    }

    private Task<long> VersionAsync(Guid period, CancellationToken ct) =>
        db.PayPeriods.AsNoTracking().Where(p => p.Id == period).Select(p => p.Version).FirstAsync(ct);

    /// <summary>The demo manager asks about their largest commission line of last month; Finance has answered.</summary>
    private async Task InquiryAsync(DemoContext demo, Guid period, DemoPerson manager, CancellationToken ct)
    {
        var statement = await db.PayStatements.AsNoTracking().Where(s => s.PeriodId == period && s.EmployeeId == manager.Id)
            .Select(s => new { s.Id, s.Lines }).FirstOrDefaultAsync(ct);
        var line = statement is null ? null : PayJson.ReadStatement(statement.Lines).Value.Lines
            .Where(l => l.Kind == PayLineKind.Commission).OrderByDescending(l => l.Amount).FirstOrDefault();
        if (statement is null || line is null)
        {
            return;
        }

        var finance = demo.Staff.With(DemoRole.Finance).FirstOrDefault();
        var asked = demo.Now.AddDays(-3);
        var inquiry = new PayInquiry
        {
            StatementId = statement.Id, EmployeeId = manager.Id, LineOrder = line.Order, Status = InquiryStatus.Answered, OpenedAt = asked,
        };
        db.PayInquiries.Add(inquiry);
        db.PayInquiryMessages.AddRange(
            new PayInquiryMessage
            {
                InquiryId = inquiry.Id, At = asked, Author = manager.Name, Text = $"Защо комисионата по {line.DealNumber} е по {line.Rate:0.##} %? "
                    + "Сделката е с нов клиент и очаквах ставката за нов бизнес.",
            },
            new PayInquiryMessage
            {
                InquiryId = inquiry.Id, At = asked.AddHours(5), Author = finance?.Name ?? "Финанси", FromFinance = true,
                Text = "Клиентът вече има спечелена сделка от миналата година, затова сделката се води съществуващ бизнес и се прилага степента по плана.",
            });
        await db.SaveChangesAsync(ct);
    }

    private sealed record DemoActor(Guid? UserId, string Name) : ICurrentActor;

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));

    private static void Check(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }

    /// <summary>Minimum wage × 1.5, graduated commission 3 / 5 / 7 % with 8 % on new business, ×1.25 from full quota, bonuses, clawback within 6 months.</summary>
    internal static PayPlan SalesPlan(string currency) => new()
    {
        Name = "Мениджър продажби", Currency = currency, Base = new BasePay(BaseKind.MinimumWage, Factor: 1.5m),
        Commission = new CommissionPlan
        {
            Method = CommissionMethod.Graduated, Tiers = [new Tier(0, 3), new Tier(20_000, 5), new Tier(50_000, 7)],
            Rates = [new RateRule("new-business", 8, Business: BusinessKind.New)], Accelerator = new Accelerator(100, 1.25m), ClawbackMonths = 6,
        },
        Retention = [new RetentionBonus("two-years", 24, 400)],
        TopPerformers = [new TopPerformerBonus("top-quarter", 3, 20, 500)],
    };

    /// <summary>A fixed base and 4 % of what key clients pay, with a guarantee for a new hire's first three months.</summary>
    internal static PayPlan KeyAccountPlan(string currency) => new()
    {
        Name = "Ключови клиенти", Currency = currency, Base = new BasePay(BaseKind.Fixed, Amount: 1_800),
        Commission = new CommissionPlan { EarnsOn = EarningPoint.Payment, Rate = 4, ClawbackMonths = 12 },
        Guarantee = new GuaranteeRule(3, 600, Recoverable: false),
    };

    /// <summary>No commission: minimum wage × 1.8 and a bonus at one year of keeping clients.</summary>
    internal static PayPlan CoordinatorPlan(string currency) => new()
    {
        Name = "Координатор", Currency = currency, Base = new BasePay(BaseKind.MinimumWage, Factor: 1.8m),
        Retention = [new RetentionBonus("one-year", 12, 300)],
    };

    /// <summary>Paid by their main job: no base here, 5 % flat on what they win.</summary>
    internal static PayPlan PartTimePlan(string currency) => new()
    {
        Name = "Непълно работно време", Currency = currency, Base = new BasePay(BaseKind.None),
        Commission = new CommissionPlan { Rate = 5, ClawbackMonths = 6 },
    };

    /// <summary>A fixed base and a retroactive override on the team's wins credited to them.</summary>
    internal static PayPlan HeadPlan(string currency) => new()
    {
        Name = "Ръководител", Currency = currency, Base = new BasePay(BaseKind.Fixed, Amount: 2_600),
        Commission = new CommissionPlan { Method = CommissionMethod.Retroactive, Tiers = [new Tier(0, 1), new Tier(30_000, 2)], ClawbackMonths = 6 },
    };
}
