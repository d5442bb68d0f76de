using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.ClientBase;
using Rapport.Data;
using Rapport.Deals;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>A service as a user records or edits it, from a form or the API.</summary>
public sealed class SubscriptionInput
{
    [Display(Name = nameof(ServiceTexts.FieldServiceName), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(Subscription.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    /// <summary>The catalogue's product, when the service is one.</summary>
    [Display(Name = nameof(ServiceTexts.FieldServiceProduct), ResourceType = typeof(ServiceTexts))]
    public Guid? ProductId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(ServiceTexts.FieldStartsOn), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldRenewsOn), ResourceType = typeof(ServiceTexts))]
    public DateOnly? RenewsOn { get; set; }

    [Display(Name = nameof(ServiceTexts.FieldServiceValue), ResourceType = typeof(ServiceTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0", "1000000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(ServiceTexts.ValidationValueNotNegative), ErrorMessageResourceType = typeof(ServiceTexts))]
    public decimal? Amount { get; set; }

    [Display(Name = nameof(Texts.FieldCurrency), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessageResourceName = nameof(Texts.ValidationCurrencyCode), ErrorMessageResourceType = typeof(Texts))]
    public string? Currency { get; set; } = "EUR";

    [Display(Name = nameof(ServiceTexts.FieldBilling), ResourceType = typeof(ServiceTexts))]
    public BillingPeriod Billing { get; set; } = BillingPeriod.Yearly;

    [Display(Name = nameof(Texts.FieldStatus), ResourceType = typeof(Texts))]
    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Active;

    public long Version { get; set; }
}

/// <summary>A service of an account, as its panel, the renewals list and the API show it.</summary>
public sealed record SubscriptionRow(
    Guid Id, Guid AccountId, string AccountName, string Name, Guid? ProductId, string? ProductName, DateOnly StartsOn,
    DateOnly? RenewsOn, decimal Amount, string Currency, BillingPeriod Billing, SubscriptionStatus Status,
    Guid? RenewalDealId, long? RenewalDealNumber, DealOutcome? RenewalDealOutcome, long Version)
{
    public decimal YearlyAmount => Amount * Subscription.PeriodsPerYear(Billing);

    /// <summary>Whether the next renewal already has an open deal; a won one renewed the service, a lost one leaves the renewal due.</summary>
    public bool RenewalPending => RenewalDealId is not null && RenewalDealOutcome == DealOutcome.Open;
}

/// <summary>A renewal coming up: the service, its account's health and who looks after the account.</summary>
public sealed record RenewalRow(SubscriptionRow Service, int Health, string OwnerName, string? CoordinatorName, bool MayEdit);

/// <summary>Which renewals the list shows: those due within <see cref="Days"/> days (overdue ones too), soonest first.</summary>
public sealed record RenewalFilter(int Days = 90, Guid? AccountId = null, string? After = null, int? Size = null);

/// <summary>Records the services clients use, lists renewals as they come due and turns a renewal into a deal.</summary>
public sealed class SubscriptionHandlers(RapportDb db, DealHandlers deals, TimeProvider clock)
{
    public const int MaxRenewalDays = 366;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private IQueryable<Subscription> Visible(Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return db.Subscriptions;
        }

        var accounts = db.Accounts.VisibleTo(db, viewer).Select(a => a.Id);
        return db.Subscriptions.Where(s => accounts.Contains(s.AccountId));
    }

    private IQueryable<Subscription> Editable(Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return db.Subscriptions;
        }

        var accounts = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        return db.Subscriptions.Where(s => accounts.Contains(s.AccountId));
    }

    /// <summary>The account's services, running ones first, then by renewal; null when the viewer does not see the account.</summary>
    public async Task<List<SubscriptionRow>?> ForAccountAsync(Viewer viewer, Guid accountId, CancellationToken ct = default)
    {
        if (!await ClientBaseAccess.CanSeeAsync(db, viewer, accountId, ct))
        {
            return null;
        }

        var rows = await Rows(db.Subscriptions.Where(s => s.AccountId == accountId)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status).ThenBy(r => r.RenewsOn ?? DateOnly.MaxValue).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
    }

    public Task<SubscriptionRow?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        Rows(Visible(viewer).Where(s => s.Id == id)).FirstOrDefaultAsync(ct);

    public Task<bool> MayEditAsync(Viewer viewer, Guid accountId, CancellationToken ct = default) =>
        ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct);

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, Guid accountId, SubscriptionInput input, CancellationToken ct = default)
    {
        if (!await ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct))
        {
            return Error.NotFound(Texts.ErrorAccountNotFound);
        }

        var subscription = new Subscription { AccountId = accountId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (await ApplyAsync(subscription, input, ct) is { } invalid)
        {
            return invalid;
        }

        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return subscription.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, SubscriptionInput input, CancellationToken ct = default)
    {
        var (subscription, refused) = await EditableAsync(viewer, id, input.Version, ct);
        if (subscription is null)
        {
            return refused!;
        }

        var renewsBefore = subscription.RenewsOn;
        if (await ApplyAsync(subscription, input, ct) is { } invalid)
        {
            return invalid;
        }

        // A new renewal date is the next renewal: the deal made for the one before stays with that one.
        if (subscription.RenewsOn != renewsBefore)
        {
            subscription.RenewalDealId = null;
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// Turns the service's next renewal into an open deal on its account: existing business, the yearly value, due on
    /// the renewal date, owned by the account's owner where the caller may give it to them. Once per renewal.
    /// </summary>
    public async Task<Result<Guid>> CreateRenewalDealAsync(Viewer viewer, Guid id, long version, CancellationToken ct = default)
    {
        var (subscription, refused) = await EditableAsync(viewer, id, version, ct);
        if (subscription is null)
        {
            return refused!;
        }

        // One open deal per renewal; once it is won (the service renewed) or lost, the next attempt gets a deal of its own.
        if (subscription.RenewalDealId is { } earlier && await db.Deals.AnyAsync(d => d.Id == earlier && d.Outcome == DealOutcome.Open, ct))
        {
            return Error.Conflict(ServiceTexts.ErrorRenewalDealExists);
        }

        if (subscription.Status != SubscriptionStatus.Active || subscription.RenewsOn is not { } renewsOn)
        {
            return Error.Conflict(ServiceTexts.ErrorNoRenewalToDeal);
        }

        var ownerId = await db.Accounts.Where(a => a.Id == subscription.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        var owner = ownerId == viewer.EmployeeId || await DealAccess.MayAssignAsync(db, viewer, ownerId, ct) ? ownerId : viewer.EmployeeId;
        var input = new DealInput
        {
            AccountId = subscription.AccountId,
            Title = Truncate(string.Format(CultureInfo.CurrentCulture, ServiceTexts.RenewalDealTitle, subscription.Name), Deal.TitleLength),
            Amount = subscription.YearlyAmount,
            Currency = subscription.Currency,
            ExpectedCloseOn = renewsOn < Today ? Today : renewsOn,
            OwnerId = owner,
            Forecast = ForecastCategory.Commit,
            Lines = subscription.ProductId is { } product
                ? [new DealLineInput { ProductId = product, Quantity = Subscription.PeriodsPerYear(subscription.Billing), UnitPrice = subscription.Amount }]
                : [],
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await deals.CreateAsync(viewer, input, ct);
        if (!created.IsSuccess)
        {
            return Result<Guid>.Fail([.. created.Errors]);
        }

        await db.Deals.Where(d => d.Id == created.Value).ExecuteUpdateAsync(s => s.SetProperty(d => d.Renewal, true), ct);
        subscription.RenewalDealId = created.Value;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created.Value;
    }

    /// <summary>Running services whose renewal falls within the filter's days from today (overdue ones first), soonest first.</summary>
    public async Task<Page<RenewalRow>> RenewalsAsync(Viewer viewer, RenewalFilter filter, CancellationToken ct = default)
    {
        var until = Today.AddDays(Math.Clamp(filter.Days, 0, MaxRenewalDays));
        var query = Running(viewer).Where(s => s.Status == SubscriptionStatus.Active && s.RenewsOn != null && s.RenewsOn <= until);
        if (filter.AccountId is { } account)
        {
            query = query.Where(s => s.AccountId == account);
        }

        if (Cursor.Decode(filter.After) is { } cursor && DateOnly.TryParseExact(cursor.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var key))
        {
            query = query.Beyond(db, s => ValueTuple.Create(s.RenewsOn, s.Id), (DateOnly?)key, cursor.Id);
        }

        var size = Cursor.ClampSize(filter.Size);
        var ordered = query.OrderBy(s => s.RenewsOn).ThenBy(s => s.Id);
        var rows = await Rows(ordered).Take(size + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = new Cursor(rows[^1].RenewsOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[^1].Id).Encode();
        }

        var accountIds = rows.Select(r => r.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Health, Owner = a.Owner!.FullName, Coordinator = a.Coordinator!.FullName })
            .ToDictionaryAsync(a => a.Id, ct);
        var editable = (await db.Accounts.Where(a => accountIds.Contains(a.Id)).EditableBy(db, viewer).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        return new([.. rows.Select(r => new RenewalRow(r, accounts[r.AccountId].Health, accounts[r.AccountId].Owner,
            accounts[r.AccountId].Coordinator, editable.Contains(r.AccountId)))], next);
    }

    /// <summary>
    /// The services a renewals list reads from: for an administrator all of them, walked along the renewal date; for
    /// anyone else the services of the accounts they see, read account by account through (AccountId, Status, RenewsOn)
    /// and put in date order after. As "the account is one they see" SQLite walked every running service in date order
    /// and tested each (some 7,500 for a page of 50 of a manager's 683 accounts among 100,000); it keeps a cross join's
    /// order, so the viewer's accounts come first. PostgreSQL plans it as the join it is.
    /// </summary>
    private IQueryable<Subscription> Running(Viewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return db.Subscriptions;
        }

        return db.Accounts.VisibleTo(db, viewer)
            .SelectMany(_ => db.Subscriptions, (a, s) => new { a.Id, Service = s })
            .Where(x => x.Service.AccountId == x.Id)
            .Select(x => x.Service);
    }

    private async Task<(Subscription? Subscription, Error? Refused)> EditableAsync(Viewer viewer, Guid id, long? version, CancellationToken ct)
    {
        var subscription = await Editable(viewer).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return (null, Error.NotFound(ServiceTexts.ErrorServiceNotFound));
        }

        return version is { } v && subscription.Version != v ? (null, Error.StaleVersion()) : (subscription, null);
    }

    private async Task<Error?> ApplyAsync(Subscription subscription, SubscriptionInput input, CancellationToken ct)
    {
        if (input.RenewsOn is { } renews && input.StartsOn is { } starts && renews < starts)
        {
            return Error.Invalid(nameof(SubscriptionInput.RenewsOn), ServiceTexts.ValidationRenewsBeforeStart);
        }

        if (input.ProductId is { } product && !await db.Products.AnyAsync(p => p.Id == product, ct))
        {
            return Error.Invalid(nameof(SubscriptionInput.ProductId), ServiceTexts.ValidationUnknownProduct);
        }

        subscription.Name = input.Name!.Trim();
        subscription.ProductId = input.ProductId;
        subscription.StartsOn = input.StartsOn!.Value;
        subscription.RenewsOn = input.RenewsOn;
        subscription.Amount = Math.Round(input.Amount!.Value, 2, MidpointRounding.AwayFromZero);
        subscription.Currency = input.Currency!.Trim().ToUpperInvariant();
        subscription.Billing = input.Billing;
        subscription.Status = input.Status;
        return null;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private IQueryable<SubscriptionRow> Rows(IQueryable<Subscription> query) =>
        query.Select(s => new SubscriptionRow(
            s.Id, s.AccountId, s.Account!.Name, s.Name, s.ProductId, s.Product!.Name, s.StartsOn, s.RenewsOn, s.Amount, s.Currency,
            s.Billing, s.Status, s.RenewalDealId, db.Deals.Where(d => d.Id == s.RenewalDealId).Select(d => (long?)d.Number).FirstOrDefault(),
            db.Deals.Where(d => d.Id == s.RenewalDealId).Select(d => (DealOutcome?)d.Outcome).FirstOrDefault(), s.Version));
}

/// <summary>A request to turn a service's renewal into a deal, against the version the caller read.</summary>
public sealed class RenewalDealInput
{
    public long Version { get; set; }
}
