using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Rapport.Identity;

namespace Rapport.Web.Features.Account;

/// <summary>Form posts that are not pages: signing out and switching the language. Both check the antiforgery token.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapPost("/culture", async (HttpContext http, UserHandlers users, [FromForm] string language, [FromForm] string? returnUrl) =>
        {
            var code = Languages.Normalize(language);
            SetCultureCookie(http, code);
            if (http.User.UserId() is { } userId)
            {
                await users.SetLanguageAsync(userId, code, http.RequestAborted);
            }

            return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
    }

    public static void SetCultureCookie(HttpContext http, string language)
    {
        var culture = Localization.CultureOf(language);
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
