using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Staffing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Competencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Anchors = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EscoUri = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Competencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RoleProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProfileVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Inputs = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleProfileVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleProfileVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleProfileVersions_RoleProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "RoleProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vacancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HiringManagerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Capacity = table.Column<decimal>(type: "TEXT", precision: 3, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancies_CompPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CompPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vacancies_Employees_HiringManagerId",
                        column: x => x.HiringManagerId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vacancies_RoleProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "RoleProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Cv = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RetainUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    Coverage = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    GateFailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoredVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidates_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CandidateClientBase",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateClientBase", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateClientBase_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateExperience",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Years = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    SameField = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateExperience", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateExperience_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Competency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rating = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.CheckConstraint("CK_Evidence_OneSubject", "(\"CandidateId\" IS NULL) <> (\"EmployeeId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Evidence_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Evidence_Competencies_Competency",
                        column: x => x.Competency,
                        principalTable: "Competencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evidence_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateClientBase_CandidateId",
                table: "CandidateClientBase",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateExperience_CandidateId",
                table: "CandidateExperience",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_EmployeeId",
                table: "Candidates",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_RetainUntil",
                table: "Candidates",
                column: "RetainUntil");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_VacancyId_Rank_Id",
                table: "Candidates",
                columns: new[] { "VacancyId", "Rank", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_VacancyId_Stage",
                table: "Candidates",
                columns: new[] { "VacancyId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CandidateId",
                table: "Evidence",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Competency",
                table: "Evidence",
                column: "Competency");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_EmployeeId",
                table: "Evidence",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleProfiles_Name",
                table: "RoleProfiles",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleProfileVersions_ProfileId_Number",
                table: "RoleProfileVersions",
                columns: new[] { "ProfileId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffingLog_CandidateId_Id",
                table: "StaffingLog",
                columns: new[] { "CandidateId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffingLog_EmployeeId_Id",
                table: "StaffingLog",
                columns: new[] { "EmployeeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffingLog_VacancyId_Id",
                table: "StaffingLog",
                columns: new[] { "VacancyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_HiringManagerId",
                table: "Vacancies",
                column: "HiringManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_PlanId",
                table: "Vacancies",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_ProfileId",
                table: "Vacancies",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_OpenedOn",
                table: "Vacancies",
                columns: new[] { "Status", "OpenedOn" });
            // Profile versions and the staffing log are append-only, as the deal log is.
            foreach (var table in new[] { "RoleProfileVersions", "StaffingLog" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "RoleProfileVersions", "StaffingLog" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_update\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_delete\";");
            }

            migrationBuilder.DropTable(
                name: "CandidateClientBase");

            migrationBuilder.DropTable(
                name: "CandidateExperience");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "RoleProfileVersions");

            migrationBuilder.DropTable(
                name: "StaffingLog");

            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "Competencies");

            migrationBuilder.DropTable(
                name: "Vacancies");

            migrationBuilder.DropTable(
                name: "RoleProfiles");
        }
    }
}
