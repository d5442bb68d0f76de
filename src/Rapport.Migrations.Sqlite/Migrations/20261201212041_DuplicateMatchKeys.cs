using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateMatchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MatchKey",
                table: "Accounts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AccountId_SearchName_Status",
                table: "Contacts",
                columns: new[] { "AccountId", "SearchName", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_MatchKey_Id",
                table: "Accounts",
                columns: new[] { "MatchKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_AccountId_SearchName_Status",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_MatchKey_Id",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "MatchKey",
                table: "Accounts");
        }
    }
}
