using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>The quotas of a scope for one period, with what its people won against them.</summary>
public sealed record ScopeQuota(
    ScopeKind Kind, Guid? Id, string Name, string Period, string PeriodLabel, decimal Amount, int NewDeals, decimal Won, int NewDealsWon,
    decimal? Attainment, string BaseCurrency, IReadOnlyList<MemberQuota> Members);

/// <summary>
/// Quotas: set per employee for a month or a quarter, read by whoever may read the employee's figures
/// (<see cref="SalesScopes"/>). A team's quota is the sum of its people's; attainment is the won amount credited in
/// the period (through the credit splits) divided by the quota.
/// </summary>
public sealed class QuotaHandlers(RapportDb db, SalesScopes scopes, CreditSums sums, CurrencyConverter converter)
{
    public async Task<List<QuotaRow>> ListAsync(Viewer viewer, Guid? employeeId, SalesPeriod? period, CancellationToken ct = default)
    {
        var readable = scopes.ReadableEmployees(viewer);
        var query = db.Set<Quota>().AsNoTracking().Where(q => readable.Contains(q.EmployeeId));
        if (employeeId is { } e)
        {
            query = query.Where(q => q.EmployeeId == e);
        }

        if (period is { } p)
        {
            query = query.Where(q => q.Start <= p.End && q.End >= p.Start);
        }

        var quotas = await query.OrderBy(q => q.Start).ThenBy(q => q.EmployeeId).Take(5000).ToListAsync(ct);
        return await RowsAsync(quotas, ct);
    }

    public async Task<QuotaRow?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var readable = scopes.ReadableEmployees(viewer);
        var quota = await db.Set<Quota>().AsNoTracking().Where(q => q.Id == id && readable.Contains(q.EmployeeId)).FirstOrDefaultAsync(ct);
        return quota is null ? null : (await RowsAsync([quota], ct))[0];
    }

    private async Task<List<QuotaRow>> RowsAsync(List<Quota> quotas, CancellationToken ct)
    {
        var people = quotas.Select(q => q.EmployeeId).Distinct().ToList();
        var names = await db.Employees.Where(e => people.Contains(e.Id)).Select(e => new { e.Id, e.FullName }).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        var currency = await converter.BaseCurrencyAsync(ct);
        var rows = new List<QuotaRow>();
        foreach (var span in quotas.GroupBy(q => (q.Start, q.End)))
        {
            var won = await WonAsync([.. span.Select(q => q.EmployeeId)], span.Key.Start, span.Key.End, ct);
            rows.AddRange(span.Select(q =>
            {
                var (amount, deals) = won.GetValueOrDefault(q.EmployeeId);
                var period = q.Period;
                return new QuotaRow(q.Id, q.EmployeeId, names.GetValueOrDefault(q.EmployeeId, ""), q.Kind, period.Code, period.Label, q.Start, q.End,
                    q.Amount, q.NewDeals, amount, deals, Growth.Share(amount, q.Amount), currency, q.Version);
            }));
        }

        return [.. rows.OrderBy(r => r.Start).ThenBy(r => r.EmployeeName, StringComparer.CurrentCulture)];
    }

    /// <summary>The won amount and new-business deals credited to each of these people with a close date in [from, to].</summary>
    internal async Task<Dictionary<Guid, (decimal Amount, int NewDeals)>> WonAsync(IReadOnlyCollection<Guid>? people, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var groups = await sums.SumAsync(CreditSpan.Of(from, to, DealOutcome.Won), people, perEmployee: true, ct);
        return groups.GroupBy(g => g.Key.EmployeeId!.Value).ToDictionary(g => g.Key,
            g => (g.Sum(x => x.Amount), g.Where(x => x.Key.NewBusiness == true).Sum(x => x.Deals)));
    }

    /// <summary>The quotas of a scope's people for a period (a team's or everyone's), with their won amounts and what the viewer may change.</summary>
    public async Task<ScopeQuota> ForScopeAsync(Viewer viewer, SalesScope scope, SalesPeriod period, CancellationToken ct = default)
    {
        var readable = scopes.ReadableEmployees(viewer);
        var people = db.Employees.AsNoTracking().Where(e => readable.Contains(e.Id) && e.Status == EmployeeStatus.Active && e.Capacity > 0);
        if (scope.Members is { } members)
        {
            people = people.Where(e => members.Contains(e.Id));
        }

        var list = await people.OrderBy(e => e.SearchName).Select(e => new { e.Id, e.FullName, e.Capacity }).Take(2000).ToListAsync(ct);
        var ids = list.Select(e => e.Id).ToList();
        var quotas = await db.Set<Quota>().AsNoTracking().Where(q => ids.Contains(q.EmployeeId) && q.Start <= period.End && q.End >= period.Start)
            .ToListAsync(ct);
        var won = await WonAsync(ids, period.Start, period.End, ct);
        var rows = new List<MemberQuota>();
        foreach (var e in list)
        {
            var own = quotas.Where(q => q.EmployeeId == e.Id).ToList();
            var (amount, deals) = QuotaMath.In(period, own.Select(q => (q.Kind, q.Start, q.Amount, q.NewDeals)));
            var exact = own.FirstOrDefault(q => q.Start == period.Start && q.End == period.End);
            var (wonAmount, wonDeals) = won.GetValueOrDefault(e.Id);
            rows.Add(new MemberQuota(e.Id, e.FullName, e.Capacity, exact?.Id, own.Count == 0 ? null : own[0].Period.Code, amount,
                exact is not null ? exact.NewDeals : own.Count == 0 ? null : (int)Math.Round(deals, MidpointRounding.AwayFromZero),
                wonAmount, wonDeals, Growth.Share(wonAmount, amount), exact?.Version ?? 0,
                (exact is not null || own.Count == 0) && period.Kind != PeriodKind.Year && await scopes.MaySetQuotaAsync(viewer, e.Id, ct)));
        }

        var total = rows.Sum(r => r.Amount);
        var totalWon = rows.Sum(r => r.Won);
        return new ScopeQuota(scope.Kind, scope.Id, scope.Name, period.Code, period.Label, total, rows.Sum(r => r.NewDeals ?? 0), totalWon,
            rows.Sum(r => r.NewDealsWon), Growth.Share(totalWon, total), await converter.BaseCurrencyAsync(ct), rows);
    }

    /// <summary>
    /// Sets several quotas at once (the team's form), all or nothing: the errors name the row they belong to
    /// (<see cref="Error.Field"/> is "index.Field"), and when there is any, nothing is saved.
    /// </summary>
    public async Task<Result> SetManyAsync(Viewer viewer, IReadOnlyList<QuotaInput> inputs, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var seen = new HashSet<(Guid?, string?)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!seen.Add((input.EmployeeId, SalesPeriod.Parse(input.Period)?.Code)))
            {
                errors.Add(Error.Invalid($"{i}.{nameof(QuotaInput.Period)}", DealTexts.ValidationQuotaTwice));
                continue;
            }

            var result = await SetAsync(viewer, input, ct);
            errors.AddRange(result.Errors.Select(e => e with { Field = $"{i}.{e.Field ?? nameof(QuotaInput.Amount)}" }));
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Result.Fail([.. errors]);
        }

        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>Sets an employee's quota for a month or a quarter: a new one, or the one of exactly that period changed.</summary>
    public async Task<Result<Guid>> SetAsync(Viewer viewer, QuotaInput input, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        var period = SalesPeriod.Parse(input.Period);
        if (period is not { Kind: PeriodKind.Month or PeriodKind.Quarter })
        {
            errors.Add(Error.Invalid(nameof(QuotaInput.Period), DealTexts.ValidationQuotaPeriod));
        }

        if (input.Amount is not { } amount || amount < 0)
        {
            errors.Add(Error.Invalid(nameof(QuotaInput.Amount), input.Amount is null ? string.Format(CultureInfo.CurrentCulture, Texts.ValidationRequired, DealTexts.FieldQuotaAmount)
                : DealTexts.ValidationNotNegativeAmount));
        }

        if (input.NewDeals is < 0)
        {
            errors.Add(Error.Invalid(nameof(QuotaInput.NewDeals), string.Format(CultureInfo.CurrentCulture, DealTexts.ValidationNotNegative, DealTexts.FieldQuotaNewDeals)));
        }

        var employee = input.EmployeeId is { } id
            ? await db.Employees.Where(e => e.Id == id).Select(e => new { e.Id, e.FullName }).FirstOrDefaultAsync(ct)
            : null;
        if (employee is null)
        {
            errors.Add(Error.Invalid(nameof(QuotaInput.EmployeeId), DealTexts.ValidationQuotaEmployeeUnknown));
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.Fail([.. errors]);
        }

        if (!await scopes.MaySetQuotaAsync(viewer, employee!.Id, ct))
        {
            return new Error(ErrorKind.Forbidden, viewer.EmployeeId == employee.Id ? DealTexts.ErrorQuotaOwn : DealTexts.ErrorQuotaNotYourTeam);
        }

        var p = period!.Value;
        var existing = await db.Set<Quota>().Where(q => q.EmployeeId == employee.Id && q.Start <= p.End && q.End >= p.Start).ToListAsync(ct);
        if (existing.FirstOrDefault(q => q.Start != p.Start || q.End != p.End) is { } other)
        {
            return Error.Invalid(nameof(QuotaInput.Period),
                string.Format(CultureInfo.CurrentCulture, DealTexts.ValidationQuotaOverlaps, employee.FullName, other.Period.Label));
        }

        var quota = existing.FirstOrDefault();
        if (quota is null)
        {
            if (input.Version != 0)
            {
                return Error.StaleVersion();
            }

            quota = new Quota { EmployeeId = employee.Id, Kind = p.Kind, Start = p.Start, End = p.End };
            db.Add(quota);
        }
        else if (quota.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        quota.Amount = Money.Round(input.Amount!.Value);
        quota.NewDeals = input.NewDeals;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing.Count == 0)
        {
            // Someone set the same person's quota for the same period a moment ago: theirs stands.
            return Error.StaleVersion();
        }

        return quota.Id;
    }
}
