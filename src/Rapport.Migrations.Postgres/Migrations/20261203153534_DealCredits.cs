using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DealCredits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DealCredits",
                columns: table => new
                {
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CloseOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Forecast = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NewBusiness = table.Column<bool>(type: "boolean", nullable: true),
                    Probability = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Cents = table.Column<long>(type: "bigint", nullable: false),
                    CycleDays = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Lead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealCredits", x => new { x.DealId, x.EmployeeId });
                    table.ForeignKey(
                        name: "FK_DealCredits_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealCredits_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealCredits_EmployeeId_CloseOn_Outcome_Forecast_NewBusiness~",
                table: "DealCredits",
                columns: new[] { "EmployeeId", "CloseOn", "Outcome", "Forecast", "NewBusiness", "Probability", "Cents", "CycleDays", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_DealCredits_Outcome_CloseOn_EmployeeId_NewBusiness_Forecast~",
                table: "DealCredits",
                columns: new[] { "Outcome", "CloseOn", "EmployeeId", "NewBusiness", "Forecast", "Probability", "Lead", "Cents", "CycleDays", "AccountId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealCredits");
        }
    }
}
