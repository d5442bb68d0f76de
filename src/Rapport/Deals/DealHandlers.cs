using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// Creates and changes deals within what the viewer may edit, and writes a <see cref="DealEvent"/> for every change
/// pay or the forecast cares about in the same SaveChanges: creation, stage moves, amount changes, wins, losses,
/// reopens, split and owner changes. A stale version is a conflict, as everywhere.
/// </summary>
public sealed class DealHandlers(
    RapportDb db, TimeProvider clock, DealSettingsCatalog catalog, CurrencyConverter converter, IEnumerable<IDealOutcomeParticipant> participants)
    : ICurrencyRateObserver
{
    /// <summary>An expected close date further ahead than this is taken for a typing mistake.</summary>
    public const int MaxYearsAhead = 5;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, DealInput input, CancellationToken ct = default)
    {
        if (!DealAccess.MaySell(viewer) || (viewer.EmployeeId is null && !viewer.IsAdministrator))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var accountId = input.AccountId!.Value;
        if (!await db.Accounts.Where(a => a.Id == accountId).VisibleTo(db, viewer).AnyAsync(ct))
        {
            return Error.Invalid(nameof(DealInput.AccountId), Texts.ErrorAccountNotFound);
        }

        var settings = await catalog.GetAsync(ct);
        var pipeline = input.PipelineId is { } pid ? settings.Pipelines.FirstOrDefault(p => p.Id == pid && !p.Archived) : settings.DefaultPipeline;
        if (pipeline is null)
        {
            return Error.Invalid(nameof(DealInput.PipelineId), DealTexts.ErrorPipelineNotFound);
        }

        var stage = input.StageId is { } sid ? settings.Stage(sid) : settings.FirstOpenStage(pipeline.Id);
        if (stage is null || stage.PipelineId != pipeline.Id || stage.Kind != StageKind.Open || stage.Archived)
        {
            return Error.Invalid(nameof(DealInput.StageId), DealTexts.ValidationStageNotOpen);
        }

        var owner = input.OwnerId ?? viewer.EmployeeId;
        if (owner is not { } ownerId || !await db.Employees.AnyAsync(e => e.Id == ownerId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(nameof(DealInput.OwnerId), Texts.ValidationUnknownEmployee);
        }

        if (ownerId != viewer.EmployeeId && !await DealAccess.MayAssignAsync(db, viewer, ownerId, ct))
        {
            return Error.Invalid(nameof(DealInput.OwnerId), ClientBaseAccess.AssignRefused(viewer));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deal = Deal.Create();
        deal.AccountId = accountId;
        deal.PipelineId = pipeline.Id;
        deal.StageId = stage.Id;
        deal.Outcome = DealOutcome.Open;
        deal.OwnerId = ownerId;
        deal.CreatedAt = now;
        deal.StageSince = now;
        if (await ApplyAsync(deal, input, settings, ct) is { } invalid)
        {
            return invalid;
        }

        if (await ExternalIdTakenAsync(deal, ct) is { } taken)
        {
            return taken;
        }

        deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = ownerId, Percent = Splits.Whole });
        deal.Number = await NextNumbersAsync(db, 1, ct);
        db.Deals.Add(deal);
        var created = NewEvent(viewer, deal, DealEventKind.Created, Today);
        created.ToStageId = stage.Id;
        created.AmountAfter = deal.Amount;
        created.BaseAfter = deal.AmountBase;
        created.Details = new DealEventDetails(Credits: Credits(deal), Lines: Lines(deal)).ToJson();
        await db.SaveChangesAsync(ct);
        return deal.Id;
    }

    /// <summary>Edits an open deal's fields and lines; a won or lost deal is reopened first, so that pay sees the change.</summary>
    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, DealInput input, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        if (deal.Outcome != DealOutcome.Open)
        {
            return Error.Conflict(DealTexts.ErrorClosedDealNotEdited);
        }

        var settings = await catalog.GetAsync(ct);
        var (amountBefore, baseBefore, ownerBefore) = (deal.Amount, deal.AmountBase, deal.OwnerId);
        var creditsBefore = Credits(deal);
        if (input.OwnerId is { } owner && owner != deal.OwnerId)
        {
            // Who owns a deal decides who may edit it and who is credited: a change of hands, as for accounts.
            if (!viewer.IsAny(Roles.Administrator, Roles.HeadOfSales) || !await DealAccess.MayAssignAsync(db, viewer, owner, ct))
            {
                return Error.Invalid(nameof(DealInput.OwnerId), ClientBaseAccess.AssignRefused(viewer));
            }

            if (!await db.Employees.AnyAsync(e => e.Id == owner && e.Status == EmployeeStatus.Active, ct))
            {
                return Error.Invalid(nameof(DealInput.OwnerId), Texts.ValidationUnknownEmployee);
            }

            HandOver(deal, owner);
        }

        if (await ApplyAsync(deal, input, settings, ct) is { } invalid)
        {
            return invalid;
        }

        if (await ExternalIdTakenAsync(deal, ct) is { } taken)
        {
            return taken;
        }

        var today = Today;
        if (deal.Amount != amountBefore || deal.AmountBase != baseBefore)
        {
            var changed = NewEvent(viewer, deal, DealEventKind.AmountChanged, today);
            (changed.AmountBefore, changed.AmountAfter, changed.BaseBefore, changed.BaseAfter) = (amountBefore, deal.Amount, baseBefore, deal.AmountBase);
            changed.Details = new DealEventDetails(Lines: Lines(deal)).ToJson();
        }

        if (deal.OwnerId != ownerBefore)
        {
            var handed = NewEvent(viewer, deal, DealEventKind.OwnerChanged, today);
            handed.Details = new DealEventDetails(OwnerBefore: ownerBefore, OwnerAfter: deal.OwnerId).ToJson();
            SplitsEvent(viewer, deal, creditsBefore, today);
        }

        return await SaveAsync(deal, ct);
    }

    /// <summary>Moves an open deal to another open stage of its pipeline; its probability follows unless overridden.</summary>
    public async Task<Result> MoveStageAsync(Viewer viewer, Guid id, StageMoveInput input, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        var settings = await catalog.GetAsync(ct);
        if (deal.Outcome != DealOutcome.Open)
        {
            return Error.Conflict(DealTexts.ErrorDealNotOpen);
        }

        var stage = settings.Stage(input.StageId!.Value);
        if (stage is null || stage.PipelineId != deal.PipelineId || stage.Kind != StageKind.Open || stage.Archived)
        {
            return Error.Invalid(nameof(StageMoveInput.StageId), DealTexts.ValidationStageNotOpen);
        }

        if (stage.Id == deal.StageId)
        {
            return Result.Ok();
        }

        var moved = NewEvent(viewer, deal, DealEventKind.StageMoved, Today);
        (moved.FromStageId, moved.ToStageId) = (deal.StageId, stage.Id);
        deal.StageId = stage.Id;
        deal.StageSince = clock.GetUtcNow().UtcDateTime;
        if (!deal.ProbabilityOverridden)
        {
            deal.Probability = stage.Probability;
        }

        return await SaveAsync(deal, ct);
    }

    /// <summary>
    /// Wins an open deal on a close date that is not after today: converts its amount at that date's rate, decides new
    /// or existing business for the deal and each line (<see cref="Novelty"/>), and records the credits it is won with.
    /// </summary>
    public async Task<Result> WinAsync(Viewer viewer, Guid id, WinInput input, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        if (deal.Outcome != DealOutcome.Open)
        {
            return Error.Conflict(DealTexts.ErrorDealNotOpen);
        }

        var closedOn = input.ClosedOn!.Value;
        if (CloseDateProblem(closedOn) is { } problem)
        {
            return Error.Invalid(nameof(WinInput.ClosedOn), problem);
        }

        var settings = await catalog.GetAsync(ct);
        var won = settings.WonStage(deal.PipelineId);
        if (won is null)
        {
            return Error.Conflict(DealTexts.ErrorStageNotFound);
        }

        var conversion = await converter.ConvertAsync(deal.Amount, deal.Currency, closedOn, nameof(WinInput.ClosedOn), ct);
        if (!conversion.IsSuccess)
        {
            return Result.Fail([.. conversion.Errors]);
        }

        await ClassifyAsync(deal, closedOn, ct);
        var from = deal.StageId;
        Close(deal, won, DealOutcome.Won, closedOn, conversion.Value.Converted);
        var ev = NewEvent(viewer, deal, DealEventKind.Won, closedOn);
        (ev.FromStageId, ev.ToStageId, ev.AmountAfter, ev.BaseAfter) = (from, won.Id, deal.Amount, deal.AmountBase);
        ev.Details = new DealEventDetails(Credits: Credits(deal), Lines: Lines(deal), NewBusiness: deal.NewBusiness).ToJson();
        foreach (var participant in participants)
        {
            await participant.DealWonAsync(db, deal, ct);
        }

        return await SaveAsync(deal, ct);
    }

    /// <summary>Loses an open deal for an active reason from the list, on a date that is not after today.</summary>
    public async Task<Result> LoseAsync(Viewer viewer, Guid id, LoseInput input, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        if (deal.Outcome != DealOutcome.Open)
        {
            return Error.Conflict(DealTexts.ErrorDealNotOpen);
        }

        var settings = await catalog.GetAsync(ct);
        if (settings.LostReason(input.LostReasonId!.Value) is not { Archived: false } reason)
        {
            return Error.Invalid(nameof(LoseInput.LostReasonId), DealTexts.ValidationLoseNeedsReason);
        }

        var closedOn = input.ClosedOn ?? Today;
        if (CloseDateProblem(closedOn) is { } problem)
        {
            return Error.Invalid(nameof(LoseInput.ClosedOn), problem);
        }

        var lost = settings.LostStage(deal.PipelineId);
        if (lost is null)
        {
            return Error.Conflict(DealTexts.ErrorStageNotFound);
        }

        // A lost deal keeps the amount it was converted at; the rate of the day it was lost may be missing and matters to nobody.
        var from = deal.StageId;
        Close(deal, lost, DealOutcome.Lost, closedOn, deal.AmountBase);
        deal.LostReasonId = reason.Id;
        deal.LostNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var ev = NewEvent(viewer, deal, DealEventKind.Lost, closedOn);
        (ev.FromStageId, ev.ToStageId, ev.AmountAfter, ev.BaseAfter) = (from, lost.Id, deal.Amount, deal.AmountBase);
        ev.Details = new DealEventDetails(LostReasonId: reason.Id, Note: deal.LostNote).ToJson();
        return await SaveAsync(deal, ct);
    }

    /// <summary>
    /// Reopens a won or lost deal into an open stage (the last open one unless named). The event keeps what it undoes —
    /// the outcome, close date, credits and lines of the win — so that pay can take back what the win earned.
    /// </summary>
    public async Task<Result> ReopenAsync(Viewer viewer, Guid id, ReopenInput input, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        if (deal.Outcome == DealOutcome.Open)
        {
            return Error.Conflict(DealTexts.ErrorDealAlreadyOpen);
        }

        var settings = await catalog.GetAsync(ct);
        var stage = input.StageId is { } sid
            ? settings.Stage(sid)
            : settings.StagesOf(deal.PipelineId).LastOrDefault(s => s.Kind == StageKind.Open && !s.Archived);
        if (stage is null || stage.PipelineId != deal.PipelineId || stage.Kind != StageKind.Open || stage.Archived)
        {
            return Error.Invalid(nameof(ReopenInput.StageId), DealTexts.ValidationStageNotOpen);
        }

        var today = Today;
        var rateDate = deal.ExpectedCloseOn;
        var conversion = await converter.ConvertAsync(deal.Amount, deal.Currency, rateDate, nameof(DealInput.Currency), ct);
        if (!conversion.IsSuccess)
        {
            return Result.Fail([.. conversion.Errors]);
        }

        var ev = NewEvent(viewer, deal, DealEventKind.Reopened, today);
        (ev.FromStageId, ev.ToStageId, ev.AmountBefore, ev.BaseBefore) = (deal.StageId, stage.Id, deal.Amount, deal.AmountBase);
        ev.Details = new DealEventDetails(Credits: Credits(deal), Lines: Lines(deal), NewBusiness: deal.NewBusiness,
            WasOutcome: deal.Outcome, WasClosedOn: deal.ClosedOn, LostReasonId: deal.LostReasonId).ToJson();
        var was = deal.Outcome;
        deal.Outcome = DealOutcome.Open;
        deal.StageId = stage.Id;
        deal.StageSince = clock.GetUtcNow().UtcDateTime;
        deal.ClosedOn = null;
        deal.CloseOn = deal.ExpectedCloseOn;
        deal.LostReasonId = null;
        deal.LostNote = null;
        deal.NewBusiness = null;
        deal.Lines.ForEach(l => l.NewProduct = null);
        deal.Probability = deal.ProbabilityOverridden ? deal.Probability : stage.Probability;
        deal.AmountBase = conversion.Value.Converted;
        deal.RateDate = rateDate;
        (ev.AmountAfter, ev.BaseAfter) = (deal.Amount, deal.AmountBase);
        foreach (var participant in participants)
        {
            await participant.DealReopenedAsync(db, deal, was, ct);
        }

        return await SaveAsync(deal, ct);
    }

    /// <summary>
    /// Replaces the credit split. Shares are percent in hundredths that sum to 100. A share may be added or raised for
    /// any active colleague; a share may be lowered or taken away only by its holder or by someone who may assign its
    /// holder (<see cref="ClientBaseAccess.MayAssignAsync"/>: a head of sales within the team, an administrator
    /// anyone). An account manager keeps a share of their own: they share their credit, they do not give it all away.
    /// </summary>
    public async Task<Result> SetSplitsAsync(Viewer viewer, Guid id, SplitsInput input, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        var after = input.Splits.Select(s => new SplitShare(s.EmployeeId, s.Percent)).ToList();
        if (await SplitErrorAsync(viewer, deal, after, ct) is { } invalid)
        {
            return invalid;
        }

        var before = Credits(deal);
        ReplaceSplits(deal, after);
        SplitsEvent(viewer, deal, before, Today);
        db.Entry(deal).Property(d => d.Version).IsModified = true;
        return await SaveAsync(deal, ct);
    }

    /// <summary>Replaces the buying committee with contacts of the deal's account, each in a buying role that is in use.</summary>
    public async Task<Result> SetContactsAsync(Viewer viewer, Guid id, DealContactsInput input, BuyingRoleCatalog roleCatalog, CancellationToken ct = default)
    {
        var (deal, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (deal is null)
        {
            return refused!;
        }

        var ids = input.Contacts.Select(c => c.ContactId).ToList();
        if (ids.Distinct().Count() != ids.Count)
        {
            return Error.Invalid(nameof(DealContactsInput.Contacts), DealTexts.ValidationContactTwice);
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id) && c.AccountId == deal.AccountId)
            .Select(c => new { c.Id, c.Role, c.Status }).ToListAsync(ct);
        var roles = await roleCatalog.GetAsync(ct);
        var committee = new List<DealContact>();
        foreach (var entry in input.Contacts)
        {
            var contact = contacts.Find(c => c.Id == entry.ContactId);
            var kept = deal.Contacts.Find(c => c.ContactId == entry.ContactId);
            if (contact is null || (contact.Status != ContactStatus.Active && kept is null))
            {
                return Error.Invalid(nameof(DealContactsInput.Contacts), DealTexts.ValidationContactOfAccount);
            }

            var role = string.IsNullOrWhiteSpace(entry.Role) ? contact.Role : entry.Role.Trim();
            if (roles.Find(role) is not { } found || (found.Archived && kept?.Role != role && contact.Role != role))
            {
                return Error.Invalid(nameof(DealContactsInput.Contacts), DealTexts.ValidationUnknownRole);
            }

            committee.Add(new DealContact { DealId = deal.Id, ContactId = entry.ContactId, Role = role });
        }

        // Changed in place: a row removed and one added with the same key would be two entities with one identity.
        deal.Contacts.RemoveAll(c => !committee.Any(n => n.ContactId == c.ContactId));
        foreach (var member in committee)
        {
            if (deal.Contacts.Find(c => c.ContactId == member.ContactId) is { } current)
            {
                current.Role = member.Role;
            }
            else
            {
                deal.Contacts.Add(member);
            }
        }

        db.Entry(deal).Property(d => d.Version).IsModified = true;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Open deals in a currency follow a change of its rates: their amount in the organisation's currency is taken again.</summary>
    public async Task RatesChangedAsync(string currency, CancellationToken ct)
    {
        var deals = await db.Deals.Where(d => d.Currency == currency && d.Outcome == DealOutcome.Open).ToListAsync(ct);
        foreach (var deal in deals)
        {
            if ((await converter.ConvertAsync(deal.Amount, deal.Currency, deal.RateDate, ct: ct)) is { IsSuccess: true } converted)
            {
                deal.AmountBase = converted.Value.Converted;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes <paramref name="count"/> deal numbers at once and returns the last; the first is last − count + 1.</summary>
    internal static async Task<long> NextNumbersAsync(RapportDb db, int count, CancellationToken ct)
    {
        // One statement that both engines run atomically: two deals created at once never share a number.
        var numbers = await db.Database
            .SqlQueryRaw<long>("UPDATE \"DealCounters\" SET \"Last\" = \"Last\" + {0} WHERE \"Id\" = 1 RETURNING \"Last\" AS \"Value\"", count)
            .ToListAsync(ct);
        return numbers.Single();
    }

    internal string? CloseDateProblem(DateOnly closedOn) =>
        closedOn > Today ? DealTexts.ValidationCloseDateFuture
        : closedOn < new DateOnly(2000, 1, 1) ? DealTexts.ValidationCloseDateOld
        : null;

    private async Task<(Deal? Deal, Error? Refused)> EditableAsync(Viewer viewer, Guid id, long version, CancellationToken ct)
    {
        var deal = await db.Deals.EditableBy(db, viewer).Include(d => d.Lines).Include(d => d.Splits).Include(d => d.Contacts)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null)
        {
            return (null, await db.Deals.Where(d => d.Id == id).VisibleTo(db, viewer).AnyAsync(ct)
                ? new Error(ErrorKind.Forbidden, Texts.ErrorForbidden)
                : Error.NotFound(DealTexts.ErrorDealNotFound));
        }

        return deal.Version != version ? (null, Error.StaleVersion()) : (deal, null);
    }

    /// <summary>Sets the fields, lines, amount, probability and converted amount of an open deal from the input.</summary>
    private async Task<Error?> ApplyAsync(Deal deal, DealInput input, DealSettings settings, CancellationToken ct)
    {
        var expected = input.ExpectedCloseOn!.Value;
        if (expected > Today.AddYears(MaxYearsAhead))
        {
            return Error.Invalid(nameof(DealInput.ExpectedCloseOn), string.Format(CultureInfo.CurrentCulture, DealTexts.ValidationExpectedTooFar, MaxYearsAhead));
        }

        var currency = string.IsNullOrWhiteSpace(input.Currency) ? Currencies.Euro : input.Currency.Trim().ToUpperInvariant();
        var productIds = input.Lines.Select(l => l.ProductId).OfType<Guid>().Distinct().ToList();
        var products = await db.Products.AsNoTracking().Include(p => p.Prices).Where(p => productIds.Contains(p.Id)).ToListAsync(ct);
        var lines = new List<DealLine>();
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var field = $"{nameof(DealInput.Lines)}[{i}]";
            var product = products.Find(p => p.Id == line.ProductId);
            if (product is null || (product.Archived && !deal.Lines.Any(l => l.ProductId == product.Id)))
            {
                return Error.Invalid(field + "." + nameof(DealLineInput.ProductId), DealTexts.ValidationProductUnknown);
            }

            if (line.Quantity is not > 0)
            {
                return Error.Invalid(field + "." + nameof(DealLineInput.Quantity), DealTexts.ValidationQuantityPositive);
            }

            var price = line.UnitPrice ?? product.PriceIn(currency);
            if (price is not { } unitPrice)
            {
                return Error.Invalid(field + "." + nameof(DealLineInput.UnitPrice),
                    string.Format(CultureInfo.CurrentCulture, DealTexts.ValidationNoListPrice, product.Name, currency));
            }

            if (unitPrice < 0)
            {
                return Error.Invalid(field + "." + nameof(DealLineInput.UnitPrice), DealTexts.ValidationNotNegativeAmount);
            }

            var discount = line.DiscountPercent ?? 0;
            if (discount is < 0 or > 100)
            {
                return Error.Invalid(field + "." + nameof(DealLineInput.DiscountPercent), DealTexts.ValidationDiscount);
            }

            var quantity = line.Quantity.Value;
            var existing = i < deal.Lines.Count ? deal.Lines.OrderBy(l => l.Position).ElementAt(i) : null;
            var kept = existing ?? new DealLine { DealId = deal.Id };
            (kept.Position, kept.ProductId, kept.Quantity, kept.UnitPrice, kept.DiscountPercent) = (i, product.Id, quantity, Money.Round(unitPrice), discount);
            kept.Amount = DealMath.LineAmount(quantity, kept.UnitPrice, discount);
            lines.Add(kept);
        }

        decimal amount;
        if (lines.Count > 0)
        {
            amount = lines.Sum(l => l.Amount);
        }
        else if (input.Amount is { } given)
        {
            if (given < 0)
            {
                return Error.Invalid(nameof(DealInput.Amount), DealTexts.ValidationNotNegativeAmount);
            }

            amount = Money.Round(given);
        }
        else
        {
            return Error.Invalid(nameof(DealInput.Amount), DealTexts.ValidationAmountOrLines);
        }

        var conversion = await converter.ConvertAsync(amount, currency, expected, nameof(DealInput.Currency), ct);
        if (!conversion.IsSuccess)
        {
            return conversion.Errors[0];
        }

        var stage = settings.Stage(deal.StageId);
        deal.Rename(input.Title!);
        deal.Currency = currency;
        deal.Amount = amount;
        deal.AmountBase = conversion.Value.Converted;
        deal.RateDate = expected;
        deal.ExpectedCloseOn = expected;
        deal.CloseOn = expected;
        deal.ProbabilityOverridden = input.Probability is not null;
        deal.Probability = DealMath.Probability(stage?.Kind ?? StageKind.Open, stage?.Probability ?? 0, input.Probability is { } p ? Math.Round(p, 2) : null);
        deal.Forecast = input.Forecast;
        deal.ExternalId = string.IsNullOrWhiteSpace(input.ExternalId) ? null : input.ExternalId.Trim();
        foreach (var gone in deal.Lines.Except(lines).ToList())
        {
            deal.Lines.Remove(gone);
        }

        foreach (var line in lines.Where(l => !deal.Lines.Contains(l)))
        {
            deal.Lines.Add(line);
        }

        return null;
    }

    private async Task<Error?> ExternalIdTakenAsync(Deal deal, CancellationToken ct) =>
        deal.ExternalId is { } external && await db.Deals.AnyAsync(d => d.ExternalId == external && d.Id != deal.Id, ct)
            ? Error.Invalid(nameof(DealInput.ExternalId), DealTexts.ValidationExternalIdTaken)
            : null;

    private async Task<Error?> SplitErrorAsync(Viewer viewer, Deal deal, List<SplitShare> after, CancellationToken ct)
    {
        const string field = nameof(SplitsInput.Splits);
        if (Splits.Problem(after) is { } problem)
        {
            return Error.Invalid(field, problem);
        }

        var ids = after.Select(s => s.EmployeeId).ToList();
        var active = await db.Employees.Where(e => ids.Contains(e.Id) && e.Status == EmployeeStatus.Active).Select(e => e.Id).ToListAsync(ct);
        var kept = deal.Splits.Select(s => s.EmployeeId).ToHashSet();
        if (ids.Any(i => !active.Contains(i) && !kept.Contains(i)))
        {
            return Error.Invalid(field, Texts.ValidationUnknownEmployee);
        }

        if (viewer.IsAdministrator)
        {
            return null;
        }

        foreach (var share in deal.Splits)
        {
            var now = after.FirstOrDefault(s => s.EmployeeId == share.EmployeeId);
            if ((now == default || now.Percent < share.Percent) && share.EmployeeId != viewer.EmployeeId
                && !await DealAccess.MayAssignAsync(db, viewer, share.EmployeeId, ct))
            {
                return Error.Invalid(field, viewer.Is(Roles.HeadOfSales) ? DealTexts.ValidationSplitOutsideTeam : DealTexts.ValidationSplitLowerOthers);
            }
        }

        return !viewer.Is(Roles.HeadOfSales) && !after.Any(s => s.EmployeeId == viewer.EmployeeId)
            ? Error.Invalid(field, DealTexts.ValidationSplitKeepOwn)
            : null;
    }

    /// <summary>Decides new or existing business for a deal being won, from the account's deals won before it.</summary>
    private async Task ClassifyAsync(Deal deal, DateOnly closedOn, CancellationToken ct)
    {
        var won = await db.Deals.AsNoTracking().Where(d => d.AccountId == deal.AccountId && d.Id != deal.Id && d.Outcome == DealOutcome.Won && d.ClosedOn <= closedOn)
            .Select(d => new { d.Id, d.Number, ClosedOn = d.ClosedOn!.Value }).ToListAsync(ct);
        var ids = won.Select(w => w.Id).ToList();
        var lines = await db.DealLines.AsNoTracking().Where(l => ids.Contains(l.DealId)).Select(l => new { l.DealId, l.ProductId }).ToListAsync(ct);
        var history = won.Select(w => new WonHistory(w.Id, w.Number, w.ClosedOn, [.. lines.Where(l => l.DealId == w.Id).Select(l => l.ProductId)]));
        var (newBusiness, newProducts) = Novelty.Classify(deal.Number, closedOn, deal.Lines.Select(l => l.ProductId), history);
        if (deal.Renewal)
        {
            // A renewal keeps a service the client already uses: existing business, and none of its products is new.
            (newBusiness, newProducts) = (false, new HashSet<Guid>());
        }

        deal.NewBusiness = newBusiness;
        deal.Lines.ForEach(l => l.NewProduct = newProducts.Contains(l.ProductId));
    }

    private void Close(Deal deal, Stage stage, DealOutcome outcome, DateOnly closedOn, decimal amountBase)
    {
        deal.Outcome = outcome;
        deal.StageId = stage.Id;
        deal.StageSince = clock.GetUtcNow().UtcDateTime;
        deal.ClosedOn = closedOn;
        deal.CloseOn = closedOn;
        deal.Probability = stage.Kind == StageKind.Won ? 100m : 0m;
        deal.AmountBase = amountBase;
        deal.RateDate = outcome == DealOutcome.Won ? closedOn : deal.RateDate;
    }

    /// <summary>Sets the shares in place: a row removed and one added with the same key would be two entities with one identity.</summary>
    internal static void ReplaceSplits(Deal deal, IReadOnlyList<SplitShare> after)
    {
        deal.Splits.RemoveAll(s => !after.Any(a => a.EmployeeId == s.EmployeeId));
        foreach (var share in after)
        {
            if (deal.Splits.Find(s => s.EmployeeId == share.EmployeeId) is { } current)
            {
                current.Percent = share.Percent;
            }
            else
            {
                deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = share.EmployeeId, Percent = share.Percent });
            }
        }
    }

    /// <summary>A new owner takes the old owner's share (added to their own if they had one).</summary>
    private static void HandOver(Deal deal, Guid owner)
    {
        if (deal.Splits.Find(s => s.EmployeeId == deal.OwnerId) is { } old)
        {
            var shares = deal.Splits.Where(s => s != old).Select(s => new SplitShare(s.EmployeeId, s.Percent)).ToList();
            var theirs = shares.FindIndex(s => s.EmployeeId == owner);
            if (theirs >= 0)
            {
                shares[theirs] = shares[theirs] with { Percent = shares[theirs].Percent + old.Percent };
            }
            else
            {
                shares.Add(new SplitShare(owner, old.Percent));
            }

            ReplaceSplits(deal, shares);
        }

        deal.OwnerId = owner;
    }

    private void SplitsEvent(Viewer viewer, Deal deal, IReadOnlyList<CreditDetail> before, DateOnly today)
    {
        var ev = NewEvent(viewer, deal, DealEventKind.SplitsChanged, today);
        ev.BaseAfter = deal.AmountBase;
        ev.Details = new DealEventDetails(Credits: Credits(deal), CreditsBefore: before, WasOutcome: deal.Outcome).ToJson();
    }

    private DealEvent NewEvent(Viewer viewer, Deal deal, DealEventKind kind, DateOnly effectiveOn)
    {
        var ev = new DealEvent
        {
            DealId = deal.Id, Kind = kind, At = clock.GetUtcNow().UtcDateTime, EffectiveOn = effectiveOn, UserId = db.Actor.UserId,
            ActorEmployeeId = viewer.EmployeeId, Actor = db.Actor.Name, Currency = deal.Currency,
        };
        db.DealEvents.Add(ev);
        return ev;
    }

    private async Task<Result> SaveAsync(Deal deal, CancellationToken ct)
    {
        // Lines, splits and contacts are rows of their own; any change of them is a change of the deal's version too.
        db.Entry(deal).Property(d => d.Version).IsModified = true;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The deal's credits in the organisation's currency, by the split rule.</summary>
    internal static IReadOnlyList<CreditDetail> Credits(Deal deal) =>
        [.. Splits.Allocate(deal.AmountBase, [.. deal.Splits.Select(s => new SplitShare(s.EmployeeId, s.Percent))], deal.OwnerId)
            .Select(c => new CreditDetail(c.EmployeeId, c.Percent, c.Amount))];

    /// <summary>The deal's lines with their share of the amount in the organisation's currency.</summary>
    internal static IReadOnlyList<LineDetail> Lines(Deal deal)
    {
        var lines = deal.Lines.OrderBy(l => l.Position).ToList();
        var bases = DealMath.Spread(deal.AmountBase, [.. lines.Select(l => l.Amount)]);
        return [.. lines.Select((l, i) => new LineDetail(l.ProductId, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Amount, bases[i], l.NewProduct))];
    }
}
