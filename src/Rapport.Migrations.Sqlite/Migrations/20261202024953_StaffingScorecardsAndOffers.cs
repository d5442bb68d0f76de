using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffingScorecardsAndOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BlindReview",
                table: "Vacancies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CompanySize",
                table: "Vacancies",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Vacancies",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ScorecardId",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CandidateOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Base = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ExpectedSales = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ExpectedCommission = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    MadeAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MadeBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateOffers_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SalaryBenchmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CompanySize = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Low = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Median = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    High = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalaryBenchmarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Ratings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scorecards_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Scorecards_Employees_RaterId",
                        column: x => x.RaterId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ScorecardId",
                table: "Evidence",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateOffers_CandidateId_MadeAt",
                table: "CandidateOffers",
                columns: new[] { "CandidateId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SalaryBenchmarks_Region_CompanySize_Year",
                table: "SalaryBenchmarks",
                columns: new[] { "Region", "CompanySize", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_CandidateId_RaterId",
                table: "Scorecards",
                columns: new[] { "CandidateId", "RaterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_RaterId_SubmittedAt",
                table: "Scorecards",
                columns: new[] { "RaterId", "SubmittedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Scorecards_ScorecardId",
                table: "Evidence",
                column: "ScorecardId",
                principalTable: "Scorecards",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Scorecards_ScorecardId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "CandidateOffers");

            migrationBuilder.DropTable(
                name: "SalaryBenchmarks");

            migrationBuilder.DropTable(
                name: "Scorecards");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ScorecardId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "BlindReview",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "CompanySize",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "ScorecardId",
                table: "Evidence");
        }
    }
}
