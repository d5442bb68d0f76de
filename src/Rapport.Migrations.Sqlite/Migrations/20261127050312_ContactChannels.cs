using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_Email",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_PhoneDigits",
                table: "Contacts");

            migrationBuilder.CreateTable(
                name: "ContactEmails",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactEmails", x => new { x.ContactId, x.Address });
                    table.ForeignKey(
                        name: "FK_ContactEmails_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactPhones",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Digits = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPhones", x => new { x.ContactId, x.Digits });
                    table.ForeignKey(
                        name: "FK_ContactPhones_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing addresses and numbers become the first (primary) rows of each contact, before the indexes are built.
            migrationBuilder.Sql(
                """
                INSERT INTO "ContactEmails" ("ContactId", "Address", "Position")
                SELECT "Id", "Email", 0 FROM "Contacts" WHERE "Email" IS NOT NULL AND "Email" <> '';
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "ContactPhones" ("ContactId", "Number", "Digits", "Position")
                SELECT "Id", "Phone", COALESCE("PhoneDigits", ''), 0 FROM "Contacts" WHERE "Phone" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ContactEmails_Address",
                table: "ContactEmails",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPhones_Digits",
                table: "ContactPhones",
                column: "Digits");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactEmails");

            migrationBuilder.DropTable(
                name: "ContactPhones");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Email",
                table: "Contacts",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_PhoneDigits",
                table: "Contacts",
                column: "PhoneDigits");
        }
    }
}
