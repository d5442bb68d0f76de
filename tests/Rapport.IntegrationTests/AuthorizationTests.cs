using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// Walks every endpoint the app maps, so a new page or API that forgets its authorization fails here:
/// anonymous callers are refused everywhere but the few public doors, and wrong roles are refused too.
/// </summary>
public sealed partial class AuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The only routes anyone may reach without signing in.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "account/login", "account/denied", "setup", "not-found", "status/{Code:int}", "error", "culture",
        "health/live", "health/ready", "openapi/{documentName}.json", "api/{documentName?}",
        // The API reference page's own script and icon, and the static-file fallback.
        "api/scalar.js", "api/scalar.aspnetcore.js", "api/favicon.svg", "{**path:file}",
    ];

    private List<RouteEndpoint> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))];

    [Fact]
    public void Every_endpoint_but_the_public_doors_requires_authorization()
    {
        var unprotected = Endpoints()
            .Where(e => !PublicRoutes.Contains(Route(e)))
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any() && e.Metadata.GetMetadata<AuthorizationPolicy>() is null
                || e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(Route)
            .ToList();

        Assert.Empty(unprotected);
        Assert.Contains(Endpoints(), e => Route(e) == "api/v1/employees/{id:guid}");
        Assert.Contains(Endpoints(), e => Route(e) == "people/employees");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_api_endpoint()
    {
        var client = app.CreateClient();
        foreach (var endpoint in Endpoints().Where(IsApi))
        {
            foreach (var method in Methods(endpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Url(endpoint));
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {Url(endpoint)} answered {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var endpoint in Endpoints().Where(IsPage).Where(e => !PublicRoutes.Contains(Route(e))))
        {
            var response = await client.GetAsync(Url(endpoint));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Url(endpoint)} answered {response.StatusCode}");
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Users_without_the_role_are_refused_by_every_role_restricted_api_endpoint()
    {
        foreach (var endpoint in Endpoints().Where(IsApi))
        {
            var allowed = ApiRoles(endpoint);
            if (allowed.Count == 0)
            {
                continue;
            }

            var outsider = Roles.All.First(r => !allowed.Contains(r));
            var client = await app.ApiClientAsync(null, outsider);
            foreach (var method in Methods(endpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Url(endpoint));
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                    $"{outsider}: {method} {Url(endpoint)} answered {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Users_without_the_role_are_refused_by_every_role_restricted_page()
    {
        var restricted = Endpoints().Where(IsPage)
            .Where(e => e.Metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles)))
            .ToList();
        Assert.NotEmpty(restricted);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var endpoint in restricted)
        {
            var roles = endpoint.Metadata.OfType<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',')).ToHashSet();
            var outsider = Roles.All.First(r => !roles.Contains(r));
            if (!clients.TryGetValue(outsider, out var client))
            {
                var (_, email) = await app.CreateUserAsync(null, outsider);
                clients[outsider] = client = await app.SignedInClientAsync(email);
            }

            var response = await client.GetAsync(Url(endpoint));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{outsider}: {Url(endpoint)} answered {response.StatusCode}");
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_revoked_token_or_a_disabled_user_no_longer_opens_the_api()
    {
        var (userId, _) = await app.CreateUserAsync(null, Roles.Finance);
        var client = await app.ApiClientForAsync(userId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var tokens = await app.WithServicesAsync(sp => sp.GetRequiredService<Rapport.Identity.ApiTokenHandlers>().ListAsync(userId));
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<Rapport.Identity.ApiTokenHandlers>().RevokeAsync(userId, tokens[0].Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        var second = await app.ApiClientForAsync(userId);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/me")).StatusCode);
        await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<Rapport.Identity.UserHandlers>();
            var user = await users.GetAsync(userId);
            return await users.UpdateAsync(userId, new Rapport.Identity.UserAccessInput
            {
                DisplayName = user!.DisplayName, Roles = [.. user.Roles], Disabled = true, Stamp = user.Stamp,
            }, Guid.Empty);
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_made_up_token_is_refused()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "rpt_" + new string('a', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static HashSet<string> ApiRoles(RouteEndpoint endpoint) =>
        [.. endpoint.Metadata.OfType<AuthorizationPolicy>()
            .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
            .SelectMany(r => r.AllowedRoles)];

    private static bool IsApi(RouteEndpoint e) => Route(e).StartsWith("api/v1", StringComparison.Ordinal);

    private static bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static bool IsStaticAsset(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || Route(e).StartsWith('_');

    private static IEnumerable<string> Methods(RouteEndpoint e) =>
        e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static string Route(RouteEndpoint e) => e.RoutePattern.RawText!.TrimStart('/');

    private static string Url(RouteEndpoint e) => "/" + RouteParameter().Replace(Route(e), m => m.Value.Contains(":guid", StringComparison.Ordinal)
        ? Guid.NewGuid().ToString()
        : m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
