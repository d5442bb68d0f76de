using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealEventPeople", x => x.Id);
                });

            // The people of the events already recorded, read from their details as DealEventPerson.Of reads them.
            migrationBuilder.Sql("""
                INSERT INTO "DealEventPeople" ("EmployeeId", "Kind", "EffectiveOn", "DealId")
                SELECT DISTINCT (c.value ->> 'employeeId')::uuid, e."Kind", e."EffectiveOn", e."DealId"
                FROM "DealEvents" AS e
                CROSS JOIN LATERAL jsonb_array_elements(
                    COALESCE(e."Details"::jsonb -> 'credits', '[]'::jsonb) || COALESCE(e."Details"::jsonb -> 'creditsBefore', '[]'::jsonb)) AS c
                WHERE e."Kind" IN ('Won', 'Reopened', 'SplitsChanged', 'Payment', 'CreditNote') AND e."Details" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ContactId_WarmUntil_EmployeeId_Score_ScoreAt_~",
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
                name: "IX_Relationships_ContactId_WarmUntil_EmployeeId_Score_ScoreAt_~",
                table: "Relationships");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ContactId_WarmUntil",
                table: "Relationships",
                columns: new[] { "ContactId", "WarmUntil" });
        }
    }
}
