using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rapport.Audit;
using Rapport.ClientBase;
using Rapport.ClientBase.Import;
using Rapport.Deals;
using Rapport.Identity;
using Rapport.Pay;
using Rapport.Staffing;
using Rapport.People;
using Rapport.Service;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>The one database context of Rapport; each feature configures its own entities beside them.</summary>
/// <param name="options">Built once for the application: the interceptors are shared and read the actor from here.</param>
/// <param name="actor">Who the changes saved through this context are written to the audit log as.</param>
/// <param name="writes">Where committed writes are counted, for caches of derived figures; none in contexts made by hand.</param>
public sealed class RapportDb(DbContextOptions<RapportDb> options, ICurrentActor? actor = null, CommittedWrites? writes = null)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Who is acting through this context: the request's user, the command line, or the system.</summary>
    public ICurrentActor Actor { get; private set; } = actor ?? SystemActor.Instance;

    /// <summary>The entity types written in the current transaction, counted in <see cref="CommittedWrites"/> when it commits.</summary>
    internal HashSet<Type> PendingWrites { get; } = [];

    /// <summary>Notes that rows of <paramref name="type"/> were written other than by SaveChanges (a <see cref="BulkInsert{T}"/>).</summary>
    internal void Wrote(Type type) => writes?.Wrote(this, [type]);

    /// <summary>
    /// Acts as someone else until the returned scope is disposed: the demo does Finance's steps as its chief accountant,
    /// so approvals, locks and the audit log name a person, as they would had she clicked.
    /// </summary>
    internal IDisposable ActAs(ICurrentActor someone)
    {
        var previous = Actor;
        Actor = someone;
        return new Restore(() => Actor = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>Keys that protect cookies and antiforgery tokens, shared by every instance behind a load balancer.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<CountryParameter> CountryParameters => Set<CountryParameter>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<BuyingRole> BuyingRoles => Set<BuyingRole>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<Relationship> Relationships => Set<Relationship>();

    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();

    public DbSet<CurrencyRate> CurrencyRates => Set<CurrencyRate>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductPrice> ProductPrices => Set<ProductPrice>();

    public DbSet<Pipeline> Pipelines => Set<Pipeline>();

    public DbSet<Stage> Stages => Set<Stage>();

    public DbSet<LostReason> LostReasons => Set<LostReason>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealLine> DealLines => Set<DealLine>();

    public DbSet<DealSplit> DealSplits => Set<DealSplit>();

    public DbSet<DealCredit> DealCredits => Set<DealCredit>();

    public DbSet<DealContact> DealContacts => Set<DealContact>();

    public DbSet<DealEvent> DealEvents => Set<DealEvent>();

    public DbSet<DealEventPerson> DealEventPeople => Set<DealEventPerson>();

    public DbSet<DealPayment> DealPayments => Set<DealPayment>();

    public DbSet<DealCounter> DealCounters => Set<DealCounter>();

    public DbSet<ServiceCase> Cases => Set<ServiceCase>();

    public DbSet<CaseReply> CaseReplies => Set<CaseReply>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<IntakeMessage> IntakeMessages => Set<IntakeMessage>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<WorkingCalendar> WorkingCalendars => Set<WorkingCalendar>();

    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

    public DbSet<CompPlan> CompPlans => Set<CompPlan>();

    public DbSet<CompPlanVersion> CompPlanVersions => Set<CompPlanVersion>();

    public DbSet<PlanAssignment> PlanAssignments => Set<PlanAssignment>();

    public DbSet<PayPeriod> PayPeriods => Set<PayPeriod>();

    public DbSet<PayStatementRecord> PayStatements => Set<PayStatementRecord>();

    public DbSet<PayAdjustment> PayAdjustments => Set<PayAdjustment>();

    public DbSet<PayInquiry> PayInquiries => Set<PayInquiry>();

    public DbSet<PayInquiryMessage> PayInquiryMessages => Set<PayInquiryMessage>();

    public DbSet<Competency> Competencies => Set<Competency>();

    public DbSet<RoleProfileRecord> RoleProfiles => Set<RoleProfileRecord>();

    public DbSet<RoleProfileVersion> RoleProfileVersions => Set<RoleProfileVersion>();

    public DbSet<Vacancy> Vacancies => Set<Vacancy>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<CandidateExperience> CandidateExperience => Set<CandidateExperience>();

    public DbSet<CandidateClientBaseEntry> CandidateClientBase => Set<CandidateClientBaseEntry>();

    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();

    public DbSet<StaffingLogEntry> StaffingLog => Set<StaffingLogEntry>();

    public DbSet<Scorecard> Scorecards => Set<Scorecard>();

    public DbSet<SalaryBenchmark> SalaryBenchmarks => Set<SalaryBenchmark>();

    public DbSet<CandidateOffer> CandidateOffers => Set<CandidateOffer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RapportDb).Assembly);
        if (Database.IsNpgsql())
        {
            // Prefix search runs as a range over tokens: byte order makes the range exact and lets the index serve it.
            builder.Entity<SearchEntry>().Property(x => x.Token).UseCollation("C");

            // Near-duplicate candidates are a range of match keys, exact in byte order for the same reason.
            builder.Entity<Account>().Property(x => x.MatchKey).UseCollation("C");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and rates: one precision on every provider, so SQLite and PostgreSQL round alike.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
