using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>How a contact or interaction row names its account: by EIK, else domain, else name; the first given decides.</summary>
internal readonly record struct AccountReference(string? Eik, string? Domain, string? Name)
{
    public bool IsEmpty => Eik is null && Domain is null && Name is null;

    public ImportField Field => Eik is not null ? ImportField.AccountEik : Domain is not null ? ImportField.AccountDomain : ImportField.AccountName;
}

/// <summary>The accounts a batch of rows names, found with one query per kind of reference.</summary>
internal sealed class AccountReferences
{
    private readonly Dictionary<string, List<Guid>> _byEik = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _byDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _byName = new(StringComparer.Ordinal);

    public static async Task<AccountReferences> LoadAsync(RapportDb db, IReadOnlyCollection<AccountReference> references, CancellationToken ct)
    {
        var found = new AccountReferences();
        var eiks = references.Where(r => r.Eik is not null).Select(r => r.Eik!).Distinct().ToList();
        if (eiks.Count > 0)
        {
            Fill(found._byEik, await db.Accounts.AsNoTracking().Where(a => a.RegistrationNumber != null && EF.Parameter(eiks).Contains(a.RegistrationNumber))
                .Select(a => new KeyValuePair<string, Guid>(a.RegistrationNumber!, a.Id)).ToListAsync(ct));
        }

        var domains = references.Where(r => r.Eik is null && r.Domain is not null).Select(r => r.Domain!).Distinct().ToList();
        if (domains.Count > 0)
        {
            Fill(found._byDomain, await db.Accounts.AsNoTracking().Where(a => a.Domain != null && EF.Parameter(domains).Contains(a.Domain))
                .Select(a => new KeyValuePair<string, Guid>(a.Domain!, a.Id)).ToListAsync(ct));
        }

        var names = references.Where(r => r.Eik is null && r.Domain is null && r.Name is not null)
            .Select(r => SearchText.Fold(r.Name)).Distinct().ToList();
        if (names.Count > 0)
        {
            Fill(found._byName, await db.Accounts.AsNoTracking().Where(a => EF.Parameter(names).Contains(a.SearchName))
                .Select(a => new KeyValuePair<string, Guid>(a.SearchName, a.Id)).ToListAsync(ct));
        }

        return found;
    }

    /// <summary>The one account a reference names, or why there is not exactly one.</summary>
    public (Guid? Id, string? Error) Find(AccountReference reference)
    {
        var (table, key) = reference.Eik is not null ? (_byEik, reference.Eik)
            : reference.Domain is not null ? (_byDomain, reference.Domain)
            : (_byName, SearchText.Fold(reference.Name));
        return table.TryGetValue(key, out var ids) ? ids.Count == 1 ? (ids[0], null) : (null, Texts.ImportAccountAmbiguous)
            : (null, Texts.ImportAccountNotFound);
    }

    private static void Fill(Dictionary<string, List<Guid>> table, List<KeyValuePair<string, Guid>> rows)
    {
        foreach (var (key, id) in rows)
        {
            if (!table.TryGetValue(key, out var ids))
            {
                table[key] = ids = [];
            }

            ids.Add(id);
        }
    }
}
