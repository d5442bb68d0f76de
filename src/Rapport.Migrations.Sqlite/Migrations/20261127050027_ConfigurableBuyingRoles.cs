using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConfigurableBuyingRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BuyingRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RhythmDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuyingRoles", x => x.Id);
                    table.UniqueConstraint("AK_BuyingRoles_Code", x => x.Code);
                });

            // The roles contacts could hold before roles became settings, as data: every contact's role exists.
            migrationBuilder.InsertData(
                table: "BuyingRoles",
                columns: ["Id", "Code", "NameEn", "NameBg", "RhythmDays", "Required", "Position", "Archived", "Version"],
                values: new object[,]
                {
                    { new Guid("019ac3a0-0000-7000-8000-000000000001"), "DecisionMaker", "Decision-maker", "Лице, вземащо решения", 30, true, 0, false, 0L },
                    { new Guid("019ac3a0-0000-7000-8000-000000000002"), "Signatory", "Signatory", "Подписващо лице", 45, true, 1, false, 0L },
                    { new Guid("019ac3a0-0000-7000-8000-000000000003"), "Influencer", "Influencer", "Влияещо лице", 45, false, 2, false, 0L },
                    { new Guid("019ac3a0-0000-7000-8000-000000000004"), "User", "User", "Ползвател", 90, false, 3, false, 0L },
                    { new Guid("019ac3a0-0000-7000-8000-000000000005"), "Gatekeeper", "Gatekeeper", "Пазач на достъпа", 60, false, 4, false, 0L },
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Role",
                table: "Contacts",
                column: "Role");

            migrationBuilder.AddForeignKey(
                name: "FK_Contacts_BuyingRoles_Role",
                table: "Contacts",
                column: "Role",
                principalTable: "BuyingRoles",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Contacts_BuyingRoles_Role",
                table: "Contacts");

            migrationBuilder.DropTable(
                name: "BuyingRoles");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_Role",
                table: "Contacts");
        }
    }
}
