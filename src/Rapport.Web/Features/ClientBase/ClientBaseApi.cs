using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Web.Features.ClientBase;

/// <summary>Accounts, contacts, interactions, relationship strength and coverage under <c>/api/v1</c>.</summary>
internal static class ClientBaseApi
{
    public static RouteGroupBuilder MapClientBaseApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.ClientBaseUsers.Split(',')));

        var accounts = group.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts).WithName("ListAccounts").WithSummary("Accounts the caller may see, one keyset page at a time.");
        accounts.MapGet("/{id:guid}", GetAccount).WithName("GetAccount")
            .WithSummary("One account, if the caller may see it.").ProducesProblem(404);
        accounts.MapPost("/", CreateAccount).WithName("CreateAccount")
            .WithSummary("Adds an account, owned by the caller unless an administrator or head of sales names the owner.")
            .Validates<AccountInput>().WithDescription(LookAlikesDescription).ProducesProblem(403).ProducesProblem(409);
        accounts.MapPut("/{id:guid}", UpdateAccount).WithName("UpdateAccount")
            .WithSummary("Changes an account the caller may edit; `version` is the one last read.").Validates<AccountInput>()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        accounts.MapGet("/{id:guid}/contacts", ListContacts).WithName("ListAccountContacts")
            .WithSummary("The account's contacts, each with the strongest relationship our side has with them.").ProducesProblem(404);
        accounts.MapPost("/{id:guid}/contacts", CreateContact).WithName("CreateContact")
            .WithSummary("Adds a contact to the account.").Validates<ContactInput>()
            .WithDescription(ContactChannelsDescription + "\n\n" + LookAlikesDescription).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        accounts.MapGet("/{id:guid}/interactions", Timeline).WithName("AccountTimeline")
            .WithSummary("The account's interactions, newest first, one keyset page at a time.").ProducesProblem(404);
        accounts.MapGet("/{id:guid}/coverage", Coverage).WithName("AccountCoverage")
            .WithSummary("Decision-role coverage: per required role, whether a warm relationship holds it.").ProducesProblem(404);

        var contacts = group.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/{id:guid}", GetContact).WithName("GetContact")
            .WithSummary("One contact, if the caller may see their account.").ProducesProblem(404);
        contacts.MapPut("/{id:guid}", UpdateContact).WithName("UpdateContact")
            .WithSummary("Changes a contact the caller may edit; `version` is the one last read.").Validates<ContactInput>()
            .WithDescription(ContactChannelsDescription).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        contacts.MapPost("/{id:guid}/move", MoveContact).WithName("MoveContact").Validates<ContactMoveInput>()
            .WithSummary("The person moved to another company: closes this record and opens one at the new employer.")
            .ProducesProblem(404).ProducesProblem(409);

        var duplicates = group.MapGroup("/duplicates").WithTags("Duplicates");
        duplicates.MapGet("/accounts", async (ClaimsPrincipal user, Duplicates finder, CancellationToken ct) =>
            TypedResults.Ok(await finder.AccountsAsync(user.ToViewer(), ct))).WithName("DuplicateAccounts")
            .WithSummary("Accounts the caller may edit with the same or a nearly same name, or the same domain.")
            .WithDescription("Names are the same when they differ only by case, accents, spaces, punctuation, quotes, the legal form " +
                "(ООД, ЕООД, АД, Ltd, GmbH, …) or the script (Bulgarian Cyrillic and its Latin spelling); nearly the same when one " +
                "letter apart in names of eight letters or more (`rule`: `SimilarName`). At most 200 pairs, the first of each the older.");
        duplicates.MapGet("/contacts", async (ClaimsPrincipal user, Duplicates finder, CancellationToken ct) =>
            TypedResults.Ok(await finder.ContactsAsync(user.ToViewer(), ct))).WithName("DuplicateContacts")
            .WithSummary("Active contacts the caller may edit that share an e-mail, a phone, or a name within an account.");
        accounts.MapPost("/{id:guid}/merge", async (Guid id, Guid other, AccountMergeInput? choices, ClaimsPrincipal user, Duplicates merger, CancellationToken ct) =>
            ApiResults.NoContentOr(await merger.MergeAccountsAsync(user.ToViewer(), id, other, choices, ct)))
            .WithName("MergeAccounts").WithSummary("Merges account `other` into this one, keeping every contact, interaction and audit entry.")
            .WithDescription(MergeDescription).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        contacts.MapPost("/{id:guid}/merge", async (Guid id, Guid other, ContactMergeInput? choices, ClaimsPrincipal user, Duplicates merger, CancellationToken ct) =>
            ApiResults.NoContentOr(await merger.MergeContactsAsync(user.ToViewer(), id, other, choices, ct)))
            .WithName("MergeContacts").WithSummary("Merges contact `other` into this one, keeping interactions and combining relationships.")
            .WithDescription(MergeDescription + " A contact keeps the e-mail addresses and phone numbers of both.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/interactions", LogInteraction).WithTags("Interactions").WithName("LogInteraction")
            .WithSummary("Logs a call, meeting, e-mail or note with the people who took part on both sides.")
            .Validates<InteractionInput>().ProducesProblem(404);
        group.MapGet("/relationships/mine", async (ClaimsPrincipal user, RelationshipQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.MineAsync(user.ToViewer(), ct)))
            .WithTags("Relationships").WithName("MyRelationships")
            .WithSummary("The caller's relationships with strength, most urgent (going cold) first.");
        return api;
    }

    private const string LookAlikesDescription =
        "When the new record resembles existing ones (accounts: the same or a nearly same name, or the same domain; contacts: the " +
        "same name in the account, or an e-mail address or phone number of a contact anywhere), the answer is 409 and the problem " +
        "details list them in `lookAlikes`: `kind`, `rule`, `reason`, `ownerName`, and `id` and `name` (for a contact also " +
        "`accountName`) only of records the caller may see; of others only the owner is given, and an account's name. Send the " +
        "request again with `?allowDuplicate=true` to create it anyway. A registration number or an active contact's e-mail " +
        "address already in use is still refused with 400, look-alikes or not.";

    private const string MergeDescription =
        "The caller must be allowed to edit both records: 404 when they may not see one, 403 when they may see both but not edit " +
        "them. The optional body chooses, field by field, whether the record that stays keeps its value (`Survivor`) or takes the " +
        "other's (`Other`); a field left out keeps the survivor's value, or the other's where the survivor has none. With " +
        "`version` and `otherVersion` (those the caller read) a record changed since is a 409. The audit log of both records " +
        "records the merge.";

    private const string ContactChannelsDescription =
        "`emails` and `phones` are all of the contact's addresses and numbers, the primary first (at most five each; an address " +
        "belongs to one active contact only). Left out, `email` and `phone` replace the primary ones and the others stay.";

    private static async Task<Ok<Page<AccountRow>>> ListAccounts(
        ClaimsPrincipal user, AccountHandlers handlers, CancellationToken ct, string? search = null, Guid? ownerId = null,
        Guid? teamId = null, SizeSegment? segment = null, string? industry = null, string? region = null,
        AccountStatus? status = null, bool desc = false, string? after = null, int? size = null, CoverageFilter? coverage = null,
        AccountSort sort = AccountSort.Name, string? before = null, int? healthMin = null, int? healthMax = null) =>
        TypedResults.Ok(await handlers.ListAsync(user.ToViewer(),
            new AccountFilter(search, ownerId, teamId, segment, industry, region, status, desc, after, size, coverage, sort, before, healthMin, healthMax), ct));

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> GetAccount(
        Guid id, ClaimsPrincipal user, AccountHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), Texts.ErrorAccountNotFound);

    private static async Task<Results<CreatedAtRoute<AccountDetails>, ProblemHttpResult>> CreateAccount(
        AccountInput input, ClaimsPrincipal user, AccountHandlers handlers, Duplicates duplicates, CancellationToken ct, bool allowDuplicate = false)
    {
        var viewer = user.ToViewer();
        if (!allowDuplicate && await duplicates.ForNewAccountAsync(viewer, input, ct) is { Items.Count: > 0 } found)
        {
            return LookAlikesProblem(found);
        }

        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, input, ct), "GetAccount", id => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> UpdateAccount(
        Guid id, AccountInput input, ClaimsPrincipal user, AccountHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.UpdateAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<Ok<List<ContactRow>>, ProblemHttpResult>> ListContacts(
        Guid id, ClaimsPrincipal user, ContactHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.ListForAccountAsync(user.ToViewer(), id, ct), Texts.ErrorAccountNotFound);

    private static async Task<Results<CreatedAtRoute<ContactDetails>, ProblemHttpResult>> CreateContact(
        Guid id, ContactInput input, ClaimsPrincipal user, ContactHandlers handlers, Duplicates duplicates, CancellationToken ct,
        bool allowDuplicate = false)
    {
        var viewer = user.ToViewer();
        if (!allowDuplicate && await duplicates.ForNewContactAsync(viewer, id, input, ct) is { Items.Count: > 0 } found)
        {
            return LookAlikesProblem(found);
        }

        return await ApiResults.CreatedAt(await handlers.CreateAsync(viewer, id, input, ct), "GetContact", contact => handlers.GetAsync(viewer, contact, ct));
    }

    /// <summary>409: the record resembles these; the caller decides, and says so with <c>allowDuplicate</c>.</summary>
    private static ProblemHttpResult LookAlikesProblem(LookAlikeList found) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Similar records exist.",
        Detail = Texts.LookAlikesIntro,
        Extensions = { ["lookAlikes"] = found.Items },
    });

    private static async Task<Results<Ok<ContactDetails>, ProblemHttpResult>> GetContact(
        Guid id, ClaimsPrincipal user, ContactHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.GetAsync(user.ToViewer(), id, ct), Texts.ErrorContactNotFound);

    private static async Task<Results<Ok<ContactDetails>, ProblemHttpResult>> UpdateContact(
        Guid id, ContactInput input, ClaimsPrincipal user, ContactHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.OkAfter(await handlers.UpdateAsync(viewer, id, input, ct), () => handlers.GetAsync(viewer, id, ct));
    }

    private static async Task<Results<CreatedAtRoute<ContactDetails>, ProblemHttpResult>> MoveContact(
        Guid id, ContactMoveInput input, ClaimsPrincipal user, ContactMove move, ContactHandlers contacts, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        return await ApiResults.CreatedAt(await move.MoveAsync(viewer, id, input, ct), "GetContact", moved => contacts.GetAsync(viewer, moved, ct));
    }

    private static async Task<Results<Ok<Page<TimelineItem>>, ProblemHttpResult>> Timeline(
        Guid id, ClaimsPrincipal user, InteractionHandlers handlers, CancellationToken ct, string? after = null, int? size = null) =>
        ApiResults.OkOrNotFound(await handlers.TimelineAsync(user.ToViewer(), id, after, size, ct), Texts.ErrorAccountNotFound);

    private static async Task<Results<Ok<AccountCoverageView>, ProblemHttpResult>> Coverage(
        Guid id, ClaimsPrincipal user, RelationshipQueries queries, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await queries.CoverageAsync(user.ToViewer(), id, ct), Texts.ErrorAccountNotFound);

    private static async Task<Results<Created<TimelineItem>, ProblemHttpResult>> LogInteraction(
        InteractionInput input, ClaimsPrincipal user, InteractionHandlers handlers, CancellationToken ct)
    {
        var viewer = user.ToViewer();
        var result = await handlers.LogAsync(viewer, input, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        var page = await handlers.TimelineAsync(viewer, input.AccountId!.Value, size: Cursor.MaxPageSize, ct: ct);
        var item = page!.Items.First(i => i.Id == result.Value);
        return TypedResults.Created($"/api/v1/accounts/{input.AccountId}/interactions", item);
    }
}
