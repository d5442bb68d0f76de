using Rapport.Identity;

namespace Rapport.Tests;

public sealed class ApiTokenTests
{
    [Fact]
    public void Only_the_hash_of_the_secret_is_kept()
    {
        var (token, secret) = ApiToken.Create(Guid.NewGuid(), " CI ", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.StartsWith(ApiToken.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, token.Hash, StringComparison.Ordinal);
        Assert.Equal(ApiToken.HashOf(secret), token.Hash);
        Assert.StartsWith(token.Hint, secret, StringComparison.Ordinal);
        Assert.Equal("CI", token.Name);
    }

    [Fact]
    public void Two_tokens_never_share_a_secret()
    {
        var now = DateTime.UtcNow;
        var secrets = Enumerable.Range(0, 100).Select(_ => ApiToken.Create(Guid.Empty, "t", now).Secret).ToHashSet();
        Assert.Equal(100, secrets.Count);
    }
}
