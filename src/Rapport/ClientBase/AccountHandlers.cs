using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>Reads and changes accounts, within what the viewer may see and edit.</summary>
public sealed class AccountHandlers(RapportDb db, TimeProvider clock, BuyingRoleCatalog roles, IOptions<StrengthOptions> strength)
{
    public async Task<Page<AccountRow>> ListAsync(Viewer viewer, AccountFilter filter, CancellationToken ct = default)
    {
        var query = db.Accounts.AsNoTracking().VisibleTo(db, viewer);
        var term = SearchText.Fold(filter.Search);
        if (term.Length > 0)
        {
            var pattern = SearchText.LikeContains(term);
            var digits = Eik.Normalize(term);
            // A name typed in the other alphabet ("pirin" for Пирин Текстил) is found through the search tokens, which
            // hold every word in one Latin form.
            var named = SearchQueries.AccountsMatching(db, term);
            query = digits is { Length: >= 4 } && digits.Length == term.Replace(" ", "", StringComparison.Ordinal).Length
                ? query.Where(a => a.RegistrationNumber != null && a.RegistrationNumber.StartsWith(digits))
                : query.Where(a => EF.Functions.Like(a.SearchName, pattern, "\\") || (a.Domain != null && EF.Functions.Like(a.Domain, pattern, "\\"))
                    || named.Contains(a.Id));
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(a => a.OwnerId == owner);
        }

        if (filter.TeamId is { } team)
        {
            query = query.Where(a => db.Employees.Any(e => e.Id == a.OwnerId && e.TeamId == team));
        }

        if (filter.Segment is { } segment)
        {
            query = query.Where(a => a.Size == segment);
        }

        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            query = query.Where(a => a.Industry == filter.Industry);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(a => a.Region == filter.Region);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        // Health as last stored (kept current as accounts change, and daily); an account not yet computed matches no range.
        if (filter.HealthMin is { } healthMin)
        {
            query = query.Where(a => a.Health >= Math.Max(0, healthMin));
        }

        if (filter.HealthMax is { } healthMax)
        {
            query = query.Where(a => a.Health <= healthMax && a.Health >= 0);
        }

        if (filter.Coverage is { } coverage)
        {
            query = WithCoverage(query, coverage, (await roles.GetAsync(ct)).Required);
        }

        var size = Cursor.ClampSize(filter.PageSize);
        // A page before a cursor is the page after it in the opposite order, turned round.
        var backward = filter.Before is not null;
        var cursor = Cursor.Decode(backward ? filter.Before : filter.After);
        var descending = filter.Descending ^ backward;
        query = Order(Seek(query, filter.Sort, cursor, descending), filter.Sort, descending);
        var rows = await query
            .Select(a => new
            {
                a.Id, a.Name, a.RegistrationNumber, a.Industry, a.Size, a.Region, a.Status, a.OwnerId,
                OwnerName = a.Owner!.FullName, CoordinatorName = a.Coordinator != null ? a.Coordinator.FullName : null,
                a.SearchName, OwnerKey = a.Owner.SearchName, a.LastContactAt, a.StrongestUntil, a.CoveredUntil, a.Health,
            })
            .Take(size + 1)
            .ToListAsync(ct);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(size);
        }

        if (backward)
        {
            rows.Reverse();
        }

        string Key(int index)
        {
            var r = rows[index];
            return new Cursor(filter.Sort switch
            {
                AccountSort.Owner => r.OwnerKey + OwnerSeparator + r.SearchName,
                AccountSort.LastContact => Ticks(r.LastContactAt),
                AccountSort.Strength => Ticks(r.StrongestUntil),
                AccountSort.Coverage => Ticks(r.CoveredUntil),
                AccountSort.Health => r.Health.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => r.SearchName,
            }, r.Id).Encode();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = rows.Select(a => new AccountRow(a.Id, a.Name, a.RegistrationNumber, a.Industry, a.Size, a.Region, a.Status,
            a.OwnerId, a.OwnerName, a.CoordinatorName, a.LastContactAt.Ticks == 0 ? null : a.LastContactAt,
            RelationshipStrength.AtUnitInstant(a.StrongestUntil, now, strength.Value), a.CoveredUntil > now ? a.CoveredUntil : null, a.Health)).ToList();
        var next = rows.Count > 0 && (backward || more) ? Key(rows.Count - 1) : null;
        var previous = rows.Count > 0 && (backward ? more : cursor is not null) ? Key(0) : null;
        return new Page<AccountRow>(items, next, previous);
    }

    private const char OwnerSeparator = '\u001f';

    private static string Ticks(DateTime at) => at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime? FromTicks(string key) =>
        long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;

    /// <summary>
    /// The rows after the cursor in the list's order, each written so that the engine seeks the sort's index to the cursor
    /// (<see cref="Keyset.Beyond"/>); the owner's order, over a join, keeps a redundant range on the owner's name.
    /// </summary>
    private IQueryable<Account> Seek(IQueryable<Account> query, AccountSort sort, Cursor? cursor, bool descending)
    {
        if (cursor is not { } after)
        {
            return query;
        }

        switch (sort)
        {
            case AccountSort.Owner:
                var parts = after.Key.Split(OwnerSeparator);
                if (parts.Length != 2)
                {
                    return query;
                }

                var (owner, name) = (parts[0], parts[1]);
                return descending
                    ? query.Where(a => a.Owner!.SearchName.CompareTo(owner) <= 0 && (a.Owner.SearchName.CompareTo(owner) < 0
                        || (a.Owner.SearchName == owner && (a.SearchName.CompareTo(name) < 0 || (a.SearchName == name && a.Id < after.Id)))))
                    : query.Where(a => a.Owner!.SearchName.CompareTo(owner) >= 0 && (a.Owner.SearchName.CompareTo(owner) > 0
                        || (a.Owner.SearchName == owner && (a.SearchName.CompareTo(name) > 0 || (a.SearchName == name && a.Id > after.Id)))));
            case AccountSort.LastContact or AccountSort.Strength or AccountSort.Coverage:
                if (FromTicks(after.Key) is not { } at)
                {
                    return query;
                }

                return sort switch
                {
                    AccountSort.LastContact => query.Beyond(db, a => ValueTuple.Create(a.LastContactAt, a.Id), at, after.Id, descending),
                    AccountSort.Strength => query.Beyond(db, a => ValueTuple.Create(a.StrongestUntil, a.Id), at, after.Id, descending),
                    _ => query.Beyond(db, a => ValueTuple.Create(a.CoveredUntil, a.Id), at, after.Id, descending),
                };
            case AccountSort.Health:
                if (!int.TryParse(after.Key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var health))
                {
                    return query;
                }

                return query.Beyond(db, a => ValueTuple.Create(a.Health, a.Id), health, after.Id, descending);
            default:
                return query.Beyond(db, a => ValueTuple.Create(a.SearchName, a.Id), after.Key, after.Id, descending);
        }
    }

    private static IQueryable<Account> Order(IQueryable<Account> query, AccountSort sort, bool descending) => (sort, descending) switch
    {
        (AccountSort.Owner, false) => query.OrderBy(a => a.Owner!.SearchName).ThenBy(a => a.SearchName).ThenBy(a => a.Id),
        (AccountSort.Owner, true) => query.OrderByDescending(a => a.Owner!.SearchName).ThenByDescending(a => a.SearchName).ThenByDescending(a => a.Id),
        (AccountSort.LastContact, false) => query.OrderBy(a => a.LastContactAt).ThenBy(a => a.Id),
        (AccountSort.LastContact, true) => query.OrderByDescending(a => a.LastContactAt).ThenByDescending(a => a.Id),
        (AccountSort.Strength, false) => query.OrderBy(a => a.StrongestUntil).ThenBy(a => a.Id),
        (AccountSort.Strength, true) => query.OrderByDescending(a => a.StrongestUntil).ThenByDescending(a => a.Id),
        (AccountSort.Coverage, false) => query.OrderBy(a => a.CoveredUntil).ThenBy(a => a.Id),
        (AccountSort.Coverage, true) => query.OrderByDescending(a => a.CoveredUntil).ThenByDescending(a => a.Id),
        (AccountSort.Health, false) => query.OrderBy(a => a.Health).ThenBy(a => a.Id),
        (AccountSort.Health, true) => query.OrderByDescending(a => a.Health).ThenByDescending(a => a.Id),
        (_, false) => query.OrderBy(a => a.SearchName).ThenBy(a => a.Id),
        _ => query.OrderByDescending(a => a.SearchName).ThenByDescending(a => a.Id),
    };

    /// <summary>Filters by coverage in SQL: a relationship is warm while <see cref="Relationship.WarmUntil"/> lies ahead.</summary>
    private IQueryable<Account> WithCoverage(IQueryable<Account> query, CoverageFilter coverage, IReadOnlyList<string> requiredRoles)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var required = requiredRoles.ToList();
        var warm = from r in db.Relationships
                   join c in db.Contacts on r.ContactId equals c.Id
                   join e in db.Employees on r.EmployeeId equals e.Id
                   where r.WarmUntil > now && c.Status == ContactStatus.Active && e.Status == EmployeeStatus.Active
                   select new { c.AccountId, c.Role, r.ContactId, r.EmployeeId };
        if (coverage == CoverageFilter.GoingCold)
        {
            // The sort key says it without a join: covered now, not for long.
            var soon = now.AddDays(AccountFilter.GoingColdDays);
            return query.Where(a => a.CoveredUntil > now && a.CoveredUntil <= soon);
        }

        return coverage switch
        {
            CoverageFilter.Covered => query.Where(a =>
                warm.Where(w => w.AccountId == a.Id && required.Contains(w.Role)).Select(w => w.Role).Distinct().Count() == required.Count),
            CoverageFilter.NotCovered => query.Where(a =>
                warm.Where(w => w.AccountId == a.Id && required.Contains(w.Role)).Select(w => w.Role).Distinct().Count() < required.Count),
            _ => query.Where(a => warm.Any(w => w.AccountId == a.Id)
                && (warm.Where(w => w.AccountId == a.Id).Select(w => w.ContactId).Distinct().Count() == 1
                    || warm.Where(w => w.AccountId == a.Id).Select(w => w.EmployeeId).Distinct().Count() == 1)),
        };
    }

    /// <summary>
    /// A head of sales' team at a glance: for each person of the team who owns active accounts, how many of them are
    /// going cold, not covered and single-threaded — each count the length of the account list it links to (the same
    /// filters, status active). Anyone else gets nothing.
    /// </summary>
    public async Task<List<TeamMemberCoverage>> TeamCoverageAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.Is(Roles.HeadOfSales) || viewer.EmployeeId is not { } me)
        {
            return [];
        }

        // Two reads over indexes, then counted here: a team holds a few thousand accounts, and counting each rule in SQL
        // with its correlated subqueries took minutes on SQLite at 100,000 accounts.
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = now.AddDays(AccountFilter.GoingColdDays);
        var team = ClientBaseAccess.TeamOf(db, me);
        var owned = db.Accounts.AsNoTracking().Where(a => a.Status == AccountStatus.Active && team.Contains(a.OwnerId));
        var accounts = await owned.Select(a => new { a.Id, a.OwnerId, a.CoveredUntil, OwnerName = a.Owner!.FullName }).ToListAsync(ct);
        var warm = (await (from r in db.Relationships.AsNoTracking()
                           join c in db.Contacts on r.ContactId equals c.Id
                           join e in db.Employees on r.EmployeeId equals e.Id
                           where r.WarmUntil > now && c.Status == ContactStatus.Active && e.Status == EmployeeStatus.Active
                               && owned.Select(a => a.Id).Contains(c.AccountId)
                           select new { c.AccountId, r.ContactId, r.EmployeeId, c.Role }).ToListAsync(ct))
            .ToLookup(w => w.AccountId);
        var required = (await roles.GetAsync(ct)).Required;
        bool NotCovered(Guid account) => warm[account].Select(w => w.Role).Where(required.Contains).Distinct().Count() < required.Count;
        // The same rules as the list's filters (WithCoverage), so that a count and the list it links to agree.
        bool SingleThreaded(Guid account)
        {
            var links = warm[account].ToList();
            return links.Count > 0 && (links.Select(l => l.ContactId).Distinct().Count() == 1 || links.Select(l => l.EmployeeId).Distinct().Count() == 1);
        }

        return [.. accounts.GroupBy(a => (a.OwnerId, a.OwnerName))
            .Select(g => new TeamMemberCoverage(g.Key.OwnerId, g.Key.OwnerName, g.Count(),
                g.Count(a => a.CoveredUntil > now && a.CoveredUntil <= soon),
                g.Count(a => NotCovered(a.Id)),
                g.Count(a => SingleThreaded(a.Id))))
            .OrderByDescending(m => m.GoingCold + m.NotCovered + m.SingleThreaded)
            .ThenBy(m => m.Name, StringComparer.CurrentCulture)];
    }

    public async Task<AccountDetails?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var details = await db.Accounts.AsNoTracking().VisibleTo(db, viewer).Where(a => a.Id == id)
            .Select(a => new AccountDetails(a.Id, a.Name, a.CountryCode, a.RegistrationNumber, a.Domain, a.Industry, a.Size,
                a.Region, a.Status, a.ParentId, a.Parent != null ? a.Parent.Name : null, a.OwnerId, a.Owner!.FullName,
                a.CoordinatorId, a.Coordinator != null ? a.Coordinator.FullName : null, a.Tier, a.Version, false))
            .FirstOrDefaultAsync(ct);
        return details is null ? null : details with { CanEdit = await ClientBaseAccess.CanEditAsync(db, viewer, id, ct) };
    }

    /// <summary>The accounts in the same group: the parent chain up to the top and every account below it.</summary>
    public async Task<List<GroupMember>> GroupAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var top = id;
        var seen = new HashSet<Guid>();
        while (seen.Add(top) && await db.Accounts.Where(a => a.Id == top).Select(a => a.ParentId).FirstOrDefaultAsync(ct) is { } parent)
        {
            top = parent;
        }

        var members = new List<GroupMember>();
        var level = new List<Guid> { top };
        for (var depth = 0; level.Count > 0 && depth < 10; depth++)
        {
            var rows = await db.Accounts.AsNoTracking().VisibleTo(db, viewer).Where(a => level.Contains(a.Id))
                .OrderBy(a => a.SearchName).Select(a => new GroupMember(a.Id, a.Name, a.ParentId, depth)).ToListAsync(ct);
            members.AddRange(rows);
            level = await db.Accounts.Where(a => a.ParentId != null && level.Contains(a.ParentId.Value)).Select(a => a.Id).ToListAsync(ct);
        }

        return members.Count > 1 ? members : [];
    }

    /// <summary>The industries and regions in use among the accounts the viewer may see, for the list's filters.</summary>
    public async Task<(List<string> Industries, List<string> Regions)> FacetsAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.IsAdministrator)
        {
            return (FacetValues(await DistinctAsync(IndustryValues, ct)), FacetValues(await DistinctAsync(RegionValues, ct)));
        }

        // Both from one reading of the visible accounts: the pairs are few, and each reading gathers what the viewer sees.
        var pairs = await db.Accounts.AsNoTracking().VisibleTo(db, viewer).Where(a => a.Industry != "" || a.Region != "")
            .Select(a => new { a.Industry, a.Region }).Distinct().Take(FacetLimit * FacetLimit).ToListAsync(ct);
        return (FacetValues(pairs.Select(p => p.Industry)), FacetValues(pairs.Select(p => p.Region)));
    }

    private const int FacetLimit = 200;

    /// <summary>In the reader's alphabetical order, whichever engine read them.</summary>
    private static List<string> FacetValues(IEnumerable<string> values) =>
        [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).Take(FacetLimit)];

    private static readonly string IndustryValues = DistinctValues(nameof(Account.Industry));
    private static readonly string RegionValues = DistinctValues(nameof(Account.Region));

    /// <summary>
    /// The distinct values of an indexed column over all accounts, hopping from one value to the next through the
    /// index: a few dozen index seeks, where <c>SELECT DISTINCT</c> reads every row (17 ms for industries and regions
    /// at 100,000 accounts on SQLite, on every request of the account list). Same SQL on SQLite and PostgreSQL.
    /// </summary>
    private static string DistinctValues(string column) => $"""
        WITH RECURSIVE v(x, n) AS (
            SELECT (SELECT MIN("{column}") FROM "Accounts" WHERE "{column}" > ''), 1
            UNION ALL
            SELECT (SELECT MIN("{column}") FROM "Accounts" WHERE "{column}" > v.x), n + 1 FROM v WHERE v.x IS NOT NULL AND n < {FacetLimit})
        SELECT x AS "Value" FROM v WHERE x IS NOT NULL
        """;

    private Task<List<string>> DistinctAsync(string sql, CancellationToken ct) => db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);

    /// <summary>Accounts the viewer may see, for pickers (parent account, new employer).</summary>
    public Task<List<Choice>> ChoicesAsync(Viewer viewer, CancellationToken ct = default) =>
        db.Accounts.AsNoTracking().VisibleTo(db, viewer).OrderBy(a => a.SearchName)
            .Select(a => new Choice(a.Id, a.Name)).Take(500).ToListAsync(ct);

    /// <summary>The people the viewer may name as an account's owner or coordinator, for the form's pickers.</summary>
    public Task<List<Choice>> AssignableAsync(Viewer viewer, CancellationToken ct = default) =>
        ClientBaseAccess.Assignable(db, viewer).AsNoTracking().OrderBy(e => e.SearchName)
            .Select(e => new Choice(e.Id, e.FullName)).Take(2000).ToListAsync(ct);

    /// <summary>
    /// Accounts of the whole company whose name has words starting with every word typed, for naming where a contact
    /// moved: only the name, owner and region are shown, as anyone in the client base may know who holds a client.
    /// </summary>
    public async Task<List<EmployerChoice>> FindEmployersAsync(Viewer viewer, string? text, CancellationToken ct = default)
    {
        // Words in the form tokens are stored in, so that either alphabet finds the company.
        var words = SearchTerms.Parse(text).Words.Select(w => w[0]).Distinct().ToList();
        if (!ClientBaseAccess.MayUseClientBase(viewer) || words.Count == 0)
        {
            return [];
        }

        // A range over the search index for the longest word (the fewest candidates), then every word checked.
        var probe = words.MaxBy(w => w.Length)!;
        var upper = probe + char.MaxValue;
        var candidates = await db.SearchEntries
            .Where(e => e.Kind == SearchKind.Account && e.Token.CompareTo(probe) >= 0 && e.Token.CompareTo(upper) < 0)
            .Select(e => e.EntityId).Distinct().Take(EmployerCandidates).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Where(a => candidates.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.SearchName, a.Region, Owner = a.Owner!.FullName })
            .ToListAsync(ct);
        return [.. accounts
            .Where(a =>
            {
                var tokens = a.SearchName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => SearchText.LatinKey(t)).ToList();
                return words.All(w => tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)));
            })
            .OrderBy(a => a.SearchName, StringComparer.Ordinal).Take(EmployerResults)
            .Select(a => new EmployerChoice(a.Id, a.Name, a.Owner, a.Region))];
    }

    private const int EmployerCandidates = 400;
    private const int EmployerResults = 20;

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, AccountInput input, CancellationToken ct = default)
    {
        if (!ClientBaseAccess.MayUseClientBase(viewer) || (viewer.EmployeeId is null && !viewer.IsAdministrator))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        // An account manager creates accounts for themselves; admins and heads of sales (in their team) name the owner.
        input.OwnerId ??= viewer.EmployeeId;
        var account = new Account();
        if (await AssignmentErrorAsync(viewer, account, input, ct) is { } refused)
        {
            return refused;
        }

        if (await ApplyAsync(viewer, account, input, ct) is { } invalid)
        {
            return invalid;
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return account.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, AccountInput input, CancellationToken ct = default)
    {
        var account = await db.Accounts.EditableBy(db, viewer).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return await ClientBaseAccess.CanSeeAsync(db, viewer, id, ct)
                ? new Error(ErrorKind.Forbidden, Texts.ErrorForbidden)
                : Error.NotFound(Texts.ErrorAccountNotFound);
        }

        if (account.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        input.OwnerId ??= account.OwnerId;
        if (await AssignmentErrorAsync(viewer, account, input, ct) is { } refused)
        {
            return refused;
        }

        if (await ApplyAsync(viewer, account, input, ct) is { } invalid)
        {
            return invalid;
        }

        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// Who owns and coordinates an account decides who may edit it, so changing either is an assignment: a new owner
    /// or coordinator must be someone the viewer may assign (<see cref="ClientBaseAccess.MayAssignAsync"/>), and only
    /// a head of sales, an administrator or the coordinator themselves takes a coordinator off.
    /// </summary>
    private async Task<Error?> AssignmentErrorAsync(Viewer viewer, Account account, AccountInput input, CancellationToken ct)
    {
        // A new account's owner is the creator unless a head or an administrator names one; taking over an existing
        // account is as much a change of hands as giving one away.
        var isNew = account.OwnerId == Guid.Empty;
        if (input.OwnerId is { } owner && (isNew || owner != account.OwnerId)
            && (!(isNew || viewer.IsAny(Roles.Administrator, Roles.HeadOfSales)) || !await ClientBaseAccess.MayAssignAsync(db, viewer, owner, ct)))
        {
            return Error.Invalid(nameof(AccountInput.OwnerId), ClientBaseAccess.AssignRefused(viewer));
        }

        if (input.CoordinatorId == account.CoordinatorId)
        {
            return null;
        }

        var allowed = input.CoordinatorId is { } coordinator
            ? await ClientBaseAccess.MayAssignAsync(db, viewer, coordinator, ct)
            : viewer.IsAny(Roles.Administrator, Roles.HeadOfSales) || account.CoordinatorId == viewer.EmployeeId;
        return allowed ? null : Error.Invalid(nameof(AccountInput.CoordinatorId), ClientBaseAccess.AssignRefused(viewer));
    }

    private async Task<Error?> ApplyAsync(Viewer viewer, Account account, AccountInput input, CancellationToken ct)
    {
        var country = string.IsNullOrWhiteSpace(input.CountryCode) ? "BG" : input.CountryCode.Trim().ToUpperInvariant();
        if (!Countries.IsKnown(country))
        {
            return Error.Invalid(nameof(AccountInput.CountryCode), Texts.ValidationCountryUnknown);
        }

        var number = Eik.Normalize(input.RegistrationNumber);
        if (country == "BG" && !string.IsNullOrWhiteSpace(input.RegistrationNumber)
            && (!Eik.IsWellFormed(input.RegistrationNumber) || !Eik.IsValid(number!)))
        {
            return Error.Invalid(nameof(AccountInput.RegistrationNumber), Texts.ValidationEik);
        }

        var domain = Domains.Normalize(input.Domain);
        if (domain is not null && !Domains.IsValid(domain))
        {
            return Error.Invalid(nameof(AccountInput.Domain), Texts.ValidationDomain);
        }

        if (country != "BG")
        {
            number = string.IsNullOrWhiteSpace(input.RegistrationNumber) ? null : input.RegistrationNumber.Trim();
        }

        if (number is not null && await db.Accounts.AnyAsync(a => a.RegistrationNumber == number && a.Id != account.Id, ct))
        {
            return Error.Invalid(nameof(AccountInput.RegistrationNumber), Texts.ValidationRegistrationTaken);
        }

        if (input.OwnerId is not { } ownerId
            || !await db.Employees.AnyAsync(e => e.Id == ownerId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(nameof(AccountInput.OwnerId), Texts.ValidationUnknownEmployee);
        }

        if (input.CoordinatorId is { } coordinatorId
            && !await db.Employees.AnyAsync(e => e.Id == coordinatorId && e.Status == EmployeeStatus.Active, ct))
        {
            return Error.Invalid(nameof(AccountInput.CoordinatorId), Texts.ValidationUnknownEmployee);
        }

        if (input.ParentId is { } parentId)
        {
            if (parentId == account.Id || await IsBelowAsync(parentId, account.Id, ct))
            {
                return Error.Invalid(nameof(AccountInput.ParentId), Texts.ValidationParentCycle);
            }

            // An unchanged parent stays even where the editor cannot see it; a new one must be visible to them.
            if (parentId != account.ParentId && !await db.Accounts.VisibleTo(db, viewer).AnyAsync(a => a.Id == parentId, ct))
            {
                return Error.Invalid(nameof(AccountInput.ParentId), Texts.ErrorAccountNotFound);
            }
        }

        account.Rename(input.Name!);
        account.CountryCode = country;
        account.RegistrationNumber = number;
        account.Domain = domain;
        account.Industry = input.Industry?.Trim() ?? "";
        account.Size = input.Size;
        account.Region = input.Region?.Trim() ?? "";
        account.Status = input.Status;
        account.ParentId = input.ParentId;
        account.OwnerId = ownerId;
        account.CoordinatorId = input.CoordinatorId;
        return null;
    }

    /// <summary>Whether <paramref name="candidate"/> is somewhere below <paramref name="account"/> in its group.</summary>
    private async Task<bool> IsBelowAsync(Guid candidate, Guid account, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        Guid? current = candidate;
        while (current is { } id && seen.Add(id))
        {
            if (id == account)
            {
                return true;
            }

            current = await db.Accounts.Where(a => a.Id == id).Select(a => a.ParentId).FirstOrDefaultAsync(ct);
        }

        return false;
    }
}

/// <summary>An account offered as a contact's new employer: enough to tell it apart, nothing more.</summary>
public sealed record EmployerChoice(Guid Id, string Name, string OwnerName, string Region);

/// <summary>An account of a group of companies, with its depth below the top.</summary>
public sealed record GroupMember(Guid Id, string Name, Guid? ParentId, int Depth);

/// <summary>Web domains as they are compared: lower case, without scheme, "www." or path.</summary>
public static class Domains
{
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var slash = text.IndexOfAny(['/', '?', '#']);
        if (slash >= 0)
        {
            text = text[..slash];
        }

        return text.StartsWith("www.", StringComparison.Ordinal) ? text[4..] : text;
    }

    /// <summary>
    /// Whether a normalised domain is a host name: dot-separated labels of letters, digits and inner hyphens, ending in
    /// a top-level domain of letters. Cyrillic names (пример.бг) count, checked in their IDNA form.
    /// </summary>
    public static bool IsValid(string domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return ascii.Length <= 253 && labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && (labels[^1].All(char.IsAsciiLetter) || labels[^1].StartsWith("xn--", StringComparison.Ordinal));
    }

    private static readonly System.Globalization.IdnMapping Idn = new() { UseStd3AsciiRules = true };
}
