using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Audit;
using Rapport.ClientBase;
using Rapport.ClientBase.Demo;
using Rapport.ClientBase.Import;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Identity;
using Rapport.People;
using Rapport.Service;
using Rapport.Settings;

namespace Rapport;

/// <summary>Registers the business library: the database, Identity's stores and every feature's handlers.</summary>
public static class RapportServices
{
    public static IdentityBuilder AddRapport(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connectionString) = DatabaseOptions.Read(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Shared.ICurrentActor>(_ => Shared.SystemActor.Instance);
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<VersioningInterceptor>();
        services.AddSingleton<SearchIndexInterceptor>();
        services.AddSingleton<Deals.DealCreditInterceptor>();
        services.AddSingleton<Deals.DealEventPeopleInterceptor>();
        services.AddSingleton<CommittedWrites>();
        services.AddSingleton<WriteTrackingSaveInterceptor>();
        services.AddSingleton<WriteTrackingTransactionInterceptor>();
        services.AddSingleton<Deals.CreditSumsCache>();
        services.AddSingleton<AppendOnlyInterceptor>();
        services.AddSingleton<HealthRequests>();
        services.AddSingleton<HealthInterceptor>();

        // The options are built once, not per request (a tenth of an API call's time went to rebuilding them); the
        // context is per request and carries the request's actor for the shared interceptors.
        services.AddDbContext<RapportDb>(
            (sp, options) =>
            {
                DatabaseOptions.Configure(options, provider, connectionString);
                options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<VersioningInterceptor>(),
                    sp.GetRequiredService<SearchIndexInterceptor>(), sp.GetRequiredService<Deals.DealCreditInterceptor>(),
                    sp.GetRequiredService<Deals.DealEventPeopleInterceptor>(), sp.GetRequiredService<AppendOnlyInterceptor>(),
                    sp.GetRequiredService<HealthInterceptor>(), sp.GetRequiredService<WriteTrackingSaveInterceptor>(),
                    sp.GetRequiredService<WriteTrackingTransactionInterceptor>());
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddScoped<Migrator>();
        services.AddScoped<DemoData>();
        services.AddScoped<ClientBaseDemo>();
        services.AddScoped<Deals.Demo.DealsDemo>();
        services.AddScoped<EmployeeHandlers>();
        services.AddScoped<TeamHandlers>();
        services.AddScoped<SettingsHandlers>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<UserHandlers>();
        services.AddScoped<ApiTokenHandlers>();
        services.Configure<StrengthOptions>(configuration.GetSection("ClientBase"));
        services.AddScoped<AccountHandlers>();
        services.AddScoped<ContactHandlers>();
        services.AddScoped<BuyingRoleCatalog>();
        services.AddScoped<BuyingRoleHandlers>();
        services.AddScoped<InteractionHandlers>();
        services.AddScoped<RelationshipQueries>();
        services.AddScoped<WarmUntilRefresh>();
        services.AddScoped<AccountSignals>();
        services.AddSingleton<AccountSignalsRequests>();
        services.AddScoped<SearchQueries>();
        services.AddSingleton<SearchIndexState>();
        services.AddScoped<SearchIndexRefresh>();
        services.AddScoped<ContactMove>();
        services.AddScoped<FollowUps>();
        services.AddScoped<Duplicates>();
        services.AddScoped<ImportHandlers>();
        services.AddScoped<AccountExport>();
        services.AddScoped<ImportMappingHandlers>();
        services.AddScoped<CurrencyConverter>();
        services.AddScoped<CurrencyRateHandlers>();
        services.AddScoped<ProductHandlers>();
        services.AddScoped<DealSettingsCatalog>();
        services.AddScoped<DealSettingsHandlers>();
        services.AddScoped<DealHandlers>();
        services.AddScoped<ICurrencyRateObserver>(sp => sp.GetRequiredService<DealHandlers>());
        services.AddScoped<DealQueries>();
        services.AddScoped<DealRiskQueries>();
        services.AddScoped<DealBoardQueries>();
        services.AddScoped<PaymentHandlers>();
        services.AddScoped<DealEvents>();
        services.AddScoped<DealStats>();
        services.AddScoped<SalesScopes>();
        services.AddScoped<CreditSums>();
        services.AddScoped<DealCreditRefresh>();
        services.AddScoped<QuotaHandlers>();
        services.AddScoped<ForecastQueries>();
        services.AddScoped<ForecastSnapshots>();
        services.AddScoped<PerformanceQueries>();
        services.AddScoped<Pay.PayInputs>();
        services.AddScoped<Pay.Demo.PayDemo>();
        services.AddScoped<Staffing.Demo.StaffingDemo>();
        services.AddScoped<Pay.PlanHandlers>();
        services.AddScoped<Pay.PeriodHandlers>();
        services.AddScoped<Pay.StatementQueries>();
        services.AddScoped<Pay.InquiryHandlers>();
        services.AddScoped<Staffing.Catalogue>();
        services.AddScoped<Staffing.ProfileHandlers>();
        services.AddScoped<Staffing.Scoring>();
        services.AddScoped<Staffing.VacancyHandlers>();
        services.AddScoped<Staffing.CandidateHandlers>();
        services.AddScoped<Staffing.Retargeting>();
        services.AddScoped<Staffing.ScorecardHandlers>();
        services.AddScoped<Staffing.OfferHandlers>();
        services.AddSingleton<IMergeParticipant, DealMerge>();
        services.AddScoped<SlaSettingsHandlers>();
        services.AddScoped<ServiceTierHandlers>();
        services.AddSingleton<IDealOutcomeParticipant, RenewalOnWin>();
        services.AddScoped<CaseHandlers>();
        services.AddScoped<HealthQueries>();
        services.AddScoped<SubscriptionHandlers>();
        services.AddScoped<IntakeHandlers>();
        services.AddScoped<Service.Demo.ServiceDemo>();
        services.AddScoped<Service.Demo.SubscriptionsDemo>();

        return services
            .AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddEntityFrameworkStores<RapportDb>();
    }
}
