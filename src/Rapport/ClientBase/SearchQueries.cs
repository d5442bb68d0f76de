using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>A search hit: an account or a contact, with a line that says which, and the parts of both that matched.</summary>
public sealed record SearchHit(
    SearchKind Kind, Guid Id, string Title, string Detail, string Url, IReadOnlyList<TextMark> TitleMarks, IReadOnlyList<TextMark> DetailMarks);

/// <summary>A matched stretch of a hit's text: where it starts and how many characters it runs.</summary>
public sealed record TextMark(int Start, int Length);

/// <summary>
/// The global type-ahead over accounts and contacts: names, e-mails, phones, EIK and domains, case- and
/// accent-insensitive, in Cyrillic or Latin whichever alphabet the record is written in. Every word typed must start
/// one of the record's words.
/// </summary>
public sealed class SearchQueries(RapportDb db, SearchIndexState index)
{
    private const int Candidates = 400;

    public async Task<List<SearchHit>> QuickAsync(Viewer viewer, string? text, int take = 8, CancellationToken ct = default)
    {
        var terms = SearchTerms.Parse(text, index.Rebuilding);
        if (terms.Words.Count == 0 || !ClientBaseAccess.MayUseClientBase(viewer))
        {
            return [];
        }

        // What the viewer may see is applied before the cap: capped first, a manager's own account went missing behind
        // thousands of others' sharing its first word.
        var accountMatches = Matching(db, SearchKind.Account, terms);
        var contactMatches = Matching(db, SearchKind.Contact, terms);
        if (!viewer.IsAdministrator)
        {
            var (visibleAccounts, visibleContacts) = await VisibleAsync(viewer, ct);
            accountMatches = accountMatches.Where(id => EF.Parameter(visibleAccounts).Contains(id));
            contactMatches = contactMatches.Where(id => EF.Parameter(visibleContacts).Contains(id));
        }

        // Not distinct in SQL: a record with two tokens in the range comes twice, which costs less than making the
        // engine read every match to remove duplicates before the limit.
        var accountIds = (await accountMatches.Take(Candidates).ToListAsync(ct)).Distinct().ToList();
        var contactIds = (await contactMatches.Take(Candidates).ToListAsync(ct)).Distinct().ToList();

        var accounts = accountIds.Count == 0
            ? []
            : await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Name, a.SearchName, a.RegistrationNumber, a.Domain, a.Region }).ToListAsync(ct);
        var contacts = contactIds.Count == 0
            ? []
            : await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
                .Select(c => new { c.Id, c.FullName, c.SearchName, c.Email, c.JobTitle, c.Status, Account = c.Account!.Name }).ToListAsync(ct);

        var hits = accounts
            .OrderBy(a => a.SearchName, StringComparer.Ordinal)
            .Take(take)
            .Select(a => Hit(SearchKind.Account, a.Id, a.Name, $"/accounts/{a.Id}", terms, (a.RegistrationNumber, true), (a.Domain, true), (a.Region, false)))
            .ToList();
        hits.AddRange(contacts
            .OrderBy(c => c.Status).ThenBy(c => c.SearchName, StringComparer.Ordinal)
            .Take(take)
            .Select(c => Hit(SearchKind.Contact, c.Id, c.FullName, $"/contacts/{c.Id}", terms, (c.JobTitle, false), (c.Account, false), (c.Email, true))));
        return hits;
    }

    /// <summary>
    /// The ids of the accounts and contacts the viewer may see, which then travel into the search as one parameter
    /// each, tested against the range's tokens by a hash, not as a subquery: PostgreSQL estimates a prefix range at one
    /// row whatever its width, and so ran the union of what a manager sees once for every token in the range (90 s for
    /// "todorova"), or probed an index once per visible id for every token (6 s for "pirin").
    /// </summary>
    private async Task<(List<Guid> Accounts, List<Guid> Contacts)> VisibleAsync(Viewer viewer, CancellationToken ct)
    {
        var rows = await (from a in db.Accounts.VisibleTo(db, viewer)
                          join c in db.Contacts on a.Id equals c.AccountId into contacts
                          from c in contacts.DefaultIfEmpty()
                          select new { Account = a.Id, Contact = (Guid?)c!.Id }).ToListAsync(ct);
        return ([.. rows.Select(r => r.Account).Distinct()], [.. rows.Where(r => r.Contact != null).Select(r => r.Contact!.Value).Distinct()]);
    }

    /// <summary>
    /// The ids of the accounts or contacts with a token starting with each word typed, in one of its forms: the longest
    /// word, which narrows best, as a range over the token index, and every other word as a probe of the same record's
    /// tokens in the (EntityId, Token) index.
    /// </summary>
    internal static IQueryable<Guid> Matching(RapportDb db, SearchKind kind, SearchTerms terms)
    {
        var words = Longest(terms);
        var ids = db.SearchEntries.Where(e => e.Kind == kind).Where(StartsWithAny(words[0])).Select(e => e.EntityId);
        foreach (var word in words.Skip(1))
        {
            // Ids are unique across kinds, so a record's own tokens need no kind.
            var other = db.SearchEntries.Where(StartsWithAny(word));
            ids = ids.Where(id => other.Any(o => o.EntityId == id));
        }

        return ids;
    }

    private static List<IReadOnlyList<string>> Longest(SearchTerms terms) => [.. terms.Words.OrderByDescending(w => w[0].Length)];

    /// <summary>The ids of the accounts whose tokens every word of the text starts, in either alphabet; none for no words.</summary>
    internal static IQueryable<Guid> AccountsMatching(RapportDb db, string? text)
    {
        var terms = SearchTerms.Parse(text);
        return terms.Words.Count == 0 ? db.SearchEntries.Where(_ => false).Select(e => e.EntityId) : Matching(db, SearchKind.Account, terms);
    }

    /// <summary>A token starting with any of the prefixes: a range each (token ≥ p and token &lt; p + U+FFFF), which an index seeks.</summary>
    private static Expression<Func<SearchEntry, bool>> StartsWithAny(IReadOnlyList<string> prefixes)
    {
        Expression<Func<SearchEntry, bool>>? any = null;
        foreach (var prefix in prefixes)
        {
            // Captured, not constant, so that each bound is a parameter and the statement is the same for every term.
            var (low, high) = (prefix, prefix + '\uffff');
            Expression<Func<SearchEntry, bool>> range = e => e.Token.CompareTo(low) >= 0 && e.Token.CompareTo(high) < 0;
            any = any is null
                ? range
                : Expression.Lambda<Func<SearchEntry, bool>>(
                    Expression.OrElse(any.Body, new Rebind(range.Parameters[0], any.Parameters[0]).Visit(range.Body)), any.Parameters);
        }

        return any ?? throw new ArgumentException("A word has at least one prefix.", nameof(prefixes));
    }

    private static SearchHit Hit(SearchKind kind, Guid id, string title, string url, SearchTerms terms, params (string? Text, bool Searched)[] details)
    {
        var (detail, detailMarks) = (new System.Text.StringBuilder(), new List<TextMark>());
        foreach (var (part, searched) in details)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            if (detail.Length > 0)
            {
                detail.Append(" · ");
            }

            // Only what was searched is marked: a region or job title that happens to start like the term did not match.
            if (searched)
            {
                detailMarks.AddRange(SearchMarks.Of(part, terms).Select(m => m with { Start = m.Start + detail.Length }));
            }

            detail.Append(part);
        }

        return new SearchHit(kind, id, title, detail.ToString(), url, SearchMarks.Of(title, terms), detailMarks);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// What a user typed into a search box: for each word, the token prefixes it is looked up by. The first is the word's
/// <see cref="SearchText.LatinKey"/>, the form every token is stored in, so "pirin" and "пирин" both look up "pirin".
/// A j typed is a й or a ж (Jordan is Йордан, Jivko is Живко), so a word with one is also looked up with zh; and while
/// the index is being rebuilt, in the folded word itself, the form tokens had before.
/// </summary>
public sealed class SearchTerms
{
    private SearchTerms(IReadOnlyList<IReadOnlyList<string>> words) => Words = words;

    /// <summary>Each word typed, as the prefixes it may start a token with.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Words { get; }

    /// <summary>
    /// Words looked up at most: each is one more nested lookup in the query, and a name is found by far fewer. Words past
    /// these are ignored rather than making a query the engines refuse.
    /// </summary>
    public const int MaxWords = 8;

    public static SearchTerms Parse(string? text, bool rebuilding = false)
    {
        var words = new List<IReadOnlyList<string>>();
        foreach (var typed in SearchText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count == MaxWords)
            {
                break;
            }

            var word = SearchTokens.Trimmed(typed);
            if (word.Length == 0)
            {
                continue;
            }

            var prefixes = new List<string> { SearchTokens.Token(word) };
            if (word.Contains('j', StringComparison.Ordinal))
            {
                prefixes.Add(SearchTokens.Token(word.Replace("j", "zh", StringComparison.Ordinal)));
            }

            if (rebuilding)
            {
                prefixes.Add(word.Length > SearchEntry.MaxTokenLength ? word[..SearchEntry.MaxTokenLength] : word);
            }

            words.Add([.. prefixes.Distinct(StringComparer.Ordinal)]);
        }

        return new SearchTerms(words);
    }
}

/// <summary>Where the words typed match a text: the beginning of each of its words that a typed word starts, in any alphabet.</summary>
public static class SearchMarks
{
    public static IReadOnlyList<TextMark> Of(string text, SearchTerms terms)
    {
        var marks = new List<TextMark>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                // The word as written (an e-mail address, "y.ivanov…") and each of its parts between punctuation („Пирин“, Кока-Кола).
                Mark(text, start, i, terms, marks);
                for (var (p, end) = (start, i); p < end; p++)
                {
                    if (!char.IsLetterOrDigit(text[p]))
                    {
                        continue;
                    }

                    var q = p;
                    while (q < end && char.IsLetterOrDigit(text[q]))
                    {
                        q++;
                    }

                    Mark(text, p, q, terms, marks);
                    p = q;
                }

                start = -1;
            }
        }

        return Merged(marks);
    }

    // Marks the longest prefix any typed word matches of text[start..end], measured back in the text's own characters.
    private static void Mark(string text, int start, int end, SearchTerms terms, List<TextMark> marks)
    {
        var key = SearchTokens.Token(SearchText.Fold(text[start..end]));
        var longest = 0;
        foreach (var prefix in terms.Words.SelectMany(w => w))
        {
            if (prefix.Length > longest && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                longest = prefix.Length;
            }
        }

        if (longest == 0)
        {
            return;
        }

        // The key of a beginning is the beginning of the key, so the shortest beginning whose key is long enough is the match.
        for (var n = 1; n <= end - start; n++)
        {
            if (SearchText.LatinKey(SearchText.Fold(text[start..(start + n)])).Length >= longest)
            {
                marks.Add(new TextMark(start, n));
                return;
            }
        }

        marks.Add(new TextMark(start, end - start));
    }

    private static List<TextMark> Merged(List<TextMark> marks)
    {
        var merged = new List<TextMark>();
        foreach (var mark in marks.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Length, mark.Start + mark.Length - last.Start) };
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }
}

/// <summary>
/// Whether the search index is being rebuilt after its tokens changed form (<see cref="SearchIndexRefresh"/>): while
/// it is, words are also looked up in the form the rows not yet rebuilt still have, so search keeps finding them.
/// </summary>
public sealed class SearchIndexState
{
    private volatile bool _rebuilding;

    public bool Rebuilding
    {
        get => _rebuilding;
        set => _rebuilding = value;
    }
}
