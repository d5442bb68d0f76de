using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>A task for one of our people on an account, e.g. to re-cover a buying role after a contact moved on.</summary>
public sealed class FollowUp : IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AssigneeId { get; set; }

    public Guid AccountId { get; set; }

    public Guid? ContactId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DoneAt { get; set; }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.AssigneeId, x.DoneAt, x.DueOn });
    }
}
