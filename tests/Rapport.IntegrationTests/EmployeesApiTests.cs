using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class EmployeesApiTests(RapportApp app)
{
    [Fact]
    public async Task An_administrator_creates_reads_and_updates_an_employee()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var team = await app.CreateTeamAsync(app.Unique("Екип "));
        var input = new EmployeeInput
        {
            FullName = "Десислава Ангелова", Email = "Desi.Angelova@Example.BG", Position = "Account Manager",
            Department = "Продажби", TeamId = team, EmploymentStart = new DateOnly(2025, 2, 1), Capacity = 0.2m,
        };

        var created = await (await admin.PostJsonAsync("/api/v1/employees", input)).ReadAsync<EmployeeDetails>(HttpStatusCode.Created);
        Assert.Equal("Десислава Ангелова", created.FullName);
        Assert.Equal("desi.angelova@example.bg", created.Email);
        Assert.Equal(0.2m, created.Capacity);
        Assert.Equal(team, created.TeamId);

        var fetched = await (await admin.GetAsync($"/api/v1/employees/{created.Id}")).ReadAsync<EmployeeDetails>();
        Assert.Equal(created, fetched);

        var change = fetched.ToInput();
        change.Position = "Senior Account Manager";
        var updated = await (await admin.PutJsonAsync($"/api/v1/employees/{created.Id}", change)).ReadAsync<EmployeeDetails>();
        Assert.Equal("Senior Account Manager", updated.Position);
        Assert.Equal(fetched.Version + 1, updated.Version);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_conflict_and_changes_nothing()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var id = await app.CreateEmployeeAsync(app.Unique("Стефан "));
        var original = await (await admin.GetAsync($"/api/v1/employees/{id}")).ReadAsync<EmployeeDetails>();

        var first = original.ToInput();
        first.Position = "First";
        (await admin.PutJsonAsync($"/api/v1/employees/{id}", first)).EnsureSuccessStatusCode();

        var second = original.ToInput();
        second.Position = "Second";
        await (await admin.PutJsonAsync($"/api/v1/employees/{id}", second)).ProblemAsync(HttpStatusCode.Conflict);

        var now = await (await admin.GetAsync($"/api/v1/employees/{id}")).ReadAsync<EmployeeDetails>();
        Assert.Equal("First", now.Position);
    }

    [Fact]
    public async Task Invalid_input_answers_400_with_field_errors_and_saves_nothing()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var name = app.Unique("Invalid ");
        var response = await admin.PostJsonAsync("/api/v1/employees", new
        {
            fullName = name, email = "not-an-email", capacity = 1.5m, employmentStart = "2025-01-01",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("capacity", out _), errors.ToString());
        var page = await (await admin.GetAsync($"/api/v1/employees?search={Uri.EscapeDataString(name)}")).ReadAsync<Page<EmployeeRow>>();
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Business_rules_are_reported_against_their_fields()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var boss = await app.CreateEmployeeAsync(app.Unique("Boss "));
        var report = await app.CreateEmployeeAsync(app.Unique("Report "), managerId: boss);
        var bossDetails = await (await admin.GetAsync($"/api/v1/employees/{boss}")).ReadAsync<EmployeeDetails>();

        var cycle = bossDetails.ToInput();
        cycle.ManagerId = report;
        var cycleErrors = (await (await admin.PutJsonAsync($"/api/v1/employees/{boss}", cycle)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(cycleErrors.TryGetProperty("managerId", out _));

        var left = bossDetails.ToInput();
        left.Status = EmployeeStatus.Left;
        var leftErrors = (await (await admin.PutJsonAsync($"/api/v1/employees/{boss}", left)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(leftErrors.TryGetProperty("employmentEnd", out _));
    }

    [Fact]
    public async Task Unknown_ids_answer_404()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        await (await admin.GetAsync($"/api/v1/employees/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        var input = new EmployeeInput { FullName = "X", EmploymentStart = new DateOnly(2025, 1, 1) };
        await (await admin.PutJsonAsync($"/api/v1/employees/{Guid.NewGuid()}", input)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_in_cyrillic_and_latin()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var tag = app.Unique("q");
        await app.CreateEmployeeAsync($"Иван Тодоров {tag}");
        await app.CreateEmployeeAsync($"Ivan Müller {tag}");
        await app.CreateEmployeeAsync($"Maria Stoyanova {tag}");

        async Task<string[]> Find(string term) =>
            [.. (await (await admin.GetAsync($"/api/v1/employees?search={Uri.EscapeDataString(term + " " + tag)}"))
                .ReadAsync<Page<EmployeeRow>>()).Items.Select(e => e.FullName)];

        Assert.Equal([$"Иван Тодоров {tag}"], await Find("иван тодоров"));
        Assert.Equal([$"Иван Тодоров {tag}"], await Find("ИВАН ТОДОРОВ"));
        Assert.Equal([$"Ivan Müller {tag}"], await Find("IVAN MULLER"));
    }

    [Fact]
    public async Task Keyset_pages_visit_every_row_once_in_order()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var tag = app.Unique("page");
        var names = new List<string>();
        foreach (var first in new[] { "Ангел", "Борис", "Васил", "Anna", "Boyan", "Cvetan", "ангел" })
        {
            var name = $"{tag} {first}";
            names.Add(name);
            await app.CreateEmployeeAsync(name);
        }

        foreach (var desc in new[] { false, true })
        {
            var seen = new List<string>();
            string? after = null;
            do
            {
                var url = $"/api/v1/employees?search={tag}&size=2&desc={desc}" + (after is null ? "" : $"&after={after}");
                var page = await (await admin.GetAsync(url)).ReadAsync<Page<EmployeeRow>>();
                Assert.True(page.Items.Count <= 2);
                seen.AddRange(page.Items.Select(e => e.FullName));
                after = page.Next;
            }
            while (after is not null);

            Assert.Equal(names.Count, seen.Count);
            Assert.Equal(names.Count, seen.Distinct().Count());
            var folded = seen.Select(SearchText.Fold).ToList();
            var sorted = desc
                ? folded.OrderDescending(StringComparer.Ordinal).ToList()
                : folded.Order(StringComparer.Ordinal).ToList();
            Assert.Equal(sorted, folded);
        }
    }

    [Fact]
    public async Task Only_administrators_create_or_change_employees()
    {
        var id = await app.CreateEmployeeAsync(app.Unique("Protected "));
        foreach (var role in new[] { Roles.HeadOfSales, Roles.Finance, Roles.Recruiter, Roles.AccountManager })
        {
            var client = await app.ApiClientAsync(null, role);
            var input = new EmployeeInput { FullName = "Hacker", EmploymentStart = new DateOnly(2025, 1, 1) };
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/employees", input)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutJsonAsync($"/api/v1/employees/{id}", input)).StatusCode);
        }
    }

    [Fact]
    public async Task An_account_manager_sees_only_their_own_record()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Me "));
        var colleague = await app.CreateEmployeeAsync(app.Unique("Colleague "));
        var client = await app.ApiClientAsync(me, Roles.AccountManager);

        (await client.GetAsync($"/api/v1/employees/{me}")).EnsureSuccessStatusCode();
        await (await client.GetAsync($"/api/v1/employees/{colleague}")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await client.GetAsync("/api/v1/employees?size=200")).ReadAsync<Page<EmployeeRow>>();
        Assert.Equal([me], list.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task A_head_of_sales_sees_their_team_and_reports_but_not_other_teams()
    {
        var head = await app.CreateEmployeeAsync(app.Unique("Head "));
        var team = await app.CreateTeamAsync(app.Unique("Team "), head);
        var member = await app.CreateEmployeeAsync(app.Unique("Member "), teamId: team);
        var report = await app.CreateEmployeeAsync(app.Unique("Report "), managerId: head);
        var otherHead = await app.CreateEmployeeAsync(app.Unique("Other head "));
        var otherTeam = await app.CreateTeamAsync(app.Unique("Other team "), otherHead);
        var stranger = await app.CreateEmployeeAsync(app.Unique("Stranger "), teamId: otherTeam);
        var client = await app.ApiClientAsync(head, Roles.HeadOfSales);

        var visible = (await (await client.GetAsync("/api/v1/employees?size=200")).ReadAsync<Page<EmployeeRow>>())
            .Items.Select(e => e.Id).ToHashSet();
        Assert.Equal(new HashSet<Guid> { head, member, report }, visible);
        await (await client.GetAsync($"/api/v1/employees/{stranger}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/teams/{otherTeam}")).ProblemAsync(HttpStatusCode.NotFound);
        var teams = await (await client.GetAsync("/api/v1/teams")).ReadAsync<List<TeamRow>>();
        Assert.Equal([team], teams.Select(t => t.Id));
    }

    [Fact]
    public async Task Every_change_is_written_to_the_audit_log_with_old_and_new_values()
    {
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var id = await app.CreateEmployeeAsync(app.Unique("Audited "));
        var before = await (await admin.GetAsync($"/api/v1/employees/{id}")).ReadAsync<EmployeeDetails>();
        var change = before.ToInput();
        change.Department = "Маркетинг";
        (await admin.PutJsonAsync($"/api/v1/employees/{id}", change)).EnsureSuccessStatusCode();

        var entries = await app.WithServicesAsync(sp => sp.GetRequiredService<Rapport.Audit.AuditQueries>()
            .ListAsync(RapportApp.Admin, new Rapport.Audit.AuditFilter(EntityId: id)));
        var modified = Assert.Single(entries!.Items, e => e.Action == Rapport.Audit.AuditAction.Modified);
        Assert.Equal("Department", modified.Field);
        Assert.Equal("Sales", modified.OldValue);
        Assert.Equal("Маркетинг", modified.NewValue);
        Assert.Contains("@test.example", modified.Actor, StringComparison.Ordinal);
        var created = Assert.Single(entries.Items, e => e.Action == Rapport.Audit.AuditAction.Added);
        Assert.Equal("*", created.Field);
        Assert.Contains("Department=Sales", created.NewValue, StringComparison.Ordinal);
    }
}

public sealed class EmployeesApiOnSqlite(SqliteApp app) : EmployeesApiTests(app), IClassFixture<SqliteApp>;

public sealed class EmployeesApiOnPostgres(PostgresApp app) : EmployeesApiTests(app), IClassFixture<PostgresApp>;
