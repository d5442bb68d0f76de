using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Demo;

/// <summary>
/// The client base of the demo: accounts, contacts, a year of interactions, the relationships they build, follow-ups
/// and contacts who moved company. Planned in memory by <see cref="ClientBasePlanner"/>, then written the way the
/// import writes (<see cref="ImportWriter"/>: the same audit entries and search tokens as SaveChanges, in a fraction
/// of its time), with relationship strength counted by <see cref="InteractionHandlers.StrengthenAsync"/>, exactly as
/// for interactions logged by hand. The moves go through <see cref="ContactMove"/> itself and the call that followed
/// one through <see cref="InteractionHandlers.LogAsync"/>, so their history and follow-ups are the real ones.
/// </summary>
public sealed class ClientBaseDemo(
    RapportDb db, TimeProvider clock, IOptions<StrengthOptions> options, ContactMove move, InteractionHandlers interactions,
    AccountSignals signals) : IDemoPart
{
    public string Name => "client base";

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Accounts.AnyAsync(ct);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var roles = new RoleSet(await db.BuyingRoles.AsNoTracking().ToListAsync(ct));
        var plan = new ClientBasePlanner(demo.Random, demo.Staff, roles, demo.Now).Plan();
        demo.Progress?.Report(0.2);

        await using (var writer = new ImportWriter(db, db.Actor, clock))
        {
            plan.Accounts.ForEach(writer.Add);
            plan.Contacts.ForEach(writer.Add);
            plan.Interactions.ForEach(writer.Add);
            await InteractionHandlers.StrengthenAsync(db, plan.Interactions, options.Value, writer.Add, ct);
            await writer.FlushAsync(ct);
        }

        demo.Progress?.Report(0.8);
        db.FollowUps.AddRange(plan.FollowUps);
        // A next step with a due date is a task, as when it is logged by hand: for whoever promised it.
        var owners = plan.Accounts.ToDictionary(a => a.Id, a => a.OwnerId);
        db.FollowUps.AddRange(plan.Interactions
            .Select(i => FollowUp.NextStepOf(i, i.LoggedById ?? owners[i.AccountId], i.OccurredAt))
            .OfType<FollowUp>());
        await db.SaveChangesAsync(ct);

        foreach (var planned in plan.Moves)
        {
            await MoveAsync(planned, ct);
        }

        await signals.RefreshAllAsync(ct);
        demo.Progress?.Report(1);
    }

    private async Task MoveAsync(PlannedMove planned, CancellationToken ct)
    {
        // Recorded by the owner of the account the person left, as they would have recorded it.
        var viewer = new Viewer(Guid.Empty, planned.RecordedBy, new HashSet<string> { Roles.AccountManager });
        var moved = await move.MoveAsync(viewer, planned.Contact.Id, new ContactMoveInput
        {
            TargetAccountId = planned.Target?.Id,
            NewAccountName = planned.NewAccountName,
            JobTitle = planned.JobTitle,
            Role = planned.Role,
            Emails = [planned.Email],
            Phones = planned.Phone is null ? [] : [planned.Phone],
            MovedOn = planned.MovedOn,
            Version = planned.Contact.Version,
        }, ct);
        if (!moved.IsSuccess)
        {
            throw new InvalidOperationException($"Demo move of {planned.Contact.FullName}: {moved.Errors[0].Message}");
        }

        if (planned.Call is { } call)
        {
            var accountId = await db.Contacts.Where(c => c.Id == moved.Value).Select(c => c.AccountId).FirstAsync(ct);
            var logged = await interactions.LogAsync(viewer, new InteractionInput
            {
                AccountId = accountId,
                Kind = InteractionKind.Call,
                OccurredAt = call.At,
                Subject = call.Subject,
                Outcome = call.Outcome,
                NextStep = call.NextStep,
                NextStepDue = call.Due,
                ContactIds = [moved.Value],
            }, ct);
            if (!logged.IsSuccess)
            {
                throw new InvalidOperationException($"Demo call to {planned.Contact.FullName}: {logged.Errors[0].Message}");
            }
        }

        db.ChangeTracker.Clear();
    }
}
