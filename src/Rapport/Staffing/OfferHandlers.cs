using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Pay;
using Rapport.Pay.Engine;
using Rapport.People;
using Rapport.Shared;
using PayFacts = Rapport.Pay.Engine.EmployeeFacts;

namespace Rapport.Staffing;

public sealed class SalaryBenchmarkInput
{
    [Display(Name = nameof(StaffingTexts.FieldRegion), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(SalaryBenchmark.RegionLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Region { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldCompanySize), ResourceType = typeof(StaffingTexts))]
    public CompanySize CompanySize { get; set; } = CompanySize.Medium;

    [Display(Name = nameof(StaffingTexts.FieldYear), ResourceType = typeof(StaffingTexts))]
    [Range(2000, 2100, ErrorMessageResourceName = nameof(StaffingTexts.ValidationYear), ErrorMessageResourceType = typeof(StaffingTexts))]
    public int Year { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldLow), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Low { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldMedian), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Median { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldHigh), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public decimal? High { get; set; }

    [Display(Name = nameof(StaffingTexts.FieldSource), ResourceType = typeof(StaffingTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(SalaryBenchmark.SourceLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Source { get; set; }
}

public sealed class OfferInput
{
    /// <summary>The monthly credited sales the earnings are worked out for; the company's median per account manager when left empty.</summary>
    [Display(Name = nameof(StaffingTexts.FieldExpectedSales), ResourceType = typeof(StaffingTexts))]
    [Range(typeof(decimal), "0", "100000000", ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public decimal? ExpectedSales { get; set; }

    /// <summary>Needed when a must-have failed: making the offer moves the candidate on, which is an override.</summary>
    [Display(Name = nameof(StaffingTexts.FieldReason), ResourceType = typeof(StaffingTexts))]
    [StringLength(StaffingLogEntry.ReasonLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Reason { get; set; }

    public long Version { get; set; }
}

public sealed record SalaryBenchmarkRow(Guid Id, string Region, CompanySize CompanySize, int Year, string Currency, decimal Low, decimal Median, decimal High,
    string Source, long Version);

/// <summary>
/// What a candidate would earn in a month from the vacancy's plan: the base at the minimum wage in force (or as the plan
/// sets it) and the commission on the expected sales, with the plan's own lines; beside the market's salaries.
/// </summary>
public sealed record OfferPreview(string? Plan, string Currency, decimal ExpectedSales, bool SalesFromCompany, decimal Base, decimal Commission,
    decimal Total, IReadOnlyList<PayLine> Lines, IReadOnlyList<SalaryBenchmarkRow> Benchmarks, IReadOnlyList<OfferRow> Made);

public sealed record OfferRow(DateTime MadeAt, string MadeBy, decimal ExpectedSales, decimal Base, decimal ExpectedCommission, decimal Total, string Currency);

/// <summary>Offers with expected earnings from the vacancy's pay plan, and the salary benchmark table HR keeps. Recruiters only.</summary>
public sealed class OfferHandlers(RapportDb db, PayInputs inputs, CandidateHandlers candidates, TimeProvider clock)
{
    public Task<List<SalaryBenchmarkRow>> BenchmarksAsync(CancellationToken ct = default) =>
        db.SalaryBenchmarks.AsNoTracking().OrderBy(b => b.Region).ThenBy(b => b.CompanySize).ThenByDescending(b => b.Year)
            .Select(b => new SalaryBenchmarkRow(b.Id, b.Region, b.CompanySize, b.Year, b.Currency, b.Low, b.Median, b.High, b.Source, b.Version))
            .ToListAsync(ct);

    public async Task<Result<Guid>> AddBenchmarkAsync(Viewer viewer, SalaryBenchmarkInput input, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var (low, median, high) = (input.Low!.Value, input.Median!.Value, input.High!.Value);
        if (low < 0 || low > median || median > high)
        {
            return Error.Invalid(nameof(SalaryBenchmarkInput.Median), StaffingTexts.ValidationBenchmarkOrder);
        }

        if (!Enum.IsDefined(input.CompanySize))
        {
            return Error.Invalid(nameof(SalaryBenchmarkInput.CompanySize), StaffingTexts.ValidationCompanySize);
        }

        var region = input.Region!.Trim();
        if (await db.SalaryBenchmarks.AnyAsync(b => b.Region == region && b.CompanySize == input.CompanySize && b.Year == input.Year, ct))
        {
            return Error.Invalid(nameof(SalaryBenchmarkInput.Region), StaffingTexts.ValidationBenchmarkTaken);
        }

        var currency = await db.Organisations.AsNoTracking().Select(o => o.BaseCurrency).FirstOrDefaultAsync(ct) ?? "EUR";
        var row = new SalaryBenchmark
        {
            Region = region, CompanySize = input.CompanySize, Year = input.Year, Currency = currency,
            Low = Money.Round(low), Median = Money.Round(median), High = Money.Round(high), Source = input.Source!.Trim(),
        };
        db.SalaryBenchmarks.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public async Task<Result> DeleteBenchmarkAsync(Viewer viewer, Guid id, long version, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (await db.SalaryBenchmarks.FirstOrDefaultAsync(b => b.Id == id, ct) is not { } row)
        {
            return Error.NotFound(StaffingTexts.ErrorBenchmarkNotFound);
        }

        if (row.Version != version)
        {
            return Error.StaleVersion();
        }

        db.SalaryBenchmarks.Remove(row);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>The expected monthly earnings of a candidate on the vacancy's plan; null when the viewer may not see the candidate or is no recruiter.</summary>
    public async Task<Result<OfferPreview>?> PreviewAsync(Viewer viewer, Guid candidateId, decimal? expectedSales, CancellationToken ct = default)
    {
        if (!StaffingAccess.IsRecruiter(viewer)
            || await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId).Select(c => new { c.VacancyId, c.FullName })
                .FirstOrDefaultAsync(ct) is not { } candidate)
        {
            return null;
        }

        var vacancy = await db.Vacancies.AsNoTracking().Where(v => v.Id == candidate.VacancyId)
            .Select(v => new { v.PlanId, v.Region, v.CompanySize, v.Capacity }).FirstAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var from = new DateOnly(today.Year, today.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var currency = await db.Organisations.AsNoTracking().Select(o => o.BaseCurrency).FirstOrDefaultAsync(ct) ?? "EUR";
        var benchmarks = (await BenchmarksAsync(ct))
            .Where(b => b.CompanySize == vacancy.CompanySize && (vacancy.Region.Length == 0 || SearchText.Fold(b.Region) == SearchText.Fold(vacancy.Region)))
            .ToList();
        var made = await db.CandidateOffers.AsNoTracking().Where(o => o.CandidateId == candidateId).OrderByDescending(o => o.MadeAt)
            .Select(o => new OfferRow(o.MadeAt, o.MadeBy, o.ExpectedSales, o.Base, o.ExpectedCommission, o.Total, o.Currency)).ToListAsync(ct);
        var fromCompany = expectedSales is null;
        var sales = Money.Round((expectedSales ?? await MedianMonthlySalesAsync(today, ct)) * vacancy.Capacity);

        if (vacancy.PlanId is not { } planId)
        {
            return Result<OfferPreview>.Ok(new OfferPreview(null, currency, sales, fromCompany, 0, 0, 0, [], benchmarks, made));
        }

        var plan = await PlanInForceAsync(planId, today, ct);
        var facts = await inputs.FactsAsync(from, to, plan.Plan.Base.Kind == BaseKind.MinimumWage, ct);
        if (!facts.IsSuccess)
        {
            return Result<OfferPreview>.Fail([.. facts.Errors]);
        }

        var f = facts.Value;

        // A full month for someone long employed: no proration, the plan's ordinary month; the sales count as existing business,
        // the lower rate where a plan pays more for new, so the offer does not promise what may not come.
        var credit = new CreditEntry(1, CreditKind.Won, Guid.Empty, "—", StaffingTexts.ExpectedSalesLine, from, from, sales, sales, 100m, false, []);
        var activity = new PeriodActivity(from, to, f.Currency, new PayFacts(Guid.Empty, candidate.FullName, from.AddYears(-1), null), from, null, null,
            f.MinimumWage, f.WorkingDays, sales > 0 ? [credit] : [], [], [], 0m, plan.Plan.TrailingWindows.ToDictionary(w => w, _ => 100m), f.Net);
        var statement = PayCalculator.Calculate(plan.Plan, activity);
        var basePay = statement.Lines.Where(l => l.Kind == PayLineKind.Base).Sum(l => l.Amount);
        var commission = statement.Lines.Where(l => l.Kind == PayLineKind.Commission).Sum(l => l.Amount);
        return Result<OfferPreview>.Ok(new OfferPreview(plan.Name, f.Currency, sales, fromCompany, basePay, commission, statement.Total, statement.Lines,
            benchmarks, made));
    }

    /// <summary>Records the offer with its expected earnings and moves the candidate to the offer stage (an override when a must-have failed).</summary>
    public async Task<Result> MakeAsync(Viewer viewer, Guid candidateId, OfferInput input, CancellationToken ct = default)
    {
        var preview = await PreviewAsync(viewer, candidateId, input.ExpectedSales, ct);
        if (preview is null)
        {
            return Error.NotFound(StaffingTexts.ErrorCandidateNotFound);
        }

        if (!preview.IsSuccess)
        {
            return preview;
        }

        var stage = await db.Candidates.AsNoTracking().Where(c => c.Id == candidateId).Select(c => c.Stage).FirstAsync(ct);
        if (stage != CandidateStage.Offer)
        {
            var moved = await candidates.MoveAsync(viewer, candidateId, new StageInput { Stage = CandidateStage.Offer, Reason = input.Reason, Version = input.Version }, ct);
            if (!moved.IsSuccess)
            {
                return moved;
            }
        }

        var p = preview.Value;
        db.CandidateOffers.Add(new CandidateOffer
        {
            CandidateId = candidateId, Currency = p.Currency, Base = p.Base, ExpectedSales = p.ExpectedSales, ExpectedCommission = p.Commission, Total = p.Total,
            MadeAt = clock.GetUtcNow().UtcDateTime, MadeBy = db.Actor.Name,
        });
        var vacancyId = await db.Candidates.Where(c => c.Id == candidateId).Select(c => c.VacancyId).FirstAsync(ct);
        StaffingLog.Add(db, clock, StaffingLogKind.Offer, vacancyId, candidateId, value: p.Total);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>The median of what each full-time account manager was credited per month over the last twelve months.</summary>
    private async Task<decimal> MedianMonthlySalesAsync(DateOnly today, CancellationToken ct)
    {
        var since = today.AddMonths(-12);
        var perPerson = await (from s in db.DealSplits.AsNoTracking()
                               join d in db.Deals on s.DealId equals d.Id
                               join e in db.Employees on s.EmployeeId equals e.Id
                               where d.Outcome == DealOutcome.Won && d.CloseOn >= since && d.CloseOn <= today && e.Capacity >= 1m
                               select new { s.EmployeeId, d.AmountBase, s.Percent }).ToListAsync(ct);
        var totals = perPerson.GroupBy(x => x.EmployeeId).Select(g => g.Sum(x => x.AmountBase * x.Percent / 100m) / 12m).Order().ToList();
        return totals.Count == 0 ? 0m : Money.Round(totals.Count % 2 == 1 ? totals[totals.Count / 2] : (totals[totals.Count / 2 - 1] + totals[totals.Count / 2]) / 2m);
    }

    private async Task<(string Name, PayPlan Plan)> PlanInForceAsync(Guid planId, DateOnly on, CancellationToken ct)
    {
        var name = await db.CompPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Name).FirstAsync(ct);
        var versions = await db.CompPlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderBy(v => v.EffectiveFrom)
            .Select(v => new { v.EffectiveFrom, v.Document }).ToListAsync(ct);
        var version = versions.LastOrDefault(v => v.EffectiveFrom <= on) ?? versions[0];
        return (name, PlanDocument.Parse(version.Document).Value);
    }
}
