using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Pay;

/// <summary>
/// A compensation plan by name. What it pays is in its versions: a change is a new version from a date, so a period
/// already paid keeps the rules it was paid by.
/// </summary>
public sealed class CompPlan : IVersioned, IAudited
{
    public const int NameLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public bool Archived { get; set; }

    public long Version { get; set; }
}

/// <summary>One version of a plan: its rules as the documented JSON, in force from a date. Never changed.</summary>
public sealed class CompPlanVersion : IAppendOnly
{
    public const int DocumentLength = 64_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    /// <summary>1 for the first version of the plan, then 2, 3…</summary>
    public int Number { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The plan in the documented JSON format (docs/compensation-plans.md), as written by the engine.</summary>
    public string Document { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>An employee paid by a plan from one day to another (both included; no end while it runs on). An employee's assignments never overlap.</summary>
public sealed class PlanAssignment : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid EmployeeId { get; set; }

    public Guid PlanId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public long Version { get; set; }
}

/// <summary>The steps of a pay period. Recalculation is allowed until approval; a locked period never changes (the database refuses it).</summary>
public enum PayPeriodStatus
{
    Open,
    Calculated,
    Approved,
    Locked,
    Exported,
}

/// <summary>A pay period, a calendar month by default, and where it stands.</summary>
public sealed class PayPeriod : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public PayPeriodStatus Status { get; set; }

    public DateTime? CalculatedAt { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? LockedAt { get; set; }

    public string? LockedBy { get; set; }

    public DateTime? ExportedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Whether the period can no longer change: locked, or locked and exported.</summary>
    public bool IsLocked => Status is PayPeriodStatus.Locked or PayPeriodStatus.Exported;
}

/// <summary>
/// One employee's statement for one period: the totals by kind for lists and the payroll export, the lines as the
/// engine wrote them, and the inputs they were computed from, so that the statement can be derived again to prove it.
/// </summary>
public sealed class PayStatementRecord
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PeriodId { get; set; }

    public Guid EmployeeId { get; set; }

    public Guid PlanVersionId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Base { get; set; }

    public decimal Commission { get; set; }

    /// <summary>Bonuses, incentives and a guarantee's top-up.</summary>
    public decimal Bonuses { get; set; }

    public decimal Adjustments { get; set; }

    /// <summary>Clawbacks and the balance carried in (zero or negative), after netting.</summary>
    public decimal Clawbacks { get; set; }

    public decimal Total { get; set; }

    public decimal CarryForward { get; set; }

    public decimal? NetEstimate { get; set; }

    /// <summary>The number of lines, for lists that do not read them.</summary>
    public int LineCount { get; set; }

    /// <summary>The activity the statement was computed from (the engine's JSON of it).</summary>
    public string Inputs { get; set; } = "";

    /// <summary>The statement as the engine wrote it (canonical JSON).</summary>
    public string Lines { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Lines"/>: recomputing from <see cref="Inputs"/> must give the same.</summary>
    public string Hash { get; set; } = "";

    public DateTime CalculatedAt { get; set; }
}

/// <summary>A correction Finance makes to an employee's pay in an open period: a dated amount and its reason.</summary>
public sealed class PayAdjustment : IAudited
{
    public const int ReasonLength = 300;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PeriodId { get; set; }

    public Guid EmployeeId { get; set; }

    public DateOnly On { get; set; }

    public decimal Amount { get; set; }

    public string Reason { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

public enum InquiryStatus
{
    Open,
    Answered,
    Closed,
}

/// <summary>A question an employee raises on one line of their statement, answered by Finance in a thread.</summary>
public sealed class PayInquiry : IVersioned, IAudited
{
    public const int TextLength = 2_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid StatementId { get; set; }

    public Guid EmployeeId { get; set; }

    /// <summary>The statement line's order number.</summary>
    public int LineOrder { get; set; }

    public InquiryStatus Status { get; set; }

    public DateTime OpenedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One message of an inquiry's thread. Never changed.</summary>
public sealed class PayInquiryMessage : IAppendOnly
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid InquiryId { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    public string Author { get; set; } = "";

    public bool FromFinance { get; set; }

    public string Text { get; set; } = "";
}

internal sealed class CompPlanConfiguration : IEntityTypeConfiguration<CompPlan>
{
    public void Configure(EntityTypeBuilder<CompPlan> builder)
    {
        builder.ToTable("CompPlans");
        builder.Property(x => x.Name).HasMaxLength(CompPlan.NameLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class CompPlanVersionConfiguration : IEntityTypeConfiguration<CompPlanVersion>
{
    public void Configure(EntityTypeBuilder<CompPlanVersion> builder)
    {
        builder.ToTable("CompPlanVersions");
        builder.Property(x => x.Document).HasMaxLength(CompPlanVersion.DocumentLength);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        builder.HasIndex(x => new { x.PlanId, x.EffectiveFrom }).IsUnique();
        builder.HasOne<CompPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanAssignmentConfiguration : IEntityTypeConfiguration<PlanAssignment>
{
    public void Configure(EntityTypeBuilder<PlanAssignment> builder)
    {
        builder.ToTable("PlanAssignments");
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.EmployeeId, x.From }).IsUnique();
        builder.HasIndex(x => new { x.PlanId, x.From });
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CompPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayPeriodConfiguration : IEntityTypeConfiguration<PayPeriod>
{
    public void Configure(EntityTypeBuilder<PayPeriod> builder)
    {
        builder.ToTable("PayPeriods");
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.ApprovedBy).HasMaxLength(256);
        builder.Property(x => x.LockedBy).HasMaxLength(256);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsLocked);
        builder.HasIndex(x => x.Start).IsUnique();
    }
}

internal sealed class PayStatementConfiguration : IEntityTypeConfiguration<PayStatementRecord>
{
    public void Configure(EntityTypeBuilder<PayStatementRecord> builder)
    {
        builder.ToTable("PayStatements");
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.HasIndex(x => new { x.PeriodId, x.EmployeeId }).IsUnique();
        builder.HasIndex(x => new { x.EmployeeId, x.PeriodId });
        builder.HasOne<PayPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CompPlanVersion>().WithMany().HasForeignKey(x => x.PlanVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayAdjustmentConfiguration : IEntityTypeConfiguration<PayAdjustment>
{
    public void Configure(EntityTypeBuilder<PayAdjustment> builder)
    {
        builder.ToTable("PayAdjustments");
        builder.Property(x => x.Reason).HasMaxLength(PayAdjustment.ReasonLength);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.PeriodId, x.EmployeeId });
        builder.HasOne<PayPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayInquiryConfiguration : IEntityTypeConfiguration<PayInquiry>
{
    public void Configure(EntityTypeBuilder<PayInquiry> builder)
    {
        builder.ToTable("PayInquiries");
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Status, x.OpenedAt });
        builder.HasIndex(x => new { x.EmployeeId, x.OpenedAt });
        builder.HasIndex(x => x.StatementId);
        builder.HasOne<PayStatementRecord>().WithMany().HasForeignKey(x => x.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PayInquiryMessageConfiguration : IEntityTypeConfiguration<PayInquiryMessage>
{
    public void Configure(EntityTypeBuilder<PayInquiryMessage> builder)
    {
        builder.ToTable("PayInquiryMessages");
        builder.Property(x => x.Author).HasMaxLength(256);
        builder.Property(x => x.Text).HasMaxLength(PayInquiry.TextLength);
        builder.HasIndex(x => new { x.InquiryId, x.At });
        builder.HasOne<PayInquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Restrict);
    }
}
