using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>
/// Keeps the stored <see cref="SearchEntry"/> tokens those <see cref="SearchTokens"/> makes today. When the way tokens
/// are made changes (as when they took their Latin form, so that either alphabet finds a name), rows written before
/// are rebuilt here from their accounts and contacts, a batch at a time in the order of their ids, with the same code
/// the <see cref="SearchIndexInterceptor"/> and the import use; a record whose tokens are already right is left alone.
/// </summary>
public sealed class SearchIndexRefresh(RapportDb db)
{
    public const int BatchSize = 1_000;

    /// <summary>Records of each kind looked at from each end of the id order to tell whether a refresh is due.</summary>
    private const int Probe = 16;

    /// <summary>
    /// Whether stored tokens disagree with the ones made today. The probe looks at both ends of the id order: the
    /// refresh goes from the first id to the last, so one that was cut short leaves the newest rows stale.
    /// </summary>
    public async Task<bool> IsStaleAsync(CancellationToken ct = default)
    {
        foreach (var descending in new[] { false, true })
        {
            var accounts = db.Accounts.AsNoTracking();
            var contacts = db.Contacts.AsNoTracking().Include(c => c.Emails).Include(c => c.Phones).AsSplitQuery();
            var accountBatch = await (descending ? accounts.OrderByDescending(a => a.Id) : accounts.OrderBy(a => a.Id)).Take(Probe).ToListAsync(ct);
            var contactBatch = await (descending ? contacts.OrderByDescending(c => c.Id) : contacts.OrderBy(c => c.Id)).Take(Probe).ToListAsync(ct);
            if ((await StaleAsync(SearchKind.Account, accountBatch, ct)).Count > 0
                || (await StaleAsync(SearchKind.Contact, contactBatch, ct)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rebuilds the tokens of every account and contact whose stored ones differ; returns how many records changed.</summary>
    public async Task<int> RunAsync(IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var seen = 0;
        void Done(int n) => progress?.Report(seen += n);
        var changed = await RunAsync(SearchKind.Account, db.Accounts.AsNoTracking(), Done, ct);
        changed += await RunAsync(SearchKind.Contact, db.Contacts.AsNoTracking().Include(c => c.Emails).Include(c => c.Phones).AsSplitQuery(), Done, ct);
        return changed;
    }

    private async Task<int> RunAsync<T>(SearchKind kind, IQueryable<T> records, Action<int> done, CancellationToken ct)
        where T : class, IAudited
    {
        Guid? after = null;
        var changed = 0;
        while (true)
        {
            // Read and written in one transaction: on SQLite it holds the write lock, so a record saved meanwhile cannot
            // have its new tokens overwritten by ones made from what was read before.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var query = after is { } from ? records.Where(r => r.Id > from) : records;
            var batch = await query.OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return changed;
            }

            var stale = await StaleAsync(kind, batch, ct);
            if (stale.Count > 0)
            {
                var ids = stale.Select(r => r.Id).ToList();
                await db.SearchEntries.Where(e => e.Kind == kind && ids.Contains(e.EntityId)).ExecuteDeleteAsync(ct);
                await using var insert = new BulkInsert<SearchEntry>(db);
                foreach (var entry in stale.SelectMany(SearchIndexInterceptor.EntriesOf))
                {
                    insert.Add(entry);
                }

                await insert.FlushAsync(ct);
                changed += stale.Count;
            }

            await transaction.CommitAsync(ct);
            after = batch[^1].Id;
            done(batch.Count);
        }
    }

    /// <summary>The records of a batch whose stored tokens are not the ones they would get now.</summary>
    private async Task<List<T>> StaleAsync<T>(SearchKind kind, List<T> batch, CancellationToken ct) where T : class, IAudited
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var ids = batch.Select(r => r.Id).ToList();
        var stored = (await db.SearchEntries.AsNoTracking().Where(e => e.Kind == kind && ids.Contains(e.EntityId))
                .Select(e => new { e.EntityId, e.Token }).ToListAsync(ct))
            .ToLookup(e => e.EntityId, e => e.Token);
        return [.. batch.Where(record =>
            !SearchIndexInterceptor.EntriesOf(record).Select(e => e.Token).ToHashSet(StringComparer.Ordinal).SetEquals(stored[record.Id]))];
    }
}

/// <summary>Runs <see cref="SearchIndexRefresh"/> in the background after start-up when stored tokens are stale.</summary>
public sealed class SearchIndexRefreshService(IServiceScopeFactory scopes, SearchIndexState state, ILogger<SearchIndexRefreshService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var refresh = scope.ServiceProvider.GetRequiredService<SearchIndexRefresh>();
            if (!await refresh.IsStaleAsync(stoppingToken))
            {
                return;
            }

            // Until it is done, search also looks words up in the form the rows not yet rebuilt have.
            state.Rebuilding = true;
            log.LogInformation("The search index has tokens of an earlier form: rebuilding them.");
            var clock = Stopwatch.StartNew();
            var changed = await refresh.RunAsync(null, stoppingToken);
            state.Rebuilding = false;
            log.LogInformation("Rebuilt the search tokens of {Changed} accounts and contacts in {Seconds:0.0} s.", changed, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the app; the next start finds the newest rows stale and goes on.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // Search still works on the rows already rebuilt, and on the others in the earlier form while Rebuilding stays on.
            log.LogError(e, "Rebuilding the search index failed; it is tried again at the next start.");
        }
    }
}
