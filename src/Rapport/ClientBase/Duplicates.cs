using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>Why two records look like one.</summary>
public enum DuplicateRule
{
    /// <summary>The same name but for case, accents, spaces, punctuation, quotes, the legal form or the script.</summary>
    SameName,

    /// <summary>Names one letter apart (<see cref="MatchKeys.AreNear"/>).</summary>
    SimilarName,

    SameDomain,

    SameEmail,

    SamePhone,
}

/// <summary>Two records that look like the same company or person, and why.</summary>
public sealed record DuplicatePair(SearchKind Kind, Guid FirstId, string FirstName, Guid SecondId, string SecondName, DuplicateRule Rule)
{
    /// <summary>The rule in the reader's language.</summary>
    public string Reason => Duplicates.Describe(Rule);
}

/// <summary>
/// An existing record that resembles one about to be created. <see cref="Id"/>, and the name of a contact and its
/// account, are given only when the viewer may see the record; of one they may not see, the owner is said (whom to
/// ask), and for an account its name (what the viewer typed, nearly), never its registration number, domain or contacts.
/// </summary>
public sealed record LookAlike(SearchKind Kind, Guid? Id, string? Name, string? AccountName, string OwnerName, DuplicateRule Rule)
{
    public bool Visible => Id is not null;

    /// <summary>The rule in the reader's language.</summary>
    public string Reason => Duplicates.Describe(Rule);
}

/// <summary>The look-alikes of a new record, and the token a form sends back to say it saw these and creates anyway.</summary>
public sealed record LookAlikeList(IReadOnlyList<LookAlike> Items, string Token)
{
    public static readonly LookAlikeList None = new([], "");

    /// <summary>Whether the record may be created: nothing resembles it, or the creator saw exactly these look-alikes.</summary>
    public bool ConfirmedBy(string? seen) => Items.Count == 0 || string.Equals(seen, Token, StringComparison.Ordinal);
}

/// <summary>
/// Finds likely duplicates — the same or a nearly same name (<see cref="MatchKeys"/>), e-mail, phone or domain — both
/// among existing records and for a record about to be created, and merges two records so that every contact,
/// interaction, relationship, follow-up and audit entry survives on the one that is kept.
/// </summary>
public sealed partial class Duplicates(RapportDb db, IOptions<StrengthOptions> options, TimeProvider clock, AccountHandlers accounts, ContactHandlers contacts)
{
    private const int MaxPairs = 200;

    private const int MaxLookAlikes = 10;

    /// <summary>Fewer digits than this match too many numbers (extensions, short codes) to say anything.</summary>
    private const int MinPhoneDigits = 6;

    public static string Describe(DuplicateRule rule) => rule switch
    {
        DuplicateRule.SameName => Texts.DuplicateSameName,
        DuplicateRule.SimilarName => Texts.DuplicateSimilarName,
        DuplicateRule.SameDomain => Texts.DuplicateSameDomain,
        DuplicateRule.SameEmail => Texts.DuplicateSameEmail,
        DuplicateRule.SamePhone => Texts.DuplicateSamePhone,
        _ => rule.ToString(),
    };

    /// <summary>
    /// Pairs of accounts the viewer may edit (so may merge) with the same or a nearly same name, then with the same
    /// domain, the first of a pair the older. Names are read in match-key order a key prefix at a time, since near
    /// keys share one, and the reading stops once a page of pairs is found: on a base full of namesakes the first
    /// pairs come from the first keys, and on one without it is a single walk of the key index.
    /// </summary>
    public async Task<List<DuplicatePair>> AccountsAsync(Viewer viewer, CancellationToken ct = default)
    {
        var editable = db.Accounts.AsNoTracking().EditableBy(db, viewer);
        var found = new List<(Guid First, Guid Second, DuplicateRule Rule)>();
        var bucket = new List<(string Key, Guid Id)>();
        var keys = editable.Where(a => a.MatchKey != "").OrderBy(a => a.MatchKey).ThenBy(a => a.Id).Select(a => new { a.MatchKey, a.Id });
        await foreach (var row in keys.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (bucket.Count > 0 && !SamePrefix(bucket[0].Key, row.MatchKey))
            {
                NamePairs(bucket, found);
                bucket.Clear();
                if (found.Count >= MaxPairs)
                {
                    break;
                }
            }

            bucket.Add((row.MatchKey, row.Id));
        }

        if (found.Count < MaxPairs)
        {
            NamePairs(bucket, found);
        }

        if (found.Count < MaxPairs)
        {
            var domains = await editable.Where(a => a.Domain != null).GroupBy(a => a.Domain!).Where(g => g.Count() > 1)
                .Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
            var byDomain = await editable.Where(a => a.Domain != null && domains.Contains(a.Domain))
                .OrderBy(a => a.Id).Select(a => new { a.Id, Domain = a.Domain! }).ToListAsync(ct);
            var seen = found.Select(p => (p.First, p.Second)).ToHashSet();
            foreach (var group in byDomain.GroupBy(r => r.Domain, StringComparer.Ordinal))
            {
                var first = group.First().Id;
                found.AddRange(group.Skip(1).Where(o => !seen.Contains((first, o.Id))).Select(o => (first, o.Id, DuplicateRule.SameDomain)));
            }
        }

        found = [.. found.Take(MaxPairs)];
        var ids = found.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. found.Select(p => new DuplicatePair(SearchKind.Account, p.First, names[p.First], p.Second, names[p.Second], p.Rule))];
    }

    private static bool SamePrefix(string a, string b) =>
        a.AsSpan(0, Math.Min(a.Length, MatchKeys.NearPrefixLength)).SequenceEqual(b.AsSpan(0, Math.Min(b.Length, MatchKeys.NearPrefixLength)));

    /// <summary>
    /// The pairs among keys of one prefix, in key order: each other holder of a key with its first holder, then the
    /// first holders of near keys. Near keys are found by their shared one-deletion variants rather than by comparing
    /// every two keys: a prefix can hold thousands of keys.
    /// </summary>
    private static void NamePairs(List<(string Key, Guid Id)> bucket, List<(Guid First, Guid Second, DuplicateRule Rule)> found)
    {
        var groups = new List<(string Key, Guid First)>();
        foreach (var group in bucket.GroupBy(r => r.Key, StringComparer.Ordinal))
        {
            var first = group.First().Id;
            groups.Add((group.Key, first));
            found.AddRange(group.Skip(1).Select(o => (first, o.Id, DuplicateRule.SameName)));
        }

        var variants = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var paired = new HashSet<(int, int)>();
        for (var i = 0; i < groups.Count; i++)
        {
            var key = groups[i].Key;
            if (key.Length < MatchKeys.NearMinLength)
            {
                continue;
            }

            foreach (var variant in MatchKeys.Neighbourhood(key))
            {
                if (!variants.TryGetValue(variant, out var holders))
                {
                    variants[variant] = holders = [];
                }

                foreach (var j in holders)
                {
                    if (paired.Add((j, i)) && MatchKeys.AreNear(groups[j].Key, key))
                    {
                        var (a, b) = (groups[j].First, groups[i].First);
                        found.Add(a.CompareTo(b) < 0 ? (a, b, DuplicateRule.SimilarName) : (b, a, DuplicateRule.SimilarName));
                    }
                }

                holders.Add(i);
            }
        }
    }

    public async Task<List<DuplicatePair>> ContactsAsync(Viewer viewer, CancellationToken ct = default)
    {
        var editable = db.Accounts.EditableBy(db, viewer).Select(a => a.Id);
        var active = db.Contacts.AsNoTracking().Where(c => editable.Contains(c.AccountId) && c.Status == ContactStatus.Active);

        // Every address and number counts, not only the primary ones; a key row is a contact's once, so a key in two rows is shared.
        var emails = from e in db.Set<ContactEmail>() join c in active on e.ContactId equals c.Id select new { Key = e.Address, c.Id, c.FullName };
        var phones = from p in db.Set<ContactPhone>() join c in active on p.ContactId equals c.Id where p.Digits != "" select new { Key = p.Digits, c.Id, c.FullName };
        var byEmail = await emails.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
        var byName = await active.GroupBy(c => new { c.AccountId, c.SearchName }).Where(g => g.Count() > 1).Select(g => g.Key.SearchName).Take(MaxPairs).ToListAsync(ct);
        var byPhone = await phones.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
        var rows = await active.Where(c => byName.Contains(c.SearchName))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.FullName, c.SearchName, c.AccountId }).ToListAsync(ct);
        var emailRows = await emails.Where(e => byEmail.Contains(e.Key)).OrderBy(e => e.Id).ToListAsync(ct);
        var phoneRows = await phones.Where(p => byPhone.Contains(p.Key)).OrderBy(p => p.Id).ToListAsync(ct);

        var pairs = new List<DuplicatePair>();
        void Pair<TKey>(IEnumerable<IGrouping<TKey, (Guid Id, string Name)>> groups, DuplicateRule rule)
        {
            foreach (var group in groups.Where(g => g.Count() > 1))
            {
                var first = group.First();
                pairs.AddRange(group.Skip(1)
                    .Where(o => !pairs.Any(p => p.FirstId == first.Id && p.SecondId == o.Id))
                    .Select(o => new DuplicatePair(SearchKind.Contact, first.Id, first.Name, o.Id, o.Name, rule)));
            }
        }

        Pair(emailRows.GroupBy(r => r.Key, r => (r.Id, Name: r.FullName)), DuplicateRule.SameEmail);
        Pair(rows.Select(r => (Key: (r.AccountId, r.SearchName), Item: (r.Id, r.FullName))).GroupBy(x => x.Key, x => x.Item), DuplicateRule.SameName);
        Pair(phoneRows.GroupBy(r => r.Key, r => (r.Id, Name: r.FullName)), DuplicateRule.SamePhone);
        return [.. pairs.Take(MaxPairs)];
    }

    /// <summary>
    /// Existing accounts a new one with this input would resemble: the same match key, a near one, or the same domain,
    /// whoever owns them. None when the registration number is taken: creating is refused then, and that says more.
    /// </summary>
    public async Task<LookAlikeList> ForNewAccountAsync(Viewer viewer, AccountInput input, CancellationToken ct = default)
    {
        if (!ClientBaseAccess.MayUseClientBase(viewer) || (viewer.EmployeeId is null && !viewer.IsAdministrator))
        {
            return LookAlikeList.None;
        }

        var country = string.IsNullOrWhiteSpace(input.CountryCode) ? "BG" : input.CountryCode.Trim().ToUpperInvariant();
        var number = country == "BG" ? Eik.Normalize(input.RegistrationNumber)
            : string.IsNullOrWhiteSpace(input.RegistrationNumber) ? null : input.RegistrationNumber.Trim();
        if (number is not null && await db.Accounts.AnyAsync(a => a.RegistrationNumber == number, ct))
        {
            return LookAlikeList.None;
        }

        var key = MatchKeys.ForAccount(input.Name);
        var keys = await KeysLikeAsync(key, ct);
        var rows = keys.Count == 0
            ? []
            : await db.Accounts.AsNoTracking().Where(a => keys.Contains(a.MatchKey)).OrderBy(a => a.MatchKey == key ? 0 : 1).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Name, a.MatchKey, Owner = a.Owner!.FullName }).Take(MaxLookAlikes).ToListAsync(ct);
        var found = rows.Select(r => (r.Id, r.Name, r.Owner, Rule: r.MatchKey == key ? DuplicateRule.SameName : DuplicateRule.SimilarName))
            .OrderBy(r => r.Rule).ToList();
        if (Domains.Normalize(input.Domain) is { } domain)
        {
            var taken = found.Select(f => f.Id).ToList();
            found.AddRange((await db.Accounts.AsNoTracking().Where(a => a.Domain == domain && !taken.Contains(a.Id)).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Name, Owner = a.Owner!.FullName }).Take(MaxLookAlikes).ToListAsync(ct))
                .Select(r => (r.Id, r.Name, r.Owner, DuplicateRule.SameDomain)));
        }

        found = [.. found.Take(MaxLookAlikes)];
        var ids = found.Select(f => f.Id).ToList();
        var visible = ids.Count == 0 ? [] : (await db.Accounts.AsNoTracking().VisibleTo(db, viewer).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        return List(found.Select(f => (f.Id, new LookAlike(SearchKind.Account, visible.Contains(f.Id) ? f.Id : null, f.Name, null, f.Owner, f.Rule))));
    }

    /// <summary>The key and the keys near it that accounts have; near ones are looked for among those of the key's prefix.</summary>
    private async Task<List<string>> KeysLikeAsync(string key, CancellationToken ct)
    {
        if (key.Length == 0)
        {
            return [];
        }

        var keys = new List<string> { key };
        if (key.Length >= MatchKeys.NearMinLength)
        {
            var prefix = key[..MatchKeys.NearPrefixLength];
            var upper = prefix + '\uffff';
            var (shortest, longest) = (Math.Max(MatchKeys.NearMinLength, key.Length - 1), key.Length + 1);
            var candidates = await db.Accounts.AsNoTracking()
                .Where(a => a.MatchKey.CompareTo(prefix) >= 0 && a.MatchKey.CompareTo(upper) < 0
                    && a.MatchKey.Length >= shortest && a.MatchKey.Length <= longest)
                .Select(a => a.MatchKey).Distinct().ToListAsync(ct);
            keys.AddRange(candidates.Where(c => MatchKeys.AreNear(key, c)));
        }

        return keys;
    }

    /// <summary>
    /// Existing contacts a new one in this account would resemble: the same name in the account, or an e-mail address or
    /// phone number of theirs anywhere. None when an address belongs to an active contact: creating is refused then.
    /// Of a contact the viewer may not see only the owner of its account is told: a number typed is not a way to learn
    /// whose it is.
    /// </summary>
    public async Task<LookAlikeList> ForNewContactAsync(Viewer viewer, Guid accountId, ContactInput input, CancellationToken ct = default)
    {
        if (!await ClientBaseAccess.CanEditAsync(db, viewer, accountId, ct))
        {
            return LookAlikeList.None;
        }

        var emails = ContactChannels.DistinctEmails(input.Emails ?? [input.Email]);
        var digits = ContactChannels.DistinctPhones(input.Phones ?? [input.Phone]).Select(p => p.Digits).Where(d => d.Length >= MinPhoneDigits).ToList();
        var found = new List<(Guid Id, string Name, Guid AccountId, string Account, string Owner, DuplicateRule Rule)>();
        if (emails.Count > 0)
        {
            var byEmail = await (from e in db.Set<ContactEmail>()
                                 join c in db.Contacts on e.ContactId equals c.Id
                                 where emails.Contains(e.Address)
                                 select new { c.Id, c.FullName, c.AccountId, c.Status, Account = c.Account!.Name, Owner = c.Account.Owner!.FullName })
                .Distinct().Take(MaxLookAlikes).ToListAsync(ct);
            if (byEmail.Any(c => c.Status == ContactStatus.Active))
            {
                return LookAlikeList.None;
            }

            found.AddRange(byEmail.Select(c => (c.Id, c.FullName, c.AccountId, c.Account, c.Owner, DuplicateRule.SameEmail)));
        }

        var key = MatchKeys.ForPerson(input.FullName);
        if (key.Length > 0)
        {
            // An account has tens of contacts: their keys are worked out here rather than stored.
            var here = await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId)
                .Select(c => new { c.Id, c.FullName, Account = c.Account!.Name, Owner = c.Account.Owner!.FullName }).ToListAsync(ct);
            found.AddRange(here.Where(c => MatchKeys.ForPerson(c.FullName) == key)
                .Select(c => (c.Id, c.FullName, accountId, c.Account, c.Owner, DuplicateRule.SameName)));
        }

        if (digits.Count > 0)
        {
            found.AddRange((await (from p in db.Set<ContactPhone>()
                                   join c in db.Contacts on p.ContactId equals c.Id
                                   where digits.Contains(p.Digits)
                                   select new { c.Id, c.FullName, c.AccountId, Account = c.Account!.Name, Owner = c.Account.Owner!.FullName })
                    .Distinct().Take(MaxLookAlikes).ToListAsync(ct))
                .Select(c => (c.Id, c.FullName, c.AccountId, c.Account, c.Owner, DuplicateRule.SamePhone)));
        }

        found = [.. found.DistinctBy(f => f.Id).Take(MaxLookAlikes)];
        var accountIds = found.Select(f => f.AccountId).Distinct().ToList();
        var visible = accountIds.Count == 0 ? []
            : (await db.Accounts.AsNoTracking().VisibleTo(db, viewer).Where(a => accountIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        return List(found.Select(f => (f.Id, visible.Contains(f.AccountId)
            ? new LookAlike(SearchKind.Contact, f.Id, f.Name, f.Account, f.Owner, f.Rule)
            : new LookAlike(SearchKind.Contact, null, null, null, f.Owner, f.Rule))));
    }

    /// <summary>The look-alikes with a token of which records they are, ids the viewer may not see included but not shown.</summary>
    private static LookAlikeList List(IEnumerable<(Guid Id, LookAlike Item)> found)
    {
        var items = found.ToList();
        if (items.Count == 0)
        {
            return LookAlikeList.None;
        }

        var ids = string.Join(",", items.Select(i => i.Id).Order());
        var token = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)).AsSpan(0, 12));
        return new LookAlikeList([.. items.Select(i => i.Item)], token);
    }
}
