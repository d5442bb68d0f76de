using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ForecastSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ForecastSnapshot",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Won = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Commit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    BestCase = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Pipeline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Weighted = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForecastSnapshot", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForecastSnapshot_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForecastSnapshot_EmployeeId",
                table: "ForecastSnapshot",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_ForecastSnapshot_PeriodStart_WeekStart_EmployeeId",
                table: "ForecastSnapshot",
                columns: new[] { "PeriodStart", "WeekStart", "EmployeeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForecastSnapshot");
        }
    }
}
