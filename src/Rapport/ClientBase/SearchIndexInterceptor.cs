using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        IndexAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await IndexAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    /// <summary>The search entries of an account or contact as it is now; also used by writers that bypass the tracker.</summary>
    internal static IEnumerable<SearchEntry> EntriesOf(object entity) => EntriesOf(entity, _ => true);

    private static IEnumerable<SearchEntry> EntriesOf(object entity, Func<object, bool> current)
    {
        var (kind, id) = KeyOf(entity);
        var tokens = entity switch
        {
            Account a => SearchTokens.Of(a.SearchName, a.RegistrationNumber, a.Domain),
            Contact c => SearchTokens.Of(c.SearchName,
                [c.Email, c.PhoneDigits, .. c.Emails.Where(e => current(e)).Select(e => e.Address), .. c.Phones.Where(p => current(p)).Select(p => p.Digits)]),
            _ => throw new ArgumentException($"{entity.GetType().Name} is not searched.", nameof(entity)),
        };
        return tokens.Select(t => new SearchEntry { Kind = kind, EntityId = id, Token = t });
    }

    private static (SearchKind Kind, Guid Id) KeyOf(object entity) => entity switch
    {
        Account a => (SearchKind.Account, a.Id),
        Contact c => (SearchKind.Contact, c.Id),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not searched.", nameof(entity)),
    };

    // sync: SaveChanges (not SaveChangesAsync) must load what is missing synchronously.
    private static async Task IndexAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is null)
        {
            return;
        }

        var changed = new Dictionary<object, EntityEntry>(ReferenceEqualityComparer.Instance);
        var contactsById = new Dictionary<Guid, EntityEntry>();
        var channelsOf = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case Contact contact:
                    contactsById[contact.Id] = entry;
                    break;
                case ContactEmail { ContactId: var owner } when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    channelsOf.Add(owner);
                    continue;
                case ContactPhone { ContactId: var owner } when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    channelsOf.Add(owner);
                    continue;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not (Account or Contact)
                || (entry.State == EntityState.Modified && !entry.Properties.Any(p => p.IsModified && Indexed.Contains(p.Metadata.Name))))
            {
                continue;
            }

            changed[entry.Entity] = entry;
        }

        // A contact whose addresses or numbers changed is indexed again with all of them.
        foreach (var id in channelsOf)
        {
            if (!contactsById.TryGetValue(id, out var contact))
            {
                var found = sync ? context.Find<Contact>(id) : await context.FindAsync<Contact>([id], ct);
                if (found is null)
                {
                    continue;
                }

                contact = context.Entry(found);
            }

            changed.TryAdd(contact.Entity, contact);
        }

        if (changed.Count == 0)
        {
            return;
        }

        // The tokens of a stored contact come from all its addresses and numbers, so those must all be in memory.
        foreach (var contact in changed.Values.Where(e => e.State is EntityState.Modified or EntityState.Unchanged && e.Entity is Contact))
        {
            foreach (var collection in new[] { contact.Collection(nameof(Contact.Emails)), contact.Collection(nameof(Contact.Phones)) })
            {
                if (collection.IsLoaded)
                {
                    continue;
                }

                if (sync)
                {
                    collection.Load();
                }
                else
                {
                    await collection.LoadAsync(ct);
                }
            }
        }

        var entries = context.Set<SearchEntry>();
        var stale = changed.Values.Where(e => e.State != EntityState.Added).Select(e => KeyOf(e.Entity).Id).ToList();
        if (stale.Count > 0)
        {
            entries.RemoveRange(entries.Where(e => stale.Contains(e.EntityId)));
        }

        // Addresses and numbers on their way out may still hang in a loaded collection.
        bool Current(object child) => context.Entry(child).State is not (EntityState.Deleted or EntityState.Detached);
        foreach (var entry in changed.Values.Where(e => e.State != EntityState.Deleted))
        {
            entries.AddRange(EntriesOf(entry.Entity, Current));
        }
    }
}

/// <summary>
/// The searchable words of a record: name words (whole, and their parts between punctuation, so that „Пирин“ and
/// Кока-Кола are found by Пирин and Кола), and e-mail, digits and domain whole and in parts; each in its
/// <see cref="SearchText.LatinKey"/>, the one form a word typed in Cyrillic or Latin is looked up in.
/// </summary>
public static class SearchTokens
{
    private static readonly char[] KeySeparators = ['@', '.', '-', '_'];

    public static IReadOnlyCollection<string> Of(string foldedName, params string?[] keys)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in foldedName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            AddWord(tokens, word);
        }

        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                continue;
            }

            var folded = SearchText.Fold(key);
            Add(tokens, folded);
            foreach (var part in folded.Split(KeySeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                Add(tokens, part);
            }
        }

        return tokens;
    }

    /// <summary>The token a folded word is stored as, and the prefix a typed word is looked up by.</summary>
    public static string Token(string foldedWord)
    {
        var key = SearchText.LatinKey(foldedWord);
        return key.Length > SearchEntry.MaxTokenLength ? key[..SearchEntry.MaxTokenLength] : key;
    }

    /// <summary>The parts of a folded word between characters that are neither letters nor digits.</summary>
    public static IEnumerable<string> Parts(string foldedWord)
    {
        var start = -1;
        for (var i = 0; i <= foldedWord.Length; i++)
        {
            if (i < foldedWord.Length && char.IsLetterOrDigit(foldedWord[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                yield return foldedWord[start..i];
                start = -1;
            }
        }
    }

    /// <summary>A name word without the punctuation around it (quotes, brackets, commas), and its parts if it has several.</summary>
    private static void AddWord(HashSet<string> tokens, string word)
    {
        var trimmed = Trimmed(word);
        if (trimmed.Length == 0)
        {
            return;
        }

        Add(tokens, trimmed);
        if (trimmed.Any(c => !char.IsLetterOrDigit(c)))
        {
            foreach (var part in Parts(trimmed))
            {
                Add(tokens, part);
            }
        }
    }

    private static void Add(HashSet<string> tokens, string foldedWord)
    {
        if (Token(foldedWord) is { Length: > 0 } token)
        {
            tokens.Add(token);
        }
    }

    /// <summary>A folded word without the characters around it that are neither letters nor digits.</summary>
    public static string Trimmed(string foldedWord)
    {
        var (start, end) = (0, foldedWord.Length);
        while (start < end && !char.IsLetterOrDigit(foldedWord[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(foldedWord[end - 1]))
        {
            end--;
        }

        return foldedWord[start..end];
    }
}
