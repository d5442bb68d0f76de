using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Identity;

public sealed class NewTokenInput
{
    [Display(Name = nameof(Texts.FieldTokenName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }
}

public sealed record TokenRow(Guid Id, string Name, string Hint, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>Who calls with a token: the token, its user as stored, and the user's roles.</summary>
public sealed record TokenOwner(Guid TokenId, User User, IReadOnlyList<string> Roles);

/// <summary>Personal API tokens: created with their secret shown once, listed by hint, revoked for good.</summary>
public sealed class ApiTokenHandlers(RapportDb db, TimeProvider clock)
{
    /// <summary>
    /// The live token with a hash, its user and the user's roles, in one query compiled once per database engine
    /// (a compiled query keeps the engine it first ran on): every API request asks, and translating the query each
    /// time cost more than running it.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Func<RapportDb, string, CancellationToken, Task<TokenCaller?>>> Callers = new();

    /// <summary>How long a token's last-use time may lag, so that reads do not turn into a write per request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public Task<List<TokenRow>> ListAsync(Guid userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);

    /// <summary>Creates a token and returns its secret, which is not stored and cannot be shown again.</summary>
    public async Task<Result<string>> CreateAsync(Guid userId, NewTokenInput input, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Error.NotFound(Texts.ErrorUserNotFound);
        }

        var (token, secret) = ApiToken.Create(userId, input.Name!, clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<Result> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return Error.NotFound(Texts.ErrorTokenNotFound);
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// Finds the live token with this secret, its user and the user's roles in one query, since every API request
    /// asks; records the token's use at most every few minutes.
    /// </summary>
    public async Task<TokenOwner?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var found = await Callers.GetOrAdd(db.Database.ProviderName ?? "", _ => CompileCaller())(db, ApiToken.HashOf(secret), ct);
        if (found is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        return new TokenOwner(found.Id, found.User, found.Roles);
    }

    private static Func<RapportDb, string, CancellationToken, Task<TokenCaller?>> CompileCaller() => EF.CompileAsyncQuery(
        (RapportDb db, string hash, CancellationToken ct) =>
            db.ApiTokens.AsNoTracking()
                .Where(t => t.Hash == hash && t.RevokedAt == null)
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new TokenCaller(
                    t.Id,
                    t.LastUsedAt,
                    u,
                    db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
                .FirstOrDefault());
}

/// <summary>What authenticating a token reads.</summary>
internal sealed record TokenCaller(Guid Id, DateTime? LastUsedAt, User User, List<string> Roles);
