using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>A search hit: an account or a contact, with a line that says which.</summary>
public sealed record SearchHit(SearchKind Kind, Guid Id, string Title, string Detail, string Url);

/// <summary>
/// The global type-ahead over accounts and contacts: names, e-mails, phones, EIK and domains, case- and
/// accent-insensitive in Latin and Cyrillic. Every word typed must start one of the record's words.
/// </summary>
public sealed class SearchQueries(RapportDb db)
{
    private const int Candidates = 400;

    public async Task<List<SearchHit>> QuickAsync(Viewer viewer, string? text, int take = 8, CancellationToken ct = default)
    {
        var words = SearchText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > SearchEntry.MaxTokenLength ? w[..SearchEntry.MaxTokenLength] : w).ToList();
        if (words.Count == 0 || !ClientBaseAccess.MayUseClientBase(viewer))
        {
            return [];
        }

        // The longest word narrows best; the index answers the prefix as a range.
        var probe = words.OrderByDescending(w => w.Length).First();
        var upper = probe + '\uffff';
        var candidates = await db.SearchEntries.AsNoTracking()
            .Where(e => e.Token.CompareTo(probe) >= 0 && e.Token.CompareTo(upper) < 0)
            .Select(e => new { e.Kind, e.EntityId })
            .Distinct()
            .Take(Candidates)
            .ToListAsync(ct);
        var accountIds = candidates.Where(c => c.Kind == SearchKind.Account).Select(c => c.EntityId).ToList();
        var contactIds = candidates.Where(c => c.Kind == SearchKind.Contact).Select(c => c.EntityId).ToList();

        // The candidates' contacts first, then which of their accounts and the candidate accounts the viewer may see,
        // in one query driven by those ids. Joined to the visible accounts instead, the engines read every account
        // the viewer might see: all 100,000 for an administrator on SQLite, the manager's by a scan on PostgreSQL.
        var candidateContacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.AccountId, c.FullName, c.SearchName, c.Email, c.PhoneDigits, c.JobTitle, c.Status, Account = c.Account!.Name })
            .ToListAsync(ct);
        var ids = accountIds.Concat(candidateContacts.Select(c => c.AccountId)).Distinct().ToList();
        var visible = await db.Accounts.AsNoTracking().VisibleTo(db, viewer).Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.SearchName, a.RegistrationNumber, a.Domain, a.Region }).ToListAsync(ct);
        var visibleIds = visible.Select(a => a.Id).ToHashSet();
        var candidateAccounts = accountIds.ToHashSet();
        var accounts = visible.Where(a => candidateAccounts.Contains(a.Id));
        var contacts = candidateContacts.Where(c => visibleIds.Contains(c.AccountId)).ToList();

        // A contact's words are its name and every address and number it has: the index holds them all, so they are read from it.
        var shownIds = contacts.Select(c => c.Id).ToList();
        var contactTokens = shownIds.Count == 0
            ? []
            : (await db.SearchEntries.AsNoTracking().Where(e => e.Kind == SearchKind.Contact && shownIds.Contains(e.EntityId))
                .Select(e => new { e.EntityId, e.Token }).ToListAsync(ct))
                .GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)[.. g.Select(e => e.Token)]);

        bool Matches(IReadOnlyCollection<string> tokens) => words.All(w => tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)));

        var hits = accounts
            .Where(a => Matches(SearchTokens.Of(a.SearchName, a.RegistrationNumber, a.Domain)))
            .OrderBy(a => a.SearchName, StringComparer.Ordinal)
            .Take(take)
            .Select(a => new SearchHit(SearchKind.Account, a.Id, a.Name,
                string.Join(" · ", new[] { a.RegistrationNumber, a.Domain, a.Region }.Where(s => !string.IsNullOrEmpty(s))),
                $"/accounts/{a.Id}"))
            .ToList();
        hits.AddRange(contacts
            .Where(c => Matches(contactTokens.GetValueOrDefault(c.Id) ?? SearchTokens.Of(c.SearchName, c.Email, c.PhoneDigits)))
            .OrderBy(c => c.Status).ThenBy(c => c.SearchName, StringComparer.Ordinal)
            .Take(take)
            .Select(c => new SearchHit(SearchKind.Contact, c.Id, c.FullName,
                string.Join(" · ", new[] { c.JobTitle, c.Account, c.Email }.Where(s => !string.IsNullOrEmpty(s))),
                $"/contacts/{c.Id}")));
        return hits;
    }
}
