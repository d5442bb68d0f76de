using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealEventPeopleAndRiskCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Relationships_ContactId_WarmUntil",
                table: "Relationships");

            migrationBuilder.CreateTable(
                name: "DealEventPeople",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealEventPeople", x => x.Id);
                });

            // The people of the events already recorded, read from their details as DealEventPerson.Of reads them
            // (ids there are lower case; SQLite keeps a Guid as upper-case text).
            migrationBuilder.Sql("""
                INSERT INTO "DealEventPeople" ("EmployeeId", "Kind", "EffectiveOn", "DealId")
                SELECT DISTINCT upper(json_extract(c.value, '$.employeeId')), e."Kind", e."EffectiveOn", e."DealId"
                FROM "DealEvents" AS e, json_each(e."Details", '$.credits') AS c
                WHERE e."Kind" IN ('Won', 'Reopened', 'SplitsChanged', 'Payment', 'CreditNote') AND json_valid(e."Details")
                UNION
                SELECT upper(json_extract(c.value, '$.employeeId')), e."Kind", e."EffectiveOn", e."DealId"
                FROM "DealEvents" AS e, json_each(e."Details", '$.creditsBefore') AS c
                WHERE e."Kind" IN ('Won', 'Reopened', 'SplitsChanged', 'Payment', 'CreditNote') AND json_valid(e."Details");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ContactId_WarmUntil_EmployeeId_Score_ScoreAt_LastContactAt",
                table: "Relationships",
                columns: new[] { "ContactId", "WarmUntil", "EmployeeId", "Score", "ScoreAt", "LastContactAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DealEventPeople_EmployeeId_Kind_EffectiveOn_DealId",
                table: "DealEventPeople",
                columns: new[] { "EmployeeId", "Kind", "EffectiveOn", "DealId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealEventPeople");

            migrationBuilder.DropIndex(
                name: "IX_Relationships_ContactId_WarmUntil_EmployeeId_Score_ScoreAt_LastContactAt",
                table: "Relationships");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ContactId_WarmUntil",
                table: "Relationships",
                columns: new[] { "ContactId", "WarmUntil" });
        }
    }
}
