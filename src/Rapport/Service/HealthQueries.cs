using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>
/// Reads what account health is computed from, a batch of accounts at a time, computes it, and keeps
/// <see cref="Account.Health"/> for lists to filter and sort on. The stored value is written with plain UPDATEs: it
/// is derived, so it neither bumps an account's version nor enters the audit log.
/// </summary>
public sealed class HealthQueries(RapportDb db, BuyingRoleCatalog roles, IOptions<StrengthOptions> strength, TimeProvider clock)
{
    public const int BatchSize = 1_000;

    /// <summary>The health of an account the viewer sees, computed now; null when it is not theirs to see.</summary>
    public async Task<HealthReport?> ForAccountAsync(Viewer viewer, Guid accountId, CancellationToken ct = default)
    {
        if (!await db.Accounts.Where(a => a.Id == accountId).VisibleTo(db, viewer).AnyAsync(ct))
        {
            return null;
        }

        return (await ComputeAsync([accountId], ct)).GetValueOrDefault(accountId);
    }

    /// <summary>
    /// The least healthy of the accounts the viewer looks after (owns or coordinates; a head of sales, the team's), by
    /// stored health, below the watch band.
    /// </summary>
    public Task<List<AccountAtRisk>> AtRiskAsync(Viewer viewer, int take = 5, CancellationToken ct = default) =>
        db.Accounts.AsNoTracking().EditableBy(db, viewer)
            .Where(a => a.Health >= 0 && a.Health < AccountHealth.WatchFrom && a.Status != AccountStatus.Former)
            .OrderBy(a => a.Health).ThenBy(a => a.Id)
            .Select(a => new AccountAtRisk(a.Id, a.Name, a.Health, a.Owner!.FullName))
            .Take(take).ToListAsync(ct);

    /// <summary>The health of these accounts now (an account not in the database is left out).</summary>
    public Task<IReadOnlyDictionary<Guid, HealthReport>> ComputeAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        ComputeAsync(ids, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<IReadOnlyDictionary<Guid, HealthReport>> ComputeAsync(IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var required = (await roles.GetAsync(ct)).Required;

        var strongest = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.StrongestUntil }).ToDictionaryAsync(a => a.Id, a => a.StrongestUntil, ct);

        // Coverage as AccountSignals counts it: warm relationships of active contacts with our active people. The
        // required roles are picked here, not in SQL: with them there, SQLite (it keeps no statistics) walked the role
        // index over every contact holding one instead of the batch's accounts' contacts (docs/benchmarks.md).
        var covered = (await (from r in db.Relationships.AsNoTracking()
                              join c in db.Contacts on r.ContactId equals c.Id
                              join e in db.Employees on r.EmployeeId equals e.Id
                              where ids.Contains(c.AccountId) && r.WarmUntil > now
                                  && c.Status == ContactStatus.Active && e.Status == EmployeeStatus.Active
                              select new { c.AccountId, c.Role }).Distinct().ToListAsync(ct))
            .Where(x => required.Contains(x.Role))
            .GroupBy(x => x.AccountId).ToDictionary(g => g.Key, g => g.Count());

        var cases = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.AccountId) && (c.Status == CaseStatus.New || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingOnClient))
            .GroupBy(c => c.AccountId)
            .Select(g => new
            {
                g.Key,
                Open = g.Count(),
                Breached = g.Count(c => c.SlaDueAt <= now),
                Near = g.Count(c => c.SlaDueAt > now && c.SlaNearAt <= now),
            })
            .ToDictionaryAsync(x => x.Key, ct);

        // The renewal date is compared here, not in SQL: with it there, SQLite walked (Status, RenewsOn) over every
        // running service instead of the batch's accounts' ones.
        var renewals = (await db.Subscriptions.AsNoTracking()
                .Where(s => ids.Contains(s.AccountId) && s.Status == SubscriptionStatus.Active)
                .Select(s => new { s.AccountId, s.RenewsOn, s.RenewalDealId }).ToListAsync(ct))
            .Where(s => s.RenewsOn != null && s.RenewalDealId == null)
            .GroupBy(s => s.AccountId).ToDictionary(g => g.Key, g => g.Min(s => s.RenewsOn));

        // Sums of decimals are taken here: SQLite cannot add decimals in SQL.
        var yearAgo = today.AddDays(-365);
        var twoYearsAgo = today.AddDays(-730);
        var revenue = (await db.Deals.AsNoTracking()
                .Where(d => ids.Contains(d.AccountId) && d.Outcome == DealOutcome.Won && d.ClosedOn >= twoYearsAgo && d.ClosedOn <= today)
                .Select(d => new { d.AccountId, d.ClosedOn, d.AmountBase }).ToListAsync(ct))
            .ToLookup(d => d.AccountId);

        var options = strength.Value;
        return strongest.ToDictionary(a => a.Key, a =>
        {
            var open = cases.GetValueOrDefault(a.Key);
            var won = revenue[a.Key].ToList();
            var inputs = new HealthInputs(
                RelationshipStrength.AtUnitInstant(a.Value, now, options),
                required.Count,
                covered.GetValueOrDefault(a.Key),
                open?.Open ?? 0,
                open?.Breached ?? 0,
                open?.Near ?? 0,
                renewals.GetValueOrDefault(a.Key),
                won.Where(d => d.ClosedOn > yearAgo).Sum(d => d.AmountBase),
                won.Where(d => d.ClosedOn <= yearAgo).Sum(d => d.AmountBase));
            return AccountHealth.Compute(inputs, today);
        });
    }

    /// <summary>Recomputes and stores the health of these accounts.</summary>
    public async Task RefreshAsync(IEnumerable<Guid> accountIds, CancellationToken ct = default)
    {
        foreach (var chunk in accountIds.Distinct().Chunk(BatchSize))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await WriteAsync(await ComputeAsync(chunk, now, ct), now, ct);
        }
    }

    /// <summary>Recomputes every account's health computed before <paramref name="before"/> (all when null); returns how many.</summary>
    public async Task<int> RefreshAllAsync(DateTime? before = null, CancellationToken ct = default)
    {
        Guid? after = null;
        var seen = 0;
        while (true)
        {
            var query = db.Accounts.AsNoTracking();
            if (after is { } last)
            {
                query = query.Where(a => a.Id > last);
            }

            if (before is { } instant)
            {
                query = query.Where(a => a.HealthAt < instant);
            }

            var ids = await query.OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return seen;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            await WriteAsync(await ComputeAsync(ids, now, ct), now, ct);
            after = ids[^1];
            seen += ids.Count;
        }
    }

    /// <summary>
    /// Stores the scores computed at <paramref name="computedAt"/>, except over a score computed later: two refreshes
    /// of one account (a change's and another's, or the daily one) may finish in either order, and the later read wins.
    /// One UPDATE per score in the batch: at most 101, whatever the batch's size.
    /// </summary>
    private async Task WriteAsync(IReadOnlyDictionary<Guid, HealthReport> reports, DateTime computedAt, CancellationToken ct)
    {
        foreach (var group in reports.GroupBy(r => r.Value.Score, r => r.Key))
        {
            var ids = group.ToList();
            var score = group.Key;
            await db.Accounts.Where(a => ids.Contains(a.Id) && a.HealthAt <= computedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Health, score).SetProperty(a => a.HealthAt, computedAt), ct);
        }
    }
}

/// <summary>An account at risk, as Home lists it.</summary>
public sealed record AccountAtRisk(Guid Id, string Name, int Health, string OwnerName);

/// <summary>Accounts whose health a change may have moved, waiting for <see cref="HealthRefreshService"/>.</summary>
public sealed class HealthRequests
{
    private readonly Channel<Guid> _accounts = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(IEnumerable<Guid> accountIds)
    {
        foreach (var id in accountIds)
        {
            _accounts.Writer.TryWrite(id);
        }
    }

    /// <summary>Waits for a first account, then takes every one queued by then.</summary>
    internal async Task<HashSet<Guid>> TakeAsync(CancellationToken ct)
    {
        var taken = new HashSet<Guid> { await _accounts.Reader.ReadAsync(ct) };
        DrainInto(taken);
        return taken;
    }

    /// <summary>Adds every account queued by now.</summary>
    internal void DrainInto(HashSet<Guid> taken)
    {
        while (_accounts.Reader.TryRead(out var id))
        {
            taken.Add(id);
        }
    }
}

/// <summary>
/// Queues the accounts a saved change touches (a case, a subscription, a deal, an interaction, a contact) for a
/// health refresh, once the change is saved.
/// </summary>
internal sealed class HealthInterceptor(HealthRequests requests) : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<DbContext, Guid[]> _pending = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context, saved: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, saved: true);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context, saved: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var accounts = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                ServiceCase c => c.AccountId,
                Subscription s => s.AccountId,
                Deal d => d.AccountId,
                Interaction i => i.AccountId,
                Contact c => c.AccountId,
                _ => Guid.Empty,
            })
            .Where(id => id != Guid.Empty).Distinct().ToArray();
        if (accounts.Length > 0)
        {
            _pending[context] = accounts;
        }
    }

    private void Release(DbContext? context, bool saved)
    {
        if (context is not null && _pending.TryRemove(context, out var accounts) && saved)
        {
            requests.Request(accounts);
        }
    }
}

/// <summary>
/// Keeps stored health current: the accounts a change touched a moment after it is saved, and every account once a
/// day, because time alone moves health (relationships cool, renewals come due, SLA targets pass). At start-up it
/// computes what was never computed or is older than a day.
/// </summary>
public sealed class HealthRefreshService(IServiceScopeFactory scopes, HealthRequests requests, TimeProvider clock, ILogger<HealthRefreshService> log)
    : BackgroundService
{
    private static readonly TimeSpan Daily = TimeSpan.FromDays(1);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(q => q.RefreshAllAsync(clock.GetUtcNow().UtcDateTime - Daily, stoppingToken), "stale", stoppingToken);
            var lastFull = clock.GetUtcNow();
            var taken = requests.TakeAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = Daily - (clock.GetUtcNow() - lastFull);
                if (await Task.WhenAny(taken, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken)) == taken)
                {
                    // A moment for the rest of a burst of changes (an import, a merge) to queue its accounts too.
                    await Task.Delay(Settle, clock, stoppingToken);
                    var accounts = await taken;
                    requests.DrainInto(accounts);
                    taken = requests.TakeAsync(stoppingToken);
                    await RunAsync(async q => { await q.RefreshAsync(accounts, stoppingToken); return accounts.Count; }, "changed", stoppingToken);
                    continue;
                }

                await RunAsync(q => q.RefreshAllAsync(null, stoppingToken), "daily", stoppingToken);
                lastFull = clock.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the app; the next start computes what is older than a day.
        }
    }

    private async Task RunAsync(Func<HealthQueries, Task<int>> refresh, string why, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var count = await refresh(scope.ServiceProvider.GetRequiredService<HealthQueries>());
            if (count > 0)
            {
                log.LogInformation("Refreshed the health of {Count} accounts ({Why}) in {Seconds:0.0} s.", count, why, watch.Elapsed.TotalSeconds);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // Lists keep the older health until the next change or day; the account page computes its own.
            log.LogError(e, "Refreshing account health failed; it is tried again at the next change or day.");
        }
    }
}
