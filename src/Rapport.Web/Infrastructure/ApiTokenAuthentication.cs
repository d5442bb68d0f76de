using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rapport.Identity;

namespace Rapport.Web;

/// <summary>
/// Authenticates API calls by a personal token in <c>Authorization: Bearer rpt_…</c>. The token carries its user's
/// roles and employee link, read afresh on every call, so a disabled user or a revoked token stops working at once.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenHandlers tokens,
    TimeProvider clock,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        // Identity's own rule (UserManager.IsLockedOutAsync), without building a UserManager for every call.
        if (owner.User.LockoutEnabled && owner.User.LockoutEnd > clock.GetUtcNow())
        {
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        }

        var principal = RapportClaimsFactory.ForApi(owner.User, owner.Roles, identity.Value, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
