using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>A contact's several e-mail addresses and phone numbers: API, search, import, duplicates, moves and the migration.</summary>
public abstract class ContactChannelsTests(RapportApp app)
{
    private async Task<(Guid Employee, HttpClient Client, AccountDetails Account)> ManagerWithAccountAsync()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Канали "));
        var client = await app.ApiClientAsync(employee, Roles.AccountManager);
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Канали ООД ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        return (employee, client, account);
    }

    private static async Task<ContactDetails> CreateAsync(HttpClient client, Guid account, string name, List<string?> emails, List<string?>? phones = null,
        bool allowDuplicate = false) =>
        await (await client.PostJsonAsync($"/api/v1/accounts/{account}/contacts{(allowDuplicate ? "?allowDuplicate=true" : "")}",
                new ContactInput { FullName = name, Emails = emails, Phones = phones ?? [] }))
            .ReadAsync<ContactDetails>(HttpStatusCode.Created);

    private static async Task<List<Guid>> FindAsync(HttpClient client, string q) =>
        [.. (await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchHit>>()).Select(h => h.Id)];

    private Task<ImportPreview> ImportContactsAsync(string csv) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<ImportHandlers>().CommitAsync(
            RapportApp.Admin, ImportKind.Contacts, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFields.Suggest(ImportKind.Contacts, CsvFile.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv))).Headers)));

    private static string Describe(ImportPreview preview) => string.Join("; ", preview.Errors.Select(e => $"{e.Row} {e.Column}: {e.Message}"));

    [Fact]
    public async Task A_contact_is_created_and_changed_with_several_emails_and_phones()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("multi").ToLowerInvariant();

        var created = await CreateAsync(client, account.Id, "Анна Петрова", [$" Anna@{tag}.bg ", "", $"anna.petrova@{tag}.example"],
            ["+359 2 981 11 22", "0888 123 456"]);

        Assert.Equal([$"anna@{tag}.bg", $"anna.petrova@{tag}.example"], created.Emails);
        Assert.Equal(["+359 2 981 11 22", "0888 123 456"], created.Phones);
        Assert.Equal(($"anna@{tag}.bg", "+359 2 981 11 22"), (created.Email, created.Phone));
        var listed = Assert.Single(await (await client.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ReadAsync<List<ContactRow>>());
        Assert.Equal(created.Emails, listed.Emails);
        Assert.Equal(created.Phones, listed.Phones);

        // The second address becomes the primary, the first goes, a new one comes; a changed spelling of a number stays one number.
        var change = created.ToInput();
        change.Emails = [$"anna.petrova@{tag}.example", $"a.p@{tag}.example"];
        change.Phones = ["0888 123 456", "+359 2 9811122"];
        var changed = await (await client.PutJsonAsync($"/api/v1/contacts/{created.Id}", change)).ReadAsync<ContactDetails>();
        Assert.Equal([$"anna.petrova@{tag}.example", $"a.p@{tag}.example"], changed.Emails);
        Assert.Equal(["0888 123 456", "+359 2 9811122"], changed.Phones);
        Assert.Equal(($"anna.petrova@{tag}.example", "0888 123 456"), (changed.Email, changed.Phone));
        Assert.True(changed.Version > created.Version);

        // A change of a second address alone is a change of the contact: the version the editor saw is checked.
        var second = changed.ToInput();
        second.Emails = [$"anna.petrova@{tag}.example", $"anna.p@{tag}.example"];
        var secondChanged = await (await client.PutJsonAsync($"/api/v1/contacts/{created.Id}", second)).ReadAsync<ContactDetails>();
        Assert.True(secondChanged.Version > changed.Version);
        await (await client.PutJsonAsync($"/api/v1/contacts/{created.Id}", second)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_api_document_describes_the_lists_of_a_contact()
    {
        app.EnsureAvailable();
        using var document = System.Text.Json.JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var schema in new[] { "ContactDetails", "ContactRow", "ContactInput", "ContactMoveInput" })
        {
            foreach (var list in new[] { "emails", "phones" })
            {
                var property = schemas.GetProperty(schema).GetProperty("properties").GetProperty(list);
                Assert.Contains("array", property.GetProperty("type").ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_client_that_knows_one_email_replaces_the_primary_and_keeps_the_others()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("old").ToLowerInvariant();
        var created = await CreateAsync(client, account.Id, "Old Client", [$"first@{tag}.bg", $"second@{tag}.bg"], ["02 111 222", "0899 111 222"]);

        var response = await client.PutJsonAsync($"/api/v1/contacts/{created.Id}",
            new ContactInput { FullName = "Old Client", Email = $"new@{tag}.bg", Phone = "02 333 444", Version = created.Version });

        var changed = await response.ReadAsync<ContactDetails>();
        Assert.Equal([$"new@{tag}.bg", $"second@{tag}.bg"], changed.Emails);
        Assert.Equal(["02 333 444", "0899 111 222"], changed.Phones);
    }

    [Fact]
    public async Task Each_bad_address_or_number_is_refused_beside_its_entry()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("bad").ToLowerInvariant();

        var response = await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", new ContactInput
        {
            FullName = "Грешни Данни",
            Emails = [$"ok@{tag}.bg", "not an address", $"OK@{tag}.bg"],
            Phones = ["n/a", "1", "2", "3", "4", "5"],
        });

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(
            ["emails[1]", "emails[2]", "phones", "phones[0]"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("not an address", errors.GetProperty("emails[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Contacts.CountAsync(c => c.AccountId == account.Id)));
    }

    [Fact]
    public async Task The_form_takes_several_addresses_and_shows_each_problem_beside_its_box_keeping_what_was_typed()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Формуляр "));
        var (userId, email) = await app.CreateUserAsync(employee, Roles.AccountManager);
        var api = await app.ApiClientForAsync(userId);
        var account = await (await api.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Формуляр ООД ") }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);
        var browser = await app.SignedInClientAsync(email);
        var tag = app.Unique("form").ToLowerInvariant();
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Стела Маринова", ["Input.JobTitle"] = "", ["Input.Role"] = "DecisionMaker", ["Input.Version"] = "0",
            ["Input.Emails[0]"] = $"stela@{tag}.bg", ["Input.Emails[1]"] = "stela at home", ["Input.Emails[2]"] = "",
            ["Input.Phones[0]"] = "", ["Input.Phones[1]"] = "n/a",
        };

        var refused = await RapportApp.PostFormAsync(browser, $"/accounts/{account.Id}/contacts/new", "contact-new", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Input.Emails[0]\" type=\"email\" value=\"stela@{tag}.bg\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Emails[1]\" type=\"email\" value=\"stela at home\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Phones[1]\" type=\"tel\" value=\"n/a\"", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"validation-message\">stela at home is not a valid e-mail address.</div>", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"validation-message\">n/a is not a phone number: it has no digits.</div>", page, StringComparison.Ordinal);

        fields["Input.Emails[1]"] = $"Stela.M@{tag}.example";
        fields["Input.Phones[1]"] = "+359 88 765 4321";
        var saved = await RapportApp.PostFormAsync(browser, $"/accounts/{account.Id}/contacts/new", "contact-new", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var contactPage = await browser.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains($"href=\"mailto:stela@{tag}.bg\"", contactPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"mailto:stela.m@{tag}.example\"", contactPage, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:&#x2B;359887654321\"", contactPage, StringComparison.Ordinal);

        // The edit form has a box for each address and one empty box more.
        Assert.Contains("name=\"Input.Emails[2]\"", contactPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Emails[3]\"", contactPage, StringComparison.Ordinal);

        // The move form offers the numbers to keep; clearing every box leaves them all with the old record.
        var contactId = ContactIdOf(saved);
        var moveForm = await browser.GetStringAsync($"/contacts/{contactId}/move");
        Assert.Contains("name=\"Input.Phones[0]\" type=\"tel\" value=\"&#x2B;359 88 765 4321\"", moveForm, StringComparison.Ordinal);
        var moved = await RapportApp.PostFormAsync(browser, $"/contacts/{contactId}/move", "contact-move", new()
        {
            ["Input.TargetAccountId"] = People.Choice.None.ToString(), ["Input.NewAccountName"] = app.Unique("Нова "), ["Input.JobTitle"] = "",
            ["Input.Role"] = "DecisionMaker", ["Input.MovedOn"] = "", ["Input.Version"] = "0",
            ["Input.Emails[0]"] = "", ["Input.Emails[1]"] = "", ["Input.Phones[0]"] = "", ["Input.Phones[1]"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var movedContact = await (await api.GetAsync($"/api/v1/contacts/{ContactIdOf(moved)}")).ReadAsync<ContactDetails>();
        Assert.Equal((0, 0), (movedContact.Emails.Count, movedContact.Phones.Count));
    }

    [Fact]
    public async Task An_address_belongs_to_one_active_contact()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("taken").ToLowerInvariant();
        await CreateAsync(client, account.Id, "Първи", [$"one@{tag}.bg", $"shared@{tag}.bg"]);

        var response = await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts",
            new ContactInput { FullName = "Втори", Emails = [$"two@{tag}.bg", $"Shared@{tag}.bg"] });

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["emails[1]"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Texts.ValidationContactEmailTaken, errors.GetProperty("emails[1]")[0].GetString());
    }

    [Fact]
    public async Task Search_finds_a_contact_by_a_second_email_or_phone_whatever_the_case()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("find").ToLowerInvariant();
        var contact = await CreateAsync(client, account.Id, "Борис Митев", [$"boris@{tag}.bg", $"b.mitev.{tag}@gmail.example"],
            ["02 400 50 60", "0877 66 55 44"]);

        Assert.Equal([contact.Id], await FindAsync(client, $"B.MITEV.{tag.ToUpperInvariant()}"));
        Assert.Equal([contact.Id], await FindAsync(client, $"b.mitev.{tag}@gmail.example"));
        Assert.Contains(contact.Id, await FindAsync(client, "0877665544"));
        Assert.Contains(contact.Id, await FindAsync(client, "024005060"));

        var change = contact.ToInput();
        change.Emails = [$"boris@{tag}.bg"];
        change.Phones = ["02 400 50 60"];
        (await client.PutJsonAsync($"/api/v1/contacts/{contact.Id}", change)).EnsureSuccessStatusCode();

        Assert.Empty(await FindAsync(client, $"b.mitev.{tag}"));
        Assert.DoesNotContain(contact.Id, await FindAsync(client, "0877665544"));
        Assert.Equal([contact.Id], await FindAsync(client, $"boris@{tag}.bg"));
    }

    [Fact]
    public async Task An_import_finds_a_contact_by_any_of_its_emails_and_adds_what_it_lacks()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var eik = await SetEikAsync(client, account);
        var tag = app.Unique("imp").ToLowerInvariant();
        var contact = await CreateAsync(client, account.Id, "Цветан Илиев", [$"tsvetan@{tag}.bg", $"tsvetan.iliev@{tag}.example"], ["02 700 80 90"]);

        var csv = $"Name,E-mails,Phones,EIK\nЦветан Илиев,\"TSVETAN.ILIEV@{tag}.example; tsvetan.new@{tag}.example\",\"02 700 80 90, 0888 700 800\",{eik}\n";
        var first = await ImportContactsAsync(csv);

        Assert.True(first.Committed, Describe(first));
        Assert.Equal((0, 1, 0), (first.Created, first.Updated, first.Unchanged));
        var after = await (await client.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadAsync<ContactDetails>();
        Assert.Equal([$"tsvetan@{tag}.bg", $"tsvetan.iliev@{tag}.example", $"tsvetan.new@{tag}.example"], after.Emails);
        Assert.Equal(["02 700 80 90", "0888 700 800"], after.Phones);
        Assert.True(after.Version > contact.Version);
        Assert.Equal([contact.Id], await FindAsync(client, $"tsvetan.new@{tag}"));

        var again = await ImportContactsAsync(csv);
        Assert.True(again.Committed, Describe(again));
        Assert.Equal((0, 0, 1), (again.Created, again.Updated, again.Unchanged));

        var tooMany = await ImportContactsAsync($"Name,E-mails,EIK\nЦветан Илиев,\"tsvetan@{tag}.bg x1@{tag}.bg x2@{tag}.bg x3@{tag}.bg\",{eik}\n");
        Assert.False(tooMany.Committed);
        var error = Assert.Single(tooMany.Errors);
        Assert.Equal((2, "E-mails"), (error.Row, error.Column));
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_cell_may_hold_several_emails_and_phones_and_says_which_one_is_wrong()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var eik = await SetEikAsync(client, account);
        var tag = app.Unique("cells").ToLowerInvariant();
        var csv = $"Име;Имейл;Телефон;ЕИК\n"
            + $"Даниел Колев;\"daniel@{tag}.bg, D.Kolev@{tag}.example\";\"+359 2 111 22 33; 0898 11 22 33\";{eik}\n"
            + $"Елица Кънчева;elitsa@{tag}.bg  elitsa.k@{tag}.example;0897 000 111;{eik}\n";

        var first = await ImportContactsAsync(csv);
        Assert.True(first.Committed, Describe(first));
        Assert.Equal(2, first.Created);
        var contacts = await (await client.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).ReadAsync<List<ContactRow>>();
        var daniel = contacts.Single(c => c.FullName == "Даниел Колев");
        Assert.Equal([$"daniel@{tag}.bg", $"d.kolev@{tag}.example"], daniel.Emails);
        Assert.Equal(["+359 2 111 22 33", "0898 11 22 33"], daniel.Phones);
        Assert.Equal([$"elitsa@{tag}.bg", $"elitsa.k@{tag}.example"], contacts.Single(c => c.FullName == "Елица Кънчева").Emails);
        Assert.Equal([daniel.Id], await FindAsync(client, $"d.kolev@{tag}"));
        Assert.Contains(daniel.Id, await FindAsync(client, "0898112233"));

        var again = await ImportContactsAsync(csv);
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));

        var bad = await ImportContactsAsync($"Име;Имейл;ЕИК\n"
            + $"Двама в един;\"daniel@{tag}.bg; elitsa@{tag}.bg\";{eik}\n"
            + $"Грешка;\"ok@{tag}.bg, broken@\";{eik}\n");
        Assert.False(bad.Committed);
        Assert.Equal([(2, "Имейл"), (3, "Имейл")], bad.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(Texts.ImportEmailsOfSeveralContacts, bad.Errors[0].Message);
        Assert.Contains("broken@", bad.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_are_found_by_any_email_or_phone_and_a_merge_keeps_every_address()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("dup").ToLowerInvariant();
        var keep = await CreateAsync(client, account.Id, "Галина Стоева", [$"galina@{tag}.bg"], ["02 555 66 77"]);
        var other = await CreateAsync(client, account.Id, "Г. Стоева", [$"g.stoeva@{tag}.example", $"galya@{tag}.example"],
            ["0888 55 66 77", "(02) 555-66-77"], allowDuplicate: true);

        // Two active contacts with one address come from records made before addresses were checked; one is put in by hand.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<RapportDb>();
            var contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).SingleAsync(c => c.Id == other.Id);
            contact.AddEmails([$"galina@{tag}.bg"]);
            return await db.SaveChangesAsync();
        });

        var pairs = await (await client.GetAsync("/api/v1/duplicates/contacts")).ReadAsync<List<DuplicatePair>>();
        var pair = Assert.Single(pairs, p => p.FirstId == keep.Id && p.SecondId == other.Id);
        Assert.Equal(Texts.DuplicateSameEmail, pair.Reason);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/contacts/{keep.Id}/merge?other={other.Id}", null)).StatusCode);

        var merged = await (await client.GetAsync($"/api/v1/contacts/{keep.Id}")).ReadAsync<ContactDetails>();
        Assert.Equal([$"galina@{tag}.bg", $"g.stoeva@{tag}.example", $"galya@{tag}.example"], merged.Emails);
        Assert.Equal(["02 555 66 77", "0888 55 66 77"], merged.Phones);
        Assert.Equal([keep.Id], await FindAsync(client, $"galya@{tag}"));
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Set<ContactEmail>().CountAsync(e => e.ContactId == other.Id)));
    }

    [Fact]
    public async Task Duplicates_are_found_by_a_second_phone_in_any_spelling()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("phone").ToLowerInvariant();
        var first = await CreateAsync(client, account.Id, "Иво Динев", [$"ivo@{tag}.bg"], ["02 123 00 01", "0899 12 34 56"]);
        List<string?> emails = [$"maria@{tag}.bg"], phones = ["0899-123-456"];
        var input = new ContactInput { FullName = "Мария Динева", Emails = emails, Phones = phones };

        // Creating her is first a warning that names the contact with that number, then, asked again, done.
        var warned = await client.PostJsonAsync($"/api/v1/accounts/{account.Id}/contacts", input);
        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        Assert.Contains(first.Id.ToString(), await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = await CreateAsync(client, account.Id, "Мария Динева", emails, phones, allowDuplicate: true);

        var pairs = await (await client.GetAsync("/api/v1/duplicates/contacts")).ReadAsync<List<DuplicatePair>>();

        var pair = Assert.Single(pairs, p => p.FirstId == first.Id && p.SecondId == second.Id);
        Assert.Equal(Texts.DuplicateSamePhone, pair.Reason);
    }

    [Fact]
    public async Task A_person_who_moves_keeps_the_numbers_and_takes_only_the_addresses_given()
    {
        var (_, client, account) = await ManagerWithAccountAsync();
        var tag = app.Unique("move").ToLowerInvariant();
        var contact = await CreateAsync(client, account.Id, "Тодор Русев", [$"todor@old-{tag}.bg", $"todor.rusev.{tag}@gmail.example"],
            ["0888 99 88 77", "02 999 88 77"]);

        var moved = await (await client.PostJsonAsync($"/api/v1/contacts/{contact.Id}/move", new ContactMoveInput
        {
            NewAccountName = app.Unique("Нов работодател "), Emails = [$"todor@new-{tag}.bg", $"todor.rusev.{tag}@gmail.example"],
            Version = contact.Version,
        })).ReadAsync<ContactDetails>(HttpStatusCode.Created);

        Assert.Equal([$"todor@new-{tag}.bg", $"todor.rusev.{tag}@gmail.example"], moved.Emails);
        Assert.Equal(["0888 99 88 77", "02 999 88 77"], moved.Phones);
        var old = await (await client.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadAsync<ContactDetails>();
        Assert.Equal(contact.Emails, old.Emails);

        // The address both records have is the active one's: an import finds the person at the new employer.
        var found = await app.WithServicesAsync(sp => sp.GetRequiredService<ImportHandlers>().PreviewAsync(RapportApp.Admin, ImportKind.Contacts,
            new MemoryStream(Encoding.UTF8.GetBytes($"Name,E-mail,Job title,Company\nТодор Русев,todor.rusev.{tag}@gmail.example,Директор,{moved.AccountName}\n")),
            ImportFields.Suggest(ImportKind.Contacts, ["Name", "E-mail", "Job title", "Company"])));
        Assert.Equal((0, 1, 0), (found.Created, found.Updated, found.ErrorCount));

        var other = await CreateAsync(client, account.Id, "Без телефони", [$"nophones@{tag}.bg"], ["0700 1 2 3"]);
        var bare = await (await client.PostJsonAsync($"/api/v1/contacts/{other.Id}/move", new ContactMoveInput
        {
            NewAccountName = app.Unique("Друг "), Phones = [], Version = other.Version,
        })).ReadAsync<ContactDetails>(HttpStatusCode.Created);
        Assert.Empty(bare.Phones);
        Assert.Empty(bare.Emails);
    }

    [Fact]
    public async Task The_migration_makes_the_existing_email_and_phone_the_first_rows()
    {
        await using var fresh = await app.FreshDatabaseAsync();
        var (db, migrator) = (fresh.Db, fresh.Migrator);
        await migrator.MigrateAsync(db.Database.GetMigrations().First());

        // Before the migration a contact had one e-mail and one phone, on its own row.
        var owner = await OldRows.EmployeeAsync(db, "Migrated Owner");
        var account = await OldRows.AccountAsync(db, owner, "Migrated Ltd");
        var withBothId = await OldRows.ContactAsync(db, account, "Both", ("both@migrated.example", "+359 2 123", "3592123"));
        await OldRows.ContactAsync(db, account, "None");

        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        var emails = await db.Set<ContactEmail>().AsNoTracking().ToListAsync();
        var phones = await db.Set<ContactPhone>().AsNoTracking().ToListAsync();
        var email = Assert.Single(emails);
        Assert.Equal((withBothId, "both@migrated.example", 0), (email.ContactId, email.Address, email.Position));
        var phone = Assert.Single(phones);
        Assert.Equal((withBothId, "+359 2 123", "3592123", 0), (phone.ContactId, phone.Number, phone.Digits, phone.Position));
    }

    private static async Task<string> SetEikAsync(HttpClient client, AccountDetails account)
    {
        var eik = RapportApp.NewEik();
        var input = account.ToInput();
        input.RegistrationNumber = eik;
        (await client.PutJsonAsync($"/api/v1/accounts/{account.Id}", input)).EnsureSuccessStatusCode();
        return eik;
    }

    /// <summary>The contact a form's redirect goes to (<c>/contacts/{id}?saved=true</c>).</summary>
    private static Guid ContactIdOf(HttpResponseMessage redirect)
    {
        var path = redirect.Headers.Location!.IsAbsoluteUri ? redirect.Headers.Location.AbsolutePath : redirect.Headers.Location.ToString().Split('?')[0];
        return Guid.Parse(path["/contacts/".Length..]);
    }
}

public sealed class ContactChannelsOnSqlite(SqliteApp app) : ContactChannelsTests(app), IClassFixture<SqliteApp>;

public sealed class ContactChannelsOnPostgres(PostgresApp app) : ContactChannelsTests(app), IClassFixture<PostgresApp>;
