using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>How far an import has got: data rows read of the rows in the file.</summary>
public readonly record struct ImportProgress(int RowsDone, int RowsTotal);

/// <summary>A row that cannot be imported: the line it starts on, the CSV column at fault if one is, and why.</summary>
public sealed record ImportRowError(int Row, string? Column, string Message);

/// <summary>
/// What an import would do or did: rows that create, update or leave a record unchanged, and the rows in error. A
/// preview with errors is never applied; a commit that meets an error applies nothing.
/// </summary>
public sealed record ImportPreview(
    ImportKind Kind, string Encoding, char Separator, IReadOnlyList<string> Headers, int Rows, int Created, int Updated,
    int Unchanged, int ErrorCount, IReadOnlyList<ImportRowError> Errors, bool Committed)
{
    public bool IsClean => ErrorCount == 0;
}

/// <summary>
/// Imports accounts, contacts or interactions from CSV, updating by natural key instead of duplicating: an account by
/// EIK, else by domain; a contact by e-mail; an interaction by account, time and subject. The file is streamed in
/// batches: each batch looks up its keys with one query per key, applies, writes and forgets what it held, so
/// memory stays flat; a commit runs in one transaction, so an error, an exception or a cancellation leaves nothing.
/// New records are written by an <see cref="ImportWriter"/>, changed ones saved through the change tracker.
/// </summary>
public sealed class ImportHandlers(
    RapportDb db, TimeProvider clock, IOptions<StrengthOptions> options, BuyingRoleCatalog roles, ICurrentActor actor,
    AccountSignalsRequests signals)
{
    public const int BatchSize = 1000;

    /// <summary>Checks every row and counts what would change, writing nothing.</summary>
    public Task<ImportPreview> PreviewAsync(
        Viewer viewer, ImportKind kind, Stream csv, ColumnMap map, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync(viewer, kind, csv, map, commit: false, progress, ct);

    /// <summary>Checks and applies every row in one transaction; if any row is in error, applies none.</summary>
    public Task<ImportPreview> CommitAsync(
        Viewer viewer, ImportKind kind, Stream csv, ColumnMap map, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync(viewer, kind, csv, map, commit: true, progress, ct);

    /// <summary>
    /// Checks every row as a preview does and hands every error over as it is found, beyond the ones a preview lists:
    /// what a file of the rows in error is made from.
    /// </summary>
    public Task<ImportPreview> CheckAsync(
        Viewer viewer, ImportKind kind, Stream csv, ColumnMap map, Action<ImportRowError> onError, CancellationToken ct = default) =>
        RunAsync(viewer, kind, csv, map, commit: false, progress: null, ct, onError);

    private async Task<ImportPreview> RunAsync(
        Viewer viewer, ImportKind kind, Stream csv, ColumnMap map, bool commit, IProgress<ImportProgress>? progress, CancellationToken ct,
        Action<ImportRowError>? onError = null)
    {
        var file = CsvFile.Open(csv);
        var run = new ImportRun(kind, file, map, onError);
        if (!ClientBaseAccess.MayUseClientBase(viewer))
        {
            run.Error(1, null, Texts.ErrorForbidden);
        }

        var columns = run.CheckHeader();
        if (run.ErrorCount > 0)
        {
            return run.Result(committed: false);
        }

        var total = file.Records().Count();
        progress?.Report(new ImportProgress(0, total));
        await using var writer = new ImportWriter(db, actor, clock);
        var context = new ImportContext(db, viewer, run, clock.GetUtcNow().UtcDateTime, options.Value, await roles.GetAsync(ct), writer);
        RowImporter importer = kind switch
        {
            ImportKind.Accounts => new AccountImporter(context),
            ImportKind.Contacts => new ContactImporter(context),
            ImportKind.Deals => new Deals.DealImporter(context),
            _ => new InteractionImporter(context),
        };

        // Each batch detects changes when it saves, not on every query that looks at the tracker in between.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.Clear();
        var committed = false;
        try
        {
            await using var transaction = commit ? await db.Database.BeginTransactionAsync(ct) : null;
            await using var cache = commit ? await SqliteCache.EnlargeAsync(db, ct) : null;
            var done = 0;
            foreach (var batch in file.Records().Chunk(BatchSize))
            {
                ct.ThrowIfCancellationRequested();
                var rows = new List<ImportRow>(batch.Length);
                foreach (var record in batch)
                {
                    if (record.Error is { } error)
                    {
                        run.Error(record.Row, null, error);
                    }
                    else
                    {
                        rows.Add(new ImportRow(record.Row, record.Cells, columns));
                    }
                }

                await importer.ProcessAsync(rows, ct);
                if (commit && run.ErrorCount == 0)
                {
                    await importer.BeforeSaveAsync(ct);
                    await writer.FlushAsync(ct);

                    // On while saving: the versioning interceptor bumps versions after the audit one has looked.
                    db.ChangeTracker.AutoDetectChangesEnabled = true;
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                }
                else
                {
                    writer.Clear();
                }

                db.ChangeTracker.Clear();
                done += batch.Length;
                run.Rows = done;
                progress?.Report(new ImportProgress(done, total));
            }

            if (transaction is not null && run.ErrorCount == 0)
            {
                await transaction.CommitAsync(ct);
                committed = true;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        if (committed && kind != ImportKind.Accounts)
        {
            // Contacts and interactions move the accounts' sort keys; a file may touch thousands of accounts, so they
            // are recomputed in the background, as after any change that touches many at once.
            signals.Request();
        }

        return run.Result(committed);
    }
}

/// <summary>The cells of one data row, by field; blank cells read as null.</summary>
internal sealed class ImportRow(int row, string[] cells, IReadOnlyDictionary<ImportField, int> columns)
{
    public int Row { get; } = row;

    public string? this[ImportField field] =>
        columns.TryGetValue(field, out var index) && cells[index].Trim() is { Length: > 0 } value ? Unneutralised(value) : null;

    /// <summary>
    /// A cell as it was before an export kept a spreadsheet from reading it as a formula (an apostrophe before = + - @),
    /// so that a file exported and imported again changes nothing.
    /// </summary>
    private static string Unneutralised(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;
}

/// <summary>The errors and counts of one import run.</summary>
internal sealed class ImportRun(ImportKind kind, CsvFile file, ColumnMap map, Action<ImportRowError>? onError = null)
{
    /// <summary>Errors beyond this many are counted but not listed: a wrong file would otherwise list every row.</summary>
    public const int MaxErrorsListed = 500;

    private readonly List<ImportRowError> _errors = [];

    public ImportKind Kind { get; } = kind;

    public int ErrorCount { get; private set; }

    /// <summary>The data rows read so far, in error or not.</summary>
    public int Rows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>The first of these fields that has a column, for errors about a group of alternatives.</summary>
    public ImportField? FirstMapped(params ImportField[] fields) => fields.FirstOrDefault(f => map.ColumnOf(f) is not null);

    public void Error(int row, ImportField? field, string message)
    {
        ErrorCount++;
        if (_errors.Count < MaxErrorsListed || onError is not null)
        {
            var error = new ImportRowError(row, field is { } f ? map.ColumnOf(f) : null, message);
            if (_errors.Count < MaxErrorsListed)
            {
                _errors.Add(error);
            }

            onError?.Invoke(error);
        }
    }

    /// <summary>Checks the mapping against the header line and returns the column index of each mapped field.</summary>
    public Dictionary<ImportField, int> CheckHeader()
    {
        var columns = new Dictionary<ImportField, int>();
        if (file.NotTextMessage is { } notText)
        {
            Error(1, null, notText);
            return columns;
        }

        if (file.Headers.Count == 0)
        {
            Error(1, null, Texts.ImportEmptyFile);
            return columns;
        }

        var allowed = ImportFields.Of(Kind);
        foreach (var (column, field) in map.Columns)
        {
            var at = Enumerable.Range(0, file.Headers.Count).Where(i => file.Headers[i] == column).ToList();
            if (at.Count == 0)
            {
                Error(1, null, string.Format(CultureInfo.CurrentCulture, Texts.ImportColumnMissing, column));
            }
            else if (at.Count > 1)
            {
                Error(1, null, string.Format(CultureInfo.CurrentCulture, Texts.ImportColumnTwice, column));
            }
            else if (!allowed.Contains(field) || !columns.TryAdd(field, at[0]))
            {
                Error(1, null, string.Format(CultureInfo.CurrentCulture, Texts.ImportFieldTwice, ImportFields.Label(Kind, field)));
            }
        }

        foreach (var group in ImportFields.Required(Kind).Where(g => !g.Any(columns.ContainsKey)))
        {
            Error(1, null, string.Format(CultureInfo.CurrentCulture, Texts.ImportFieldUnmapped,
                string.Join(" / ", group.Select(f => ImportFields.Label(Kind, f)))));
        }

        return columns;
    }

    public ImportPreview Result(bool committed) => new(
        Kind, file.EncodingName, file.Separator, file.Headers, Rows,
        Created, Updated, Unchanged, ErrorCount, [.. _errors.OrderBy(e => e.Row)], committed);
}

/// <summary>An employee an import row names by e-mail.</summary>
internal sealed record EmployeeRef(Guid Id, string Email, bool Active);

/// <summary>What every kind of import works with.</summary>
internal sealed record ImportContext(
    RapportDb Db, Viewer Viewer, ImportRun Run, DateTime Now, StrengthOptions Strength, RoleSet Roles, ImportWriter Writer);

/// <summary>Reads, checks, looks up and applies the rows of one kind, a batch at a time.</summary>
internal abstract class RowImporter(ImportContext context)
{
    private readonly Dictionary<string, EmployeeRef?> _employees = new(StringComparer.Ordinal);

    private readonly Dictionary<Guid, bool> _assignable = [];

    protected RapportDb Db => context.Db;

    /// <summary>Whether the importing user may name this employee as owner or participant (cached for the file).</summary>
    protected async Task<bool> MayAssignAsync(Guid employeeId, CancellationToken ct)
    {
        if (!_assignable.TryGetValue(employeeId, out var may))
        {
            _assignable[employeeId] = may = await ClientBaseAccess.MayAssignAsync(Db, Viewer, employeeId, ct);
        }

        return may;
    }

    protected Viewer Viewer => context.Viewer;

    protected ImportRun Run => context.Run;

    protected ImportContext Context => context;

    /// <summary>Where new records go; a commit writes them with the batch, a preview forgets them.</summary>
    protected ImportWriter Writer => context.Writer;

    /// <summary>Checks, looks up and applies one batch, changes to tracked entities and new records to the
    /// <see cref="Writer"/>; the caller saves or discards it.</summary>
    public abstract Task ProcessAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct);

    /// <summary>Work that only a commit does, just before the batch is saved.</summary>
    public virtual Task BeforeSaveAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>A text cell, trimmed; an error when longer than the field holds.</summary>
    protected string? Text(ImportRow row, ImportField field, int maxLength)
    {
        var value = row[field];
        if (value is { Length: var length } && length > maxLength)
        {
            Run.Error(row.Row, field, string.Format(CultureInfo.CurrentCulture, Texts.ValidationMaxLength,
                ImportFields.Label(Run.Kind, field), maxLength));
            return null;
        }

        return value;
    }

    /// <summary>An enumeration cell by name or word; an error, listing the names in the reader's language, for anything else.</summary>
    protected T? Choice<T>(ImportRow row, ImportField field) where T : struct, Enum
    {
        if (row[field] is not { } text)
        {
            return null;
        }

        var value = ImportValues.Parse<T>(text);
        if (value is null)
        {
            var unknown = field switch
            {
                ImportField.Size => Texts.ImportUnknownSize,
                ImportField.AccountStatus => Texts.ImportUnknownAccountStatus,
                _ => Texts.ImportUnknownInteractionKind,
            };
            Run.Error(row.Row, field, string.Format(CultureInfo.CurrentCulture, unknown, text, ImportValues.Accepted<T>()));
        }

        return value;
    }

    /// <summary>An e-mail cell in lower case, as e-mails are stored; an error when it is not one.</summary>
    protected string? Email(ImportRow row, ImportField field)
    {
        if (Text(row, field, 256) is not { } text)
        {
            return null;
        }

        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(text))
        {
            Run.Error(row.Row, field, string.Format(CultureInfo.CurrentCulture, Texts.ValidationEmail, ImportFields.Label(Run.Kind, field)));
            return null;
        }

        return text.ToLowerInvariant();
    }

    /// <summary>The digits of an EIK cell; an error when they are not a valid EIK.</summary>
    protected string? Eik(ImportRow row, ImportField field)
    {
        if (row[field] is not { } text)
        {
            return null;
        }

        var digits = ClientBase.Eik.Normalize(text);
        if (digits is null || !ClientBase.Eik.IsWellFormed(text) || !ClientBase.Eik.IsValid(digits))
        {
            Run.Error(row.Row, field, Texts.ValidationEik);
            return null;
        }

        return digits;
    }

    /// <summary>A domain cell as domains are compared.</summary>
    protected string? Domain(ImportRow row, ImportField field)
    {
        var domain = Domains.Normalize(row[field]);
        if (domain is { Length: > 200 })
        {
            Run.Error(row.Row, field, string.Format(CultureInfo.CurrentCulture, Texts.ValidationMaxLength, ImportFields.Label(Run.Kind, field), 200));
            return null;
        }

        if (domain is not null && !Domains.IsValid(domain))
        {
            Run.Error(row.Row, field, Texts.ValidationDomain);
            return null;
        }

        return domain;
    }

    /// <summary>
    /// Employees by e-mail, an active one before one who has left, remembered for the whole file: there are few of
    /// them. Only an active employee may be named anew; one who has left may still stand where they already are.
    /// </summary>
    protected async Task<IReadOnlyDictionary<string, EmployeeRef?>> EmployeesAsync(IEnumerable<string?> emails, CancellationToken ct)
    {
        var unknown = emails.OfType<string>().Where(e => !_employees.ContainsKey(e)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var found = await Db.Employees.AsNoTracking()
                .Where(e => e.Email != null && unknown.Contains(e.Email))
                .Select(e => new EmployeeRef(e.Id, e.Email!, e.Status == People.EmployeeStatus.Active)).ToListAsync(ct);
            foreach (var email in unknown)
            {
                _employees[email] = found.Where(f => f.Email == email).OrderByDescending(f => f.Active).FirstOrDefault();
            }
        }

        return _employees;
    }

    /// <summary>Which of these accounts the viewer may change.</summary>
    protected async Task<HashSet<Guid>> EditableAsync(IEnumerable<Guid> accountIds, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        if (ids.Count == 0 || Viewer.IsAdministrator)
        {
            return [.. ids];
        }

        return [.. await Db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).EditableBy(Db, Viewer).Select(a => a.Id).ToListAsync(ct)];
    }

    protected void Error(ImportRow row, ImportField? field, string message) => Run.Error(row.Row, field, message);

    protected static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    /// <summary>Sets a text field when the row has a value that differs; true if it did.</summary>
    protected static bool Change(string? current, string? value, Action<string> set)
    {
        if (value is null || value == current)
        {
            return false;
        }

        set(value);
        return true;
    }

    protected static bool Change<T>(T current, T? value, Action<T> set) where T : struct
    {
        if (value is not { } v || EqualityComparer<T>.Default.Equals(v, current))
        {
            return false;
        }

        set(v);
        return true;
    }
}
