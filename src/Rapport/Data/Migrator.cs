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

        // Bulgaria's published figures, as data that administrators can extend when the law changes. Each kind is put
        // in once, when the installation has none of it, so a later release adds its new kinds to an existing database.
        var known = await db.CountryParameters.Select(p => p.Kind).Distinct().ToListAsync(ct);
        db.CountryParameters.AddRange(BulgarianParameters().Where(p => !known.Contains(p.Kind)));
        await Staffing.Catalogue.SeedAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<CountryParameter> BulgarianParameters()
    {
        CountryParameter Bg(ParameterKind kind, int year, decimal value, string currency, string note) => new()
        {
            CountryCode = "BG", Kind = kind, ValidFrom = new DateOnly(year, 1, 1), Value = value, Currency = currency, Note = note,
        };

        yield return Bg(ParameterKind.MinimumMonthlyWage, 2025, 1077m, "BGN", "Minimum monthly wage 2025");
        yield return Bg(ParameterKind.MinimumMonthlyWage, 2026, 620.20m, "EUR", "Minimum monthly wage 2026");
        yield return Bg(ParameterKind.FixedEuroRate, 2026, 1.95583m, "BGN", "Fixed conversion rate on euro adoption");
        yield return Bg(ParameterKind.EmployeeContributionPercent, 2025, 13.78m, "", "Employee's pension, sickness, unemployment and health contributions");
        yield return Bg(ParameterKind.MaximumInsurableIncome, 2025, 4130m, "BGN", "Maximum monthly insurable income 2025");
        yield return Bg(ParameterKind.IncomeTaxPercent, 2025, 10m, "", "Flat personal income tax");
    }
}
