using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>Keeps <see cref="SearchEntry"/> rows in step with accounts and contacts, inside the same SaveChanges.</summary>
internal sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    private static readonly string[] Indexed =
        [nameof(Account.SearchName), nameof(Account.RegistrationNumber), nameof(Account.Domain),
         nameof(Contact.Email), nameof(Contact.PhoneDigits)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Index(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Index(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The search entries of an account or contact as it is now; also used by writers that bypass the tracker.</summary>
    internal static IEnumerable<SearchEntry> EntriesOf(object entity)
    {
        var (kind, id, tokens) = Of(entity);
        return tokens.Select(t => new SearchEntry { Kind = kind, EntityId = id, Token = t });
    }

    private static (SearchKind Kind, Guid Id, IReadOnlyCollection<string> Tokens) Of(object entity) => entity switch
    {
        Account a => (SearchKind.Account, a.Id, SearchTokens.Of(a.SearchName, a.RegistrationNumber, a.Domain)),
        Contact c => (SearchKind.Contact, c.Id, SearchTokens.Of(c.SearchName, c.Email, c.PhoneDigits)),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not searched.", nameof(entity)),
    };

    private static void Index(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = new List<(SearchKind Kind, Guid Id, bool Added, IEnumerable<string> Tokens)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not (Account or Contact)
                || (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && Indexed.Contains(p.Metadata.Name))))
            {
                continue;
            }

            var (kind, id, tokens) = Of(entry.Entity);
            changed.Add((kind, id, entry.State == EntityState.Added, entry.State == EntityState.Deleted ? [] : tokens));
        }

        if (changed.Count == 0)
        {
            return;
        }

        var entries = context.Set<SearchEntry>();
        var stale = changed.Where(c => !c.Added).Select(c => c.Id).ToList();
        if (stale.Count > 0)
        {
            entries.RemoveRange(entries.Where(e => stale.Contains(e.EntityId)));
        }

        foreach (var (kind, id, _, tokens) in changed)
        {
            entries.AddRange(tokens.Select(t => new SearchEntry { Kind = kind, EntityId = id, Token = t }));
        }
    }
}

/// <summary>The searchable words of a record: name words, and e-mail, digits, domain whole and in parts.</summary>
public static class SearchTokens
{
    public static IReadOnlyCollection<string> Of(string foldedName, params string?[] keys)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in foldedName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tokens.Add(word);
        }

        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                continue;
            }

            var folded = SearchText.Fold(key);
            tokens.Add(folded);
            foreach (var part in folded.Split(['@', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(part);
            }
        }

        return [.. tokens.Where(t => t.Length > 0).Select(t => t.Length > SearchEntry.MaxTokenLength ? t[..SearchEntry.MaxTokenLength] : t)];
    }
}
