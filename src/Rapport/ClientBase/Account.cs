using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>A client company: who owns the relationship with it, and where it sits in a group.</summary>
public sealed class Account : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = "";

    /// <summary>The folded name, for case- and accent-insensitive search and sorting.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>The name as duplicates are matched on (<see cref="MatchKeys.ForAccount"/>): a lookup finds its namesakes.</summary>
    public string MatchKey { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code of the country the company is registered in.</summary>
    public string CountryCode { get; set; } = "BG";

    /// <summary>The legal registration number: in Bulgaria the EIK/BULSTAT, kept as digits only.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>The web domain in lower case without scheme or "www.", e.g. "acme.bg".</summary>
    public string? Domain { get; set; }

    public string Industry { get; set; } = "";

    public SizeSegment Size { get; set; }

    public string Region { get; set; } = "";

    public AccountStatus Status { get; set; }

    public Guid? ParentId { get; set; }

    public Account? Parent { get; set; }

    public Guid OwnerId { get; set; }

    public Employee? Owner { get; set; }

    public Guid? CoordinatorId { get; set; }

    public Employee? Coordinator { get; set; }

    /// <summary>The level of service the client is promised; the SLA targets of its cases follow it.</summary>
    public ServiceTier Tier { get; set; }

    public long Version { get; set; }

    // Sort keys for the account list, derived and kept by AccountSignals: instants, so they stay true as time passes.
    // Never (the smallest instant) sorts first on both engines, where NULL would sort differently.

    /// <summary>The smallest instant, in UTC so that no time zone shifts it on the way to the database.</summary>
    public static readonly DateTime Never = new(0, DateTimeKind.Utc);

    /// <summary>When the last interaction with the account happened.</summary>
    [NotAudited]
    public DateTime LastContactAt { get; private set; } = Never;

    /// <summary>
    /// When the score of its strongest relationship falls (or fell) to one (<see cref="RelationshipStrength.UnitScoreAt"/>):
    /// orders accounts by their strongest relationship at any time, and gives its strength now.
    /// </summary>
    [NotAudited]
    public DateTime StrongestUntil { get; private set; } = Never;

    /// <summary>Until when every required buying role stays covered by a warm relationship.</summary>
    [NotAudited]
    public DateTime CoveredUntil { get; private set; } = Never;

    /// <summary>The account's health 0–100 when it was last computed, or <see cref="HealthUnknown"/> before it ever was.</summary>
    [NotAudited]
    public int Health { get; set; } = HealthUnknown;

    /// <summary>When <see cref="Health"/> was computed; <see cref="Never"/> before it ever was.</summary>
    [NotAudited]
    public DateTime HealthAt { get; set; } = Never;

    public const int HealthUnknown = -1;

    public void Rename(string name)
    {
        Name = name.Trim();
        SearchName = SearchText.Fold(Name);
        MatchKey = MatchKeys.ForAccount(Name);
    }
}

public enum SizeSegment
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>The level of service promised to a client, from the plain one to the closest care.</summary>
public enum ServiceTier
{
    Standard,
    Premium,
    Strategic,
}

public enum AccountStatus
{
    Prospect,
    Active,
    Former,
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.SearchName).HasMaxLength(200);
        builder.Property(x => x.MatchKey).HasMaxLength(MatchKeys.MaxLength);
        builder.Property(x => x.CountryCode).HasMaxLength(2);
        builder.Property(x => x.RegistrationNumber).HasMaxLength(32);
        builder.Property(x => x.Domain).HasMaxLength(200);
        builder.Property(x => x.Industry).HasMaxLength(100);
        builder.Property(x => x.Region).HasMaxLength(100);
        builder.Property(x => x.Size).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Coordinator).WithMany().HasForeignKey(x => x.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.SearchName, x.Id });
        builder.HasIndex(x => new { x.MatchKey, x.Id });
        builder.HasIndex(x => new { x.OwnerId, x.SearchName, x.Id });
        builder.HasIndex(x => new { x.CoordinatorId, x.SearchName });
        builder.HasIndex(x => x.RegistrationNumber);
        builder.HasIndex(x => x.Domain);
        builder.HasIndex(x => x.ParentId);
        builder.HasIndex(x => x.Industry);
        builder.HasIndex(x => x.Region);
        builder.HasIndex(x => new { x.LastContactAt, x.Id });
        builder.HasIndex(x => new { x.StrongestUntil, x.Id });
        builder.HasIndex(x => new { x.CoveredUntil, x.Id });
        builder.HasIndex(x => new { x.Health, x.Id });
    }
}
