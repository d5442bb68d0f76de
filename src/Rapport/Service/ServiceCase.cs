using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.ClientBase;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>A service case: something a client's contact raised that one of our people sees through, against SLA targets.</summary>
public sealed class ServiceCase : IVersioned, IAudited
{
    /// <summary>The largest instant: a target that is met in time, or a clock that is paused, never falls due.</summary>
    public static readonly DateTime Far = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>The contact of the account who raised the case.</summary>
    public Guid ContactId { get; set; }

    public Contact? Contact { get; set; }

    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public CaseCategory Category { get; set; }

    public CasePriority Priority { get; set; } = CasePriority.Normal;

    public CaseStatus Status { get; set; }

    /// <summary>The account's service tier the SLA clock runs by: taken when the case opens and whenever the account's tier changes.</summary>
    [NotAudited]
    public ServiceTier Tier { get; set; }

    public Guid AssigneeId { get; set; }

    public Employee? Assignee { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When one of our people first answered the client (a reply that is not an internal note).</summary>
    public DateTime? FirstRespondedAt { get; set; }

    /// <summary>When the case was last resolved (or closed without being resolved first); null while it is open.</summary>
    public DateTime? ResolvedAt { get; set; }

    // The SLA clock, derived by CaseClock: pauses are kept as working time so that the due instants follow from them.

    /// <summary>Since when the case has been waiting on the client (the clock stands still), or null while it runs.</summary>
    [NotAudited]
    public DateTime? PausedSince { get; set; }

    /// <summary>Working time spent waiting on the client in pauses that have ended, in seconds.</summary>
    [NotAudited]
    public long PausedSeconds { get; set; }

    /// <summary>When the first response is (or was) due; <see cref="Far"/> while paused before it fell due.</summary>
    [NotAudited]
    public DateTime ResponseDueAt { get; set; } = Far;

    /// <summary>When the resolution is (or was) due; <see cref="Far"/> while paused before it fell due.</summary>
    [NotAudited]
    public DateTime ResolutionDueAt { get; set; } = Far;

    /// <summary>When the case becomes (or became) breached: the earliest due instant of a target not met in time.</summary>
    [NotAudited]
    public DateTime SlaDueAt { get; set; } = Far;

    /// <summary>When the case comes (or came) near breach: a fifth of a target's working time left.</summary>
    [NotAudited]
    public DateTime SlaNearAt { get; set; } = Far;

    public long Version { get; set; }

    public List<CaseReply> Replies { get; } = [];

    public bool IsOpen => Status is CaseStatus.New or CaseStatus.InProgress or CaseStatus.WaitingOnClient;
}

/// <summary>What a case is about; a fixed list, so lists filter and count by it the same way in every language.</summary>
public enum CaseCategory
{
    Question,
    Problem,
    Request,
    Complaint,
    Billing,
    Other,
}

public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum CaseStatus
{
    New,
    InProgress,
    WaitingOnClient,
    Resolved,
    Closed,
}

/// <summary>Where a case stands against its SLA now.</summary>
public enum SlaState
{
    OnTrack,
    NearBreach,
    Breached,
}

/// <summary>One message in a case's thread: from one of our people or from the client's contact; internal notes stay with us.</summary>
public sealed class CaseReply : IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    /// <summary>Our person who wrote it, or null when the client's contact did.</summary>
    public Guid? EmployeeId { get; set; }

    public Employee? Employee { get; set; }

    /// <summary>The client's contact who wrote it, or null when one of our people did.</summary>
    public Guid? ContactId { get; set; }

    public Contact? Contact { get; set; }

    public string Text { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>A note for our people only, never shown as an answer to the client; it does not count as a response.</summary>
    public bool Internal { get; set; }
}

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> builder)
    {
        builder.ToTable("Cases");
        builder.Property(x => x.Subject).HasMaxLength(200);
        builder.Property(x => x.Description).HasMaxLength(4000);
        builder.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.IsOpen);
        builder.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Assignee).WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Replies).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);

        // The list sorts by SLA urgency and seeks along it, overall, per account and per assignee.
        builder.HasIndex(x => new { x.SlaDueAt, x.Id });
        builder.HasIndex(x => new { x.AccountId, x.SlaDueAt, x.Id });
        builder.HasIndex(x => new { x.AssigneeId, x.SlaDueAt, x.Id });
        builder.HasIndex(x => x.ContactId);
    }
}

internal sealed class CaseReplyConfiguration : IEntityTypeConfiguration<CaseReply>
{
    public void Configure(EntityTypeBuilder<CaseReply> builder)
    {
        builder.ToTable("CaseReplies");
        builder.Property(x => x.Text).HasMaxLength(4000);
        builder.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CaseId, x.At });
    }
}
