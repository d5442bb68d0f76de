using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>
/// A task for one of our people on an account: a next step promised in an interaction, or what a change asks for,
/// e.g. re-covering a buying role after a contact moved on. Stores what happened, not a sentence: the words are
/// rendered in the reader's language when the task is shown (<see cref="FollowUpTitles"/>).
/// </summary>
public sealed class FollowUp : IAudited
{
    public const int TitleLength = 500;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AssigneeId { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The contact the task is about: the one who moved on, or the one person met when the next step was set.</summary>
    public Guid? ContactId { get; set; }

    public FollowUpKind Kind { get; set; }

    /// <summary>A person's own words: a next step as typed, or the stored title of a task from before tasks had kinds.</summary>
    public string Title { get; set; } = "";

    /// <summary>For <see cref="FollowUpKind.RecoverRole"/>: the <see cref="BuyingRole.Code"/> the contact held.</summary>
    public string? RoleCode { get; set; }

    /// <summary>For <see cref="FollowUpKind.RecoverRole"/>: the contact's new employer.</summary>
    public Guid? TargetAccountId { get; set; }

    /// <summary>For <see cref="FollowUpKind.NextStep"/>: the interaction that promised it.</summary>
    public Guid? InteractionId { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DoneAt { get; set; }

    /// <summary>The task a next step with a due date becomes when its interaction is logged.</summary>
    internal static FollowUp? NextStepOf(Interaction interaction, Guid assigneeId, DateTime now) =>
        interaction is { NextStep: { } step, NextStepDue: { } due }
            ? new FollowUp
            {
                Kind = FollowUpKind.NextStep,
                AssigneeId = assigneeId,
                AccountId = interaction.AccountId,
                ContactId = interaction.Contacts is [var only] ? only.ContactId : null,
                InteractionId = interaction.Id,
                Title = step.Length > TitleLength ? step[..TitleLength] : step,
                DueOn = due,
                CreatedAt = now,
            }
            : null;
}

/// <summary>What a task is about; each kind renders its own words from the values it keeps.</summary>
public enum FollowUpKind
{
    /// <summary>Free text, shown as stored (tasks from before kinds existed).</summary>
    Text,

    /// <summary>A contact moved on: cover their buying role again.</summary>
    RecoverRole,

    /// <summary>The next step promised in an interaction, in the words it was typed with.</summary>
    NextStep,
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(FollowUp.TitleLength);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.RoleCode).HasMaxLength(BuyingRoles.CodeLength);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(x => x.TargetAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Interaction>().WithMany().HasForeignKey(x => x.InteractionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(x => new { x.AssigneeId, x.DoneAt, x.DueOn });
        builder.HasIndex(x => new { x.AccountId, x.DoneAt, x.DueOn });
    }
}

/// <summary>The words of a task in the current UI language.</summary>
public static class FollowUpTitles
{
    public static string Render(FollowUpKind kind, string title, string? contactName, string? roleCode, string? targetName, RoleSet roles) =>
        kind switch
        {
            FollowUpKind.RecoverRole => string.Format(CultureInfo.CurrentCulture, Texts.TaskRecoverRole,
                roleCode is null ? "" : roles.NameOf(roleCode), contactName ?? "", targetName ?? ""),
            _ => title,
        };
}

/// <summary>When a task is due, as the lists group it.</summary>
public enum TaskDue
{
    Overdue,
    Today,

    /// <summary>After today, up to and including Sunday: weeks start on Monday, as in Bulgaria and ISO 8601.</summary>
    Week,
    Later,
}

public enum TaskState
{
    Open,
    Done,
}

public enum SnoozePreset
{
    Tomorrow,

    /// <summary>Monday of the next week.</summary>
    NextWeek,
}

/// <summary>The day arithmetic of tasks: where a due date falls and where a snooze lands.</summary>
public static class TaskDates
{
    public static DateOnly EndOfWeek(DateOnly today) => today.AddDays(6 - DayOfWeekFromMonday(today));

    public static DateOnly NextWeek(DateOnly today) => EndOfWeek(today).AddDays(1);

    public static DateOnly Snooze(SnoozePreset preset, DateOnly today) =>
        preset == SnoozePreset.Tomorrow ? today.AddDays(1) : NextWeek(today);

    public static TaskDue Bucket(DateOnly due, DateOnly today) =>
        due < today ? TaskDue.Overdue : due == today ? TaskDue.Today : due <= EndOfWeek(today) ? TaskDue.Week : TaskDue.Later;

    private static int DayOfWeekFromMonday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;
}

/// <summary>
/// A task as lists show it: its <c>Title</c> in the reader's language, the values it was made from, and the whole days
/// it is past its due date (0 for a task not overdue, or done).
/// </summary>
public sealed record FollowUpRow(
    Guid Id, FollowUpKind Kind, string Title, Guid AccountId, string AccountName, Guid? ContactId, string? ContactName,
    string? RoleCode, Guid? TargetAccountId, string? TargetAccountName, Guid? InteractionId, Guid AssigneeId, string AssigneeName,
    DateOnly DueOn, DateTime? DoneAt, int DaysOverdue)
{
    public bool Overdue => DaysOverdue > 0;

    public bool Done => DoneAt is not null;
}

/// <summary>
/// Which tasks a list shows; every field comes from the query string. Whose: one person's (<c>AssigneeId</c>), else the
/// viewer's own, or with <c>Everyone</c> all the viewer may act on.
/// </summary>
public sealed record TaskFilter(
    TaskState State = TaskState.Open, TaskDue? Due = null, Guid? AccountId = null, Guid? ContactId = null, Guid? AssigneeId = null,
    bool Everyone = false, string? After = null, int? Size = null);

/// <summary>How many tasks a list's scope holds: the open ones by when they are due, and the done ones.</summary>
public sealed record TaskCounts(int Overdue, int Today, int Week, int Later, int Done)
{
    public int Open => Overdue + Today + Week + Later;

    public int Of(TaskDue due) => due switch
    {
        TaskDue.Overdue => Overdue,
        TaskDue.Today => Today,
        TaskDue.Week => Week,
        _ => Later,
    };
}

/// <summary>Where a snoozed task goes: a preset, or a chosen day from today on.</summary>
public sealed class SnoozeInput
{
    public SnoozePreset? To { get; set; }

    public DateOnly? Until { get; set; }
}

/// <summary>
/// Who may see and act on a task (mark it done, snooze it, reopen it): its assignee, the account's editors (owner,
/// coordinator, their head of sales), the assignee's head of sales, administrators. Reading the account is not enough.
/// </summary>
internal static class FollowUpAccess
{
    public static IQueryable<FollowUp> ActionableBy(this IQueryable<FollowUp> tasks, RapportDb db, Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return tasks;
        }

        if (viewer.EmployeeId is not { } me)
        {
            return tasks.Where(_ => false);
        }

        var editable = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        if (viewer.Is(Roles.HeadOfSales))
        {
            var team = ClientBaseAccess.TeamOf(db, me);
            return tasks.Where(f => f.AssigneeId == me || team.Contains(f.AssigneeId) || editable.Contains(f.AccountId));
        }

        return tasks.Where(f => f.AssigneeId == me || editable.Contains(f.AccountId));
    }
}

/// <summary>Tasks: lists by person, account and due date, and marking them done, snoozing and reopening them.</summary>
public sealed class FollowUps(RapportDb db, TimeProvider clock, BuyingRoleCatalog roles)
{
    private const int HomeSize = 20;

    /// <summary>How far ahead Home looks: a week from any day, so that on a Sunday the coming week is there too.</summary>
    private const int SoonDays = 7;

    /// <summary>Today's date, in UTC like every due date Rapport sets.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The viewer's open tasks, soonest first.</summary>
    public async Task<List<FollowUpRow>> MineAsync(Viewer viewer, CancellationToken ct = default) =>
        viewer.EmployeeId is null ? [] : [.. (await ListAsync(viewer, new TaskFilter(Size: Cursor.MaxPageSize), ct)).Items];

    /// <summary>The viewer's open tasks that are overdue or due within the next seven days: what Home shows.</summary>
    public async Task<List<FollowUpRow>> DueSoonAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.EmployeeId is not { } me)
        {
            return [];
        }

        var end = Today.AddDays(SoonDays);
        return await RowsAsync(db.FollowUps.Where(f => f.AssigneeId == me && f.DoneAt == null && f.DueOn <= end), TaskState.Open, null, HomeSize, ct);
    }

    /// <summary>A keyset page of tasks: open ones soonest due first, done ones latest due first.</summary>
    public async Task<Page<FollowUpRow>> ListAsync(Viewer viewer, TaskFilter filter, CancellationToken ct = default)
    {
        var query = Scope(viewer, filter);
        query = filter.State == TaskState.Done ? query.Where(f => f.DoneAt != null) : query.Where(f => f.DoneAt == null);
        if (filter.Due is { } due)
        {
            var today = Today;
            var end = TaskDates.EndOfWeek(today);
            query = due switch
            {
                TaskDue.Overdue => query.Where(f => f.DueOn < today),
                TaskDue.Today => query.Where(f => f.DueOn == today),
                TaskDue.Week => query.Where(f => f.DueOn > today && f.DueOn <= end),
                _ => query.Where(f => f.DueOn > end),
            };
        }

        var size = Cursor.ClampSize(filter.Size);
        var rows = await RowsAsync(query, filter.State, Cursor.Decode(filter.After), size + 1, ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = new Cursor(rows[^1].DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[^1].Id).Encode();
        }

        return new Page<FollowUpRow>(rows, next);
    }

    /// <summary>The counts of a list's scope (person, account), whatever its state and due filters.</summary>
    public async Task<TaskCounts> CountAsync(Viewer viewer, TaskFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        var end = TaskDates.EndOfWeek(today);
        var counts = await Scope(viewer, filter)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Overdue = g.Count(f => f.DoneAt == null && f.DueOn < today),
                Today = g.Count(f => f.DoneAt == null && f.DueOn == today),
                Week = g.Count(f => f.DoneAt == null && f.DueOn > today && f.DueOn <= end),
                Later = g.Count(f => f.DoneAt == null && f.DueOn > end),
                Done = g.Count(f => f.DoneAt != null),
            })
            .FirstOrDefaultAsync(ct);
        return counts is null ? new TaskCounts(0, 0, 0, 0, 0) : new TaskCounts(counts.Overdue, counts.Today, counts.Week, counts.Later, counts.Done);
    }

    public async Task<FollowUpRow?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        (await RowsAsync(db.FollowUps.ActionableBy(db, viewer).Where(f => f.Id == id), TaskState.Open, null, 1, ct)).FirstOrDefault();

    /// <summary>The open tasks on an account that the viewer may act on, or null when the viewer may not see the account.</summary>
    public async Task<List<FollowUpRow>?> ForAccountAsync(Viewer viewer, Guid accountId, CancellationToken ct = default) =>
        await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct)
            ? [.. (await ListAsync(viewer, new TaskFilter(AccountId: accountId, Everyone: true, Size: HomeSize), ct)).Items]
            : null;

    /// <summary>The open tasks about a contact that the viewer may act on.</summary>
    public async Task<List<FollowUpRow>> ForContactAsync(Viewer viewer, Guid contactId, CancellationToken ct = default) =>
        [.. (await ListAsync(viewer, new TaskFilter(ContactId: contactId, Everyone: true, Size: HomeSize), ct)).Items];

    /// <summary>The people whose tasks the viewer may filter by: themselves, and a head of sales' team.</summary>
    public async Task<List<Choice>> AssigneesAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.EmployeeId is not { } me)
        {
            return [];
        }

        var people = viewer.Is(Roles.HeadOfSales) ? ClientBaseAccess.TeamOf(db, me) : db.Employees.Where(e => e.Id == me).Select(e => e.Id);
        return await db.Employees.Where(e => people.Contains(e.Id)).OrderBy(e => e.SearchName)
            .Select(e => new Choice(e.Id, e.FullName)).ToListAsync(ct);
    }

    public Task<Result> DoneAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        ChangeAsync(viewer, id, task =>
        {
            task.DoneAt ??= clock.GetUtcNow().UtcDateTime;
            return Result.Ok();
        }, ct);

    public Task<Result> ReopenAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        ChangeAsync(viewer, id, task =>
        {
            task.DoneAt = null;
            return Result.Ok();
        }, ct);

    public Task<Result> SnoozeAsync(Viewer viewer, Guid id, SnoozeInput input, CancellationToken ct = default) =>
        ChangeAsync(viewer, id, task =>
        {
            if (task.DoneAt is not null)
            {
                return Error.Conflict(Texts.ErrorTaskDone);
            }

            var today = Today;
            DateOnly? until = input.Until ?? (input.To is { } preset ? TaskDates.Snooze(preset, today) : null);
            if (until is not { } day || day < today)
            {
                return Error.Invalid(nameof(SnoozeInput.Until), Texts.ValidationSnoozeDate);
            }

            task.DueOn = day;
            return Result.Ok();
        }, ct);

    private async Task<Result> ChangeAsync(Viewer viewer, Guid id, Func<FollowUp, Result> change, CancellationToken ct)
    {
        var task = await db.FollowUps.ActionableBy(db, viewer).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (task is null)
        {
            return Error.NotFound(Texts.ErrorFollowUpNotFound);
        }

        var result = change(task);
        if (result.IsSuccess)
        {
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    /// <summary>The tasks a list may hold before its state and due filters: the viewer's reach, narrowed to a person, account or contact.</summary>
    private IQueryable<FollowUp> Scope(Viewer viewer, TaskFilter filter)
    {
        var query = db.FollowUps.AsNoTracking().ActionableBy(db, viewer);
        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(f => f.AssigneeId == assignee);
        }
        else if (!filter.Everyone && viewer.EmployeeId is { } me)
        {
            query = query.Where(f => f.AssigneeId == me);
        }

        if (filter.AccountId is { } account)
        {
            query = query.Where(f => f.AccountId == account);
        }

        if (filter.ContactId is { } contact)
        {
            query = query.Where(f => f.ContactId == contact);
        }

        return query;
    }

    private async Task<List<FollowUpRow>> RowsAsync(IQueryable<FollowUp> query, TaskState state, Cursor? after, int take, CancellationToken ct)
    {
        if (after is { } cursor && DateOnly.TryParseExact(cursor.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            query = state == TaskState.Done
                ? query.Where(f => f.DueOn < due || (f.DueOn == due && f.Id < cursor.Id))
                : query.Where(f => f.DueOn > due || (f.DueOn == due && f.Id > cursor.Id));
        }

        var joined = from f in query
                     join a in db.Accounts on f.AccountId equals a.Id
                     join e in db.Employees on f.AssigneeId equals e.Id
                     join c in db.Contacts on f.ContactId equals (Guid?)c.Id into contacts
                     from c in contacts.DefaultIfEmpty()
                     join t in db.Accounts on f.TargetAccountId equals (Guid?)t.Id into targets
                     from t in targets.DefaultIfEmpty()
                     select new
                     {
                         f.Id, f.Kind, f.Title, f.AccountId, AccountName = a.Name, f.ContactId, ContactName = c == null ? null : c.FullName,
                         f.RoleCode, f.TargetAccountId, TargetName = t == null ? null : t.Name, f.InteractionId, f.AssigneeId,
                         AssigneeName = e.FullName, f.DueOn, f.DoneAt,
                     };
        joined = state == TaskState.Done
            ? joined.OrderByDescending(x => x.DueOn).ThenByDescending(x => x.Id)
            : joined.OrderBy(x => x.DueOn).ThenBy(x => x.Id);
        var found = await joined.Take(take).ToListAsync(ct);
        if (found.Count == 0)
        {
            return [];
        }

        var set = await roles.GetAsync(ct);
        var today = Today;
        return [.. found.Select(x => new FollowUpRow(
            x.Id, x.Kind, FollowUpTitles.Render(x.Kind, x.Title, x.ContactName, x.RoleCode, x.TargetName, set), x.AccountId, x.AccountName,
            x.ContactId, x.ContactName, x.RoleCode, x.TargetAccountId, x.TargetName, x.InteractionId, x.AssigneeId, x.AssigneeName,
            x.DueOn, x.DoneAt, x.DoneAt is null && x.DueOn < today ? today.DayNumber - x.DueOn.DayNumber : 0))];
    }
}
