using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.IntegrationTests;

/// <summary>
/// Rows written in SQL with only the columns the first migration made, for the tests that migrate a database part of
/// the way, fill it as it was then, and migrate the rest: today's model has columns those old tables lack.
/// </summary>
internal static class OldRows
{
    public static async Task<Guid> EmployeeAsync(RapportDb db, string name)
    {
        var id = Guid.CreateVersion7();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Employees" ("Id", "FullName", "SearchName", "Position", "Department", "EmploymentStart", "Status", "Capacity", "Version")
            VALUES ({id}, {name}, {name.ToLowerInvariant()}, 'AM', 'Sales', {new DateOnly(2024, 1, 1)}, 'Active', {1.0m}, 1)
            """);
        return id;
    }

    public static async Task<Guid> AccountAsync(RapportDb db, Guid ownerId, string name)
    {
        var id = Guid.CreateVersion7();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Accounts" ("Id", "Name", "SearchName", "CountryCode", "Industry", "Size", "Region", "Status", "OwnerId", "Version")
            VALUES ({id}, {name}, {name.ToLowerInvariant()}, 'BG', '', 'Small', '', 'Prospect', {ownerId}, 1)
            """);
        return id;
    }

    /// <summary>A contact as a user; before the channels had their own tables, with its one e-mail and phone.</summary>
    public static async Task<Guid> ContactAsync(RapportDb db, Guid accountId, string name, (string Email, string Phone, string Digits)? channels = null)
    {
        var id = Guid.CreateVersion7();
        if (channels is var (email, phone, digits))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Contacts" ("Id", "AccountId", "FullName", "SearchName", "JobTitle", "Email", "Phone", "PhoneDigits", "Role", "Status", "Version")
                VALUES ({id}, {accountId}, {name}, {name.ToLowerInvariant()}, '', {email}, {phone}, {digits}, 'User', 'Active', 1)
                """);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Contacts" ("Id", "AccountId", "FullName", "SearchName", "JobTitle", "Role", "Status", "Version")
                VALUES ({id}, {accountId}, {name}, {name.ToLowerInvariant()}, '', 'User', 'Active', 1)
                """);
        }

        return id;
    }
}
