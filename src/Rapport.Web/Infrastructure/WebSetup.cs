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
using Rapport.Web.Features.Settings;
using Rapport.Web.Features.Tasks;
using Scalar.AspNetCore;

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
        services.AddRazorComponents();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Rapport API";
                document.Info.Description = "Account management: people, settings and, as they arrive, accounts, deals, pay and staffing. "
                    + "Authenticate with a personal API token: Authorization: Bearer rpt_…";
                return Task.CompletedTask;
            });
        });
        services.AddHealthChecks().AddDbContextCheck<RapportDb>("database", tags: ["ready"]);
        services.AddImportUploads();
    }

    public static void UseRapportWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        else
        {
            app.UseExceptionHandler();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        // Routing after the status pages, so that a re-executed request (an unknown route's 404) is routed again to the
        // status page; implicitly first, it would already have found no endpoint and the 404 would stay empty.
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>();
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

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api", options => options.WithTitle("Rapport API")).AllowAnonymous();

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

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}
