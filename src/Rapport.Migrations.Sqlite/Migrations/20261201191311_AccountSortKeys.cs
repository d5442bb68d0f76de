using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CoveredUntil",
                table: "Accounts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactAt",
                table: "Accounts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "StrongestUntil",
                table: "Accounts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_CoveredUntil_Id",
                table: "Accounts",
                columns: new[] { "CoveredUntil", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_LastContactAt_Id",
                table: "Accounts",
                columns: new[] { "LastContactAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_StrongestUntil_Id",
                table: "Accounts",
                columns: new[] { "StrongestUntil", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_CoveredUntil_Id",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_LastContactAt_Id",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_StrongestUntil_Id",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "CoveredUntil",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "LastContactAt",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "StrongestUntil",
                table: "Accounts");
        }
    }
}
