using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// Deals from CSV through the import machinery, one deal a row with at most one product line, matched by their deal
/// number (ours) or by the other system's id, so that importing the same file twice changes nothing. Won and lost
/// history comes in as it was: a row with a close date (and no lost reason) is a won deal, with its Created and Won
/// events dated as the file says and new or existing business decided by the rule of <see cref="Novelty"/> against the
/// account's won deals, those of earlier rows included. An open deal already there takes a changed title, amount,
/// expected close date or open stage; a closed one is never changed by an import (its row must say what it is).
/// New deals are written in bulk; their numbers are taken when the batch is committed.
/// </summary>
internal sealed class DealImporter(ImportContext context) : RowImporter(context)
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, List<WonHistory>> _won = [];
    private readonly List<Deal> _created = [];
    private DealSettings? _settings;
    private CurrencyConverter? _converter;
    private Dictionary<string, Stage>? _stages;
    private Dictionary<string, LostReason>? _reasons;
    private long _provisional = long.MaxValue / 2;

    public override async Task ProcessAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        _created.Clear();
        await LoadSettingsAsync(ct);
        var lines = new List<Line>(rows.Count);
        foreach (var row in rows)
        {
            var errors = Run.ErrorCount;
            var line = Read(row);
            if (Run.ErrorCount == errors && Keyed(line))
            {
                lines.Add(line);
            }
        }

        var numbers = lines.Where(l => l.Number is not null).Select(l => l.Number!.Value).ToList();
        var externals = lines.Where(l => l.ExternalId is not null).Select(l => l.ExternalId!).ToList();
        var existing = await Db.Deals.Include(d => d.Lines)
            .Where(d => EF.Parameter(numbers).Contains(d.Number) || (d.ExternalId != null && EF.Parameter(externals).Contains(d.ExternalId))).ToListAsync(ct);
        var existingIds = existing.ConvertAll(e => e.Id);
        var editable = existing.Count == 0 ? [] : (await Db.Deals.Where(d => EF.Parameter(existingIds).Contains(d.Id)).EditableBy(Db, Viewer)
            .Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var accounts = await AccountReferences.LoadAsync(Db, [.. lines.Select(l => l.Account)], ct);
        var found = lines.Select(l => accounts.Find(l.Account)).ToList();
        var accountIds = found.Select(f => f.Id).OfType<Guid>().Distinct().ToList();
        var visible = (await Db.Accounts.Where(a => EF.Parameter(accountIds).Contains(a.Id)).VisibleTo(Db, Viewer).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var owners = await EmployeesAsync(lines.Select(l => l.OwnerEmail), ct);
        var products = await ProductsAsync(lines, ct);
        await LoadWonAsync(accountIds, ct);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var deal = existing.FirstOrDefault(d => (line.Number is { } n && d.Number == n) || (line.ExternalId is { } x && d.ExternalId == x));
            if (deal is not null)
            {
                await UpdateAsync(line, deal, editable.Contains(deal.Id), ct);
                continue;
            }

            if (line.Number is not null && line.ExternalId is null)
            {
                Error(line.Row, ImportField.DealNumber, DealTexts.ImportDealNumberUnknown);
                continue;
            }

            if (found[i].Id is not { } accountId)
            {
                Error(line.Row, line.Account.Field, found[i].Error!);
                continue;
            }

            if (!visible.Contains(accountId))
            {
                Error(line.Row, line.Account.Field, Texts.ErrorAccountNotFound);
                continue;
            }

            Guid? ownerId = line.OwnerEmail is { } email ? owners[email] is { Active: true } named ? named.Id : null : Viewer.EmployeeId;
            if (line.OwnerEmail is not null && ownerId is null)
            {
                Error(line.Row, ImportField.OwnerEmail, Format(Texts.ImportUnknownEmployee, line.OwnerEmail));
                continue;
            }

            if (ownerId is not { } owner)
            {
                Error(line.Row, ImportField.OwnerEmail, Texts.ImportOwnerRequired);
                continue;
            }

            if (owner != Viewer.EmployeeId && !await MayAssignAsync(owner, ct))
            {
                Error(line.Row, ImportField.OwnerEmail, ClientBaseAccess.AssignRefused(Viewer));
                continue;
            }

            await CreateAsync(line, accountId, owner, products, ct);
        }
    }

    /// <summary>Numbers for the batch's new deals, taken in one statement inside the import's transaction, in file order.</summary>
    public override async Task BeforeSaveAsync(CancellationToken ct)
    {
        if (_created.Count == 0)
        {
            return;
        }

        var last = await DealHandlers.NextNumbersAsync(Db, _created.Count, ct);
        for (var i = 0; i < _created.Count; i++)
        {
            _created[i].Number = last - _created.Count + 1 + i;
        }
    }

    private async Task CreateAsync(Line line, Guid accountId, Guid owner, Dictionary<string, Product> products, CancellationToken ct)
    {
        var settings = _settings!;
        var pipeline = settings.DefaultPipeline!;
        var won = line.Stage?.Kind == StageKind.Won || (line.Stage is null && line.ClosedOn is not null && line.Reason is null);
        var lost = line.Stage?.Kind == StageKind.Lost || (line.Stage is null && line.Reason is not null);
        var stage = won ? settings.WonStage(pipeline.Id)! : lost ? settings.LostStage(pipeline.Id)! : line.Stage ?? settings.FirstOpenStage(pipeline.Id)!;
        var today = DateOnly.FromDateTime(Context.Now.ToLocalTime());
        if ((won || lost) && line.ClosedOn is null)
        {
            Error(line.Row, ImportField.ClosedOn, won ? DealTexts.ValidationWinNeedsDate : Format(Texts.ValidationRequired, DealTexts.FieldClosedOn));
            return;
        }

        if (lost && line.Reason is null)
        {
            Error(line.Row, ImportField.LostReason, DealTexts.ValidationLoseNeedsReason);
            return;
        }

        if (line.ClosedOn is { } closed && closed > today)
        {
            Error(line.Row, ImportField.ClosedOn, DealTexts.ValidationCloseDateFuture);
            return;
        }

        var expected = line.ExpectedCloseOn ?? line.ClosedOn ?? today;
        var deal = Deal.Create();
        deal.Number = _provisional++;
        deal.AccountId = accountId;
        deal.Rename(line.Title!);
        deal.ExternalId = line.ExternalId;
        deal.PipelineId = pipeline.Id;
        deal.StageId = stage.Id;
        deal.Outcome = won ? DealOutcome.Won : lost ? DealOutcome.Lost : DealOutcome.Open;
        deal.OwnerId = owner;
        deal.Currency = line.Currency ?? Currencies.Euro;
        deal.ExpectedCloseOn = expected;
        deal.ClosedOn = won || lost ? line.ClosedOn : null;
        deal.CloseOn = deal.ClosedOn ?? expected;
        deal.LostReasonId = lost ? line.Reason!.Id : null;
        deal.Probability = DealMath.Probability(stage.Kind, stage.Probability, null);
        var created = line.CreatedOn ?? (deal.ClosedOn is { } c && c < today ? c : today);
        deal.CreatedAt = DateTime.SpecifyKind(created.ToDateTime(new TimeOnly(12, 0)), DateTimeKind.Utc);
        deal.StageSince = deal.CreatedAt;
        if (line.ProductRef is { } reference)
        {
            if (!products.TryGetValue(reference, out var product))
            {
                Error(line.Row, ImportField.Product, DealTexts.ValidationProductUnknown);
                return;
            }

            var price = line.UnitPrice ?? product.PriceIn(deal.Currency);
            if (price is null)
            {
                Error(line.Row, ImportField.UnitPrice, Format(DealTexts.ValidationNoListPrice, product.Name, deal.Currency));
                return;
            }

            var quantity = line.Quantity ?? 1;
            deal.Lines.Add(new DealLine
            {
                DealId = deal.Id, ProductId = product.Id, Quantity = quantity, UnitPrice = Money.Round(price.Value),
                Amount = DealMath.LineAmount(quantity, Money.Round(price.Value), 0),
            });
            deal.Amount = deal.Lines[0].Amount;
        }
        else if (line.Amount is { } amount)
        {
            deal.Amount = amount;
        }
        else
        {
            Error(line.Row, ImportField.DealAmount, DealTexts.ValidationAmountOrLines);
            return;
        }

        deal.RateDate = won ? deal.ClosedOn!.Value : expected;
        var conversion = await _converter!.ConvertAsync(deal.Amount, deal.Currency, deal.RateDate, ct: ct);
        if (!conversion.IsSuccess)
        {
            Error(line.Row, ImportField.DealCurrency, conversion.Errors[0].Message);
            return;
        }

        deal.AmountBase = conversion.Value.Converted;
        deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = owner, Percent = Splits.Whole });
        if (won)
        {
            var history = _won.TryGetValue(accountId, out var h) ? h : _won[accountId] = [];
            var (isNew, newProducts) = Novelty.Classify(deal.Number, deal.ClosedOn!.Value, deal.Lines.Select(l => l.ProductId), history);
            deal.NewBusiness = isNew;
            deal.Lines.ForEach(l => l.NewProduct = newProducts.Contains(l.ProductId));
            history.Add(new WonHistory(deal.Id, deal.Number, deal.ClosedOn.Value, [.. deal.Lines.Select(l => l.ProductId)]));
        }

        Writer.AddRecord(deal);
        deal.Lines.ForEach(Writer.AddRecord);
        deal.Splits.ForEach(Writer.AddRecord);
        DealCredit.Of(deal).ToList().ForEach(Writer.AddRecord);
        var start = NewEvent(deal, DealEventKind.Created, created);
        (start.ToStageId, start.AmountAfter, start.BaseAfter) = (won || lost ? settings.FirstOpenStage(pipeline.Id)!.Id : stage.Id, deal.Amount, deal.AmountBase);
        var opened = new DealEventDetails(Credits: DealHandlers.Credits(deal), Lines: DealHandlers.Lines(deal));
        start.Details = opened.ToJson();
        Writer.AddRecord(start);
        if (won || lost)
        {
            // A deal imported as won has the credits and lines it was created with.
            var close = NewEvent(deal, won ? DealEventKind.Won : DealEventKind.Lost, deal.ClosedOn!.Value);
            (close.FromStageId, close.ToStageId, close.AmountAfter, close.BaseAfter) = (start.ToStageId, stage.Id, deal.Amount, deal.AmountBase);
            var details = won ? opened with { NewBusiness = deal.NewBusiness } : new DealEventDetails(LostReasonId: deal.LostReasonId);
            close.Details = details.ToJson();
            Writer.AddRecord(close);
            DealEventPerson.Of(close, details).ToList().ForEach(Writer.AddRecord);
        }

        _created.Add(deal);
        Run.Created++;
    }

    private async Task UpdateAsync(Line line, Deal deal, bool editable, CancellationToken ct)
    {
        var title = line.Title?.Trim();
        var changes = (title is not null && title != deal.Title)
            || (line.Amount is { } a && deal.Lines.Count == 0 && a != deal.Amount)
            || (line.ExpectedCloseOn is { } e && e != deal.ExpectedCloseOn && deal.Outcome == DealOutcome.Open)
            || (line.Stage is { } s && s.Id != deal.StageId)
            || (line.ClosedOn is { } c && deal.ClosedOn != c);
        if (!changes)
        {
            Run.Unchanged++;
            return;
        }

        if (!editable)
        {
            Error(line.Row, Run.FirstMapped(ImportField.DealNumber, ImportField.ExternalId), DealTexts.ImportDealNotEditable);
            return;
        }

        if (deal.Outcome != DealOutcome.Open || line.Stage is { Kind: not StageKind.Open } || line.ClosedOn is not null)
        {
            Error(line.Row, Run.FirstMapped(ImportField.DealNumber, ImportField.ExternalId), DealTexts.ImportDealClosed);
            return;
        }

        var today = DateOnly.FromDateTime(Context.Now.ToLocalTime());
        if (title is not null && title != deal.Title)
        {
            deal.Rename(title);
        }

        if (line.ExpectedCloseOn is { } expected)
        {
            deal.ExpectedCloseOn = expected;
            deal.CloseOn = expected;
        }

        if (line.Stage is { } stage && stage.Id != deal.StageId)
        {
            var moved = NewEvent(deal, DealEventKind.StageMoved, today);
            (moved.FromStageId, moved.ToStageId) = (deal.StageId, stage.Id);
            Db.DealEvents.Add(moved);
            deal.StageId = stage.Id;
            deal.StageSince = Context.Now;
            deal.Probability = deal.ProbabilityOverridden ? deal.Probability : stage.Probability;
        }

        if (line.Amount is { } amount && deal.Lines.Count == 0 && amount != deal.Amount)
        {
            var changed = NewEvent(deal, DealEventKind.AmountChanged, today);
            (changed.AmountBefore, changed.BaseBefore) = (deal.Amount, deal.AmountBase);
            var converted = await _converter!.ConvertAsync(amount, deal.Currency, deal.RateDate, ct: ct);
            if (!converted.IsSuccess)
            {
                Error(line.Row, ImportField.DealCurrency, converted.Errors[0].Message);
                return;
            }

            deal.Amount = amount;
            deal.AmountBase = converted.Value.Converted;
            (changed.AmountAfter, changed.BaseAfter) = (deal.Amount, deal.AmountBase);
            Db.DealEvents.Add(changed);
        }

        Db.Entry(deal).Property(d => d.Version).IsModified = true;
        Run.Updated++;
    }

    private DealEvent NewEvent(Deal deal, DealEventKind kind, DateOnly effectiveOn) => new()
    {
        DealId = deal.Id, Kind = kind, At = Context.Now, EffectiveOn = effectiveOn, UserId = Db.Actor.UserId, ActorEmployeeId = Viewer.EmployeeId,
        Actor = Db.Actor.Name, Currency = deal.Currency,
    };

    private Line Read(ImportRow row)
    {
        long? number = null;
        if (row[ImportField.DealNumber] is { } numberText && (number = DealNumber.Parse(numberText)) is null)
        {
            Error(row, ImportField.DealNumber, Format(DealTexts.ImportBadDealNumber, numberText));
        }

        Stage? stage = null;
        if (row[ImportField.DealStage] is { } stageText && !_stages!.TryGetValue(ImportFields.HeaderKey(stageText), out stage))
        {
            Error(row, ImportField.DealStage, Format(DealTexts.ImportUnknownStage, stageText,
                string.Join(", ", _settings!.StagesOf(_settings.DefaultPipeline!.Id).Select(s => s.NameEn))));
        }

        LostReason? reason = null;
        if (row[ImportField.LostReason] is { } reasonText && !_reasons!.TryGetValue(ImportFields.HeaderKey(reasonText), out reason))
        {
            Error(row, ImportField.LostReason, Format(DealTexts.ImportUnknownLostReason, reasonText, string.Join(", ", _settings!.LostReasons.Select(r => r.NameEn))));
        }

        var currency = row[ImportField.DealCurrency]?.Trim().ToUpperInvariant();
        if (currency is not null && !Currencies.IsCode(currency))
        {
            Error(row, ImportField.DealCurrency, Format(Texts.ValidationCurrencyCode, Texts.FieldCurrency));
        }

        var title = Text(row, ImportField.DealTitle, Deal.TitleLength);
        return new Line(row, number, Text(row, ImportField.ExternalId, Deal.ExternalIdLength),
            new AccountReference(Eik(row, ImportField.AccountEik), Domain(row, ImportField.AccountDomain), Text(row, ImportField.AccountName, 200)),
            title, Amount(row, ImportField.DealAmount), currency, stage, Date(row, ImportField.ExpectedCloseOn), Date(row, ImportField.ClosedOn),
            reason, Email(row, ImportField.OwnerEmail), row[ImportField.Product], Amount(row, ImportField.Quantity, positive: true),
            Amount(row, ImportField.UnitPrice), Date(row, ImportField.CreatedOn));
    }

    /// <summary>Whether the row has a key that no earlier row of the file has, and the title a new deal needs.</summary>
    private bool Keyed(Line line)
    {
        var key = line.ExternalId is { } x ? "x:" + x : line.Number is { } n ? "n:" + n.ToString(CultureInfo.InvariantCulture) : null;
        if (key is null)
        {
            Error(line.Row, Run.FirstMapped(ImportField.DealNumber, ImportField.ExternalId), DealTexts.ImportDealKeyMissing);
            return false;
        }

        if (_keys.TryGetValue(key, out var first))
        {
            Error(line.Row, Run.FirstMapped(ImportField.ExternalId, ImportField.DealNumber), Format(Texts.ImportDuplicateRow, first));
            return false;
        }

        _keys[key] = line.Row.Row;
        return true;
    }

    private decimal? Amount(ImportRow row, ImportField field, bool positive = false)
    {
        if (row[field] is not { } text)
        {
            return null;
        }

        // "1234.56", "1 234,56" and "1,234.56": a comma is the decimal sign only when there is no point.
        var t = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        t = t.Contains('.', StringComparison.Ordinal) ? t.Replace(",", "", StringComparison.Ordinal) : t.Replace(',', '.');
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < 0 || (positive && value == 0))
        {
            Error(row, field, positive ? DealTexts.ValidationQuantityPositive : DealTexts.ValidationNotNegativeAmount);
            return null;
        }

        return field == ImportField.Quantity ? value : Money.Round(value);
    }

    private DateOnly? Date(ImportRow row, ImportField field)
    {
        if (row[field] is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d.M.yyyy", "d.M.yyyy 'г.'"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(row, field, Format(Texts.ImportBadDate, text));
        return null;
    }

    private async Task LoadSettingsAsync(CancellationToken ct)
    {
        if (_settings is not null)
        {
            return;
        }

        _settings = new DealSettings(await Db.Pipelines.AsNoTracking().ToListAsync(ct), await Db.Stages.AsNoTracking().ToListAsync(ct),
            await Db.LostReasons.AsNoTracking().ToListAsync(ct));
        _converter = new CurrencyConverter(Db);
        await _converter.RatesAsync(ct);
        await _converter.BaseCurrencyAsync(ct);
        var pipeline = _settings.DefaultPipeline!;
        _stages = new Dictionary<string, Stage>(StringComparer.Ordinal);
        foreach (var stage in _settings.StagesOf(pipeline.Id))
        {
            _stages[ImportFields.HeaderKey(stage.NameEn)] = stage;
            _stages[ImportFields.HeaderKey(stage.NameBg)] = stage;
        }

        _stages.TryAdd("won", _settings.WonStage(pipeline.Id)!);
        _stages.TryAdd("lost", _settings.LostStage(pipeline.Id)!);
        _stages.TryAdd(ImportFields.HeaderKey("спечелена"), _settings.WonStage(pipeline.Id)!);
        _stages.TryAdd(ImportFields.HeaderKey("загубена"), _settings.LostStage(pipeline.Id)!);
        _reasons = new Dictionary<string, LostReason>(StringComparer.Ordinal);
        foreach (var reason in _settings.LostReasons)
        {
            _reasons[ImportFields.HeaderKey(reason.NameEn)] = reason;
            _reasons[ImportFields.HeaderKey(reason.NameBg)] = reason;
        }
    }

    /// <summary>Products by code, else by folded name, for the rows of a batch.</summary>
    private async Task<Dictionary<string, Product>> ProductsAsync(List<Line> lines, CancellationToken ct)
    {
        var refs = lines.Where(l => l.ProductRef is not null).Select(l => l.ProductRef!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (refs.Count == 0)
        {
            return [];
        }

        var folded = refs.Select(SearchText.Fold).ToList();
        var products = await Db.Products.AsNoTracking().Include(p => p.Prices)
            .Where(p => !p.Archived && ((p.Code != null && refs.Contains(p.Code)) || folded.Contains(p.SearchName))).ToListAsync(ct);
        var found = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var reference in refs)
        {
            var product = products.FirstOrDefault(p => p.Code == reference) ?? products.FirstOrDefault(p => p.SearchName == SearchText.Fold(reference));
            if (product is not null)
            {
                found[reference] = product;
            }
        }

        return found;
    }

    /// <summary>The won deals already on these accounts, for the new-business rule.</summary>
    private async Task LoadWonAsync(List<Guid> accountIds, CancellationToken ct)
    {
        var missing = accountIds.Where(a => !_won.ContainsKey(a)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var won = await Db.Deals.AsNoTracking().Where(d => EF.Parameter(missing).Contains(d.AccountId) && d.Outcome == DealOutcome.Won)
            .Select(d => new { d.Id, d.AccountId, d.Number, ClosedOn = d.ClosedOn!.Value }).ToListAsync(ct);
        var ids = won.Select(w => w.Id).ToList();
        var products = ids.Count == 0 ? [] : await Db.DealLines.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.DealId)).Select(l => new { l.DealId, l.ProductId }).ToListAsync(ct);
        foreach (var account in missing)
        {
            _won[account] = [.. won.Where(w => w.AccountId == account)
                .Select(w => new WonHistory(w.Id, w.Number, w.ClosedOn, [.. products.Where(p => p.DealId == w.Id).Select(p => p.ProductId)]))];
        }
    }

    private sealed record Line(
        ImportRow Row, long? Number, string? ExternalId, AccountReference Account, string? Title, decimal? Amount, string? Currency, Stage? Stage,
        DateOnly? ExpectedCloseOn, DateOnly? ClosedOn, LostReason? Reason, string? OwnerEmail, string? ProductRef, decimal? Quantity,
        decimal? UnitPrice, DateOnly? CreatedOn);
}
