using System.Runtime.InteropServices;
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
public sealed partial class Duplicates(
    RapportDb db, IOptions<StrengthOptions> options, TimeProvider clock, AccountHandlers accounts, ContactHandlers contacts, AccountSignals signals,
    IEnumerable<IMergeParticipant> participants)
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
        await foreach (var (key, id) in KeysInOrderAsync(viewer, editable, ct))
        {
            if (bucket.Count > 0 && !SamePrefix(bucket[0].Key, key))
            {
                NamePairs(bucket, found);
                bucket.Clear();
                if (found.Count >= MaxPairs)
                {
                    break;
                }
            }

            bucket.Add((key, id));
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

    private const int KeyBatch = 2000;

    /// <summary>
    /// The match keys of the accounts the viewer may edit, in key order. An administrator's are the whole key index,
    /// read a batch at a time from where the last ended, so that a page found early stops the reading (PostgreSQL sends
    /// every row of a query, however few the reader takes). Anyone else edits a few hundred accounts (a head of sales a
    /// few thousand), read through the owner indexes and put in order here: ordered by the key in SQL, the engines would
    /// walk the whole key index testing each account's owner instead.
    /// </summary>
    private static async IAsyncEnumerable<(string Key, Guid Id)> KeysInOrderAsync(
        Viewer viewer, IQueryable<Account> editable, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var keys = editable.Where(a => a.MatchKey != "");
        if (!viewer.IsAdministrator)
        {
            var mine = await keys.Select(a => new { a.MatchKey, a.Id }).ToListAsync(ct);
            foreach (var row in mine.OrderBy(a => a.MatchKey, StringComparer.Ordinal).ThenBy(a => a.Id))
            {
                yield return (row.MatchKey, row.Id);
            }

            yield break;
        }

        var (afterKey, afterId) = ("", Guid.Empty);
        while (true)
        {
            // The first, redundant comparison is the range the key index is sought to; the OR alone would be tested row by row.
            var batch = await keys
                .Where(a => a.MatchKey.CompareTo(afterKey) >= 0 && (a.MatchKey.CompareTo(afterKey) > 0 || a.Id > afterId))
                .OrderBy(a => a.MatchKey).ThenBy(a => a.Id).Select(a => new { a.MatchKey, a.Id }).Take(KeyBatch).ToListAsync(ct);
            foreach (var row in batch)
            {
                yield return (row.MatchKey, row.Id);
            }

            if (batch.Count < KeyBatch)
            {
                yield break;
            }

            (afterKey, afterId) = (batch[^1].MatchKey, batch[^1].Id);
        }
    }

    private static bool SamePrefix(string a, string b) =>
        a.AsSpan(0, Math.Min(a.Length, MatchKeys.NearPrefixLength)).SequenceEqual(b.AsSpan(0, Math.Min(b.Length, MatchKeys.NearPrefixLength)));

    /// <summary>
    /// The pairs among keys of one prefix, in key order: each other holder of a key with its first holder, then the
    /// first holders of near keys, in the order of their hashes. Near keys are found through the hashes of their
    /// one-deletion variants rather than by comparing every two keys: a prefix can hold thousands of keys.
    /// </summary>
    private static void NamePairs(List<(string Key, Guid Id)> bucket, List<(Guid First, Guid Second, DuplicateRule Rule)> found)
    {
        // The bucket is in key order: the holders of one key are neighbours, the first of them the older.
        var groups = new List<(string Key, Guid First)>();
        foreach (var (key, id) in bucket)
        {
            if (groups.Count > 0 && string.Equals(groups[^1].Key, key, StringComparison.Ordinal))
            {
                found.Add((groups[^1].First, id, DuplicateRule.SameName));
            }
            else
            {
                groups.Add((key, id));
            }
        }

        // Every variant hash with the key it is of, sorted by hash: keys that share one are neighbours there.
        var hashes = new List<ulong>();
        var owners = new List<int>();
        Span<ulong> variants = stackalloc ulong[MatchKeys.MaxLength + 1];
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Key.Length >= MatchKeys.NearMinLength)
            {
                foreach (var hash in variants[..MatchKeys.VariantHashes(groups[i].Key, variants)])
                {
                    hashes.Add(hash);
                    owners.Add(i);
                }
            }
        }

        var sorted = CollectionsMarshal.AsSpan(hashes);
        var of = CollectionsMarshal.AsSpan(owners);
        sorted.Sort(of);
        var paired = new HashSet<(int, int)>();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            for (var x = start; x < end; x++)
            {
                for (var y = x + 1; y < end; y++)
                {
                    var (i, j) = of[x] < of[y] ? (of[x], of[y]) : (of[y], of[x]);
                    if (i != j && paired.Add((i, j)) && MatchKeys.AreNear(groups[i].Key, groups[j].Key))
                    {
                        var (a, b) = (groups[i].First, groups[j].First);
                        found.Add(a.CompareTo(b) < 0 ? (a, b, DuplicateRule.SimilarName) : (b, a, DuplicateRule.SimilarName));
                    }
                }
            }

            start = end;
        }
    }

    /// <summary>
    /// Pairs of active contacts the viewer may edit with an e-mail address or a phone number in common, or the same
    /// folded name in one account. An administrator may edit every contact: the shared addresses, numbers and names are
    /// found by walking their indexes, which stops at a page of them, and only those contacts are read. Anyone else
    /// edits a few hundred accounts: their contacts, addresses and numbers are read and paired here.
    /// </summary>
    public async Task<List<DuplicatePair>> ContactsAsync(Viewer viewer, CancellationToken ct = default)
    {
        var active = db.Contacts.AsNoTracking().Where(c => c.Status == ContactStatus.Active);
        List<(Guid Id, Guid AccountId, string Name, string SearchName)> people;
        List<(string Key, Guid ContactId)> emails, phones;
        if (viewer.IsAdministrator)
        {
            var sharedEmails = await db.Set<ContactEmail>().GroupBy(e => e.Address).Where(g => g.Count() > 1).Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
            var sharedPhones = await db.Set<ContactPhone>().Where(p => p.Digits != "").GroupBy(p => p.Digits).Where(g => g.Count() > 1)
                .Select(g => g.Key).Take(MaxPairs).ToListAsync(ct);
            var namesakes = (await active.GroupBy(c => new { c.AccountId, c.SearchName }).Where(g => g.Count() > 1)
                .Select(g => g.Key.AccountId).Take(MaxPairs).ToListAsync(ct)).Distinct().ToList();
            emails = [.. (await db.Set<ContactEmail>().Where(e => sharedEmails.Contains(e.Address)).Select(e => new { e.Address, e.ContactId }).ToListAsync(ct))
                .Select(e => (e.Address, e.ContactId))];
            phones = [.. (await db.Set<ContactPhone>().Where(p => sharedPhones.Contains(p.Digits)).Select(p => new { p.Digits, p.ContactId }).ToListAsync(ct))
                .Select(p => (p.Digits, p.ContactId))];
            var ids = emails.Select(e => e.ContactId).Concat(phones.Select(p => p.ContactId)).Distinct().ToList();
            people = [.. (await active.Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => new { c.Id, c.AccountId, c.FullName, c.SearchName }).ToListAsync(ct))
                .Concat(await active.Where(c => namesakes.Contains(c.AccountId)).Select(c => new { c.Id, c.AccountId, c.FullName, c.SearchName }).ToListAsync(ct))
                .DistinctBy(c => c.Id).Select(c => (c.Id, c.AccountId, c.FullName, c.SearchName))];
        }
        else
        {
            // Ids as one array parameter: as thousands of parameters (EF's default) they cost seconds to bind on SQLite,
            // and as the subqueries they came from PostgreSQL hashes them against every contact, address and number.
            var accounts = await db.Accounts.EditableBy(db, viewer).Select(a => a.Id).ToListAsync(ct);
            people = [.. (await active.Where(c => EF.Parameter(accounts).Contains(c.AccountId)).Select(c => new { c.Id, c.AccountId, c.FullName, c.SearchName })
                .ToListAsync(ct)).Select(c => (c.Id, c.AccountId, c.FullName, c.SearchName))];
            var ids = people.Select(c => c.Id).ToList();
            emails = [.. (await db.Set<ContactEmail>().Where(e => EF.Parameter(ids).Contains(e.ContactId)).Select(e => new { e.Address, e.ContactId }).ToListAsync(ct))
                .Select(e => (e.Address, e.ContactId))];
            phones = [.. (await db.Set<ContactPhone>().Where(p => EF.Parameter(ids).Contains(p.ContactId) && p.Digits != "").Select(p => new { p.Digits, p.ContactId }).ToListAsync(ct))
                .Select(p => (p.Digits, p.ContactId))];
        }

        // Every address and number counts, not only the primary ones; a key row is a contact's once, so a key in two rows is shared.
        var byId = people.ToDictionary(c => c.Id);
        var pairs = new List<DuplicatePair>();
        var seen = new HashSet<(Guid, Guid)>();
        void Pair(IEnumerable<IEnumerable<Guid>> groups, DuplicateRule rule)
        {
            foreach (var group in groups)
            {
                var members = group.Where(byId.ContainsKey).Distinct().Order().ToList();
                pairs.AddRange(members.Skip(1).Where(o => seen.Add((members[0], o)))
                    .Select(o => new DuplicatePair(SearchKind.Contact, members[0], byId[members[0]].Name, o, byId[o].Name, rule)));
            }
        }

        Pair(emails.GroupBy(e => e.Key, e => e.ContactId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal), DuplicateRule.SameEmail);
        Pair(people.GroupBy(c => (c.AccountId, c.SearchName), c => c.Id).OrderBy(g => g.Key.SearchName, StringComparer.Ordinal), DuplicateRule.SameName);
        Pair(phones.GroupBy(p => p.Key, p => p.ContactId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal), DuplicateRule.SamePhone);
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
