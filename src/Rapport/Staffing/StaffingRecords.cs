using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Pay;
using Rapport.People;
using Rapport.Shared;
using Rapport.Staffing.Engine;

namespace Rapport.Staffing;

/// <summary>
/// One competency of the catalogue as data: seeded from <see cref="CompetencyCatalogue.Default"/> and kept by code, so
/// profiles and evidence name it by <see cref="Code"/>. Anchors and development actions are stored as JSON lists of
/// texts in both languages.
/// </summary>
public sealed class Competency : IVersioned
{
    public const int CodeLength = 40;

    public string Code { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string NameBg { get; set; } = "";

    public string Anchors { get; set; } = "[]";

    public string Actions { get; set; } = "[]";

    public string? EscoUri { get; set; }

    public int Position { get; set; }

    public long Version { get; set; }
}

/// <summary>A role profile by name. What it asks for is in its versions; a ranking names the version it was scored by.</summary>
public sealed class RoleProfileRecord : IVersioned, IAudited
{
    public const int NameLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    /// <summary>The template it was made from ("small-business"…), or null.</summary>
    public string? Template { get; set; }

    public long Version { get; set; }
}

/// <summary>One version of a profile, as its document (docs/staffing-profiles.md). Never changed.</summary>
public sealed class RoleProfileVersion : IAppendOnly
{
    public const int DocumentLength = 32_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProfileId { get; set; }

    public int Number { get; set; }

    public string Document { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

public enum VacancyStatus
{
    Open,
    Filled,
    Closed,
}

/// <summary>A role to fill: scored by a profile, owned by a hiring manager, paid by a plan.</summary>
public sealed class Vacancy : IVersioned, IAudited
{
    public const int TitleLength = 150;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public Guid ProfileId { get; set; }

    public Guid HiringManagerId { get; set; }

    public Guid? PlanId { get; set; }

    /// <summary>The share of time the role takes: 1.0 full time, less for a part-time role or an extra duty.</summary>
    public decimal Capacity { get; set; } = 1m;

    public VacancyStatus Status { get; set; }

    public DateOnly OpenedOn { get; set; }

    /// <summary>Whether raters see the candidates without name, CV or anything else that tells age, gender or looks.</summary>
    public bool BlindReview { get; set; }

    /// <summary>Where the role is, for the salary benchmark an offer is read beside.</summary>
    public string Region { get; set; } = "";

    public CompanySize CompanySize { get; set; } = CompanySize.Medium;

    public long Version { get; set; }
}

/// <summary>The steps of a candidacy. Nothing moves a candidate on its own: every step is a person's decision.</summary>
public enum CandidateStage
{
    Applied,
    Screened,
    Interviewed,
    Offer,
    Hired,
    Rejected,
}

/// <summary>
/// A person applying for a vacancy, from outside or from inside (<see cref="EmployeeId"/>). Personal data (name,
/// e-mail, phone, CV) is kept until <see cref="RetainUntil"/>, and erased then or on request: the record stays, for the
/// statistics, without them.
/// </summary>
public sealed class Candidate : IVersioned
{
    public const int NameLength = 200;
    public const int CvLength = 4_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid VacancyId { get; set; }

    /// <summary>The employee applying from inside, or null for an outside candidate.</summary>
    public Guid? EmployeeId { get; set; }

    public string FullName { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The CV's facts in the recruiter's words: education, jobs, courses.</summary>
    public string Cv { get; set; } = "";

    public CandidateStage Stage { get; set; }

    public DateOnly AppliedOn { get; set; }

    public DateOnly RetainUntil { get; set; }

    public DateTime? ErasedAt { get; set; }

    /// <summary>The last score under the vacancy's profile (its latest version), kept for ranking many candidates fast.</summary>
    public decimal Total { get; set; }

    /// <summary>The total in tenths, for ordering: SQLite orders decimals through a culture-sensitive collation, integers natively and by index.</summary>
    public int Rank { get; set; }

    public decimal Score { get; set; }

    public decimal Coverage { get; set; }

    public bool GateFailed { get; set; }

    public Guid? ScoredVersionId { get; set; }

    public long Version { get; set; }

    public void Rename(string fullName)
    {
        FullName = fullName.Trim();
        SearchName = SearchText.Fold(FullName);
    }

    /// <summary>Removes everything that names the person; what remains counts, and says nothing about who.</summary>
    public void Erase(DateTime at)
    {
        FullName = "";
        SearchName = "";
        Email = null;
        Phone = null;
        Cv = "";
        ErasedAt = at;
    }
}

/// <summary>Years of experience in one industry; experience in the company's own field counts as its own criterion.</summary>
public sealed class CandidateExperience
{
    public const int IndustryLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CandidateId { get; set; }

    public string Industry { get; set; } = "";

    public decimal Years { get; set; }

    public bool SameField { get; set; }
}

/// <summary>One entry of a candidate's claimed client base, with what backs it.</summary>
public sealed class CandidateClientBaseEntry
{
    public const int CompanyLength = 200;
    public const int NoteLength = 300;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CandidateId { get; set; }

    public ClientBaseItemKind Kind { get; set; }

    public string Company { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>
/// A rating of one competency with its evidence level: of a candidate (from the CV, an interview, a reference) or
/// of an employee (appraisal input for re-targeting). Exactly one of the two ids is set.
/// </summary>
public sealed class EvidenceRecord
{
    public const int SourceLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? CandidateId { get; set; }

    public Guid? EmployeeId { get; set; }

    public string Competency { get; set; } = "";

    public decimal Rating { get; set; }

    public EvidenceLevel Level { get; set; }

    public string Source { get; set; } = "";

    /// <summary>The interview scorecard the rating came from, if any: kept from the other raters until they have submitted theirs.</summary>
    public Guid? ScorecardId { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>The size of a company, as salary surveys band it.</summary>
public enum CompanySize
{
    Small,
    Medium,
    Large,
}

/// <summary>
/// One rater's structured interview scorecard for one candidate: the same questions for everyone on the vacancy (one
/// per competency an interview can assess), submitted once, without seeing the other raters' until then.
/// </summary>
public sealed class Scorecard : IVersioned
{
    public const int NoteLength = 2_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CandidateId { get; set; }

    public Guid RaterId { get; set; }

    public DateTime AssignedAt { get; set; }

    public string AssignedBy { get; set; } = "";

    public DateTime? SubmittedAt { get; set; }

    /// <summary>The ratings as JSON: competency code → rating 0–4.</summary>
    public string Ratings { get; set; } = "{}";

    public string Note { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>What the market pays for the role in a region and a size of company, per month gross, as HR keeps it from surveys.</summary>
public sealed class SalaryBenchmark : IVersioned, IAudited
{
    public const int RegionLength = 60;
    public const int SourceLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Region { get; set; } = "";

    public CompanySize CompanySize { get; set; }

    public string Currency { get; set; } = "EUR";

    public decimal Low { get; set; }

    public decimal Median { get; set; }

    public decimal High { get; set; }

    public int Year { get; set; }

    public string Source { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>An offer made to a candidate: the expected monthly earnings from the vacancy's plan, as they were worked out when it was made.</summary>
public sealed class CandidateOffer
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CandidateId { get; set; }

    public string Currency { get; set; } = "EUR";

    public decimal Base { get; set; }

    public decimal ExpectedSales { get; set; }

    public decimal ExpectedCommission { get; set; }

    public decimal Total { get; set; }

    public DateTime MadeAt { get; set; }

    public string MadeBy { get; set; } = "";
}

public enum StaffingLogKind
{
    ProfileVersion,
    Vacancy,
    Candidate,
    Stage,
    Evidence,
    EvidenceWithdrawn,
    Score,
    Override,
    Erasure,
    Scorecard,
    Offer,
}

/// <summary>
/// The staffing log: every score, input and override, with who, when and which profile version, so that an old
/// ranking can be reproduced. Append-only (the database refuses changes). It holds no name, e-mail or CV: an erased
/// candidate leaves only their id here.
/// </summary>
public sealed class StaffingLogEntry : IAppendOnly
{
    public const int ReasonLength = 500;

    public long Id { get; private set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public StaffingLogKind Kind { get; set; }

    public Guid? VacancyId { get; set; }

    public Guid? CandidateId { get; set; }

    public Guid? EmployeeId { get; set; }

    public Guid? ProfileVersionId { get; set; }

    /// <summary>The score's total, the rating entered, or the stage moved to, as the kind needs.</summary>
    public decimal? Value { get; set; }

    /// <summary>The reason a person gave (an override, a rejection), or the competency an input was about.</summary>
    public string? Reason { get; set; }

    /// <summary>For a score: the evidence it was computed from, as JSON, so it can be computed again.</summary>
    public string? Inputs { get; set; }
}

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> builder)
    {
        builder.ToTable("Competencies");
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).HasMaxLength(Competency.CodeLength);
        builder.Property(x => x.NameEn).HasMaxLength(100);
        builder.Property(x => x.NameBg).HasMaxLength(100);
        builder.Property(x => x.Anchors).HasMaxLength(8_000);
        builder.Property(x => x.Actions).HasMaxLength(4_000);
        builder.Property(x => x.EscoUri).HasMaxLength(200);
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class RoleProfileConfiguration : IEntityTypeConfiguration<RoleProfileRecord>
{
    public void Configure(EntityTypeBuilder<RoleProfileRecord> builder)
    {
        builder.ToTable("RoleProfiles");
        builder.Property(x => x.Name).HasMaxLength(RoleProfileRecord.NameLength);
        builder.Property(x => x.Template).HasMaxLength(40);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class RoleProfileVersionConfiguration : IEntityTypeConfiguration<RoleProfileVersion>
{
    public void Configure(EntityTypeBuilder<RoleProfileVersion> builder)
    {
        builder.ToTable("RoleProfileVersions");
        builder.Property(x => x.Document).HasMaxLength(RoleProfileVersion.DocumentLength);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.ProfileId, x.Number }).IsUnique();
        builder.HasOne<RoleProfileRecord>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.ToTable("Vacancies");
        builder.Property(x => x.Title).HasMaxLength(Vacancy.TitleLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Capacity).HasPrecision(3, 2);
        builder.Property(x => x.Region).HasMaxLength(SalaryBenchmark.RegionLength);
        builder.Property(x => x.CompanySize).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Status, x.OpenedOn });
        builder.HasIndex(x => x.HiringManagerId);
        builder.HasOne<RoleProfileRecord>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.HiringManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CompPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.ToTable("Candidates");
        builder.Property(x => x.FullName).HasMaxLength(Candidate.NameLength);
        builder.Property(x => x.SearchName).HasMaxLength(Candidate.NameLength);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.Phone).HasMaxLength(40);
        builder.Property(x => x.Cv).HasMaxLength(Candidate.CvLength);
        builder.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Total).HasPrecision(6, 1);
        builder.Property(x => x.Score).HasPrecision(6, 1);
        builder.Property(x => x.Coverage).HasPrecision(5, 4);
        builder.Property(x => x.Version).IsConcurrencyToken();
        // The ranking: a vacancy's candidates by total, then id, read a page at a time.
        builder.HasIndex(x => new { x.VacancyId, x.Rank, x.Id });
        builder.HasIndex(x => new { x.VacancyId, x.Stage });
        builder.HasIndex(x => x.EmployeeId);
        builder.HasIndex(x => x.RetainUntil);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateExperienceConfiguration : IEntityTypeConfiguration<CandidateExperience>
{
    public void Configure(EntityTypeBuilder<CandidateExperience> builder)
    {
        builder.ToTable("CandidateExperience");
        builder.Property(x => x.Industry).HasMaxLength(CandidateExperience.IndustryLength);
        builder.Property(x => x.Years).HasPrecision(4, 1);
        builder.HasIndex(x => x.CandidateId);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateClientBaseConfiguration : IEntityTypeConfiguration<CandidateClientBaseEntry>
{
    public void Configure(EntityTypeBuilder<CandidateClientBaseEntry> builder)
    {
        builder.ToTable("CandidateClientBase");
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Company).HasMaxLength(CandidateClientBaseEntry.CompanyLength);
        builder.Property(x => x.Note).HasMaxLength(CandidateClientBaseEntry.NoteLength);
        builder.HasIndex(x => x.CandidateId);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceRecordConfiguration : IEntityTypeConfiguration<EvidenceRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRecord> builder)
    {
        builder.ToTable("Evidence");
        builder.Property(x => x.Competency).HasMaxLength(Competency.CodeLength);
        builder.Property(x => x.Rating).HasPrecision(4, 2);
        builder.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Source).HasMaxLength(EvidenceRecord.SourceLength);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        builder.HasIndex(x => x.CandidateId);
        builder.HasIndex(x => x.EmployeeId);
        builder.HasOne<Scorecard>().WithMany().HasForeignKey(x => x.ScorecardId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Evidence_OneSubject", "(\"CandidateId\" IS NULL) <> (\"EmployeeId\" IS NULL)"));
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competency>().WithMany().HasForeignKey(x => x.Competency).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffingLogConfiguration : IEntityTypeConfiguration<StaffingLogEntry>
{
    public void Configure(EntityTypeBuilder<StaffingLogEntry> builder)
    {
        builder.ToTable("StaffingLog");
        builder.Property(x => x.Actor).HasMaxLength(256);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Value).HasPrecision(8, 2);
        builder.Property(x => x.Reason).HasMaxLength(StaffingLogEntry.ReasonLength);
        builder.HasIndex(x => new { x.CandidateId, x.Id });
        builder.HasIndex(x => new { x.EmployeeId, x.Id });
        builder.HasIndex(x => new { x.VacancyId, x.Id });
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.ToTable("Scorecards");
        builder.Property(x => x.AssignedBy).HasMaxLength(256);
        builder.Property(x => x.Ratings).HasMaxLength(4_000);
        builder.Property(x => x.Note).HasMaxLength(Scorecard.NoteLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.CandidateId, x.RaterId }).IsUnique();
        builder.HasIndex(x => new { x.RaterId, x.SubmittedAt });
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.RaterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SalaryBenchmarkConfiguration : IEntityTypeConfiguration<SalaryBenchmark>
{
    public void Configure(EntityTypeBuilder<SalaryBenchmark> builder)
    {
        builder.ToTable("SalaryBenchmarks");
        builder.Property(x => x.Region).HasMaxLength(SalaryBenchmark.RegionLength);
        builder.Property(x => x.CompanySize).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Source).HasMaxLength(SalaryBenchmark.SourceLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Region, x.CompanySize, x.Year }).IsUnique();
    }
}

internal sealed class CandidateOfferConfiguration : IEntityTypeConfiguration<CandidateOffer>
{
    public void Configure(EntityTypeBuilder<CandidateOffer> builder)
    {
        builder.ToTable("CandidateOffers");
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.MadeBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.CandidateId, x.MadeAt });
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
