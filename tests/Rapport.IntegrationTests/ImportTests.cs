using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>The CSV import of the client base against a real database: keys, errors, transactions, permissions.</summary>
public abstract class ImportTests(RapportApp app)
{
    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_column_and_nothing_is_written()
    {
        var owner = await OwnerAsync();
        var (good, taken) = (RapportApp.NewEik(), RapportApp.NewEik());
        var name = app.Unique("Good ");
        var csv = $"""
            Name,EIK,Size,Owner
            {name},{good},Small,{owner.Email}
            Bad checksum,{BadEik(good)},Small,{owner.Email}
            Unknown owner,{RapportApp.NewEik()},Small,nobody@nowhere.example
            {new string('x', 201)},{RapportApp.NewEik()},Small,{owner.Email}
            Odd size,{RapportApp.NewEik()},Huge,{owner.Email}
            First,{taken},,{owner.Email}
            Second,{taken},,{owner.Email}
            Quote "inside",{RapportApp.NewEik()},,{owner.Email}
            Too,many,cells,here,and more
            """;

        var preview = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, csv, commit: true);

        Assert.False(preview.Committed);
        Assert.Equal(9, preview.Rows);
        Assert.Equal(2, preview.Created);
        Assert.Equal(
            [(3, "EIK"), (4, "Owner"), (5, "Name"), (6, "Size"), (8, "EIK"), (9, null), (10, null)],
            preview.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(preview.Errors.Count, preview.ErrorCount);
        Assert.Contains("nobody@nowhere.example", preview.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("Huge", preview.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("7", preview.Errors[4].Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Accounts.CountAsync(a => a.RegistrationNumber == good || a.RegistrationNumber == taken)));
    }

    [Fact]
    public async Task A_header_that_lacks_a_required_field_is_reported_before_any_row()
    {
        var preview = await ImportAsync(RapportApp.Admin, ImportKind.Contacts, "Име;Телефон\nИван;0888\n", commit: false);

        Assert.Equal(0, preview.Rows);
        Assert.All(preview.Errors, e => Assert.Equal(1, e.Row));
        Assert.Equal(2, preview.ErrorCount);
    }

    [Fact]
    public async Task A_windows_1251_file_imports_cyrillic_correctly()
    {
        var owner = await OwnerAsync();
        var eik = RapportApp.NewEik();
        var name = app.Unique("Българска роза ");
        var csv = $"Име;ЕИК;Отрасъл;Регион;Мениджър\r\n{name};{eik};Козметика;Казанлък;{owner.Email}\r\n";

        var preview = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, csv, commit: true, encoding: CodePage1251());

        Assert.Equal("Windows-1251", preview.Encoding);
        Assert.Equal(';', preview.Separator);
        Assert.True(preview.Committed, Describe(preview));
        var account = await QueryAsync(db => db.Accounts.SingleAsync(a => a.RegistrationNumber == eik));
        Assert.Equal(name, account.Name);
        Assert.Equal("Козметика", account.Industry);
        Assert.Equal("Казанлък", account.Region);
        Assert.Equal(owner.EmployeeId, account.OwnerId);
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        var owner = await OwnerAsync();
        var eik = RapportApp.NewEik();
        var tag = app.Unique("again");
        var accounts = $"Name,EIK,Website,Industry,Size,Status,Owner\n\"Again, Ltd {tag}\",{eik},https://www.{tag}.example/,IT,Large,Active,{owner.Email}\n";
        var contacts = $"Name,E-mail,Phone,Job title,Role,EIK\nМария Петрова,maria@{tag}.example,+359 888 123 456,CFO,Signatory,{eik}\n"
            + $"Ivan Kolev,ivan@{tag}.example,,CTO,Decision maker,{eik}\n";
        var interactions = $"EIK,Kind,Date,Subject,Outcome,Contact e-mail,Employee\n"
            + $"{eik},Meeting,2025-03-10 10:00,Kick-off,Agreed a pilot,maria@{tag}.example,{owner.Email}\n"
            + $"{eik},Call,11.03.2025,Follow-up,,ivan@{tag}.example,{owner.Email}\n";

        foreach (var (kind, csv) in new[] { (ImportKind.Accounts, accounts), (ImportKind.Contacts, contacts), (ImportKind.Interactions, interactions) })
        {
            var first = await ImportAsync(RapportApp.Admin, kind, csv, commit: true);
            Assert.True(first.Committed, Describe(first));
            Assert.True(first.Created > 0);

            var again = await ImportAsync(RapportApp.Admin, kind, csv, commit: true);
            Assert.True(again.Committed, Describe(again));
            Assert.Equal((0, 0, first.Created), (again.Created, again.Updated, again.Unchanged));
        }

        var accountId = await QueryAsync(db => db.Accounts.Where(a => a.RegistrationNumber == eik).Select(a => a.Id).SingleAsync());
        Assert.Equal(2, await QueryAsync(db => db.Contacts.CountAsync(c => c.AccountId == accountId)));
        Assert.Equal(2, await QueryAsync(db => db.Interactions.CountAsync(i => i.AccountId == accountId)));
        var relationships = await QueryAsync(db => db.Relationships.Where(r => r.EmployeeId == owner.EmployeeId).ToListAsync());
        Assert.Equal(2, relationships.Count);
        Assert.All(relationships, r => Assert.Equal(1, r.Interactions));

        // The account list's sort keys follow in the background: the last contact is the later interaction.
        var lastContact = Account.Never;
        for (var wait = 0; wait < 300 && lastContact == Account.Never; wait++)
        {
            await Task.Delay(100);
            lastContact = await QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.LastContactAt).SingleAsync());
        }

        Assert.Equal(await QueryAsync(db => db.Interactions.Where(i => i.AccountId == accountId).MaxAsync(i => i.OccurredAt)), lastContact);
    }

    [Fact]
    public async Task A_changed_value_updates_the_account_with_the_same_key()
    {
        var owner = await OwnerAsync();
        var eik = RapportApp.NewEik();
        var name = app.Unique("Update ");
        const string Header = "Name,EIK,Industry,Owner\n";
        await ImportAsync(RapportApp.Admin, ImportKind.Accounts, $"{Header}{name},{eik},Retail,{owner.Email}\n", commit: true);

        var preview = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, $"{Header}{name},{eik},Logistics,{owner.Email}\n", commit: false);
        Assert.Equal((0, 1, 0), (preview.Created, preview.Updated, preview.Unchanged));
        Assert.Equal("Retail", await QueryAsync(db => db.Accounts.Where(a => a.RegistrationNumber == eik).Select(a => a.Industry).SingleAsync()));

        var committed = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, $"{Header}{name},{eik},Logistics,{owner.Email}\n", commit: true);
        Assert.Equal((0, 1, 0), (committed.Created, committed.Updated, committed.Unchanged));
        var account = await QueryAsync(db => db.Accounts.SingleAsync(a => a.RegistrationNumber == eik));
        Assert.Equal("Logistics", account.Industry);
        Assert.Equal(1, account.Version);
    }

    [Fact]
    public async Task An_account_known_by_its_domain_gains_its_eik_instead_of_a_twin()
    {
        var owner = await OwnerAsync();
        var domain = app.Unique("domain") + ".example";
        var created = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, $"Name,Domain,Owner\nDomain Only,{domain},{owner.Email}\n", commit: true);
        Assert.Equal(1, created.Created);

        var eik = RapportApp.NewEik();
        var updated = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, $"Name,EIK,Domain,Owner\nDomain Only,{eik},www.{domain},{owner.Email}\n", commit: true);

        Assert.Equal((0, 1), (updated.Created, updated.Updated));
        var accounts = await QueryAsync(db => db.Accounts.Where(a => a.Domain == domain).ToListAsync());
        Assert.Equal(eik, Assert.Single(accounts).RegistrationNumber);
    }

    [Fact]
    public async Task An_import_interrupted_midway_leaves_nothing_applied()
    {
        var owner = await OwnerAsync();
        var tag = app.Unique("midway");
        var csv = new StringBuilder("Name,Domain,Owner\n");
        for (var i = 0; i < ImportHandlers.BatchSize * 2 + 500; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Account {i},a{i}.{tag}.example,{owner.Email}\n");
        }

        using var cancel = new CancellationTokenSource();
        var reports = new List<ImportProgress>();
        var progress = new SyncProgress(p =>
        {
            reports.Add(p);
            if (p.RowsDone >= ImportHandlers.BatchSize)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportAsync(RapportApp.Admin, ImportKind.Accounts, csv.ToString(), commit: true, progress: progress, ct: cancel.Token));

        Assert.Equal([new ImportProgress(0, 2500), new ImportProgress(1000, 2500)], reports);
        Assert.Equal(0, await QueryAsync(db => db.Accounts.CountAsync(a => a.Domain!.EndsWith(tag + ".example"))));

        var whole = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, csv.ToString(), commit: true);
        Assert.Equal(2500, whole.Created);
        Assert.Equal(2500, await QueryAsync(db => db.Accounts.CountAsync(a => a.Domain!.EndsWith(tag + ".example"))));
    }

    [Fact]
    public async Task A_bad_row_in_a_later_batch_leaves_the_earlier_batches_unwritten()
    {
        var owner = await OwnerAsync();
        var tag = app.Unique("later");
        var csv = new StringBuilder("Name,Domain,Owner\n");
        for (var i = 0; i < ImportHandlers.BatchSize + 500; i++)
        {
            var ownerCell = i == ImportHandlers.BatchSize + 200 ? "nobody@nowhere.example" : owner.Email;
            csv.Append(CultureInfo.InvariantCulture, $"Account {i},a{i}.{tag}.example,{ownerCell}\n");
        }

        var preview = await ImportAsync(RapportApp.Admin, ImportKind.Accounts, csv.ToString(), commit: true);

        Assert.False(preview.Committed);
        Assert.Equal(ImportHandlers.BatchSize + 202, Assert.Single(preview.Errors).Row);
        Assert.Equal(0, await QueryAsync(db => db.Accounts.CountAsync(a => a.Domain!.EndsWith(tag + ".example"))));
        var firstDomain = SearchTokens.Token($"a0.{tag}.example".ToLowerInvariant());
        Assert.Equal(0, await QueryAsync(db => db.SearchEntries.CountAsync(e => e.Token == firstDomain)));
    }

    [Fact]
    public async Task New_records_are_audited_and_indexed_exactly_as_ones_saved_by_hand()
    {
        var owner = await OwnerAsync();
        var eik = RapportApp.NewEik();
        var tag = app.Unique("twin");
        var imports = new[]
        {
            (ImportKind.Accounts, $"Name,EIK,Website,Industry,Size,Region,Status,Owner\nЗахарни изделия {tag},{eik},https://{tag}.example,Храни,Medium,Шумен,Active,{owner.Email}\n"),
            (ImportKind.Contacts, $"Name,E-mail,Phone,Job title,Role,EIK\nЙордан Тодоров,yordan@{tag}.example,+359 2 123 45 67,Управител,Signatory,{eik}\n"),
            (ImportKind.Interactions, $"EIK,Kind,Date,Subject,Outcome,Contact e-mail,Employee\n{eik},Call,2025-04-01 08:30,Оферта,Прие,yordan@{tag}.example,{owner.Email}\n"),
        };
        foreach (var (kind, csv) in imports)
        {
            var imported = await ImportAsync(RapportApp.Admin, kind, csv, commit: true);
            Assert.True(imported.Committed, Describe(imported));
        }

        var account = await QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.RegistrationNumber == eik));
        var contact = await QueryAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Email == $"yordan@{tag}.example"));
        var interaction = await QueryAsync(db => db.Interactions.AsNoTracking().SingleAsync(i => i.AccountId == account.Id));
        Assert.Equal(0, account.Version);
        Assert.Equal(0, contact.Version);
        foreach (var (type, id) in new[] { (typeof(Account), account.Id), (typeof(Contact), contact.Id), (typeof(Interaction), interaction.Id) })
        {
            var (bulk, byHand) = await app.WithServicesAsync(sp => TwinAsync(sp.GetRequiredService<RapportDb>(), type, id));
            Assert.Equal(byHand, bulk);
        }

        var search = (string text) => app.WithServicesAsync(sp => sp.GetRequiredService<SearchQueries>().QuickAsync(RapportApp.Admin, text));
        Assert.Contains(await search("ЗАХАРНИ " + tag), h => h.Id == account.Id);
        Assert.Contains(await search(eik), h => h.Id == account.Id);
        Assert.Contains(await search($"yordan@{tag}.example"), h => h.Id == contact.Id);
    }

    /// <summary>
    /// The audit entry and search entries of a record, and those the interceptors write for a copy of it saved through
    /// SaveChanges (in a transaction that is rolled back), each without what tells them apart: id and time.
    /// </summary>
    private static async Task<(string Bulk, string ByHand)> TwinAsync(RapportDb db, Type type, Guid id)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var original = (await db.FindAsync(type, id))!;
        var twin = Activator.CreateInstance(type, nonPublic: true)!;
        var entry = db.Entry(twin);
        entry.CurrentValues.SetValues(db.Entry(original).CurrentValues);
        var twinId = Guid.CreateVersion7();
        entry.Property("Id").CurrentValue = twinId;
        db.Add(twin);
        await db.SaveChangesAsync();

        async Task<string> DescribeAsync(Guid entityId)
        {
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == entityId)
                .Select(e => new { e.Actor, e.UserId, e.EntityType, e.Action, e.Field, e.OldValue, e.NewValue }).ToListAsync();
            var tokens = await db.SearchEntries.AsNoTracking().Where(e => e.EntityId == entityId)
                .Select(e => e.Kind + ":" + e.Token).ToListAsync();
            return string.Join(" | ", audit.Select(a => a.ToString())) + " || " + string.Join(" ", tokens.Order(StringComparer.Ordinal));
        }

        var result = (await DescribeAsync(id), await DescribeAsync(twinId));
        await transaction.RollbackAsync();
        return result;
    }

    [Fact]
    public async Task An_account_manager_cannot_import_contacts_into_someone_elses_account()
    {
        var me = await OwnerAsync();
        var other = await OwnerAsync();
        var (mine, theirs) = (RapportApp.NewEik(), RapportApp.NewEik());
        var accounts = $"Name,EIK,Owner\nMine,{mine},{me.Email}\nTheirs,{theirs},{other.Email}\n";
        Assert.True((await ImportAsync(RapportApp.Admin, ImportKind.Accounts, accounts, commit: true)).Committed);
        var tag = app.Unique("am");
        var viewer = await ViewerAsync(me.EmployeeId, Roles.AccountManager);

        var denied = await ImportAsync(viewer, ImportKind.Contacts,
            $"Name,E-mail,EIK\nOwn Contact,own@{tag}.example,{mine}\nForeign Contact,foreign@{tag}.example,{theirs}\n", commit: true);

        Assert.False(denied.Committed);
        var error = Assert.Single(denied.Errors);
        Assert.Equal((3, "EIK"), (error.Row, error.Column));
        Assert.Equal(Texts.ImportNotEditable, error.Message);
        Assert.Equal(0, await QueryAsync(db => db.Contacts.CountAsync(c => c.Email!.EndsWith(tag + ".example"))));

        var allowed = await ImportAsync(viewer, ImportKind.Contacts, $"Name,E-mail,EIK\nOwn Contact,own@{tag}.example,{mine}\n", commit: true);
        Assert.True(allowed.Committed, Describe(allowed));
    }

    [Fact]
    public async Task An_account_manager_imports_accounts_only_for_themselves()
    {
        var me = await OwnerAsync();
        var other = await OwnerAsync();
        var viewer = await ViewerAsync(me.EmployeeId, Roles.AccountManager);
        var (own, blank, foreign) = (RapportApp.NewEik(), RapportApp.NewEik(), RapportApp.NewEik());

        var preview = await ImportAsync(viewer, ImportKind.Accounts,
            $"Name,EIK,Owner\nOwn,{own},{me.Email}\nBlank owner,{blank},\nForeign,{foreign},{other.Email}\n", commit: false);

        Assert.Equal(2, preview.Created);
        var error = Assert.Single(preview.Errors);
        Assert.Equal((4, "Owner", Texts.ValidationAssignOthers), (error.Row, error.Column, error.Message));
    }

    [Fact]
    public async Task An_imported_interaction_builds_the_relationship_as_one_logged_by_hand()
    {
        var owner = await OwnerAsync();
        var eik = RapportApp.NewEik();
        var tag = app.Unique("strength");
        await ImportAsync(RapportApp.Admin, ImportKind.Accounts, $"Name,EIK,Owner\nStrength,{eik},{owner.Email}\n", commit: true);
        await ImportAsync(RapportApp.Admin, ImportKind.Contacts,
            $"Name,E-mail,EIK\nLogged,logged@{tag}.example,{eik}\nImported,imported@{tag}.example,{eik}\n", commit: true);
        var (accountId, logged) = await QueryAsync(async db =>
        {
            var account = await db.Accounts.Where(a => a.RegistrationNumber == eik).Select(a => a.Id).SingleAsync();
            return (account, await db.Contacts.Where(c => c.Email == $"logged@{tag}.example").Select(c => c.Id).SingleAsync());
        });
        var at = new DateTime(2025, 5, 6, 9, 0, 0, DateTimeKind.Utc);
        await app.WithServicesAsync(async sp => (await sp.GetRequiredService<InteractionHandlers>().LogAsync(RapportApp.Admin, new InteractionInput
        {
            AccountId = accountId, Kind = InteractionKind.Meeting, OccurredAt = at, Subject = "Review",
            EmployeeIds = [owner.EmployeeId], ContactIds = [logged],
        })).Value);

        var preview = await ImportAsync(RapportApp.Admin, ImportKind.Interactions,
            $"EIK,Kind,Date,Subject,Contact e-mail,Employee\n{eik},Meeting,2025-05-06T09:00:00Z,Review 2,imported@{tag}.example,{owner.Email}\n", commit: true);

        Assert.True(preview.Committed, Describe(preview));
        var relationships = await QueryAsync(db => db.Relationships.Where(r => r.EmployeeId == owner.EmployeeId).ToListAsync());
        Assert.Equal(2, relationships.Count);
        Assert.Equal(relationships[0].Score, relationships[1].Score);
        Assert.Equal(relationships[0].ScoreAt, relationships[1].ScoreAt);
        Assert.All(relationships, r => Assert.Equal(at, r.LastContactAt));
    }

    [Fact]
    public async Task Saved_mappings_are_found_by_kind_and_name_and_replaced_by_saving_again()
    {
        var name = app.Unique("Mapping ");
        var first = new ColumnMap(new Dictionary<string, ImportField> { ["Фирма"] = ImportField.AccountName });
        var second = new ColumnMap(new Dictionary<string, ImportField> { ["Фирма"] = ImportField.AccountName, ["ЕИК"] = ImportField.AccountEik });

        var found = await app.WithServicesAsync(async sp =>
        {
            var mappings = sp.GetRequiredService<ImportMappingHandlers>();
            var id = (await mappings.SaveAsync(RapportApp.Admin, ImportKind.Accounts, name, first)).Value;
            Assert.Equal(id, (await mappings.SaveAsync(RapportApp.Admin, ImportKind.Accounts, name, second)).Value);
            Assert.Null(await mappings.FindAsync(ImportKind.Contacts, name));
            return await mappings.FindAsync(ImportKind.Accounts, name);
        });

        Assert.Equal(second.Columns, found!.Columns);
    }

    private async Task<ImportPreview> ImportAsync(
        Viewer viewer, ImportKind kind, string csv, bool commit, Encoding? encoding = null, ColumnMap? map = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        await app.WithServicesAsync(async sp =>
        {
            using var stream = new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv));
            map ??= ImportFields.Suggest(kind, CsvFile.Open(stream).Headers);
            var handlers = sp.GetRequiredService<ImportHandlers>();
            return commit
                ? await handlers.CommitAsync(viewer, kind, stream, map, progress, ct)
                : await handlers.PreviewAsync(viewer, kind, stream, map, progress, ct);
        });

    private Task<T> QueryAsync<T>(Func<RapportDb, Task<T>> query) =>
        app.WithServicesAsync(sp => query(sp.GetRequiredService<RapportDb>()));

    private async Task<(Guid EmployeeId, string Email)> OwnerAsync()
    {
        var email = app.Unique("owner") + "@test.example";
        return (await app.CreateEmployeeAsync(app.Unique("Owner "), email: email), email);
    }

    private async Task<Viewer> ViewerAsync(Guid employeeId, string role)
    {
        var (userId, _) = await app.CreateUserAsync(employeeId, role);
        return new Viewer(userId, employeeId, new HashSet<string> { role });
    }

    private static string Describe(ImportPreview preview) =>
        string.Join("; ", preview.Errors.Select(e => $"{e.Row} {e.Column}: {e.Message}"));

    private static string BadEik(string eik) => eik[..8] + (char)('0' + ((eik[8] - '0' + 1) % 10));

    private static Encoding CodePage1251()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251);
    }

    /// <summary>Reports on the caller's thread, as the import's batches finish.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class ImportOnSqlite(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class ImportOnPostgres(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
