using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Data;
using Rapport.People;

namespace Rapport.Deals;

/// <summary>
/// One person's credit for a deal as the deal stands now: their share of its amount in the organisation's currency,
/// in cents by the remainder-cent rule of <see cref="Splits.Allocate"/>, beside the deal's figures the forecast and
/// the ranking group by. It is derived data, one row per <see cref="DealSplit"/>, kept by
/// <see cref="DealCreditInterceptor"/> in the SaveChanges that changes the deal or its splits (and written with them by
/// the writers that bypass the tracker), so that sums per person are a range of one covering index instead of the
/// deals joined to their splits (decision 0018). Cents rather than a decimal: both engines sum integers natively and
/// exactly, where SQLite sums decimals stored as text one by one in .NET.
/// </summary>
public sealed class DealCredit
{
    public Guid DealId { get; set; }

    public Guid EmployeeId { get; set; }

    /// <summary>The deal's <see cref="Deal.CloseOn"/>.</summary>
    public DateOnly CloseOn { get; set; }

    public DealOutcome Outcome { get; set; }

    public ForecastCategory Forecast { get; set; }

    public bool? NewBusiness { get; set; }

    public decimal Probability { get; set; }

    /// <summary>The credited amount in cents of the organisation's currency.</summary>
    public long Cents { get; set; }

    /// <summary>Days from the deal's creation (its UTC date) to <see cref="CloseOn"/>, never below 0: the cycle once won.</summary>
    public int CycleDays { get; set; }

    /// <summary>The deal's account, for growth per account.</summary>
    public Guid AccountId { get; set; }

    /// <summary>True on exactly one credit of each deal (the first by person), so that a count of these counts deals once.</summary>
    public bool Lead { get; set; }

    public decimal Amount => Cents / 100m;

    /// <summary>The credits of a deal with these splits, as the deal is now: one per share, summing to its amount to the cent.</summary>
    public static IEnumerable<DealCredit> Of(Deal deal, IEnumerable<DealSplit> splits)
    {
        var shares = splits.OrderBy(s => s.EmployeeId).Select(s => new SplitShare(s.EmployeeId, s.Percent)).ToList();
        var cycle = Math.Max(0, deal.CloseOn.DayNumber - DateOnly.FromDateTime(deal.CreatedAt).DayNumber);
        return Splits.Allocate(deal.AmountBase, shares, deal.OwnerId).Select((c, i) => new DealCredit
        {
            DealId = deal.Id, EmployeeId = c.EmployeeId, CloseOn = deal.CloseOn, Outcome = deal.Outcome, Forecast = deal.Forecast,
            NewBusiness = deal.NewBusiness, Probability = deal.Probability, Cents = (long)(c.Amount * 100m), CycleDays = cycle,
            AccountId = deal.AccountId, Lead = i == 0,
        });
    }

    /// <summary>The credits of a deal and its own <see cref="Deal.Splits"/>.</summary>
    public static IEnumerable<DealCredit> Of(Deal deal) => Of(deal, deal.Splits);
}

internal sealed class DealCreditConfiguration : IEntityTypeConfiguration<DealCredit>
{
    public void Configure(EntityTypeBuilder<DealCredit> builder)
    {
        builder.HasKey(x => new { x.DealId, x.EmployeeId });
        builder.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Forecast).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Probability).HasPrecision(5, 2);
        builder.Ignore(x => x.Amount);

        // Covering: everyone's and the company's sums over a span (outcome, then the close range, then what they group and sum).
        builder.HasIndex(x => new { x.Outcome, x.CloseOn, x.EmployeeId, x.NewBusiness, x.Forecast, x.Probability, x.Lead, x.Cents, x.CycleDays, x.AccountId });

        // Covering: a person's or a team's (each member's range of close dates).
        builder.HasIndex(x => new { x.EmployeeId, x.CloseOn, x.Outcome, x.Forecast, x.NewBusiness, x.Probability, x.Cents, x.CycleDays, x.AccountId });
        builder.HasOne<Deal>().WithMany().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Keeps <see cref="DealCredit"/> rows in step with deals and their splits, inside the same SaveChanges: a deal added,
/// a deal whose credited figures changed, or a split added, changed or removed has its credits made again from the deal
/// as it is about to be saved; a stored credit that still says the same is left alone.
/// </summary>
internal sealed class DealCreditInterceptor : SaveChangesInterceptor
{
    private static readonly HashSet<string> Credited =
    [
        nameof(Deal.CloseOn), nameof(Deal.Outcome), nameof(Deal.Forecast), nameof(Deal.NewBusiness), nameof(Deal.Probability),
        nameof(Deal.AmountBase), nameof(Deal.OwnerId), nameof(Deal.CreatedAt), nameof(Deal.AccountId),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CreditAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CreditAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    // sync: SaveChanges (not SaveChangesAsync) must load what is missing synchronously.
    private static async Task CreditAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is null)
        {
            return;
        }

        var deals = new Dictionary<Guid, EntityEntry<Deal>>();
        var touched = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Deal deal:
                    deals[deal.Id] = context.Entry(deal);
                    if (entry.State == EntityState.Added
                        || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && Credited.Contains(p.Metadata.Name))))
                    {
                        touched.Add(deal.Id);
                    }

                    break;
                case DealSplit split when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    touched.Add(split.DealId);
                    break;
            }
        }

        if (touched.Count == 0)
        {
            return;
        }

        // A removed deal takes its credits with it (the key cascades).
        var live = new List<EntityEntry<Deal>>();
        foreach (var id in touched)
        {
            if (!deals.TryGetValue(id, out var entry))
            {
                var found = sync ? context.Find<Deal>(id) : await context.FindAsync<Deal>([id], ct);
                if (found is null)
                {
                    continue;
                }

                entry = context.Entry(found);
            }

            if (entry.State != EntityState.Deleted)
            {
                live.Add(entry);
            }
        }

        var stored = new List<DealCredit>();
        var credits = context.Set<DealCredit>();
        foreach (var chunk in live.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).Chunk(500))
        {
            var query = credits.Where(c => chunk.Contains(c.DealId));
            stored.AddRange(sync ? [.. query] : await query.ToListAsync(ct));
        }

        var before = stored.ToLookup(c => c.DealId);
        foreach (var entry in live)
        {
            // The stored splits with what this save adds, changes and removes.
            var splits = entry.Collection(d => d.Splits);
            if (entry.State != EntityState.Added && !splits.IsLoaded)
            {
                if (sync)
                {
                    splits.Load();
                }
                else
                {
                    await splits.LoadAsync(ct);
                }
            }

            var current = entry.Entity.Splits.Where(s => context.Entry(s).State is not (EntityState.Deleted or EntityState.Detached));
            var fresh = DealCredit.Of(entry.Entity, current).ToDictionary(c => c.EmployeeId);
            foreach (var old in before[entry.Entity.Id])
            {
                if (!fresh.Remove(old.EmployeeId, out var now))
                {
                    credits.Remove(old);
                }
                else
                {
                    // The tracker writes only the values that differ, and nothing for a credit that still says the same.
                    context.Entry(old).CurrentValues.SetValues(now);
                }
            }

            credits.AddRange(fresh.Values);
        }
    }
}

/// <summary>
/// Makes the <see cref="DealCredit"/> rows of deals that have none for a split: after the migration that brought the
/// table in, and after any writer that left them out. A batch of deals at a time in the order of their ids.
/// </summary>
public sealed class DealCreditRefresh(RapportDb db)
{
    public const int BatchSize = 2_000;

    /// <summary>Whether some split has no credit.</summary>
    public Task<bool> IsStaleAsync(CancellationToken ct = default) =>
        db.DealSplits.AnyAsync(s => !db.DealCredits.Any(c => c.DealId == s.DealId && c.EmployeeId == s.EmployeeId), ct);

    /// <summary>Writes the credits of every deal with a split that has none; returns how many deals were credited again.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var done = 0;
        Guid? after = null;
        while (true)
        {
            // Read and written in one transaction: on SQLite it holds the write lock, so a deal saved meanwhile cannot
            // have its new credits overwritten by ones made from what was read before.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var missing = db.DealSplits.AsNoTracking()
                .Where(s => !db.DealCredits.Any(c => c.DealId == s.DealId && c.EmployeeId == s.EmployeeId));
            if (after is { } from)
            {
                missing = missing.Where(s => s.DealId > from);
            }

            var ids = await missing.Select(s => s.DealId).Distinct().OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return done;
            }

            var deals = await db.Deals.AsNoTracking().Include(d => d.Splits).Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            await db.DealCredits.Where(c => ids.Contains(c.DealId)).ExecuteDeleteAsync(ct);
            await using (var insert = new BulkInsert<DealCredit>(db))
            {
                foreach (var credit in deals.SelectMany(DealCredit.Of))
                {
                    insert.Add(credit);
                }

                await insert.FlushAsync(ct);
            }

            await transaction.CommitAsync(ct);
            done += deals.Count;
            after = ids[^1];
        }
    }
}

/// <summary>Runs <see cref="DealCreditRefresh"/> in the background after start-up when some split has no credit.</summary>
public sealed class DealCreditRefreshService(IServiceScopeFactory scopes, ILogger<DealCreditRefreshService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var refresh = scope.ServiceProvider.GetRequiredService<DealCreditRefresh>();
            if (!await refresh.IsStaleAsync(stoppingToken))
            {
                return;
            }

            log.LogInformation("Some deals have no stored credits: writing them (the forecast and the ranking count them once written).");
            var clock = Stopwatch.StartNew();
            var deals = await refresh.RunAsync(stoppingToken);
            log.LogInformation("Wrote the credits of {Deals} deals in {Seconds:0.0} s.", deals, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped with the app; the next start goes on with the deals still without credits.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            log.LogError(e, "Writing the deals' credits failed; it is tried again at the next start.");
        }
    }
}
