using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>An inbound e-mail as a mail gateway posts it.</summary>
public sealed class IntakeInput
{
    /// <summary>The sender: an address, or a name with the address in angle brackets.</summary>
    [Display(Name = nameof(ServiceTexts.FieldIntakeFrom), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(IntakeMessage.FromLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    [SenderAddress]
    public string? From { get; set; }

    [Display(Name = nameof(Texts.FieldSubject), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Subject { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldIntakeBody), ResourceType = typeof(ServiceTexts))]
    [StringLength(4000, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Body { get; set; }
}

/// <summary>Where a waiting message is filed: an account the viewer edits and one of its contacts, who becomes the case's.</summary>
public sealed class IntakeFileInput
{
    [Display(Name = nameof(Texts.FieldAccount), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? AccountId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(ServiceTexts.FieldRaisedBy), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? ContactId { get; set => field = Choice.OrNull(value); }

    /// <summary>Whether the sender's address joins the contact's e-mail addresses, so that their next message files itself.</summary>
    public bool RememberAddress { get; set; }
}

/// <summary>The sender of an inbound message must be one e-mail address (a display name around it is allowed).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SenderAddressAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || CaseReference.SenderKey(text) is not null
            ? ValidationResult.Success
            : new ValidationResult(string.Format(CultureInfo.CurrentCulture, Texts.ValidationEmail, text.Trim()),
                validationContext.MemberName is { } member ? [member] : []);
}

/// <summary>What became of an inbound message: a new case, a reply on an open one, or a wait in triage and why.</summary>
public sealed record IntakeOutcome(Guid MessageId, IntakeState State, IntakeReason? Reason, Guid? CaseId, Guid? ReplyId);

/// <summary>A message in the triage list.</summary>
public sealed record IntakeRow(
    Guid Id, string From, string Subject, string Preview, DateTime ReceivedAt, IntakeState State, IntakeReason? Reason, Guid? CaseId);

/// <summary>
/// A message with what its page shows: the whole body, the accounts of the sender's contacts that the viewer sees (for
/// a sender on several accounts), and who handled it.
/// </summary>
public sealed record IntakeDetails(
    Guid Id, string From, string FromKey, string Subject, string Body, DateTime ReceivedAt, IntakeState State, IntakeReason? Reason,
    Guid? CaseId, Guid? ReplyId, string? HandledBy, DateTime? HandledAt, IReadOnlyList<IntakeSender> Senders);

/// <summary>A contact who has the sender's address, on an account the viewer sees.</summary>
public sealed record IntakeSender(Guid AccountId, string AccountName, Guid ContactId, string ContactName);

/// <summary>
/// The case reference a subject carries so that a client's answer finds its case: <c>[case 0197…]</c>, the case's id in
/// brackets after the word "case" (any letter case, spaces inside the brackets allowed).
/// </summary>
public static partial class CaseReference
{
    /// <summary>The reference of a case, to quote in a subject.</summary>
    public static string Of(Guid caseId) => $"[case {caseId:D}]";

    /// <summary>The case ids a subject refers to, in the order they appear.</summary>
    public static List<Guid> In(string? subject) =>
        subject is null ? [] : [.. Pattern().Matches(subject).Select(m => Guid.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct()];

    /// <summary>The address contacts are matched on (trimmed, in lower case), or null when the text is not one address.</summary>
    public static string? SenderKey(string? from)
    {
        var text = from?.Trim();
        if (string.IsNullOrEmpty(text) || !MailAddress.TryCreate(text, out var parsed) || !ContactChannels.IsEmail(parsed.Address))
        {
            return null;
        }

        // "Мария <maria@firma.bg>" and "maria@firma.bg" are one sender; anything around a plain address is not.
        return parsed.Address == text || text.EndsWith($"<{parsed.Address}>", StringComparison.Ordinal)
            ? ContactChannels.NormalizeEmail(parsed.Address)
            : null;
    }

    [GeneratedRegex(@"\[\s*case\s+([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

/// <summary>
/// The e-mail intake: places an inbound message by its sender's address (a reply on the open case it refers to, else a
/// new case on the sender's account) or keeps it waiting for triage, where those who coordinate file it or dismiss it.
/// </summary>
public sealed class IntakeHandlers(RapportDb db, CaseHandlers cases, TimeProvider clock)
{
    /// <summary>Who sees the triage list and files or dismisses its messages, as the pages' attribute names them.</summary>
    public const string TriageRoles = $"{Roles.Administrator},{Roles.HeadOfSales},{Roles.Coordinator}";

    private const int PreviewLength = 160;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Who posts inbound mail: the users a mail gateway's token belongs to.</summary>
    public static bool MayPost(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.Coordinator);

    /// <summary>Who sees the triage list and files or dismisses its messages.</summary>
    public static bool MayTriage(Viewer viewer) => viewer.IsAny(Roles.Administrator, Roles.HeadOfSales, Roles.Coordinator);

    /// <summary>
    /// Stores an inbound message and places it. The gateway posts every organisation's mail, so the sender is matched
    /// against every active contact, not those its token's user sees; a case is only ever touched when it belongs to
    /// the sender's own account.
    /// </summary>
    public async Task<Result<IntakeOutcome>> ReceiveAsync(Viewer viewer, IntakeInput input, CancellationToken ct = default)
    {
        if (!MayPost(viewer))
        {
            return new Error(ErrorKind.Forbidden, ServiceTexts.ErrorIntakeNotAllowed);
        }

        if (CaseReference.SenderKey(input.From) is not { } key)
        {
            return Error.Invalid(nameof(IntakeInput.From), string.Format(CultureInfo.CurrentCulture, Texts.ValidationEmail, input.From?.Trim()));
        }

        var message = new IntakeMessage
        {
            From = input.From!.Trim(),
            FromKey = key,
            Subject = input.Subject!.Trim(),
            Body = input.Body?.Trim() ?? "",
            ReceivedAt = Now,
            State = IntakeState.Waiting,
        };
        db.IntakeMessages.Add(message);

        var senders = await (from e in db.Set<ContactEmail>()
                             join c in db.Contacts on e.ContactId equals c.Id
                             where e.Address == key && c.Status == ContactStatus.Active
                             orderby c.SearchName, c.Id
                             select new { c.Id, c.AccountId }).ToListAsync(ct);
        var accounts = senders.Select(s => s.AccountId).Distinct().ToList();

        // A reference to an open case of one of the sender's accounts makes the message the client's reply on it; a
        // reference to another account's case, or to a closed one, is not followed.
        var references = CaseReference.In(message.Subject);
        if (references.Count > 0 && accounts.Count > 0)
        {
            var open = await db.Cases
                .Where(c => references.Contains(c.Id) && accounts.Contains(c.AccountId)
                    && (c.Status == CaseStatus.New || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingOnClient))
                .ToListAsync(ct);
            if (references.Select(id => open.Find(c => c.Id == id)).FirstOrDefault(c => c is not null) is { } target)
            {
                var ofAccount = senders.Where(s => s.AccountId == target.AccountId).Select(s => s.Id).ToList();
                var contact = ofAccount.Contains(target.ContactId) ? target.ContactId : ofAccount[0];
                var reply = await cases.AddClientReplyAsync(target, contact, message.Body.Length > 0 ? message.Body : message.Subject, ct);
                (message.State, message.CaseId, message.ReplyId) = (IntakeState.Filed, target.Id, reply.Id);
                return await SavedAsync(message);
            }
        }

        if (accounts.Count != 1)
        {
            message.Reason = accounts.Count == 0 ? IntakeReason.UnknownSender : IntakeReason.SenderOnSeveralAccounts;
            return await SavedAsync(message);
        }

        var account = await db.Accounts.Where(a => a.Id == accounts[0]).Select(a => new { a.Id, Assignee = a.CoordinatorId ?? a.OwnerId }).FirstAsync(ct);
        var opened = await cases.AddCaseAsync(account.Id, senders[0].Id, message.Subject, message.Body, CaseCategory.Other, CasePriority.Normal,
            account.Assignee, ct);
        (message.State, message.CaseId) = (IntakeState.Filed, opened.Id);
        return await SavedAsync(message);

        async Task<Result<IntakeOutcome>> SavedAsync(IntakeMessage m)
        {
            var saved = await db.SaveOrConflictAsync(ct);
            return saved.IsSuccess
                ? new IntakeOutcome(m.Id, m.State, m.Reason, m.CaseId, m.ReplyId)
                : Result<IntakeOutcome>.Fail([.. saved.Errors]);
        }
    }

    /// <summary>The messages in one state (waiting by default), oldest first, one keyset page at a time.</summary>
    public async Task<Page<IntakeRow>> ListAsync(
        Viewer viewer, IntakeState state = IntakeState.Waiting, string? after = null, int? size = null, CancellationToken ct = default)
    {
        if (!MayTriage(viewer))
        {
            return new([], null);
        }

        var query = db.IntakeMessages.AsNoTracking().Where(m => m.State == state);
        if (Cursor.Decode(after) is { } cursor
            && long.TryParse(cursor.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999)
        {
            var key = new DateTime(ticks, DateTimeKind.Utc);
            query = query.Beyond(db, m => ValueTuple.Create(m.ReceivedAt, m.Id), key, cursor.Id);
        }

        var take = Cursor.ClampSize(size);
        // The preview is cut in the query, so that a page never reads whole bodies.
        var rows = await query.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.From, m.Subject, Start = m.Body.Substring(0, PreviewLength), Cut = m.Body.Length > PreviewLength, m.ReceivedAt, m.State, m.Reason, m.CaseId })
            .Take(take + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(take);
            next = new Cursor(rows[^1].ReceivedAt.Ticks.ToString("D19", CultureInfo.InvariantCulture), rows[^1].Id).Encode();
        }

        return new([.. rows.Select(r => new IntakeRow(r.Id, r.From, r.Subject,
            string.Join(' ', r.Start.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) + (r.Cut ? "…" : ""),
            r.ReceivedAt, r.State, r.Reason, r.CaseId))], next);
    }

    /// <summary>How many messages wait in triage, for the link to it; null for those who may not see it.</summary>
    public async Task<int?> WaitingCountAsync(Viewer viewer, CancellationToken ct = default) =>
        MayTriage(viewer) ? await db.IntakeMessages.CountAsync(m => m.State == IntakeState.Waiting, ct) : null;

    public async Task<IntakeDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!MayTriage(viewer))
        {
            return null;
        }

        var m = await db.IntakeMessages.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id, x.From, x.FromKey, x.Subject, x.Body, x.ReceivedAt, x.State, x.Reason, x.CaseId, x.ReplyId, x.HandledById, x.HandledAt,
        }).FirstOrDefaultAsync(ct);
        if (m is null)
        {
            return null;
        }

        var handledBy = m.HandledById is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;

        // Only the sender's accounts this viewer sees: naming the others would say more than their own lists do.
        var visible = db.Accounts.VisibleTo(db, viewer).Select(a => a.Id);
        var senders = await (from e in db.Set<ContactEmail>()
                             join c in db.Contacts on e.ContactId equals c.Id
                             where e.Address == m.FromKey && c.Status == ContactStatus.Active && visible.Contains(c.AccountId)
                             orderby c.Account!.SearchName, c.SearchName
                             select new IntakeSender(c.AccountId, c.Account!.Name, c.Id, c.FullName)).ToListAsync(ct);
        return new IntakeDetails(m.Id, m.From, m.FromKey, m.Subject, m.Body, m.ReceivedAt, m.State, m.Reason, m.CaseId, m.ReplyId, handledBy, m.HandledAt, senders);
    }

    /// <summary>
    /// Files a waiting message as a new case on an account the viewer edits, raised by one of its contacts, opened by
    /// <see cref="CaseHandlers.CreateAsync"/> as any case is; assigned to the account's coordinator (else its owner) when
    /// the viewer may put them in charge, else to the viewer.
    /// </summary>
    public async Task<Result<Guid>> FileAsync(Viewer viewer, Guid id, IntakeFileInput input, CancellationToken ct = default)
    {
        if (await WaitingAsync(viewer, id, ct) is { Problem: { } problem })
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ClaimAsync(id, ct) is { } taken)
        {
            return taken;
        }

        var message = await db.IntakeMessages.FirstAsync(m => m.Id == id, ct);
        var accountId = input.AccountId!.Value;
        Guid? assignee = null;
        if (await db.Accounts.Where(a => a.Id == accountId).Select(a => (Guid?)(a.CoordinatorId ?? a.OwnerId)).FirstOrDefaultAsync(ct) is { } usual
            && await ClientBaseAccess.MayAssignAsync(db, viewer, usual, ct))
        {
            assignee = usual;
        }

        var created = await cases.CreateAsync(viewer, new CaseInput
        {
            AccountId = accountId,
            ContactId = input.ContactId,
            Subject = message.Subject,
            Description = message.Body,
            Category = CaseCategory.Other,
            Priority = CasePriority.Normal,
            AssigneeId = assignee,
        }, ct);
        if (!created.IsSuccess)
        {
            return created;
        }

        if (input.RememberAddress
            && await db.Contacts.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == input.ContactId, ct) is { } contact)
        {
            contact.AddEmails([message.FromKey]);
        }

        (message.State, message.CaseId) = (IntakeState.Filed, created.Value);
        Handled(viewer, message);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created.Value;
    }

    /// <summary>Dismisses a waiting message (spam, mail for no one): it leaves triage and is kept as it arrived.</summary>
    public async Task<Result> DismissAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (await WaitingAsync(viewer, id, ct) is { Problem: { } problem })
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ClaimAsync(id, ct) is { } taken)
        {
            return taken;
        }

        var message = await db.IntakeMessages.FirstAsync(m => m.Id == id, ct);
        message.State = IntakeState.Dismissed;
        Handled(viewer, message);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>The accounts a message may be filed on: those the viewer edits.</summary>
    public Task<List<Choice>> AccountChoicesAsync(Viewer viewer, CancellationToken ct = default) => cases.AccountChoicesAsync(viewer, ct);

    private void Handled(Viewer viewer, IntakeMessage message) => (message.HandledById, message.HandledAt) = (viewer.UserId, Now);

    private async Task<(bool Waiting, Error? Problem)> WaitingAsync(Viewer viewer, Guid id, CancellationToken ct)
    {
        if (!MayTriage(viewer))
        {
            return (false, Error.NotFound(ServiceTexts.ErrorIntakeNotFound));
        }

        var state = await db.IntakeMessages.Where(m => m.Id == id).Select(m => (IntakeState?)m.State).FirstOrDefaultAsync(ct);
        return state switch
        {
            null => (false, Error.NotFound(ServiceTexts.ErrorIntakeNotFound)),
            IntakeState.Waiting => (true, null),
            _ => (false, Error.Conflict(ServiceTexts.ErrorIntakeHandled)),
        };
    }

    /// <summary>
    /// Takes the message for this transaction, or says it is gone: an update that changes nothing but holds the row
    /// (PostgreSQL) or the database (SQLite) until commit, so that of two people filing it at once the second finds it
    /// handled. The changes themselves are saved by the context, so the audit log records them.
    /// </summary>
    private async Task<Error?> ClaimAsync(Guid id, CancellationToken ct)
    {
        var claimed = await db.IntakeMessages.Where(m => m.Id == id && m.State == IntakeState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, IntakeState.Waiting), ct);
        return claimed == 1 ? null : Error.Conflict(ServiceTexts.ErrorIntakeHandled);
    }
}
