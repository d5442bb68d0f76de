using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>
/// Writes the records an import creates, a batch at a time, with prepared INSERTs in the import's transaction
/// instead of the change tracker: saving each new record with the rows the interceptors add for it took nearly all of
/// an import's time. A <see cref="BulkWriter"/> writes each record with the audit entry the audit interceptor would;
/// this adds the search entries of the <see cref="SearchIndexInterceptor"/>, a contact's addresses and numbers and an
/// interaction's participants.
/// Records that change still go through SaveChanges and its interceptors.
/// </summary>
internal sealed class ImportWriter(RapportDb db, ICurrentActor actor, TimeProvider clock) : IAsyncDisposable
{
    private readonly BulkWriter _writer = new(db, actor, clock);

    public void Add(Account account)
    {
        _writer.Add(account);
        Index(account);
    }

    /// <summary>A new contact with its e-mail addresses and phone numbers.</summary>
    public void Add(Contact contact)
    {
        _writer.Add(contact);
        contact.Emails.ForEach(_writer.Add);
        contact.Phones.ForEach(_writer.Add);
        Index(contact);
    }

    /// <summary>A new interaction with its participants, whose interaction id it must already carry.</summary>
    public void Add(Interaction interaction)
    {
        _writer.Add(interaction);
        interaction.Employees.ForEach(_writer.Add);
        interaction.Contacts.ForEach(_writer.Add);
    }

    public void Add(Relationship relationship) => _writer.Add(relationship);

    /// <summary>A new record of another feature (a deal, its lines, its events), written as it is, its audit entry included.</summary>
    public void AddRecord<T>(T record) where T : class => _writer.Add(record);

    /// <summary>Writes what was added since the last write, parents before the rows that refer to them.</summary>
    public Task FlushAsync(CancellationToken ct) => _writer.FlushAsync(ct);

    /// <summary>Forgets what was added: a preview counts new records but writes none.</summary>
    public void Clear() => _writer.Clear();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Called once the record has all its values: its search entries are taken from them now.</summary>
    private void Index(object record)
    {
        foreach (var entry in SearchIndexInterceptor.EntriesOf(record))
        {
            _writer.Add(entry);
        }
    }
}
