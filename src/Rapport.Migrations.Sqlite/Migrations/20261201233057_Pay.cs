using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Pay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PayPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CalculatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompPlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompPlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompPlanVersions_CompPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CompPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAssignments_CompPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CompPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanAssignments_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PayAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayAdjustments_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PayAdjustments_PayPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "PayPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PayStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Base = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Commission = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Bonuses = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Adjustments = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Clawbacks = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    CarryForward = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    NetEstimate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CalculatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayStatements_CompPlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "CompPlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PayStatements_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PayStatements_PayPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "PayPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PayInquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayInquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayInquiries_PayStatements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "PayStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PayInquiryMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FromFinance = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayInquiryMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayInquiryMessages_PayInquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "PayInquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompPlans_Name",
                table: "CompPlans",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompPlanVersions_PlanId_EffectiveFrom",
                table: "CompPlanVersions",
                columns: new[] { "PlanId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompPlanVersions_PlanId_Number",
                table: "CompPlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayAdjustments_EmployeeId",
                table: "PayAdjustments",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_PayAdjustments_PeriodId_EmployeeId",
                table: "PayAdjustments",
                columns: new[] { "PeriodId", "EmployeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_PayInquiries_EmployeeId_OpenedAt",
                table: "PayInquiries",
                columns: new[] { "EmployeeId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PayInquiries_StatementId",
                table: "PayInquiries",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_PayInquiries_Status_OpenedAt",
                table: "PayInquiries",
                columns: new[] { "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PayInquiryMessages_InquiryId_At",
                table: "PayInquiryMessages",
                columns: new[] { "InquiryId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PayPeriods_Start",
                table: "PayPeriods",
                column: "Start",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayStatements_EmployeeId_PeriodId",
                table: "PayStatements",
                columns: new[] { "EmployeeId", "PeriodId" });

            migrationBuilder.CreateIndex(
                name: "IX_PayStatements_PeriodId_EmployeeId",
                table: "PayStatements",
                columns: new[] { "PeriodId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayStatements_PlanVersionId",
                table: "PayStatements",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssignments_EmployeeId_From",
                table: "PlanAssignments",
                columns: new[] { "EmployeeId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanAssignments_PlanId_From",
                table: "PlanAssignments",
                columns: new[] { "PlanId", "From" });

            // A locked pay period never changes, whoever asks: the database refuses to add, change or remove its
            // statements and adjustments, and to change the period itself except to mark a locked period exported.
            foreach (var table in new[] { "PayStatements", "PayAdjustments" })
            {
                const string Locked = "('Locked', 'Exported')";
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_locked_insert\" BEFORE INSERT ON \"{table}\" WHEN (SELECT \"Status\" FROM \"PayPeriods\" WHERE \"Id\" = NEW.\"PeriodId\") IN {Locked} BEGIN SELECT RAISE(ABORT, 'the pay period is locked'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_locked_update\" BEFORE UPDATE ON \"{table}\" WHEN (SELECT \"Status\" FROM \"PayPeriods\" WHERE \"Id\" = OLD.\"PeriodId\") IN {Locked} OR (SELECT \"Status\" FROM \"PayPeriods\" WHERE \"Id\" = NEW.\"PeriodId\") IN {Locked} BEGIN SELECT RAISE(ABORT, 'the pay period is locked'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_locked_delete\" BEFORE DELETE ON \"{table}\" WHEN (SELECT \"Status\" FROM \"PayPeriods\" WHERE \"Id\" = OLD.\"PeriodId\") IN {Locked} BEGIN SELECT RAISE(ABORT, 'the pay period is locked'); END;");
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER "PayPeriods_locked_update" BEFORE UPDATE ON "PayPeriods"
                WHEN OLD."Status" IN ('Locked', 'Exported')
                    AND NOT (OLD."Status" = 'Locked' AND NEW."Status" = 'Exported' AND NEW."Start" = OLD."Start" AND NEW."End" = OLD."End"
                        AND NEW."LockedAt" IS OLD."LockedAt" AND NEW."ApprovedAt" IS OLD."ApprovedAt")
                BEGIN SELECT RAISE(ABORT, 'the pay period is locked'); END;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "PayPeriods_locked_delete" BEFORE DELETE ON "PayPeriods" WHEN OLD."Status" IN ('Locked', 'Exported') BEGIN SELECT RAISE(ABORT, 'the pay period is locked'); END;""");

            // Plan versions and inquiry messages are append-only, as the deal log is.
            foreach (var table in new[] { "CompPlanVersions", "PayInquiryMessages" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "PayStatements", "PayAdjustments" })
            {
                foreach (var step in new[] { "insert", "update", "delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_locked_{step}\";");
                }
            }

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"PayPeriods_locked_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"PayPeriods_locked_delete\";");
            foreach (var table in new[] { "CompPlanVersions", "PayInquiryMessages" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_update\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_delete\";");
            }
            migrationBuilder.DropTable(
                name: "PayAdjustments");

            migrationBuilder.DropTable(
                name: "PayInquiryMessages");

            migrationBuilder.DropTable(
                name: "PlanAssignments");

            migrationBuilder.DropTable(
                name: "PayInquiries");

            migrationBuilder.DropTable(
                name: "PayStatements");

            migrationBuilder.DropTable(
                name: "CompPlanVersions");

            migrationBuilder.DropTable(
                name: "PayPeriods");

            migrationBuilder.DropTable(
                name: "CompPlans");
        }
    }
}
