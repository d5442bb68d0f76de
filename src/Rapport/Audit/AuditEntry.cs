using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Audit;

/// <summary>One changed field of one business entity: who, when, what, old value and new value. Never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime At { get; init; }

    public Guid? UserId { get; init; }

    public required string Actor { get; init; }

    public required string EntityType { get; init; }

    public Guid EntityId { get; init; }

    public AuditAction Action { get; init; }

    public required string Field { get; init; }

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }
}

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(x => x.Actor).HasMaxLength(256);
        builder.Property(x => x.EntityType).HasMaxLength(64);
        builder.Property(x => x.Field).HasMaxLength(64);
        builder.Property(x => x.OldValue).HasMaxLength(2000);
        builder.Property(x => x.NewValue).HasMaxLength(2000);
        builder.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => new { x.EntityType, x.EntityId, x.Id });
        builder.HasIndex(x => new { x.UserId, x.Id });
    }
}
