using Microsoft.EntityFrameworkCore;
using NodaTime;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;

namespace Rapport.Service.Demo;

/// <summary>
/// The inbound mail of the demo, on the demo coordinator's accounts: a message from a client's contact that became a
/// case, an answer quoting an open case's reference that became the client's reply, and two that wait in triage, one
/// from an unknown sender and one from an accounting office's mailbox that two client companies list for their contact.
/// Seeded with the cases, after them.
/// </summary>
internal sealed class IntakeDemo(RapportDb db, SlaSettingsHandlers settings)
{
    /// <summary>The shared mailbox of the accounting office that keeps the books of two of the coordinator's clients.</summary>
    private const string OfficeMailbox = "office@kantora-ivanovi.example";

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var coordinator = demo.Staff.People.FirstOrDefault(p => p.SignIn == DemoSignIns.Coordinator);
        if (coordinator is null)
        {
            return;
        }

        var rules = await settings.RulesAsync(ct);
        var now = Instant.FromDateTimeUtc(demo.Now);
        var accounts = await db.Accounts.Where(a => a.CoordinatorId == coordinator.Id).OrderBy(a => a.SearchName).Select(a => a.Id).ToListAsync(ct);
        var contacts = await db.Contacts.Include(c => c.Emails)
            .Where(c => accounts.Contains(c.AccountId) && c.Status == ContactStatus.Active && c.Email != null)
            .OrderBy(c => c.SearchName).ThenBy(c => c.Id).ToListAsync(ct);
        var withCases = await db.Cases.Where(c => accounts.Contains(c.AccountId)).Select(c => c.AccountId).Distinct().ToListAsync(ct);

        // A client's answer, by e-mail, on an open case the coordinator has answered: the subject quotes its reference.
        var open = await db.Cases.Include(c => c.Replies)
            .Where(c => c.AssigneeId == coordinator.Id && c.Status == CaseStatus.InProgress && c.Contact!.Email != null)
            .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            var last = open.Replies.Count == 0 ? open.CreatedAt : open.Replies.Max(r => r.At);
            var at = new DateTime(Math.Max(last.AddMinutes(5).Ticks, demo.Now.AddMinutes(-25).Ticks), DateTimeKind.Utc);
            var author = await db.Contacts.Where(c => c.Id == open.ContactId).Select(c => new { c.FullName, c.Email }).FirstAsync(ct);
            var reply = new CaseReply
            {
                CaseId = open.Id, ContactId = open.ContactId, At = at,
                Text = "Благодаря за бързия отговор. Днес пробвахме отново и грешката се появява само при потребителите от склада в Казанлък.",
            };
            db.CaseReplies.Add(reply);
            db.IntakeMessages.Add(new IntakeMessage
            {
                From = $"{author.FullName} <{author.Email}>", FromKey = author.Email!, Subject = $"RE: {open.Subject} {CaseReference.Of(open.Id)}",
                Body = reply.Text, ReceivedAt = at, State = IntakeState.Filed, CaseId = open.Id, ReplyId = reply.Id,
            });
        }

        // A new case from a contact of an account that had none yet.
        if ((contacts.FirstOrDefault(c => !withCases.Contains(c.AccountId)) ?? contacts.FirstOrDefault()) is { } writer)
        {
            var created = rules.Calendar.Before(now, Duration.FromMinutes(90)) ?? now;
            var c = new ServiceCase
            {
                AccountId = writer.AccountId, ContactId = writer.Id, Subject = "Не можем да издадем фактура с новия ДДС номер",
                Description = "Здравейте,\nот вчера при издаване на фактура системата връща „Невалиден ДДС номер“ за нашия нов номер. "
                    + "Моля, погледнете спешно, защото днес трябва да фактурираме на трима клиенти.\n\nПоздрави",
                Category = CaseCategory.Other, Priority = CasePriority.Normal, Status = CaseStatus.New, AssigneeId = coordinator.Id,
                CreatedAt = created.ToDateTimeUtc(),
                Tier = await db.Accounts.Where(a => a.Id == writer.AccountId).Select(a => a.Tier).FirstAsync(ct),
            };
            CaseClock.Refresh(c, rules.Calendar, rules.For(c));
            db.Cases.Add(c);
            db.IntakeMessages.Add(new IntakeMessage
            {
                From = $"{writer.FullName} <{writer.Email}>", FromKey = writer.Email!, Subject = c.Subject, Body = c.Description,
                ReceivedAt = c.CreatedAt, State = IntakeState.Filed, CaseId = c.Id,
            });
        }

        // Waiting: a sender no contact has, and the office's mailbox, which two client companies list.
        db.IntakeMessages.Add(new IntakeMessage
        {
            From = "Николай Димитров <n.dimitrov@stroitelstvo-iztok.example>", FromKey = "n.dimitrov@stroitelstvo-iztok.example",
            Subject = "Запитване за внедряване на ERP в три обекта",
            Body = "Добър ден,\nпрепоръчаха ни вашата система от „Родопа Логистик“. Имаме три строителни обекта и склад в Пловдив "
                + "и търсим решение за складова наличност и фактуриране. Може ли да ни се обадите тази седмица?\n\nНиколай Димитров, управител",
            ReceivedAt = demo.Now.AddHours(-26), State = IntakeState.Waiting, Reason = IntakeReason.UnknownSender,
        });
        var twoClients = contacts.GroupBy(c => c.AccountId).Select(g => g.First()).Take(2).ToList();
        if (twoClients.Count == 2)
        {
            foreach (var contact in twoClients)
            {
                contact.AddEmails([OfficeMailbox]);
            }

            db.IntakeMessages.Add(new IntakeMessage
            {
                From = $"Счетоводна кантора Иванови <{OfficeMailbox}>", FromKey = OfficeMailbox,
                Subject = "Справка за платените фактури за второто тримесечие",
                Body = "Здравейте,\nводим счетоводството на двете дружества и за годишното приключване ни трябва справка за платените "
                    + "фактури за април–юни. Може ли да ни я изпратите в Excel до края на седмицата?\n\nБлагодарим предварително,\nЕлена Иванова",
                ReceivedAt = demo.Now.AddHours(-3), State = IntakeState.Waiting, Reason = IntakeReason.SenderOnSeveralAccounts,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
