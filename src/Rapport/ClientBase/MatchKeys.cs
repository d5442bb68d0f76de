using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>
/// The keys two spellings of one name meet on, for duplicate detection. A key is the folded name (<see cref="SearchText.Fold"/>)
/// without spaces, punctuation or quotes, in Latin letters (Bulgarian Cyrillic by the streamlined system), with a few
/// spellings of one sound made one ("ch", "kh" and "h"; "c", "k" and "q"; "y", "j" and "i"; doubled letters), and for
/// a company without its legal form: "„Технострой“ ООД", "Техно Строй ЕООД", "TECHNOSTROY Ltd." and "Tehnostroj OOD"
/// all give "tehnostroi". Kept here, apart from search, because a key may merge what search must tell apart.
/// </summary>
public static class MatchKeys
{
    /// <summary>The shortest key on which a one-letter difference is taken for a typo rather than another name.</summary>
    public const int NearMinLength = 8;

    /// <summary>
    /// Near keys start with these many same characters: the candidates of a key are then a range of the key's index.
    /// A typo in the first two letters goes unnoticed; a transliteration seldom differs there ("te" of Techno and Техно).
    /// </summary>
    public const int NearPrefixLength = 2;

    public const int MaxLength = 200;

    /// <summary>Legal forms, as their letters read once transliterated and without dots: ООД and OOD alike.</summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ood", "eood", "ad", "ead", "et", "sd", "kd", "kda", "dzzd", "ltd", "llc", "jsc", "gmbh",
    };

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p",
        ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "h", ['ц'] = "ts", ['ч'] = "ch",
        ['ш'] = "sh", ['щ'] = "sht", ['ъ'] = "a", ['ь'] = "y", ['ю'] = "yu", ['я'] = "ya",
    };

    /// <summary>The key of a company's name: its words without the legal form that starts or ends it.</summary>
    public static string ForAccount(string? name) => Key(name, stripLegalForms: true);

    /// <summary>The key of a person's name.</summary>
    public static string ForPerson(string? name) => Key(name, stripLegalForms: false);

    /// <summary>
    /// Whether two different keys look like one name with a typo: both at least <see cref="NearMinLength"/> long,
    /// the same first <see cref="NearPrefixLength"/> characters, and one letter apart — replaced, added, left out, or two
    /// neighbours swapped. A difference in digits is never a typo: "Технострой 2005" and "Технострой 2006" are two companies.
    /// </summary>
    public static bool AreNear(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length < NearMinLength || b.Length - a.Length > 1 || string.Equals(a, b, StringComparison.Ordinal)
            || !a.AsSpan(0, NearPrefixLength).SequenceEqual(b.AsSpan(0, NearPrefixLength)))
        {
            return false;
        }

        var prefix = a.AsSpan().CommonPrefixLength(b);
        if (a.Length < b.Length)
        {
            // One character more in b, at the first place they part: the rest must be the same.
            return char.IsLetter(b[prefix]) && a.AsSpan(prefix).SequenceEqual(b.AsSpan(prefix + 1));
        }

        if (a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1)))
        {
            return char.IsLetter(a[prefix]) && char.IsLetter(b[prefix]);
        }

        return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
            && char.IsLetter(a[prefix]) && char.IsLetter(a[prefix + 1])
            && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
    }

    /// <summary>
    /// Hashes of the strings a key one typo away can share with <paramref name="key"/>: the key itself and the key with
    /// one letter (past the prefix) left out. Two near keys always share one, since a typo is never in a digit; keys
    /// that share one are then compared. Polynomial hashes put together from prefix and suffix hashes, so a key's
    /// variants cost no strings.
    /// </summary>
    /// <returns>How many hashes were written: one more than the letters past the prefix.</returns>
    internal static int VariantHashes(string key, Span<ulong> into)
    {
        const ulong Base = 1_000_003;
        var n = key.Length;
        Span<ulong> suffix = n <= 256 ? stackalloc ulong[n + 1] : new ulong[n + 1];
        Span<ulong> power = n <= 256 ? stackalloc ulong[n + 1] : new ulong[n + 1];
        power[0] = 1;
        for (var i = 1; i <= n; i++)
        {
            power[i] = power[i - 1] * Base;
        }

        // suffix[i] is the hash of key[i..], each character weighted by the power of its distance from the end.
        suffix[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            suffix[i] = (key[i] + 1UL) * power[n - 1 - i] + suffix[i + 1];
        }

        var count = 0;
        into[count++] = suffix[0];
        ulong prefix = 0;
        for (var i = 0; i < n; i++)
        {
            // The key without key[i]: its prefix shifted past the suffix that follows the left-out character.
            if (i >= NearPrefixLength && char.IsLetter(key[i]))
            {
                into[count++] = prefix * power[n - 1 - i] + suffix[i + 1];
            }

            prefix = prefix * Base + key[i] + 1UL;
        }

        return count;
    }

    private static string Key(string? name, bool stripLegalForms)
    {
        var folded = SearchText.Fold(name);
        if (folded.Length == 0)
        {
            return "";
        }

        // Dots and apostrophes join ("О.О.Д.", "O'Neil"); everything else that is not a letter or a digit parts words.
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (Cyrillic.TryGetValue(c, out var latin))
                {
                    word.Append(latin);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is not ('.' or '\'' or '’'))
            {
                Flush();
            }
        }

        Flush();
        if (stripLegalForms)
        {
            while (words.Count > 1 && LegalForms.Contains(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            while (words.Count > 1 && LegalForms.Contains(words[0]))
            {
                words.RemoveAt(0);
            }
        }

        var key = Skeleton(string.Concat(words));
        return key.Length > MaxLength ? key[..MaxLength] : key;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>One spelling for the sounds Latin writes several ways, then no letter twice in a row.</summary>
    private static string Skeleton(string latin)
    {
        var text = latin
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal)
            .Replace('q', 'k')
            .Replace('c', 'k')
            .Replace("kh", "h", StringComparison.Ordinal)
            .Replace('w', 'v')
            .Replace("x", "ks", StringComparison.Ordinal)
            .Replace('y', 'i')
            .Replace('j', 'i');
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (key.Length == 0 || key[^1] != c || char.IsDigit(c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}

/// <summary>
/// Gives accounts written before match keys existed theirs: the key is worked out in .NET, as search names are, so the
/// migration that adds the column cannot. Runs after every migration; once all are filled it is one index probe.
/// </summary>
internal static class MatchKeyBackfill
{
    private const int Batch = 1000;

    public static async Task RunAsync(Data.RapportDb db, CancellationToken ct)
    {
        // A name of only punctuation keeps an empty key: the id moves on past it, so the walk ends.
        var after = Guid.Empty;
        while (true)
        {
            var rows = await db.Accounts.AsNoTracking().Where(a => a.MatchKey == "" && a.Id > after)
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return;
            }

            // Straight updates: a derived column is no edit of the account, so no version, audit or search change either.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in rows)
            {
                var key = MatchKeys.ForAccount(row.Name);
                if (key.Length > 0)
                {
                    await db.Accounts.Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.MatchKey, key), ct);
                }
            }

            await transaction.CommitAsync(ct);
            after = rows[^1].Id;
        }
    }
}
