using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Pay.Engine;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>A message in an inquiry's thread: the question that opens it, or a reply.</summary>
public sealed class InquiryMessageInput
{
    [Display(Name = nameof(PayTexts.FieldInquiryText), ResourceType = typeof(PayTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(PayInquiry.TextLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Text { get; set; }
}

public sealed record InquiryRow(Guid Id, Guid StatementId, DateOnly PeriodStart, string EmployeeName, int LineOrder, InquiryStatus Status,
    DateTime OpenedAt, int Messages);

public sealed record InquiryMessageView(DateTime At, string Author, bool FromFinance, string Text);

public sealed record InquiryView(Guid Id, Guid StatementId, DateOnly PeriodStart, string EmployeeName, StatementLineView? Line, InquiryStatus Status,
    DateTime OpenedAt, IReadOnlyList<InquiryMessageView> Messages, long Version);

/// <summary>
/// Inquiries on statement lines: the employee asks on an approved statement of their own, Finance answers, either side
/// replies, Finance closes. An employee sees only their own inquiries.
/// </summary>
public sealed class InquiryHandlers(RapportDb db, TimeProvider clock)
{
    public async Task<List<InquiryRow>> ListAsync(Viewer viewer, InquiryStatus? status = null, CancellationToken ct = default)
    {
        var admin = PayAccess.MayAdminister(viewer);
        var me = viewer.EmployeeId;
        return await (from i in db.PayInquiries.AsNoTracking()
                      join s in db.PayStatements on i.StatementId equals s.Id
                      join p in db.PayPeriods on s.PeriodId equals p.Id
                      join e in db.Employees on i.EmployeeId equals e.Id
                      where (admin || i.EmployeeId == me) && (status == null || i.Status == status)
                      orderby i.Status, i.OpenedAt descending
                      select new InquiryRow(i.Id, i.StatementId, p.Start, e.FullName, i.LineOrder, i.Status, i.OpenedAt,
                          db.PayInquiryMessages.Count(m => m.InquiryId == i.Id))).Take(500).ToListAsync(ct);
    }

    public async Task<InquiryView?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var row = await (from i in db.PayInquiries.AsNoTracking()
                         join s in db.PayStatements on i.StatementId equals s.Id
                         join p in db.PayPeriods on s.PeriodId equals p.Id
                         join e in db.Employees on i.EmployeeId equals e.Id
                         where i.Id == id
                         select new { Inquiry = i, s.Lines, s.Currency, p.Start, e.FullName }).FirstOrDefaultAsync(ct);
        if (row is null || !PayAccess.MayReadLines(viewer, row.Inquiry.EmployeeId))
        {
            return null;
        }

        var line = PayJson.ReadStatement(row.Lines).Value.Lines.FirstOrDefault(l => l.Order == row.Inquiry.LineOrder);
        var messages = await db.PayInquiryMessages.AsNoTracking().Where(m => m.InquiryId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new InquiryMessageView(m.At, m.Author, m.FromFinance, m.Text)).ToListAsync(ct);
        return new InquiryView(row.Inquiry.Id, row.Inquiry.StatementId, row.Start, row.FullName,
            line is null ? null : StatementQueries.Views([line], row.Currency)[0], row.Inquiry.Status, row.Inquiry.OpenedAt, messages, row.Inquiry.Version);
    }

    /// <summary>Raises an inquiry on a line of the viewer's own approved statement.</summary>
    public async Task<Result<Guid>> RaiseAsync(Viewer viewer, Guid statementId, int lineOrder, InquiryMessageInput input, CancellationToken ct = default)
    {
        var statement = await (from s in db.PayStatements.AsNoTracking()
                               join p in db.PayPeriods on s.PeriodId equals p.Id
                               where s.Id == statementId
                               select new { s.EmployeeId, s.Lines, p.Status }).FirstOrDefaultAsync(ct);
        if (statement is null || !PayAccess.MayReadLines(viewer, statement.EmployeeId))
        {
            return Error.NotFound(PayTexts.ErrorStatementNotFound);
        }

        if (statement.EmployeeId != viewer.EmployeeId)
        {
            return new Error(ErrorKind.Forbidden, PayTexts.ErrorInquiryOwnOnly);
        }

        if (statement.Status is PayPeriodStatus.Open or PayPeriodStatus.Calculated)
        {
            return Error.NotFound(PayTexts.ErrorStatementNotFound);
        }

        if (!PayJson.ReadStatement(statement.Lines).Value.Lines.Any(l => l.Order == lineOrder))
        {
            return Error.Invalid("LineOrder", PayTexts.ValidationInquiryLine);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var inquiry = new PayInquiry { StatementId = statementId, EmployeeId = statement.EmployeeId, LineOrder = lineOrder, Status = InquiryStatus.Open, OpenedAt = now };
        db.PayInquiries.Add(inquiry);
        db.PayInquiryMessages.Add(Message(inquiry.Id, input, fromFinance: false, now));
        await db.SaveChangesAsync(ct);
        return inquiry.Id;
    }

    /// <summary>A reply: from Finance it answers the inquiry; from the employee it opens it again.</summary>
    public async Task<Result> ReplyAsync(Viewer viewer, Guid id, InquiryMessageInput input, long version, CancellationToken ct = default)
    {
        if (await db.PayInquiries.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } inquiry || !PayAccess.MayReadLines(viewer, inquiry.EmployeeId))
        {
            return Error.NotFound(PayTexts.ErrorInquiryNotFound);
        }

        if (inquiry.Version != version)
        {
            return Error.StaleVersion();
        }

        if (inquiry.Status == InquiryStatus.Closed)
        {
            return Error.Conflict(PayTexts.ErrorInquiryClosed);
        }

        var finance = PayAccess.MayAdminister(viewer) && inquiry.EmployeeId != viewer.EmployeeId;
        db.PayInquiryMessages.Add(Message(id, input, finance, clock.GetUtcNow().UtcDateTime));
        inquiry.Status = finance ? InquiryStatus.Answered : InquiryStatus.Open;
        return await db.SaveOrConflictAsync(ct);
    }

    public async Task<Result> CloseAsync(Viewer viewer, Guid id, long version, CancellationToken ct = default)
    {
        if (await db.PayInquiries.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } inquiry || !PayAccess.MayReadLines(viewer, inquiry.EmployeeId))
        {
            return Error.NotFound(PayTexts.ErrorInquiryNotFound);
        }

        if (!PayAccess.MayAdminister(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (inquiry.Version != version)
        {
            return Error.StaleVersion();
        }

        inquiry.Status = InquiryStatus.Closed;
        return await db.SaveOrConflictAsync(ct);
    }

    private PayInquiryMessage Message(Guid inquiryId, InquiryMessageInput input, bool fromFinance, DateTime at) => new()
    {
        InquiryId = inquiryId, At = at, UserId = db.Actor.UserId, Author = db.Actor.Name, FromFinance = fromFinance, Text = input.Text!.Trim(),
    };
}
