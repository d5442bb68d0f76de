using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>A call, meeting, e-mail or note with a client: who took part on both sides, what came of it, what is next.</summary>
public sealed class Interaction : IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public InteractionKind Kind { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>True when the client reached out: two-way contact is a stronger sign of a relationship.</summary>
    public bool InitiatedByClient { get; set; }

    public string Subject { get; set; } = "";

    public string? Outcome { get; set; }

    public string? NextStep { get; set; }

    public DateOnly? NextStepDue { get; set; }

    public Guid? LoggedById { get; set; }

    public List<InteractionEmployee> Employees { get; } = [];

    public List<InteractionContact> Contacts { get; } = [];
}

public enum InteractionKind
{
    Call,
    Meeting,
    Email,
    Note,
}

/// <summary>One of our people who took part in an interaction.</summary>
public sealed class InteractionEmployee
{
    public Guid InteractionId { get; set; }

    public Guid EmployeeId { get; set; }
}

/// <summary>One of the client's people who took part in an interaction.</summary>
public sealed class InteractionContact
{
    public Guid InteractionId { get; set; }

    public Guid ContactId { get; set; }
}

internal sealed class InteractionConfiguration :
    IEntityTypeConfiguration<Interaction>, IEntityTypeConfiguration<InteractionEmployee>, IEntityTypeConfiguration<InteractionContact>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Subject).HasMaxLength(200);
        builder.Property(x => x.Outcome).HasMaxLength(2000);
        builder.Property(x => x.NextStep).HasMaxLength(500);
        builder.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.LoggedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(x => x.Employees).WithOne().HasForeignKey(x => x.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.AccountId, x.OccurredAt });
        builder.HasIndex(x => new { x.LoggedById, x.NextStepDue });
    }

    public void Configure(EntityTypeBuilder<InteractionEmployee> builder)
    {
        builder.HasKey(x => new { x.InteractionId, x.EmployeeId });
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.EmployeeId);
    }

    public void Configure(EntityTypeBuilder<InteractionContact> builder)
    {
        builder.HasKey(x => new { x.InteractionId, x.ContactId });
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.ContactId);
    }
}
