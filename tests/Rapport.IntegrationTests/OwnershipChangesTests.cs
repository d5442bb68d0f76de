using System.Net;
using System.Text.Json;
using Rapport.ClientBase;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// Who may change who owns and coordinates an account and whom an interaction credits: a manager hands nothing
/// away and credits nobody in their absence; a head of sales assigns within the team; administrators assign anyone.
/// </summary>
public abstract class OwnershipChangesTests(RapportApp app)
{
    private async Task<(Guid Employee, HttpClient Client)> PersonAsync(string role, Guid? teamId = null)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Служител "), teamId: teamId);
        return (employee, await app.ApiClientAsync(employee, role));
    }

    private async Task<AccountDetails> AccountOfAsync(HttpClient client, Guid? ownerId = null) =>
        await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Собственост "), OwnerId = ownerId }))
            .ReadAsync<AccountDetails>(HttpStatusCode.Created);

    private static string FieldError(JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateObject()
            .Single(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)).Value[0].GetString()!;

    [Fact]
    public async Task An_account_manager_cannot_hand_their_account_to_another_manager()
    {
        var (_, mine) = await PersonAsync(Roles.AccountManager);
        var (other, _) = await PersonAsync(Roles.AccountManager);
        var account = await AccountOfAsync(mine);

        var response = await mine.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(account.ToInput(), i => i.OwnerId = other));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Only a head of sales or an administrator gives an account or its coordination to someone else.", FieldError(problem, "ownerId"));
        Assert.Equal(account.OwnerId, (await (await mine.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDetails>()).OwnerId);
    }

    [Fact]
    public async Task An_account_manager_cannot_create_an_account_for_someone_else_by_naming_themselves_coordinator()
    {
        var (me, mine) = await PersonAsync(Roles.AccountManager);
        var (other, _) = await PersonAsync(Roles.AccountManager);

        var response = await mine.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Подарък "), OwnerId = other, CoordinatorId = me });

        Assert.Contains("head of sales", FieldError(await response.ProblemAsync(HttpStatusCode.BadRequest), "ownerId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_manager_cannot_make_a_colleague_coordinator_and_so_give_them_edit_rights()
    {
        var (_, mine) = await PersonAsync(Roles.AccountManager);
        var (colleague, theirs) = await PersonAsync(Roles.Coordinator);
        var account = await AccountOfAsync(mine);

        var response = await mine.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(account.ToInput(), i => i.CoordinatorId = colleague));

        Assert.Contains("head of sales", FieldError(await response.ProblemAsync(HttpStatusCode.BadRequest), "coordinatorId"), StringComparison.Ordinal);
        await (await theirs.GetAsync($"/api/v1/accounts/{account.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_coordinator_may_take_themselves_off_an_account_but_not_change_its_owner()
    {
        var (head, headClient) = await PersonAsync(Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head);
        var owner = await app.CreateEmployeeAsync(app.Unique("Собственик "), teamId: team);
        var (coordinator, coordinatorClient) = await PersonAsync(Roles.Coordinator, team);
        var account = await (await headClient.PostJsonAsync("/api/v1/accounts", new AccountInput
        {
            Name = app.Unique("Координирано "), OwnerId = owner, CoordinatorId = coordinator,
        })).ReadAsync<AccountDetails>(HttpStatusCode.Created);

        var giveAway = await coordinatorClient.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(account.ToInput(), i => i.OwnerId = coordinator));
        await giveAway.ProblemAsync(HttpStatusCode.BadRequest);
        var takenOff = await coordinatorClient.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(account.ToInput(), i => i.CoordinatorId = null));
        Assert.True(takenOff.IsSuccessStatusCode, $"{takenOff.StatusCode}");
        var off = await (await headClient.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDetails>();
        Assert.Null(off.CoordinatorId);
        Assert.Equal(owner, off.OwnerId);
    }

    [Fact]
    public async Task A_head_of_sales_assigns_accounts_within_the_team_only()
    {
        var (head, headClient) = await PersonAsync(Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head);
        var member = await app.CreateEmployeeAsync(app.Unique("Член "), teamId: team);
        var colleague = await app.CreateEmployeeAsync(app.Unique("Член "), teamId: team);
        var outsider = await app.CreateEmployeeAsync(app.Unique("Външен "));
        var account = await AccountOfAsync(headClient, member);

        var moved = await (await headClient.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(account.ToInput(), i => i.OwnerId = colleague)))
            .ReadAsync<AccountDetails>();
        Assert.Equal(colleague, moved.OwnerId);
        var outside = await headClient.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(moved.ToInput(), i => i.OwnerId = outsider));
        Assert.Equal("A head of sales assigns accounts and credit within their team only.",
            FieldError(await outside.ProblemAsync(HttpStatusCode.BadRequest), "ownerId"));
        var created = await headClient.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Навън "), OwnerId = outsider });
        await created.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_administrator_assigns_an_account_to_anyone()
    {
        var (_, mine) = await PersonAsync(Roles.AccountManager);
        var anyone = await app.CreateEmployeeAsync(app.Unique("Всеки "));
        var admin = await app.ApiClientAsync(null, Roles.Administrator);
        var account = await AccountOfAsync(mine);

        var moved = await (await admin.PutJsonAsync($"/api/v1/accounts/{account.Id}", Change(account.ToInput(), i => i.OwnerId = anyone)))
            .ReadAsync<AccountDetails>();

        Assert.Equal(anyone, moved.OwnerId);
    }

    [Fact]
    public async Task An_interaction_credits_colleagues_only_alongside_the_manager_who_logs_it()
    {
        var (me, mine) = await PersonAsync(Roles.AccountManager);
        var (colleague, _) = await PersonAsync(Roles.AccountManager);
        var account = await AccountOfAsync(mine);

        var alone = await mine.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "Без мен", EmployeeIds = [colleague],
        });
        Assert.Contains("Include yourself", FieldError(await alone.ProblemAsync(HttpStatusCode.BadRequest), "employeeIds"), StringComparison.Ordinal);
        var together = await mine.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "Заедно", EmployeeIds = [me, colleague],
        });
        Assert.Equal(HttpStatusCode.Created, together.StatusCode);
        var timeline = await (await mine.GetAsync($"/api/v1/accounts/{account.Id}/interactions")).ReadAsync<Page<TimelineItem>>();
        Assert.Equal(["Заедно"], timeline.Items.Select(i => i.Subject));
    }

    [Fact]
    public async Task A_head_of_sales_logs_for_the_team_but_not_for_people_outside_it()
    {
        var (head, headClient) = await PersonAsync(Roles.HeadOfSales);
        var team = await app.CreateTeamAsync(app.Unique("Екип "), head);
        var member = await app.CreateEmployeeAsync(app.Unique("Член "), teamId: team);
        var outsider = await app.CreateEmployeeAsync(app.Unique("Външен "));
        var account = await AccountOfAsync(headClient, member);

        var forMember = await headClient.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "От името на екипа", EmployeeIds = [member],
        });
        Assert.Equal(HttpStatusCode.Created, forMember.StatusCode);
        var forOutsider = await headClient.PostJsonAsync("/api/v1/interactions", new InteractionInput
        {
            AccountId = account.Id, Subject = "Чужд", EmployeeIds = [outsider],
        });
        await forOutsider.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_edit_form_refuses_another_owner_beside_the_field_and_keeps_the_account()
    {
        var me = await app.CreateEmployeeAsync(app.Unique("Форма "));
        var (userId, email) = await app.CreateUserAsync(me, Roles.AccountManager);
        var mine = await app.ApiClientForAsync(userId);
        var (other, _) = await PersonAsync(Roles.AccountManager);
        var account = await AccountOfAsync(mine);
        var client = await app.SignedInClientAsync(email);

        var response = await RapportApp.PostFormAsync(client, $"/accounts/{account.Id}?edit=true", "account-edit", new()
        {
            ["Input.Name"] = account.Name, ["Input.CountryCode"] = "BG", ["Input.Size"] = "Small", ["Input.Status"] = "Active",
            ["Input.OwnerId"] = other.ToString(), ["Input.CoordinatorId"] = Choice.None.ToString(),
            ["Input.ParentId"] = Choice.None.ToString(), ["Input.Version"] = account.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a head of sales or an administrator gives an account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(me, (await (await mine.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDetails>()).OwnerId);
    }

    private static AccountInput Change(AccountInput input, Action<AccountInput> change)
    {
        change(input);
        return input;
    }
}

public sealed class OwnershipChangesOnSqlite(SqliteApp app) : OwnershipChangesTests(app), IClassFixture<SqliteApp>;

public sealed class OwnershipChangesOnPostgres(PostgresApp app) : OwnershipChangesTests(app), IClassFixture<PostgresApp>;
