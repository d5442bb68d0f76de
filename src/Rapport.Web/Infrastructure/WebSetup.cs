using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Rapport.Data;
using Rapport.Identity;
using Rapport.Shared;
using Rapport.Web.Components;
using Rapport.Web.Features.Account;
using Rapport.Web.Features.ClientBase;
using Rapport.Web.Features.Deals;
using Rapport.Web.Features.People;
using Rapport.Web.Features.Pay;
using Rapport.Web.Features.Service;
using Rapport.Web.Features.Staffing;
using Rapport.Web.Features.Settings;
using Rapport.Web.Features.Tasks;

namespace Rapport.Web;

/// <summary>Everything the web host adds around the business library.</summary>
internal static class WebSetup
{
    public static void AddRapportWeb(this WebApplicationBuilder builder)
    {
        // Serves the framework's and our static files from the build output in every environment, not only in
        // Development, so that `dotnet run` works as documented; a published app serves them from wwwroot anyway.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpActor>();
        services.AddRapport(builder.Configuration)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<RapportClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddHostedService<Rapport.ClientBase.WarmUntilRefreshService>();
        services.AddHostedService<Rapport.ClientBase.AccountSignalsRefreshService>();
        services.AddHostedService<Rapport.ClientBase.SearchIndexRefreshService>();
        services.AddHostedService<Rapport.Deals.DealCreditRefreshService>();
        services.AddHostedService<Rapport.Service.HealthRefreshService>();
        if (builder.Configuration.GetValue("Forecast:WeeklySnapshot", true))
        {
            services.AddHostedService<Rapport.Deals.ForecastSnapshotService>();
        }

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
                ApiTokenAuthenticationHandler.SchemeName, null);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "rapport.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });
        services.AddDataProtection().SetApplicationName("Rapport").PersistKeysToDbContext<RapportDb>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(options => options.Cookie.Name = "rapport.af");

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Localization.Cultures[0])
                .AddSupportedCultures(Localization.Cultures)
                .AddSupportedUICultures(Localization.Cultures);
            options.ApplyCurrentCultureToResponseHeaders = true;
        });

        // Cyrillic goes out as text, not as numeric character references: smaller pages, readable source.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<Features.Deals.ColleagueOptions>();
        // Static rendering everywhere; the plan editor's worked preview is the one interactive island (decision 0017).
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddProblemDetails();
        // Enums travel by name only: a number would slip a value no enum member has past binding.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
        // A request that does not bind throws instead of answering a bare 400, so that ApiErrors can say which field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", ApiDocument.Configure);
        services.AddHealthChecks().AddDbContextCheck<RapportDb>("database", tags: ["ready"]);
        services.AddImportUploads();
    }

    public static void UseRapportWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Before the error handling, so that problems and error pages are in the reader's language too.
        app.UseRequestLocalization();

        // The API answers every failure with problem details (ApiErrors), the pages with their own error pages.
        app.UseWhen(ApiErrors.IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = ApiErrors.HandleAsync,
                // A request the client got wrong is answered, not logged as a fault of the server.
                SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            });
            api.UseStatusCodePages(ApiErrors.StatusAsync);
            api.Use(ApiErrors.RefuseUnknownCharsets);
        });
        app.UseWhen(c => !ApiErrors.IsApi(c), pages =>
        {
            if (app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler();
            }
            else
            {
                pages.UseExceptionHandler("/error", createScopeForErrors: true);
            }

            pages.UseStatusCodePagesWithReExecute("/status/{0}");
            pages.Use(ApiErrors.BadRequestsAsStatusCodes);
        });
        // Routing after the status pages, so that a re-executed request (an unknown route's 404) is routed again to the
        // status page; implicitly first, it would already have found no endpoint and the 404 would stay empty.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapPeopleExport();
        app.MapAccountsExport();
        app.MapRelationshipsExport();
        app.MapSettingsExport();
        app.MapImportFiles();
        app.MapSearchSuggestions();
        app.MapColleagueSuggestions();
        app.MapTaskForms();
        app.MapDealsExport();
        app.MapPerformanceExport();
        app.MapCasesExport();
        app.MapPayrollExport();
        app.MapRankingExport();

        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        api.MapMeApi();
        api.MapPeopleApi();
        api.MapSettingsApi();
        api.MapBuyingRolesApi();
        api.MapClientBaseApi();
        api.MapSearchApi();
        api.MapTasksApi();
        api.MapDealSettingsApi();
        api.MapDealsApi();
        api.MapSalesApi();
        api.MapServiceApi();
        api.MapSubscriptionsApi();
        api.MapIntakeApi();
        api.MapPayApi();
        api.MapStaffingApi();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}
