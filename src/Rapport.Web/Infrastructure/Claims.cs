using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.Web;

/// <summary>The claims Rapport adds to Identity's: the linked employee, the display name and the language.</summary>
internal static class RapportClaims
{
    public const string Employee = "rapport:employee";
    public const string DisplayName = "rapport:name";
    public const string Language = "rapport:lang";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The viewer for handlers; only called where authorization has already required a signed-in user.</summary>
    public static Viewer ToViewer(this ClaimsPrincipal principal)
    {
        var userId = principal.UserId() ?? throw new InvalidOperationException("The request has no signed-in user.");
        Guid? employeeId = Guid.TryParse(principal.FindFirstValue(Employee), out var e) ? e : null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Viewer(userId, employeeId, roles);
    }
}

internal sealed class RapportClaimsFactory(
    UserManager<User> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        AddRapportClaims(identity, user);
        return identity;
    }

    /// <summary>
    /// The principal of an API call, with the claims the cookie's principal has that Rapport reads: id, name, e-mail,
    /// roles and its own. Identity's factory also reads user and role claims, two queries per role, on every call;
    /// Rapport keeps none (a test holds it to that), so the API builds this one from the user and role names alone.
    /// </summary>
    public static ClaimsPrincipal ForApi(User user, IEnumerable<string> roles, IdentityOptions options, string scheme)
    {
        var types = options.ClaimsIdentity;
        var identity = new ClaimsIdentity(scheme, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id.ToString()));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(types.EmailClaimType, email));
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(types.RoleClaimType, role));
        }

        AddRapportClaims(identity, user);
        return new ClaimsPrincipal(identity);
    }

    private static void AddRapportClaims(ClaimsIdentity identity, User user)
    {
        identity.AddClaim(new Claim(RapportClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        identity.AddClaim(new Claim(RapportClaims.Language, user.Language));
        if (user.EmployeeId is { } employeeId)
        {
            identity.AddClaim(new Claim(RapportClaims.Employee, employeeId.ToString()));
        }
    }
}

/// <summary>The acting user of an HTTP request, for the audit log.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? UserId => accessor.HttpContext?.User.UserId();

    public string Name => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "unknown"
        : "anonymous";
}
