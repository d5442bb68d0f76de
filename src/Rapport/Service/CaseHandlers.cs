using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>A new case as a user or an API client opens it.</summary>
public sealed class CaseInput
{
    [Display(Name = nameof(Texts.FieldAccount), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? AccountId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(ServiceTexts.FieldRaisedBy), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? ContactId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldSubject), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Subject { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldDescription), ResourceType = typeof(ServiceTexts))]
    [StringLength(4000, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Description { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldCategory), ResourceType = typeof(ServiceTexts))]
    public CaseCategory Category { get; set; } = CaseCategory.Question;

    [Display(Name = nameof(ServiceTexts.FieldPriority), ResourceType = typeof(ServiceTexts))]
    public CasePriority Priority { get; set; } = CasePriority.Normal;

    /// <summary>Who sees the case through; the caller's own employee when left out.</summary>
    [Display(Name = nameof(Texts.FieldAssignee), ResourceType = typeof(Texts))]
    public Guid? AssigneeId { get; set => field = Choice.OrNull(value); }
}

/// <summary>A change of a case's status, against the version the editor saw.</summary>
public sealed class CaseStatusInput
{
    [Display(Name = nameof(Texts.FieldStatus), ResourceType = typeof(Texts))]
    public CaseStatus Status { get; set; }

    public long Version { get; set; }
}

/// <summary>A change of who a case is assigned to, against the version the editor saw.</summary>
public sealed class CaseAssignInput
{
    [Display(Name = nameof(Texts.FieldAssignee), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? AssigneeId { get; set => field = Choice.OrNull(value); }

    public long Version { get; set; }
}

/// <summary>A message added to a case's thread.</summary>
public sealed class ReplyInput
{
    [Display(Name = nameof(ServiceTexts.FieldReply), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(4000, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Text { get; set; }

    /// <summary>A note for our people only; it is not an answer to the client.</summary>
    [Display(Name = nameof(ServiceTexts.FieldInternal), ResourceType = typeof(ServiceTexts))]
    public bool Internal { get; set; }

    /// <summary>Written down on the client's behalf: what the contact who raised the case said (by phone, by e-mail).</summary>
    [Display(Name = nameof(ServiceTexts.FieldFromClient), ResourceType = typeof(ServiceTexts))]
    public bool FromClient { get; set; }
}

/// <summary>Which cases a list shows: open ones unless a status or <see cref="All"/> says otherwise.</summary>
public sealed record CaseFilter(
    CaseStatus? Status = null, bool All = false, CasePriority? Priority = null, Guid? AssigneeId = null, Guid? AccountId = null,
    SlaState? Sla = null, string? After = null, int? Size = null, bool AtRisk = false);

/// <summary>Where one SLA target stands: running (on track, near breach, breached), paused, or met in time or late.</summary>
public enum SlaTimerState
{
    OnTrack,
    NearBreach,
    Breached,
    Paused,
    MetInTime,
    MetLate,
}

/// <summary>One SLA target of a case: where it stands, when it is (or was) due and when it was met.</summary>
public sealed record SlaTimer(SlaTimerState State, DateTime? DueAt, DateTime? MetAt);

/// <summary>One person's share of the escalation list: their open cases breached and near breach, and the earliest due.</summary>
public sealed record EscalationRow(Guid AssigneeId, string AssigneeName, int Breached, int NearBreach, DateTime OldestDueAt);

/// <summary>A case in a list.</summary>
public sealed record CaseRow(
    Guid Id, string Subject, Guid AccountId, string AccountName, string ContactName, CaseCategory Category, CasePriority Priority,
    CaseStatus Status, Guid AssigneeId, string AssigneeName, DateTime CreatedAt, SlaState Sla, DateTime? DueAt);

/// <summary>A case with everything its page shows.</summary>
public sealed record CaseDetails(
    Guid Id, string Subject, string Description, Guid AccountId, string AccountName, Guid ContactId, string ContactName,
    CaseCategory Category, CasePriority Priority, ServiceTier Tier, CaseStatus Status, Guid AssigneeId, string AssigneeName, DateTime CreatedAt,
    DateTime? FirstRespondedAt, DateTime? ResolvedAt, SlaState Sla, SlaTimer FirstResponse, SlaTimer Resolution, bool MayEdit, long Version);

/// <summary>A message of a case's thread, oldest first.</summary>
public sealed record ReplyRow(Guid Id, DateTime At, string Author, bool FromClient, bool Internal, string Text);

/// <summary>Opens cases, answers them, moves them along and lists them by SLA urgency, each scoped to the viewer.</summary>
public sealed class CaseHandlers(RapportDb db, SlaSettingsHandlers settings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The cases the viewer sees: exactly those of the accounts they see. Written as a query over the visible accounts'
    /// ids, so it has the shape <see cref="ClientBaseAccess.VisibleTo"/> chose for each engine.
    /// </summary>
    internal IQueryable<ServiceCase> Visible(Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return db.Cases;
        }

        var accounts = db.Accounts.VisibleTo(db, viewer).Select(a => a.Id);
        return db.Cases.Where(c => accounts.Contains(c.AccountId));
    }

    /// <summary>The cases the viewer may change: those of the accounts they edit, and those assigned to them.</summary>
    internal IQueryable<ServiceCase> Editable(Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return db.Cases;
        }

        var accounts = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        var me = viewer.EmployeeId;
        return Visible(viewer).Where(c => accounts.Contains(c.AccountId) || (me != null && c.AssigneeId == me));
    }

    public async Task<Page<CaseRow>> ListAsync(Viewer viewer, CaseFilter filter, CancellationToken ct = default)
    {
        var now = Now;
        var query = Visible(viewer);
        query = filter switch
        {
            { Status: { } status } => query.Where(c => c.Status == status),
            { All: true } => query,
            _ => query.Where(c => c.Status == CaseStatus.New || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingOnClient),
        };
        if (filter.Priority is { } priority)
        {
            query = query.Where(c => c.Priority == priority);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(c => c.AssigneeId == assignee);
        }

        if (filter.AccountId is { } account)
        {
            query = query.Where(c => c.AccountId == account);
        }

        query = filter.Sla switch
        {
            SlaState.Breached => query.Where(c => c.SlaDueAt <= now),
            SlaState.NearBreach => query.Where(c => c.SlaNearAt <= now && c.SlaDueAt > now),
            SlaState.OnTrack => query.Where(c => c.SlaNearAt > now),
            _ => query,
        };
        if (filter.AtRisk)
        {
            query = query.Where(c => c.SlaNearAt <= now);
        }

        // SLA urgency: breached first (their due instants are past), then the nearest due; met and paused ones last.
        var size = Cursor.ClampSize(filter.Size);
        List<ListedCase> rows;
        if (Cursor.Decode(filter.After) is { } cursor
            && long.TryParse(cursor.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999)
        {
            // Two seeks instead of "due later, or due then and after the id": from that OR an engine seeks only to the
            // due instant and reads its ties up to the cursor, and most met cases share one (ServiceCase.Far), so a
            // page deep into all cases read 120,000 index entries. First the rest of the cursor's tie, then the later ones.
            var key = new DateTime(ticks, DateTimeKind.Utc);
            rows = await Rows(query.Where(c => c.SlaDueAt == key && c.Id > cursor.Id).OrderBy(c => c.Id)).Take(size + 1).ToListAsync(ct);
            if (rows.Count <= size)
            {
                rows.AddRange(await Rows(query.Where(c => c.SlaDueAt > key).OrderBy(c => c.SlaDueAt).ThenBy(c => c.Id))
                    .Take(size + 1 - rows.Count).ToListAsync(ct));
            }
        }
        else
        {
            rows = await Rows(query.OrderBy(c => c.SlaDueAt).ThenBy(c => c.Id)).Take(size + 1).ToListAsync(ct);
        }

        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = new Cursor(rows[^1].SlaDueAt.Ticks.ToString("D19", CultureInfo.InvariantCulture), rows[^1].Id).Encode();
        }

        return new([.. rows.Select(r => r.ToRow(now))], next);
    }

    /// <summary>Every case of the list, a page at a time, for its export.</summary>
    public async IAsyncEnumerable<CaseRow> RowsAsync(Viewer viewer, CaseFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        do
        {
            var page = await ListAsync(viewer, filter with { After = after, Size = Cursor.MaxPageSize }, ct);
            foreach (var row in page.Items)
            {
                yield return row;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    public async Task<CaseDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var found = await Visible(viewer).Where(c => c.Id == id).Select(c => new
        {
            c.Id, c.Subject, c.Description, c.AccountId, AccountName = c.Account!.Name, c.ContactId, ContactName = c.Contact!.FullName,
            c.Category, c.Priority, c.Tier, c.Status, c.AssigneeId, AssigneeName = c.Assignee!.FullName, c.CreatedAt, c.FirstRespondedAt,
            c.ResolvedAt, c.PausedSince, c.ResponseDueAt, c.ResolutionDueAt, c.SlaDueAt, c.SlaNearAt, c.Version,
        }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var now = Now;
        var mayEdit = await Editable(viewer).AnyAsync(c => c.Id == id, ct);
        var paused = found.PausedSince is not null;
        return new CaseDetails(found.Id, found.Subject, found.Description, found.AccountId, found.AccountName, found.ContactId,
            found.ContactName, found.Category, found.Priority, found.Tier, found.Status, found.AssigneeId, found.AssigneeName, found.CreatedAt,
            found.FirstRespondedAt, found.ResolvedAt, CaseClock.StateAt(found.SlaDueAt, found.SlaNearAt, now),
            Timer(found.ResponseDueAt, found.FirstRespondedAt, paused, found.SlaNearAt, now),
            Timer(found.ResolutionDueAt, found.ResolvedAt, paused, found.SlaNearAt, now),
            mayEdit, found.Version);
    }

    public async Task<List<ReplyRow>?> RepliesAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!await Visible(viewer).AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }

        var rows = await db.CaseReplies.Where(r => r.CaseId == id)
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.At, Employee = r.Employee!.FullName, Contact = r.Contact!.FullName, r.ContactId, r.Internal, r.Text })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ReplyRow(r.Id, r.At, (r.ContactId is null ? r.Employee : r.Contact) ?? "—",
            r.ContactId is not null, r.Internal, r.Text))];
    }

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, CaseInput input, CancellationToken ct = default)
    {
        var accountId = input.AccountId!.Value;
        if (!await ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct))
        {
            return Error.Invalid(nameof(CaseInput.AccountId), Texts.ErrorAccountNotFound);
        }

        if (!await db.Contacts.AnyAsync(c => c.Id == input.ContactId && c.AccountId == accountId, ct))
        {
            return Error.Invalid(nameof(CaseInput.ContactId), ServiceTexts.ValidationContactOfAccount);
        }

        if (!Enum.IsDefined(input.Category) || !Enum.IsDefined(input.Priority))
        {
            return Error.Invalid(nameof(CaseInput.Priority), Texts.ValidationRequired);
        }

        Guid assignee;
        if (input.AssigneeId is { } named)
        {
            if (await AssigneeProblemAsync(viewer, named, nameof(CaseInput.AssigneeId), ct) is { } problem)
            {
                return problem;
            }

            assignee = named;
        }
        else if (viewer.EmployeeId is { } me)
        {
            assignee = me;
        }
        else
        {
            assignee = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.CoordinatorId ?? a.OwnerId).FirstAsync(ct);
        }

        var c = await AddCaseAsync(accountId, input.ContactId!.Value, input.Subject!, input.Description, input.Category, input.Priority, assignee, ct);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }

    /// <summary>
    /// A new case with its SLA clock started, added to the context but not saved: for a caller that has settled who may
    /// open it (the e-mail intake places a message by its sender, not by what the gateway's user edits).
    /// </summary>
    internal async Task<ServiceCase> AddCaseAsync(
        Guid accountId, Guid contactId, string subject, string? description, CaseCategory category, CasePriority priority, Guid assignee,
        CancellationToken ct)
    {
        var rules = await settings.RulesAsync(ct);
        var c = new ServiceCase
        {
            AccountId = accountId,
            ContactId = contactId,
            Subject = subject.Trim(),
            Description = description?.Trim() ?? "",
            Category = category,
            Priority = priority,
            Status = CaseStatus.New,
            AssigneeId = assignee,
            CreatedAt = Now,
            Tier = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.Tier).FirstAsync(ct),
        };
        CaseClock.Refresh(c, rules.Calendar, rules.For(c));
        db.Cases.Add(c);
        return c;
    }

    public async Task<Result> ChangeStatusAsync(Viewer viewer, Guid id, CaseStatusInput input, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(input.Status))
        {
            return Error.Invalid(nameof(CaseStatusInput.Status), Texts.ValidationRequired);
        }

        var (c, problem) = await EditableCaseAsync(viewer, id, input.Version, ct);
        if (c is null)
        {
            return problem!;
        }

        var rules = await settings.RulesAsync(ct);
        Move(c, input.Status, rules, Now);
        return await db.SaveOrConflictAsync(ct);
    }

    public async Task<Result> AssignAsync(Viewer viewer, Guid id, CaseAssignInput input, CancellationToken ct = default)
    {
        var (c, problem) = await EditableCaseAsync(viewer, id, input.Version, ct);
        if (c is null)
        {
            return problem!;
        }

        var assignee = input.AssigneeId!.Value;
        if (assignee != c.AssigneeId && await AssigneeProblemAsync(viewer, assignee, nameof(CaseAssignInput.AssigneeId), ct) is { } refused)
        {
            return refused;
        }

        c.AssigneeId = assignee;
        return await db.SaveOrConflictAsync(ct);
    }

    public async Task<Result<Guid>> ReplyAsync(Viewer viewer, Guid id, ReplyInput input, CancellationToken ct = default)
    {
        var (c, problem) = await EditableCaseAsync(viewer, id, null, ct);
        if (c is null)
        {
            return problem!;
        }

        if (input.FromClient && input.Internal)
        {
            return Error.Invalid(nameof(ReplyInput.Internal), ServiceTexts.ValidationClientNoteInternal);
        }

        if (!input.FromClient && viewer.EmployeeId is null)
        {
            return Error.Invalid(nameof(ReplyInput.Text), ServiceTexts.ValidationReplyNeedsEmployee);
        }

        var reply = await AddReplyAsync(c, input.FromClient ? null : viewer.EmployeeId, input.FromClient ? c.ContactId : null,
            input.Text!, input.Internal, ct);
        var saved = await db.SaveOrConflictAsync(ct);
        return saved.IsSuccess ? reply.Id : Result<Guid>.Fail([.. saved.Errors]);
    }

    /// <summary>
    /// A reply from one of the contacts of the case's account, added but not saved, moving the case as any reply from
    /// the client does: for the e-mail intake, which has settled that the sender is that contact.
    /// </summary>
    internal Task<CaseReply> AddClientReplyAsync(ServiceCase c, Guid contactId, string text, CancellationToken ct) =>
        AddReplyAsync(c, null, contactId, text, internalNote: false, ct);

    private async Task<CaseReply> AddReplyAsync(ServiceCase c, Guid? employeeId, Guid? contactId, string text, bool internalNote, CancellationToken ct)
    {
        var now = Now;
        var rules = await settings.RulesAsync(ct);
        var fromClient = contactId is not null;
        var reply = new CaseReply
        {
            CaseId = c.Id,
            EmployeeId = employeeId,
            ContactId = contactId,
            Text = text.Trim(),
            At = now,
            Internal = internalNote,
        };
        db.CaseReplies.Add(reply);

        // The client answering a case that waits on them starts the clock again; our first answer is the first response.
        if (fromClient)
        {
            if (c.Status == CaseStatus.WaitingOnClient)
            {
                Move(c, CaseStatus.InProgress, rules, now);
            }
        }
        else if (!internalNote)
        {
            if (c.FirstRespondedAt is null)
            {
                CaseClock.Refresh(c, rules.Calendar, rules.For(c));
                c.FirstRespondedAt = now;
            }

            if (c.Status == CaseStatus.New)
            {
                c.Status = CaseStatus.InProgress;
            }

            CaseClock.Refresh(c, rules.Calendar, rules.For(c));
        }

        return reply;
    }

    /// <summary>The active people the viewer may put in charge of a case.</summary>
    public Task<List<Choice>> AssignableAsync(Viewer viewer, CancellationToken ct = default) =>
        ClientBaseAccess.Assignable(db, viewer).OrderBy(e => e.SearchName).Select(e => new Choice(e.Id, e.FullName)).ToListAsync(ct);

    /// <summary>Home: the viewer's own open cases, breached first, then the nearest due.</summary>
    public async Task<List<CaseRow>> MineAsync(Viewer viewer, int size = 8, CancellationToken ct = default) =>
        viewer.EmployeeId is { } me ? [.. (await ListAsync(viewer, new CaseFilter(AssigneeId: me, Size: size), ct)).Items] : [];

    /// <summary>Home of a head of sales: the open cases of the team's accounts that are breached or near breach.</summary>
    public async Task<List<CaseRow>> TeamAtRiskAsync(Viewer viewer, int size = 10, CancellationToken ct = default) =>
        viewer.Is(Roles.HeadOfSales) ? [.. (await ListAsync(viewer, new CaseFilter(AtRisk: true, Size: size), ct)).Items] : [];

    /// <summary>
    /// The escalation list's summary for a head of sales (their team's accounts) or an administrator (all): per
    /// assignee, how many open cases are breached and how many near breach, the most breached first.
    /// </summary>
    public async Task<List<EscalationRow>?> EscalationsAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsAny(Roles.Administrator, Roles.HeadOfSales))
        {
            return null;
        }

        var now = Now;
        var rows = await Visible(viewer)
            .Where(c => (c.Status == CaseStatus.New || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingOnClient) && c.SlaNearAt <= now)
            .GroupBy(c => new { c.AssigneeId, c.Assignee!.FullName })
            .Select(g => new EscalationRow(g.Key.AssigneeId, g.Key.FullName, g.Count(c => c.SlaDueAt <= now), g.Count(c => c.SlaDueAt > now), g.Min(c => c.SlaDueAt)))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Breached).ThenByDescending(r => r.NearBreach).ThenBy(r => r.OldestDueAt)];
    }

    /// <summary>The accounts the viewer may open a case on (those they edit), for the new-case form.</summary>
    public Task<List<Choice>> AccountChoicesAsync(Viewer viewer, CancellationToken ct = default) =>
        db.Accounts.AsNoTracking().EditableBy(db, viewer).OrderBy(a => a.SearchName)
            .Select(a => new Choice(a.Id, a.Name)).Take(500).ToListAsync(ct);

    /// <summary>Moves a case to a status, stopping, starting or settling its SLA clock as the status asks.</summary>
    private static void Move(ServiceCase c, CaseStatus status, SlaRules rules, DateTime now)
    {
        var targets = rules.For(c);
        if (status == CaseStatus.WaitingOnClient)
        {
            CaseClock.Pause(c, rules.Calendar, targets, now);
        }
        else
        {
            CaseClock.Resume(c, rules.Calendar, targets, now);
        }

        if (status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            c.ResolvedAt ??= now;
        }
        else
        {
            c.ResolvedAt = null;
        }

        c.Status = status;
        CaseClock.Refresh(c, rules.Calendar, targets);
    }

    private async Task<(ServiceCase? Case, Error? Problem)> EditableCaseAsync(Viewer viewer, Guid id, long? version, CancellationToken ct)
    {
        var c = await Editable(viewer).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            // A case the viewer sees but may not change is as absent to them as one they cannot see.
            return (null, Error.NotFound(ServiceTexts.ErrorCaseNotFound));
        }

        if (version is { } v && c.Version != v)
        {
            return (null, Error.StaleVersion());
        }

        return (c, null);
    }

    private async Task<Error?> AssigneeProblemAsync(Viewer viewer, Guid employeeId, string field, CancellationToken ct)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(field, Texts.ValidationUnknownEmployee);
        }

        return await ClientBaseAccess.MayAssignAsync(db, viewer, employeeId, ct)
            ? null
            : Error.Invalid(field, ClientBaseAccess.AssignRefused(viewer));
    }

    private static SlaTimer Timer(DateTime due, DateTime? met, bool paused, DateTime nearAt, DateTime now)
    {
        if (met is { } m)
        {
            return new(m > due ? SlaTimerState.MetLate : SlaTimerState.MetInTime, due == ServiceCase.Far ? null : due, m);
        }

        if (due <= now)
        {
            return new(SlaTimerState.Breached, due, null);
        }

        if (paused)
        {
            return new(SlaTimerState.Paused, null, null);
        }

        return new(nearAt <= now ? SlaTimerState.NearBreach : SlaTimerState.OnTrack, due, null);
    }

    private static IQueryable<ListedCase> Rows(IQueryable<ServiceCase> query) =>
        query.Select(c => new ListedCase(c.Id, c.Subject, c.AccountId, c.Account!.Name, c.Contact!.FullName, c.Category, c.Priority,
            c.Status, c.AssigneeId, c.Assignee!.FullName, c.CreatedAt, c.SlaDueAt, c.SlaNearAt, c.ResponseDueAt, c.ResolutionDueAt,
            c.FirstRespondedAt, c.ResolvedAt));

    private sealed record ListedCase(
        Guid Id, string Subject, Guid AccountId, string AccountName, string ContactName, CaseCategory Category, CasePriority Priority,
        CaseStatus Status, Guid AssigneeId, string AssigneeName, DateTime CreatedAt, DateTime SlaDueAt, DateTime SlaNearAt,
        DateTime ResponseDueAt, DateTime ResolutionDueAt, DateTime? FirstRespondedAt, DateTime? ResolvedAt)
    {
        public CaseRow ToRow(DateTime now)
        {
            // The next instant the client waits on: the first response until it is given, then the resolution.
            var due = FirstRespondedAt is null ? ResponseDueAt : ResolvedAt is null ? ResolutionDueAt : ServiceCase.Far;
            return new(Id, Subject, AccountId, AccountName, ContactName, Category, Priority, Status, AssigneeId, AssigneeName, CreatedAt,
                CaseClock.StateAt(SlaDueAt, SlaNearAt, now), due == ServiceCase.Far ? null : due);
        }
    }
}
