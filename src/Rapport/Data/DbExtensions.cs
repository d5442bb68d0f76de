using Microsoft.EntityFrameworkCore;
using Rapport.Shared;

namespace Rapport.Data;

internal static class DbExtensions
{
    /// <summary>Saves, turning a lost optimistic-concurrency race into a conflict result instead of an exception.</summary>
    public static async Task<Result> SaveOrConflictAsync(this RapportDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleVersion();
        }
    }
}
