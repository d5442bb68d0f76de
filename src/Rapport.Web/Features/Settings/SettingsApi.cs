using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Web.Features.Settings;

/// <summary>Organisation settings and country parameters under <c>/api/v1/settings</c>.</summary>
internal static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/organisation", async (SettingsHandlers handlers, CancellationToken ct) =>
            TypedResults.Ok(await handlers.GetOrganisationAsync(ct))).WithName("GetOrganisation")
            .WithSummary("The organisation's name, country and base currency.");
        settings.MapPut("/organisation", UpdateOrganisation).WithName("UpdateOrganisation")
            .WithSummary("Changes the organisation's name, country or base currency.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<OrganisationInput>()
            .ProducesProblem(409);
        settings.MapGet("/parameters", async (SettingsHandlers handlers, CancellationToken ct, string? country = null) =>
            TypedResults.Ok(await handlers.ListParametersAsync(country, ct))).WithName("ListParameters")
            .WithSummary("Country parameters with their validity, oldest first per country and kind.");
        settings.MapGet("/parameters/in-force", InForce).WithName("ParameterInForce")
            .WithSummary("The value of a parameter in force in a country on a date.").ProducesProblem(404);
        settings.MapPost("/parameters", AddParameter).WithName("AddParameter")
            .WithSummary("Adds a country parameter's value from a date on.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<ParameterInput>();
        settings.MapPut("/parameters/{id:guid}", UpdateParameter).WithName("UpdateParameter")
            .WithSummary("Corrects a country parameter's value or validity; `version` is the one last read.")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).Validates<ParameterInput>()
            .ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<Results<Ok<OrganisationDetails>, ProblemHttpResult>> UpdateOrganisation(
        OrganisationInput input, ClaimsPrincipal user, SettingsHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.UpdateOrganisationAsync(user.ToViewer(), input, ct);
        return await ApiResults.OkAfter(result, async () => (OrganisationDetails?)await handlers.GetOrganisationAsync(ct));
    }

    private static async Task<Results<Ok<ParameterRow>, ProblemHttpResult>> InForce(
        string country, ParameterKind kind, DateOnly on, SettingsHandlers handlers, CancellationToken ct) =>
        ApiResults.OkOrNotFound(await handlers.InForceAsync(country.ToUpperInvariant(), kind, on, ct), Texts.ErrorParameterNotFound);

    private static async Task<Results<Created<ParameterRow>, ProblemHttpResult>> AddParameter(
        ParameterInput input, ClaimsPrincipal user, SettingsHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.AddParameterAsync(user.ToViewer(), input, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Errors);
        }

        var row = (await handlers.ListParametersAsync(input.CountryCode, ct)).Single(p => p.Id == result.Value);
        return TypedResults.Created($"/api/v1/settings/parameters/{row.Id}", row);
    }

    private static async Task<Results<Ok<ParameterRow>, ProblemHttpResult>> UpdateParameter(
        Guid id, ParameterInput input, ClaimsPrincipal user, SettingsHandlers handlers, CancellationToken ct)
    {
        var result = await handlers.UpdateParameterAsync(user.ToViewer(), id, input, ct);
        return await ApiResults.OkAfter(result, async () => (await handlers.ListParametersAsync(input.CountryCode, ct)).Find(p => p.Id == id));
    }
}
