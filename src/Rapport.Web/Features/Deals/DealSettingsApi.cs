using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Deals;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Web.Features.Deals;

/// <summary>
/// The settings deals rest on under <c>/api/v1</c>: the product catalogue (Finance and administrators edit it), pipelines
/// with their stages and the lost reasons (administrators shape them), currency rates (administrators enter and import
/// them). Everyone in sales and Finance reads them.
/// </summary>
internal static class DealSettingsApi
{
    private const string Admin = Roles.Administrator;

    public static RouteGroupBuilder MapDealSettingsApi(this RouteGroupBuilder api)
    {
        var readers = DealAccess.DealUsers.Split(',');
        var products = api.MapGroup("/products").WithTags("Products").RequireAuthorization(p => p.RequireRole(readers));
        products.MapGet("/", async (ProductHandlers h, CancellationToken ct, string? search = null, string? category = null, bool archived = false) =>
                TypedResults.Ok(await h.ListAsync(search, category, archived, ct)))
            .WithName("ListProducts").WithSummary("The catalogue by name, with list prices per currency; archived products only with `archived=true`.");
        products.MapGet("/{id:guid}", async (Guid id, ProductHandlers h, CancellationToken ct) => ApiResults.OkOrNotFound(await h.GetAsync(id, ct), DealTexts.ErrorProductNotFound))
            .WithName("GetProduct").WithSummary("A product with its list prices and how many deal lines name it.").ProducesProblem(404);
        products.MapPost("/", async (ProductInput input, ClaimsPrincipal user, ProductHandlers h, CancellationToken ct) =>
                await ApiResults.CreatedAt(await h.CreateAsync(user.ToViewer(), input, ct), "GetProduct", id => h.GetAsync(id, ct)))
            .WithName("CreateProduct").WithSummary("Adds a product to the catalogue.").Validates<ProductInput>()
            .RequireAuthorization(p => p.RequireRole(DealAccess.CatalogueEditors.Split(','))).ProducesProblem(403);
        products.MapPut("/{id:guid}", async (Guid id, ProductInput input, ClaimsPrincipal user, ProductHandlers h, CancellationToken ct) =>
                await ApiResults.OkAfter(await h.UpdateAsync(user.ToViewer(), id, input, ct), () => h.GetAsync(id, ct)))
            .WithName("UpdateProduct").WithSummary("Renames a product, changes its code, category or list prices.").Validates<ProductInput>()
            .RequireAuthorization(p => p.RequireRole(DealAccess.CatalogueEditors.Split(','))).ProducesProblem(404).ProducesProblem(409);
        products.MapPost("/{id:guid}/archive", async (Guid id, long version, ClaimsPrincipal user, ProductHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.SetArchivedAsync(user.ToViewer(), id, true, version, ct)))
            .WithName("ArchiveProduct").WithSummary("Keeps the product on its deals but offers it for no new line.")
            .RequireAuthorization(p => p.RequireRole(DealAccess.CatalogueEditors.Split(','))).ProducesProblem(404).ProducesProblem(409);
        products.MapPost("/{id:guid}/restore", async (Guid id, long version, ClaimsPrincipal user, ProductHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.SetArchivedAsync(user.ToViewer(), id, false, version, ct)))
            .WithName("RestoreProduct").WithSummary("Offers an archived product again.")
            .RequireAuthorization(p => p.RequireRole(DealAccess.CatalogueEditors.Split(','))).ProducesProblem(404).ProducesProblem(409);
        products.MapDelete("/{id:guid}", async (Guid id, long version, ClaimsPrincipal user, ProductHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.DeleteAsync(user.ToViewer(), id, version, ct)))
            .WithName("DeleteProduct").WithSummary("Deletes a product no deal line names; one in use answers 409 and can only be archived.")
            .RequireAuthorization(p => p.RequireRole(DealAccess.CatalogueEditors.Split(','))).ProducesProblem(404).ProducesProblem(409);

        var settings = api.MapGroup("/settings").WithTags("Settings").RequireAuthorization(p => p.RequireRole(readers));
        settings.MapGet("/pipelines", async (DealSettingsHandlers h, CancellationToken ct) => TypedResults.Ok(await h.PipelinesAsync(ct)))
            .WithName("ListPipelines").WithSummary("Pipelines with their stages in order: names, default probability, kind (open, won, lost).");
        settings.MapGet("/pipelines/{id:guid}", async (Guid id, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await h.PipelineAsync(id, ct), DealTexts.ErrorPipelineNotFound))
            .WithName("GetPipeline").WithSummary("A pipeline with its stages.").ProducesProblem(404);
        settings.MapPost("/pipelines", async (PipelineInput input, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                await ApiResults.CreatedAt(await h.AddPipelineAsync(user.ToViewer(), input, ct), "GetPipeline", id => h.PipelineAsync(id, ct)))
            .WithName("CreatePipeline").WithSummary("Adds a pipeline with a first open stage and its won and lost stages.").Validates<PipelineInput>()
            .RequireAuthorization(p => p.RequireRole(Admin));
        settings.MapPut("/pipelines/{id:guid}", async (Guid id, PipelineInput input, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                await ApiResults.OkAfter(await h.UpdatePipelineAsync(user.ToViewer(), id, input, ct), () => h.PipelineAsync(id, ct)))
            .WithName("UpdatePipeline").WithSummary("Renames a pipeline or makes it the default for new deals.").Validates<PipelineInput>()
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);
        settings.MapPost("/pipelines/{id:guid}/stages", async (Guid id, StageInput input, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                await ApiResults.CreatedAt(await h.AddStageAsync(user.ToViewer(), id, input, ct), "GetStage", s => h.StageAsync(s, ct)))
            .WithName("CreateStage").WithSummary("Adds an open stage after the other open ones, before won and lost.").Validates<StageInput>()
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404);
        settings.MapGet("/stages/{id:guid}", async (Guid id, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await h.StageAsync(id, ct), DealTexts.ErrorStageNotFound))
            .WithName("GetStage").WithSummary("A stage with how many deals are in it.").ProducesProblem(404);
        settings.MapPut("/stages/{id:guid}", async (Guid id, StageInput input, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                await ApiResults.OkAfter(await h.UpdateStageAsync(user.ToViewer(), id, input, ct), () => h.StageAsync(id, ct)))
            .WithName("UpdateStage").WithSummary("Renames a stage or changes its default probability (won and lost keep 100 and 0).").Validates<StageInput>()
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);
        settings.MapPost("/stages/{id:guid}/move", async (Guid id, long version, bool up, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.MoveStageAsync(user.ToViewer(), id, up, version, ct)))
            .WithName("MoveStage").WithSummary("Moves an open stage one place up (up=true) or down among the open stages.")
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);
        settings.MapPost("/stages/{id:guid}/archive", async (Guid id, long version, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.SetStageArchivedAsync(user.ToViewer(), id, true, version, ct)))
            .WithName("ArchiveStage").WithSummary("Deals in the stage stay; none moves into it any more.")
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);
        settings.MapPost("/stages/{id:guid}/restore", async (Guid id, long version, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.SetStageArchivedAsync(user.ToViewer(), id, false, version, ct)))
            .WithName("RestoreStage").WithSummary("Offers an archived stage again.")
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);

        settings.MapGet("/lost-reasons", async (DealSettingsHandlers h, CancellationToken ct) => TypedResults.Ok(await h.LostReasonsAsync(ct)))
            .WithName("ListLostReasons").WithSummary("The reasons a deal may be lost for, in order, with how many lost deals name each.");
        settings.MapGet("/lost-reasons/{id:guid}", async (Guid id, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.OkOrNotFound(await h.LostReasonAsync(id, ct), DealTexts.ErrorLostReasonNotFound))
            .WithName("GetLostReason").WithSummary("A lost reason.").ProducesProblem(404);
        settings.MapPost("/lost-reasons", async (LostReasonInput input, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                await ApiResults.CreatedAt(await h.AddLostReasonAsync(user.ToViewer(), input, ct), "GetLostReason", id => h.LostReasonAsync(id, ct)))
            .WithName("CreateLostReason").WithSummary("Adds a lost reason at the end of the list.").Validates<LostReasonInput>()
            .RequireAuthorization(p => p.RequireRole(Admin));
        settings.MapPut("/lost-reasons/{id:guid}", async (Guid id, LostReasonInput input, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                await ApiResults.OkAfter(await h.UpdateLostReasonAsync(user.ToViewer(), id, input, ct), () => h.LostReasonAsync(id, ct)))
            .WithName("UpdateLostReason").WithSummary("Renames a lost reason.").Validates<LostReasonInput>()
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);
        settings.MapPost("/lost-reasons/{id:guid}/archive", async (Guid id, long version, ClaimsPrincipal user, DealSettingsHandlers h, CancellationToken ct) =>
                ApiResults.NoContentOr(await h.SetLostReasonArchivedAsync(user.ToViewer(), id, true, version, ct)))
            .WithName("ArchiveLostReason").WithSummary("Lost deals keep the reason; no deal is lost for it any more.")
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);

        var rates = settings.MapGroup("/currency-rates");
        rates.MapGet("/", async (CurrencyRateHandlers h, CancellationToken ct, string? currency = null) => TypedResults.Ok(await h.ListAsync(currency, ct)))
            .WithName("ListCurrencyRates").WithSummary("Rates as units of a currency per 1 EUR, each valid from its date until the next of its currency.");
        rates.MapGet("/{id:guid}", async (Guid id, CurrencyRateHandlers h, CancellationToken ct) => ApiResults.OkOrNotFound(await h.GetAsync(id, ct), Texts.ErrorRateNotFound))
            .WithName("GetCurrencyRate").WithSummary("A rate with the last day it holds.").ProducesProblem(404);
        rates.MapGet("/convert", Convert).WithName("ConvertAmount")
            .WithSummary("An amount in a currency on a date in the organisation's currency, rounded to the cent half away from zero.")
            .WithDescription("400 with the field `currency` when that currency has no rate on that date.");
        rates.MapPost("/", async (CurrencyRateInput input, ClaimsPrincipal user, CurrencyRateHandlers h, CancellationToken ct) =>
                await ApiResults.CreatedAt(await h.AddAsync(user.ToViewer(), input, ct), "GetCurrencyRate", id => h.GetAsync(id, ct)))
            .WithName("CreateCurrencyRate").WithSummary("Adds a rate; open deals in that currency take their converted amount again.")
            .Validates<CurrencyRateInput>().RequireAuthorization(p => p.RequireRole(Admin));
        rates.MapPut("/{id:guid}", async (Guid id, CurrencyRateInput input, ClaimsPrincipal user, CurrencyRateHandlers h, CancellationToken ct) =>
                await ApiResults.OkAfter(await h.UpdateAsync(user.ToViewer(), id, input, ct), () => h.GetAsync(id, ct)))
            .WithName("UpdateCurrencyRate").WithSummary("Corrects a rate; won deals keep the amount they were won at.").Validates<CurrencyRateInput>()
            .RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(404).ProducesProblem(409);
        rates.MapPost("/import", Import).WithName("ImportCurrencyRates")
            .WithSummary("Imports rates from CSV (text/csv body): a header line naming currency, valid from and rate, then one rate a line.")
            .WithDescription("All or nothing: 400 with the lines in error, or the counts of created, updated and unchanged rates.")
            .Accepts<string>("text/csv").RequireAuthorization(p => p.RequireRole(Admin)).ProducesProblem(400);
        return api;
    }

    private static async Task<Results<Ok<Conversion>, ProblemHttpResult>> Convert(
        decimal amount, string currency, DateOnly on, CurrencyConverter converter, CancellationToken ct)
    {
        var result = await converter.ConvertAsync(amount, currency, on, "currency", ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiResults.Problem(result.Errors);
    }

    private static async Task<Results<Ok<RateImportResult>, ProblemHttpResult>> Import(
        HttpRequest request, ClaimsPrincipal user, CurrencyRateHandlers h, CancellationToken ct)
    {
        // The reader of the file is synchronous; the body is read into memory first (a rates file is small).
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        var result = await h.ImportAsync(user.ToViewer(), body, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        if (!result.Value.IsClean)
        {
            var fields = result.Value.Errors.GroupBy(e => $"line {e.Line}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.Problem(new HttpValidationProblemDetails(fields) { Status = StatusCodes.Status400BadRequest, Title = "Some lines cannot be imported." });
        }

        return TypedResults.Ok(result.Value);
    }
}
