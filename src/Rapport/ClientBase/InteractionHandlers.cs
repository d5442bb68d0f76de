using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>What a user logs about a call, meeting, e-mail or note.</summary>
public sealed class InteractionInput
{
    [Display(Name = nameof(Texts.FieldAccount), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? AccountId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldInteractionKind), ResourceType = typeof(Texts))]
    public InteractionKind Kind { get; set; } = InteractionKind.Call;

    /// <summary>When it happened (UTC); defaults to now.</summary>
    [Display(Name = nameof(Texts.FieldOccurredAt), ResourceType = typeof(Texts))]
    public DateTime? OccurredAt { get; set; }

    [Display(Name = nameof(Texts.FieldInitiatedByClient), ResourceType = typeof(Texts))]
    public bool InitiatedByClient { get; set; }

    [Display(Name = nameof(Texts.FieldSubject), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Subject { get; set; }

    [Display(Name = nameof(Texts.FieldOutcome), ResourceType = typeof(Texts))]
    [StringLength(2000, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Outcome { get; set; }

    [Display(Name = nameof(Texts.FieldNextStep), ResourceType = typeof(Texts))]
    [StringLength(500, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? NextStep { get; set; }

    [Display(Name = nameof(Texts.FieldNextStepDue), ResourceType = typeof(Texts))]
    public DateOnly? NextStepDue { get; set; }

    // A form with nothing ticked posts no value and JSON may say null: both mean "nobody", never a missing list.

    /// <summary>Our people who took part; the logging user's employee when empty.</summary>
    [Display(Name = nameof(Texts.FieldOurPeople), ResourceType = typeof(Texts))]
    public List<Guid> EmployeeIds { get; set => field = value ?? []; } = [];

    /// <summary>The client's people who took part; none for a note to ourselves.</summary>
    [Display(Name = nameof(Texts.FieldTheirPeople), ResourceType = typeof(Texts))]
    public List<Guid> ContactIds { get; set => field = value ?? []; } = [];
}

/// <summary>An interaction on an account's timeline.</summary>
public sealed record TimelineItem(
    Guid Id, InteractionKind Kind, DateTime OccurredAt, bool InitiatedByClient, string Subject, string? Outcome,
    string? NextStep, DateOnly? NextStepDue, IReadOnlyList<string> OurPeople, IReadOnlyList<string> TheirPeople);

/// <summary>Logs interactions and keeps the relationships they build up to date.</summary>
public sealed class InteractionHandlers(RapportDb db, TimeProvider clock, IOptions<StrengthOptions> options, AccountSignals signals)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<Guid>> LogAsync(Viewer viewer, InteractionInput input, CancellationToken ct = default)
    {
        var accountId = input.AccountId!.Value;
        if (!await ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct)
            && !(await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct) && viewer.EmployeeId is not null))
        {
            return Error.NotFound(Texts.ErrorAccountNotFound);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var at = input.OccurredAt is { } given ? DateTime.SpecifyKind(given, DateTimeKind.Utc) : now;
        if (at > now + ClockSkew)
        {
            return Error.Invalid(nameof(InteractionInput.OccurredAt), Texts.ValidationNotInFuture);
        }

        var employeeIds = input.EmployeeIds.Where(id => id != Choice.None).Distinct().ToList();
        if (employeeIds.Count == 0 && viewer.EmployeeId is { } me)
        {
            employeeIds.Add(me);
        }

        if (employeeIds.Count == 0)
        {
            return Error.Invalid(nameof(InteractionInput.EmployeeIds), Texts.ValidationOurPeopleRequired);
        }

        if (await db.Employees.CountAsync(e => employeeIds.Contains(e.Id) && e.Status == EmployeeStatus.Active, ct) != employeeIds.Count)
        {
            return Error.Invalid(nameof(InteractionInput.EmployeeIds), Texts.ValidationUnknownEmployee);
        }

        // An interaction builds the relationships of the people it names: a manager credits colleagues who were there
        // with them, never only others; a head of sales may log for their team, an administrator for anyone.
        if (!(viewer.EmployeeId is { } self && employeeIds.Contains(self)))
        {
            foreach (var id in employeeIds)
            {
                if (!viewer.IsAny(Roles.Administrator, Roles.HeadOfSales) || !await ClientBaseAccess.MayAssignAsync(db, viewer, id, ct))
                {
                    return Error.Invalid(nameof(InteractionInput.EmployeeIds),
                        viewer.Is(Roles.HeadOfSales) ? Texts.ValidationAssignOutsideTeam : Texts.ValidationCreditOthers);
                }
            }
        }

        var contactIds = input.ContactIds.Where(id => id != Choice.None).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => contactIds.Contains(c.Id) && c.AccountId == accountId)
            .Select(c => c.Id).ToListAsync(ct);
        if (contacts.Count != contactIds.Count)
        {
            return Error.Invalid(nameof(InteractionInput.ContactIds), Texts.ValidationContactsOfAccount);
        }

        var interaction = new Interaction
        {
            AccountId = accountId,
            Kind = input.Kind,
            OccurredAt = at,
            InitiatedByClient = input.InitiatedByClient,
            Subject = input.Subject!.Trim(),
            Outcome = Blank(input.Outcome),
            NextStep = Blank(input.NextStep),
            NextStepDue = input.NextStepDue,
            LoggedById = viewer.EmployeeId,
        };
        interaction.Employees.AddRange(employeeIds.Select(id => new InteractionEmployee { EmployeeId = id }));
        interaction.Contacts.AddRange(contactIds.Select(id => new InteractionContact { ContactId = id }));

        // A next step with a due date is a task like any other, for whoever promised it (the owner when nobody did),
        // so it can be marked done and snoozed; the interaction keeps the words it was logged with.
        FollowUp? task = null;
        if (interaction is { NextStep: not null, NextStepDue: not null })
        {
            var assignee = viewer.EmployeeId
                ?? await db.Accounts.Where(a => a.Id == accountId).Select(a => a.OwnerId).FirstAsync(ct);
            task = FollowUp.NextStepOf(interaction, assignee, now);
        }

        // Two people logging at once may both touch a relationship; the version check makes the loser retry.
        for (var attempt = 1; ; attempt++)
        {
            db.Interactions.Add(interaction);
            if (task is not null)
            {
                db.FollowUps.Add(task);
            }

            await StrengthenAsync(db, [interaction], options.Value, r => db.Relationships.Add(r), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await signals.RefreshAsync([accountId], ct);
                return interaction.Id;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Page<TimelineItem>?> TimelineAsync(Viewer viewer, Guid accountId, string? after = null, int? size = null, CancellationToken ct = default)
    {
        if (!await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct))
        {
            return null;
        }

        var query = db.Interactions.AsNoTracking().Where(i => i.AccountId == accountId);
        if (Cursor.Decode(after) is { } cursor && long.TryParse(cursor.Key, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
        {
            var at = new DateTime(ticks, DateTimeKind.Utc);
            query = query.Where(i => i.OccurredAt < at || (i.OccurredAt == at && i.Id < cursor.Id));
        }

        var take = Cursor.ClampSize(size);

        // Split: in one query the names come from LEFT JOINs to joined subqueries, which SQLite materialises in full
        // (every participant of every interaction, seconds at a million interactions) before joining the page to them.
        var items = await query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(take + 1)
            .Select(i => new
            {
                i.Id, i.Kind, i.OccurredAt, i.InitiatedByClient, i.Subject, i.Outcome, i.NextStep, i.NextStepDue,
                Ours = i.Employees.Join(db.Employees, p => p.EmployeeId, e => e.Id, (p, e) => e.FullName).ToList(),
                Theirs = i.Contacts.Join(db.Contacts, p => p.ContactId, c => c.Id, (p, c) => c.FullName).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        string? next = null;
        if (items.Count > take)
        {
            items.RemoveAt(take);
            next = new Cursor(items[^1].OccurredAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), items[^1].Id).Encode();
        }

        return new Page<TimelineItem>([.. items.Select(i => new TimelineItem(i.Id, i.Kind, i.OccurredAt, i.InitiatedByClient,
            i.Subject, i.Outcome, i.NextStep, i.NextStepDue, i.Ours, i.Theirs))], next);
    }

    /// <summary>
    /// Adds interactions to the relationships between their participants on both sides, creating the relationships
    /// that do not exist yet and handing them to <paramref name="add"/>: one query for all of them, then one update per
    /// pair and interaction. Used by
    /// <see cref="LogAsync"/> and by the import, so an imported interaction counts exactly as one logged by hand.
    /// </summary>
    internal static async Task StrengthenAsync(
        RapportDb db, IReadOnlyCollection<Interaction> interactions, StrengthOptions options, Action<Relationship> add, CancellationToken ct)
    {
        var employeeIds = interactions.SelectMany(i => i.Employees).Select(p => p.EmployeeId).Distinct().ToList();
        var contactIds = interactions.SelectMany(i => i.Contacts).Select(p => p.ContactId).Distinct().ToList();
        if (contactIds.Count == 0 || employeeIds.Count == 0)
        {
            return;
        }

        var existing = (await db.Relationships
            .Where(r => employeeIds.Contains(r.EmployeeId) && contactIds.Contains(r.ContactId)).ToListAsync(ct))
            .ToDictionary(r => (r.EmployeeId, r.ContactId));
        foreach (var interaction in interactions)
        {
            foreach (var employeeId in interaction.Employees.Select(p => p.EmployeeId))
            {
                foreach (var contactId in interaction.Contacts.Select(p => p.ContactId))
                {
                    if (!existing.TryGetValue((employeeId, contactId), out var relationship))
                    {
                        relationship = new Relationship { EmployeeId = employeeId, ContactId = contactId };
                        existing[(employeeId, contactId)] = relationship;
                        add(relationship);
                    }

                    var state = relationship.Interactions == 0 ? StrengthState.None : relationship.State;
                    var next = RelationshipStrength.Add(state, interaction.Kind, interaction.InitiatedByClient, interaction.OccurredAt, options);
                    relationship.SetStrength(next, options);
                    relationship.Interactions++;
                    relationship.ClientInitiated += interaction.InitiatedByClient ? 1 : 0;
                    if (interaction.OccurredAt > relationship.LastContactAt)
                    {
                        relationship.LastContactAt = interaction.OccurredAt;
                    }
                }
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
