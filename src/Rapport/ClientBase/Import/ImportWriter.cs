using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Audit;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>
/// Writes the records an import creates, a batch at a time, with multi-row INSERTs in the import's transaction
/// instead of the change tracker: with it, saving a new record and the rows the interceptors add for it took nearly
/// all of an import's time. For each new account, contact or interaction it writes the audit entry the
/// <see cref="AuditInterceptor"/> would, and for accounts and contacts the search entries of the
/// <see cref="SearchIndexInterceptor"/>; records that change still go through SaveChanges and its interceptors.
/// </summary>
internal sealed class ImportWriter(RapportDb db, ICurrentActor actor, TimeProvider clock) : IAsyncDisposable
{
    private readonly BulkInsert<Account> _accounts = new(db);
    private readonly BulkInsert<Contact> _contacts = new(db);
    private readonly BulkInsert<Interaction> _interactions = new(db);
    private readonly BulkInsert<InteractionEmployee> _interactionEmployees = new(db);
    private readonly BulkInsert<InteractionContact> _interactionContacts = new(db);
    private readonly BulkInsert<Relationship> _relationships = new(db);
    private readonly BulkInsert<SearchEntry> _search = new(db);
    private readonly BulkInsert<AuditEntry> _audit = new(db);
    private readonly List<IAudited> _created = [];

    public void Add(Account account)
    {
        _accounts.Add(account);
        Created(account);
    }

    public void Add(Contact contact)
    {
        _contacts.Add(contact);
        Created(contact);
    }

    /// <summary>A new interaction with its participants, whose interaction id it must already carry.</summary>
    public void Add(Interaction interaction)
    {
        _interactions.Add(interaction);
        interaction.Employees.ForEach(_interactionEmployees.Add);
        interaction.Contacts.ForEach(_interactionContacts.Add);
        _created.Add(interaction);
    }

    public void Add(Relationship relationship) => _relationships.Add(relationship);

    /// <summary>Writes what was added since the last write, parents before the rows that refer to them.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var entity in _created)
        {
            var type = db.Model.FindEntityType(entity.GetType())!;
            _audit.Add(new AuditEntry
            {
                At = at,
                UserId = actor.UserId,
                Actor = actor.Name,
                EntityType = type.ClrType.Name,
                EntityId = entity.Id,
                Action = AuditAction.Added,
                Field = AuditInterceptor.CreatedField,
                NewValue = AuditInterceptor.CreatedValues(type.GetProperties().Select(p => ((IReadOnlyProperty)p, p.GetGetter().GetClrValue(entity)))),
            });
        }

        _created.Clear();
        foreach (var table in Tables())
        {
            await table.FlushAsync(ct);
        }
    }

    /// <summary>Forgets what was added: a preview counts new records but writes none.</summary>
    public void Clear()
    {
        _created.Clear();
        foreach (var table in Tables())
        {
            table.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Tables())
        {
            await table.DisposeAsync();
        }
    }

    private void Created(IAudited entity)
    {
        _created.Add(entity);
        foreach (var entry in SearchIndexInterceptor.EntriesOf(entity))
        {
            _search.Add(entry);
        }
    }

    private IEnumerable<IBulkInsert> Tables() =>
        [_accounts, _contacts, _interactions, _interactionEmployees, _interactionContacts, _relationships, _search, _audit];
}
