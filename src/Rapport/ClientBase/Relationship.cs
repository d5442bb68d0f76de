using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;

namespace Rapport.ClientBase;

/// <summary>
/// The relationship between one of our people and one of the client's, kept as a decaying score
/// (see <see cref="RelationshipStrength"/>). Derived from interactions; never edited by hand.
/// </summary>
public sealed class Relationship : Shared.IVersioned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid EmployeeId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>The score as it stood at <see cref="ScoreAt"/>; it halves every half-life after that.</summary>
    public double Score { get; set; }

    public DateTime ScoreAt { get; set; }

    /// <summary>
    /// Until when the relationship stays warm without further contact: derived from the score whenever it changes,
    /// so "warm now" is a plain, indexable comparison in SQL on every engine.
    /// </summary>
    public DateTime WarmUntil { get; set; }

    public DateTime LastContactAt { get; set; }

    public int Interactions { get; set; }

    public int ClientInitiated { get; set; }

    /// <summary>Guards the read-modify-write of the score when two interactions are logged at once.</summary>
    public long Version { get; set; }

    public StrengthState State => new(Score, ScoreAt);

    public void SetStrength(StrengthState state, StrengthOptions options)
    {
        Score = state.Score;
        ScoreAt = state.At;
        WarmUntil = RelationshipStrength.WarmUntil(state, options);
    }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.HasIndex(x => new { x.EmployeeId, x.ContactId }).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
        // Covering for a deal's risk, which reads every relationship with its committee's and account's contacts.
        builder.HasIndex(x => new { x.ContactId, x.WarmUntil, x.EmployeeId, x.Score, x.ScoreAt, x.LastContactAt });
        builder.HasIndex(x => new { x.EmployeeId, x.LastContactAt });
        builder.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
