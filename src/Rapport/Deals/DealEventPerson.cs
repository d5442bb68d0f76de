using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Deals;

/// <summary>
/// A person a deal event credits (or, for a change of split, credited before it), with the event's deal, kind and
/// business date: so that one person's pay reads the events that name them through a range of one index instead of
/// every event of the period (decision 0019). Derived from the event's details when the event is written and never
/// changed; several events of one kind on one deal and day may give the same row more than once, and a reader keeps
/// only the events whose details name the person.
/// </summary>
public sealed class DealEventPerson
{
    /// <summary>The kinds whose credits pay reads per person: wins, reopens, changes of split, payments and credit notes.</summary>
    public static readonly IReadOnlySet<DealEventKind> Kinds = new HashSet<DealEventKind>
    {
        DealEventKind.Won, DealEventKind.Reopened, DealEventKind.SplitsChanged, DealEventKind.Payment, DealEventKind.CreditNote,
    };

    public long Id { get; private set; }

    public Guid EmployeeId { get; set; }

    public DealEventKind Kind { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public Guid DealId { get; set; }

    /// <summary>The people an event names in its credits, once each; none for a kind pay does not read per person.</summary>
    public static IEnumerable<DealEventPerson> Of(DealEvent ev) => Kinds.Contains(ev.Kind) ? Of(ev, DealEventDetails.FromJson(ev.Details)) : [];

    /// <summary>The same, for a writer that holds the event's details it has just written (no need to read them back).</summary>
    public static IEnumerable<DealEventPerson> Of(DealEvent ev, DealEventDetails details)
    {
        if (!Kinds.Contains(ev.Kind))
        {
            return [];
        }

        return (details.Credits ?? []).Concat(details.CreditsBefore ?? []).Select(c => c.EmployeeId).Distinct()
            .Select(id => new DealEventPerson { EmployeeId = id, Kind = ev.Kind, EffectiveOn = ev.EffectiveOn, DealId = ev.DealId });
    }
}

internal sealed class DealEventPersonConfiguration : IEntityTypeConfiguration<DealEventPerson>
{
    public void Configure(EntityTypeBuilder<DealEventPerson> builder)
    {
        builder.ToTable("DealEventPeople");
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);

        // Covering: a person's events of one kind over a range of dates, as the deals to read them from.
        // No key to the deal: a deal with events cannot be removed (the events' key refuses it), so one would only
        // cost an index of its own.
        builder.HasIndex(x => new { x.EmployeeId, x.Kind, x.EffectiveOn, x.DealId });
    }
}

/// <summary>
/// Writes the <see cref="DealEventPerson"/> rows of every deal event a SaveChanges adds, in that save. Writers that
/// bypass the tracker write them with the events (<see cref="DealEventPerson.Of(DealEvent)"/>).
/// </summary>
internal sealed class DealEventPeopleInterceptor : SaveChangesInterceptor
{
    // An event whose rows were added to a save that then failed is not given them twice when the save is tried again.
    private readonly ConditionalWeakTable<DealEvent, object> _written = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Write(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Write(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Write(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // An event is always added to its set, never reached through a navigation, so what is tracked already says
        // which are new: no scan of every tracked entity for changes on each save (the save makes its own).
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<DealEvent> added;
        try
        {
            added = [.. tracker.Entries<DealEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }

        foreach (var ev in added)
        {
            if (_written.TryAdd(ev, ev))
            {
                context.Set<DealEventPerson>().AddRange(DealEventPerson.Of(ev));
            }
        }
    }
}
