using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Rapport.ClientBase;
using Rapport.Shared;
using Rapport.Web.Features.Account;

namespace Rapport.Web.Features.Tasks;

/// <summary>
/// The posts of the task buttons on Home, the account page and the task list: plain forms with the antiforgery token,
/// so they work without script; each answers with a redirect back to the page it came from, saying what happened.
/// </summary>
internal static class TaskForms
{
    /// <summary>The query parameter that carries the outcome back to the page, read by <c>TaskList</c>.</summary>
    public const string Outcome = "task";

    public static void MapTaskForms(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/tasks/{id:guid}")
            .RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')))
            .ExcludeFromDescription();
        forms.MapPost("/done", async (Guid id, [FromForm] string? returnUrl, HttpContext http, FollowUps tasks) =>
            Back(await tasks.DoneAsync(http.User.ToViewer(), id, http.RequestAborted), returnUrl, "done"));
        forms.MapPost("/reopen", async (Guid id, [FromForm] string? returnUrl, HttpContext http, FollowUps tasks) =>
            Back(await tasks.ReopenAsync(http.User.ToViewer(), id, http.RequestAborted), returnUrl, "reopened"));
        forms.MapPost("/snooze", async (Guid id, [FromForm] string? to, [FromForm] string? until, [FromForm] string? returnUrl,
            HttpContext http, FollowUps tasks) =>
        {
            var input = new SnoozeInput
            {
                To = Enum.TryParse<SnoozePreset>(to, ignoreCase: true, out var preset) ? preset : null,
                Until = DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            };
            return Back(await tasks.SnoozeAsync(http.User.ToViewer(), id, input, http.RequestAborted), returnUrl, "snoozed");
        });
    }

    private static IResult Back(Result result, string? returnUrl, string outcome)
    {
        if (result.Errors is [{ Kind: ErrorKind.NotFound }, ..])
        {
            return TypedResults.NotFound();
        }

        var said = result.IsSuccess ? outcome : result.Errors[0].Kind == ErrorKind.Conflict ? "conflict" : "invalid";
        return TypedResults.LocalRedirect(With(AccountEndpoints.IsLocal(returnUrl) ? returnUrl! : "/tasks", said));
    }

    /// <summary>The page's address with the outcome in its query, in place of an earlier one.</summary>
    private static string With(string url, string outcome)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : "";
        var path = hash >= 0 ? url[..hash] : url;
        var q = path.IndexOf('?', StringComparison.Ordinal);
        var query = q >= 0 ? QueryHelpers.ParseQuery(path[q..]) : [];
        var kept = query.Where(p => p.Key != Outcome).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new(Outcome, outcome));
        return QueryHelpers.AddQueryString(q >= 0 ? path[..q] : path, kept) + fragment;
    }
}
