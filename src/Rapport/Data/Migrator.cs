using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Data;

/// <summary>Brings a database to the current schema and puts in the reference data every installation needs.</summary>
public sealed class Migrator(RapportDb db, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the setting stays with the database file.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(ct);
        await SeedReferenceDataAsync(ct);
        await ClientBase.MatchKeyBackfill.RunAsync(db, ct);
    }

    private async Task SeedReferenceDataAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        if (!await db.Organisations.AnyAsync(ct))
        {
            db.Organisations.Add(new Organisation { Name = "Rapport", CountryCode = "BG", BaseCurrency = "EUR" });
        }

        if (!await db.CountryParameters.AnyAsync(ct))
        {
            // Bulgaria's published figures, as data that administrators can extend when the law changes.
            db.CountryParameters.AddRange(
                new CountryParameter
                {
                    CountryCode = "BG", Kind = ParameterKind.MinimumMonthlyWage, ValidFrom = new DateOnly(2025, 1, 1),
                    Value = 1077m, Currency = "BGN", Note = "Minimum monthly wage 2025",
                },
                new CountryParameter
                {
                    CountryCode = "BG", Kind = ParameterKind.MinimumMonthlyWage, ValidFrom = new DateOnly(2026, 1, 1),
                    Value = 620.20m, Currency = "EUR", Note = "Minimum monthly wage 2026",
                },
                new CountryParameter
                {
                    CountryCode = "BG", Kind = ParameterKind.FixedEuroRate, ValidFrom = new DateOnly(2026, 1, 1),
                    Value = 1.95583m, Currency = "BGN", Note = "Fixed conversion rate on euro adoption",
                });
        }

        await db.SaveChangesAsync(ct);
    }
}
