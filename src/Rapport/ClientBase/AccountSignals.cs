using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.People;

namespace Rapport.ClientBase;

/// <summary>
/// Keeps an account's sort keys for the list in step with its interactions and relationships:
/// <see cref="Account.LastContactAt"/>, <see cref="Account.StrongestUntil"/> and <see cref="Account.CoveredUntil"/>.
/// They are instants, so time passing never makes them wrong; only a change of interactions, contacts, relationships,
/// employees or the required roles does, and each such change refreshes the accounts it touched. The values are
/// written with plain UPDATEs: they are derived, so they neither bump an account's version nor enter the audit log.
/// </summary>
public sealed class AccountSignals(RapportDb db, BuyingRoleCatalog roles, IOptions<StrengthOptions> options)
{
    public const int BatchSize = 1_000;

    /// <summary>Recomputes the signals of these accounts (an account not in the database is ignored).</summary>
    public async Task RefreshAsync(IEnumerable<Guid> accountIds, CancellationToken ct = default)
    {
        var required = (await roles.GetAsync(ct)).Required;
        foreach (var chunk in accountIds.Distinct().Chunk(BatchSize))
        {
            await WriteAsync([.. await ComputeAsync(chunk, required, ct)], ct);
        }
    }

    /// <summary>Recomputes every account's signals, a batch at a time in id order; returns how many accounts it read.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken ct = default)
    {
        var required = (await roles.GetAsync(ct)).Required;
        Guid? after = null;
        var seen = 0;
        while (true)
        {
            var query = db.Accounts.AsNoTracking();
            if (after is { } from)
            {
                query = query.Where(a => a.Id > from);
            }

            var ids = await query.OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return seen;
            }

            await WriteAsync([.. await ComputeAsync(ids, required, ct)], ct);
            after = ids[^1];
            seen += ids.Count;
        }
    }

    /// <summary>
    /// Whether some account's signals were never computed although it has interactions: a database from before they
    /// existed, or one filled by a writer that does not refresh them.
    /// </summary>
    public Task<bool> IsStaleAsync(CancellationToken ct = default) =>
        db.Accounts.AnyAsync(a => a.LastContactAt == Account.Never && db.Interactions.Any(i => i.AccountId == a.Id), ct);

    private async Task<IEnumerable<Signals>> ComputeAsync(IReadOnlyCollection<Guid> ids, IReadOnlyList<string> required, CancellationToken ct)
    {
        var last = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.AccountId))
            .GroupBy(i => i.AccountId).Select(g => new { g.Key, At = g.Max(i => i.OccurredAt) })
            .ToDictionaryAsync(x => x.Key, x => x.At, ct);
        // The relationships coverage counts: active contacts with our active people.
        var warm = (await (from r in db.Relationships.AsNoTracking()
                           join c in db.Contacts on r.ContactId equals c.Id
                           join e in db.Employees on r.EmployeeId equals e.Id
                           where ids.Contains(c.AccountId) && c.Status == ContactStatus.Active && e.Status == EmployeeStatus.Active
                           select new { c.AccountId, c.Role, r.WarmUntil, r.Score, r.ScoreAt }).ToListAsync(ct))
            .ToLookup(x => x.AccountId);
        return ids.Select(id =>
        {
            var relationships = warm[id].ToList();
            var strongest = relationships.Count == 0
                ? Account.Never
                : relationships.Max(r => RelationshipStrength.UnitScoreAt(new StrengthState(r.Score, r.ScoreAt), options.Value));
            // Covered until the first required role loses its last warm relationship.
            var covered = required.Count == 0
                ? Account.Never
                : required.Min(role => relationships.Where(r => r.Role == role).Select(r => r.WarmUntil).DefaultIfEmpty(Account.Never).Max());
            return new Signals(id, last.GetValueOrDefault(id, Account.Never), strongest, covered);
        });
    }

    private async Task WriteAsync(IReadOnlyList<Signals> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(Account))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new[] { nameof(Account.LastContactAt), nameof(Account.StrongestUntil), nameof(Account.CoveredUntil), nameof(Account.Id) }
            .Select(name => entity.FindProperty(name)!).ToArray();
        var owned = db.Database.CurrentTransaction is null;
        var transaction = owned ? await db.Database.BeginTransactionAsync(ct) : db.Database.CurrentTransaction!;
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"UPDATE {sql.DelimitIdentifier(entity.GetTableName()!)} SET "
                + string.Join(", ", columns[..3].Select((c, i) => $"{sql.DelimitIdentifier(c.GetColumnName())} = @p{i}"))
                + $" WHERE {sql.DelimitIdentifier(columns[3].GetColumnName())} = @p3";
            var parameters = columns.Select((c, i) => c.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", null)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                object[] values = [row.LastContactAt, row.StrongestUntil, row.CoveredUntil, row.Id];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = columns[i].GetRelationalTypeMapping().Converter?.ConvertToProvider(values[i]) ?? values[i];
                }

                await command.ExecuteNonQueryAsync(ct);
            }

            if (owned)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (owned)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private sealed record Signals(Guid Id, DateTime LastContactAt, DateTime StrongestUntil, DateTime CoveredUntil);
}

/// <summary>Requests for a full refresh of the accounts' signals, served by <see cref="AccountSignalsRefreshService"/>.</summary>
public sealed class AccountSignalsRequests
{
    // One waiting request at most: requests made while a refresh runs are all served by the one after it.
    private readonly Channel<bool> _requested = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a full refresh.</summary>
    public void Request() => _requested.Writer.TryWrite(true);

    internal async Task WaitAsync(CancellationToken ct) => await _requested.Reader.ReadAsync(ct);
}

/// <summary>
/// Refreshes every account's signals in the background: at start-up when some were never computed, and whenever a
/// change touches all accounts at once (the required roles, an employee leaving, the strength parameters).
/// </summary>
public sealed class AccountSignalsRefreshService(
    IServiceScopeFactory scopes, AccountSignalsRequests queue, ILogger<AccountSignalsRefreshService> log) : BackgroundService
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(onlyIfStale: true, stoppingToken);
            // Changes that touch many accounts ask for a run; the hourly one catches what no request names, such as an
            // employee who left (their relationships stop counting for coverage). One read waits across the loop, so a
            // request is never taken by a read nobody awaits any more.
            var requested = queue.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await Task.WhenAny(requested, Task.Delay(CatchUp, stoppingToken)) == requested)
                {
                    await requested;
                    requested = queue.WaitAsync(stoppingToken);
                }

                stoppingToken.ThrowIfCancellationRequested();
                await RunAsync(onlyIfStale: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the app; the next start refreshes what is stale.
        }
    }

    private async Task RunAsync(bool onlyIfStale, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var signals = scope.ServiceProvider.GetRequiredService<AccountSignals>();
            if (onlyIfStale && !await signals.IsStaleAsync(ct))
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            var count = await signals.RefreshAllAsync(ct);
            log.LogInformation("Refreshed the sort keys of {Count} accounts in {Seconds:0.0} s.", count, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The list still works with older keys; only its order by last contact, coverage or strength lags.
            log.LogError(e, "Refreshing the accounts' sort keys failed; it is tried again at the next change or start.");
        }
    }
}
