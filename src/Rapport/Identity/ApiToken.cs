using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Identity;

/// <summary>
/// A personal API token. The secret is shown once at creation; only its SHA-256 hash is kept, which is enough
/// for a 256-bit random secret (no salt or slow hash is needed where guessing is hopeless).
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "rpt_";

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The first characters of the secret, so a user can tell tokens apart.</summary>
    public required string Hint { get; init; }

    public required string Hash { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public static (ApiToken Token, string Secret) Create(Guid userId, string name, DateTime now)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Hint = secret[..(SecretPrefix.Length + 6)],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Hint).HasMaxLength(16);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.HasIndex(x => x.Hash).IsUnique();
        builder.HasIndex(x => x.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
