using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaPolicies_Priority",
                table: "SlaPolicies");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "SlaPolicies",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Accounts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Tier_Priority",
                table: "SlaPolicies",
                columns: new[] { "Tier", "Priority" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaPolicies_Tier_Priority",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Accounts");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Priority",
                table: "SlaPolicies",
                column: "Priority",
                unique: true);
        }
    }
}
