using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Audit;
using Rapport.Data;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

public abstract class UsersTests(RapportApp app)
{
    [Fact]
    public async Task An_administrator_creates_a_user_with_roles_through_the_form()
    {
        var (_, adminEmail) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(adminEmail);
        var employee = await app.CreateEmployeeAsync(app.Unique("Linked "));
        var email = app.Unique("new") + "@test.example";

        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Email", email), new("Input.DisplayName", "Нов Потребител"), new("Input.Password", "Strong-pass-2026"),
            new("Input.EmployeeId", employee.ToString()), new("Input.Language", "bg"),
            new("Input.Roles", Roles.Finance), new("Input.Roles", Roles.Recruiter),
        };
        var response = await PostAsync(client, "/settings/users/new", "user-new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = (await app.WithServicesAsync(sp => sp.GetRequiredService<UserHandlers>().ListAsync(email))).Single();
        Assert.Equal([Roles.Finance, Roles.Recruiter], created.Roles);
        Assert.Equal(employee, created.EmployeeId);
        Assert.Equal("bg", created.Language);
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_the_users_language()
    {
        var (_, adminEmail) = await app.CreateUserAsync(null, Roles.Administrator);
        var client = await app.SignedInClientAsync(adminEmail);
        await RapportApp.PostFormAsync(client, "/", null, new() { ["language"] = "bg" }, action: "/culture");

        var response = await PostAsync(client, "/settings/users/new", "user-new",
        [
            new("Input.Email", app.Unique("weak") + "@test.example"), new("Input.DisplayName", "Слаба Парола"),
            new("Input.Password", "onlylowercase1"), new("Input.Roles", Roles.Finance),
        ]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Паролата трябва да съдържа главна буква.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Слаба Парола\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_changes_are_audited_and_an_administrator_cannot_demote_themselves()
    {
        var (adminId, _) = await app.CreateUserAsync(null, Roles.Administrator);
        var (userId, _) = await app.CreateUserAsync(null, Roles.AccountManager);

        var result = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserHandlers>();
            var user = (await users.GetAsync(userId))!;
            return await users.UpdateAsync(userId, new UserAccessInput
            {
                DisplayName = user.DisplayName, Roles = [Roles.HeadOfSales], Stamp = user.Stamp,
            }, adminId);
        });
        Assert.True(result.IsSuccess);

        var log = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditQueries>()
            .ListAsync(RapportApp.Admin, new AuditFilter(EntityType: "User", EntityId: userId)));
        Assert.Contains(log!.Items, e => e.Field == "Role" && e.OldValue == Roles.AccountManager && e.NewValue is null);
        Assert.Contains(log.Items, e => e.Field == "Role" && e.NewValue == Roles.HeadOfSales);

        var self = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserHandlers>();
            var me = (await users.GetAsync(adminId))!;
            return await users.UpdateAsync(adminId, new UserAccessInput { DisplayName = me.DisplayName, Roles = [], Stamp = me.Stamp }, adminId);
        });
        Assert.False(self.IsSuccess);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string url, string formName, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        fields.Add(new("__RequestVerificationToken", token));
        fields.Add(new("_handler", formName));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_api_token_carries_the_same_identity_as_the_sign_in_cookie()
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Двойна Роля "));
        var (userId, _) = await app.CreateUserAsync(employee, Roles.AccountManager, Roles.Coordinator);

        var (cookie, api, claims) = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            var db = sp.GetRequiredService<RapportDb>();
            return (await sp.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user),
                Web.RapportClaimsFactory.ForApi(user, await users.GetRolesAsync(user), options, "test"),
                await db.UserClaims.CountAsync() + await db.RoleClaims.CountAsync());
        });

        // The API's principal leaves out only what Rapport never stores: user and role claims.
        Assert.Equal(0, claims);
        var read = new[] { ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Email, ClaimTypes.Role, "rapport:employee", "rapport:name", "rapport:lang" };
        foreach (var type in read)
        {
            Assert.Equal(cookie.FindAll(type).Select(c => c.Value).Order(), api.FindAll(type).Select(c => c.Value).Order());
        }

        Assert.Equal(2, api.FindAll(ClaimTypes.Role).Count());
        Assert.True(api.IsInRole(Roles.Coordinator));
        Assert.Equal(employee, Web.RapportClaims.ToViewer(api).EmployeeId);
    }
}

public sealed class UsersOnSqlite(SqliteApp app) : UsersTests(app), IClassFixture<SqliteApp>;

public sealed class UsersOnPostgres(PostgresApp app) : UsersTests(app), IClassFixture<PostgresApp>;
