using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Data;

namespace Rapport.ClientBase;

/// <summary>
/// Keeps <see cref="Relationship.WarmUntil"/> in step with the strength parameters. It is derived from the score with
/// the half-life, saturation and warm threshold in force when it was written, so a change to those leaves it on the
/// old ones; this recomputes it for every relationship, a batch at a time, in the order of their ids.
/// </summary>
public sealed class WarmUntilRefresh(RapportDb db, IOptions<StrengthOptions> options)
{
    public const int BatchSize = 2_000;

    /// <summary>Relationships looked at from each end of the id order to tell whether a refresh is due.</summary>
    private const int Probe = 16;

    /// <summary>
    /// Whether stored values disagree with the current parameters. The probe looks at both ends of the id order: the
    /// refresh goes from the first id to the last, so one that was cut short leaves the newest rows stale.
    /// </summary>
    public async Task<bool> IsStaleAsync(CancellationToken ct = default)
    {
        var first = await Rows(db.Relationships.OrderBy(r => r.Id).Take(Probe)).ToListAsync(ct);
        var last = await Rows(db.Relationships.OrderByDescending(r => r.Id).Take(Probe)).ToListAsync(ct);
        return first.Concat(last).Any(r => !Same(r.WarmUntil, Expected(r)));
    }

    /// <summary>Recomputes every relationship's value; returns how many changed.</summary>
    public async Task<int> RunAsync(IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var entity = db.Model.FindEntityType(typeof(Relationship))!;
        var (id, warm, table) = (entity.FindProperty(nameof(Relationship.Id))!, entity.FindProperty(nameof(Relationship.WarmUntil))!, entity.GetTableName()!);
        var sql = db.GetService<ISqlGenerationHelper>();
        var (idMapping, warmMapping) = (id.GetRelationalTypeMapping(), warm.GetRelationalTypeMapping());

        Guid? after = null;
        var (seen, changed) = (0, 0);
        while (true)
        {
            var query = db.Relationships.AsQueryable();
            if (after is { } from)
            {
                query = query.Where(r => r.Id > from);
            }

            var batch = await Rows(query.OrderBy(r => r.Id).Take(BatchSize)).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return changed;
            }

            var updates = batch.Select(r => (r.Id, r.WarmUntil, Expected: Expected(r)))
                .Where(r => !Same(r.WarmUntil, r.Expected)).Select(r => (r.Id, r.Expected)).ToList();
            if (updates.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = $"UPDATE {sql.DelimitIdentifier(table)} SET {sql.DelimitIdentifier(warm.GetColumnName())} = @warm "
                    + $"WHERE {sql.DelimitIdentifier(id.GetColumnName())} = @id";
                DbParameter warmParameter = warmMapping.CreateParameter(command, "@warm", null), idParameter = idMapping.CreateParameter(command, "@id", null);
                command.Parameters.Add(warmParameter);
                command.Parameters.Add(idParameter);
                await command.PrepareAsync(ct);
                foreach (var (rowId, value) in updates)
                {
                    warmParameter.Value = warmMapping.Converter?.ConvertToProvider(value) ?? value;
                    idParameter.Value = idMapping.Converter?.ConvertToProvider(rowId) ?? rowId;
                    await command.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                changed += updates.Count;
            }

            after = batch[^1].Id;
            seen += batch.Count;
            progress?.Report(seen);
        }
    }

    private DateTime Expected(Row r) => RelationshipStrength.WarmUntil(new StrengthState(r.Score, r.ScoreAt), options.Value);

    // PostgreSQL keeps microseconds, .NET ticks: a value read back may differ from the computed one below a millisecond.
    private static bool Same(DateTime stored, DateTime expected) => Math.Abs((stored - expected).Ticks) < TimeSpan.TicksPerMillisecond;

    private static IQueryable<Row> Rows(IQueryable<Relationship> query) =>
        query.AsNoTracking().Select(r => new Row(r.Id, r.Score, r.ScoreAt, r.WarmUntil));

    private sealed record Row(Guid Id, double Score, DateTime ScoreAt, DateTime WarmUntil);
}

/// <summary>Runs <see cref="WarmUntilRefresh"/> in the background after start-up when the parameters have changed.</summary>
public sealed class WarmUntilRefreshService(IServiceScopeFactory scopes, ILogger<WarmUntilRefreshService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var refresh = scope.ServiceProvider.GetRequiredService<WarmUntilRefresh>();
            if (!await refresh.IsStaleAsync(stoppingToken))
            {
                return;
            }

            log.LogInformation("The relationship-strength parameters changed: recomputing when each relationship stops being warm.");
            var clock = Stopwatch.StartNew();
            var changed = await refresh.RunAsync(null, stoppingToken);
            // Coverage and the strongest relationship follow when relationships stop being warm.
            scope.ServiceProvider.GetRequiredService<AccountSignalsRequests>().Request();
            log.LogInformation("Recomputed {Changed} relationships in {Seconds:0.0} s.", changed, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the app; the next start finds the newest rows stale and goes on.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The app still works without it: pages compute strength live; only the coverage filter reads stale values.
            log.LogError(e, "Recomputing when relationships stop being warm failed; it is tried again at the next start.");
        }
    }
}
