using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Archived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PayPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CalculatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ExportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompPlanVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Document = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Base = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Commission = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Bonuses = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Adjustments = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Clawbacks = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    CarryForward = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    NetEstimate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    LineCount = table.Column<int>(type: "integer", nullable: false),
                    Inputs = table.Column<string>(type: "text", nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CalculatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineOrder = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FromFinance = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
            migrationBuilder.Sql("""
                CREATE FUNCTION rapport_pay_period_locked() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM "PayPeriods" WHERE "Id" = OLD."PeriodId" AND "Status" IN ('Locked', 'Exported')))
                        OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM "PayPeriods" WHERE "Id" = NEW."PeriodId" AND "Status" IN ('Locked', 'Exported'))) THEN
                        RAISE EXCEPTION 'the pay period is locked';
                    END IF;
                    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                    RETURN NEW;
                END; $$;
                """);
            foreach (var table in new[] { "PayStatements", "PayAdjustments" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_locked\" BEFORE INSERT OR UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION rapport_pay_period_locked();");
            }

            migrationBuilder.Sql("""
                CREATE FUNCTION rapport_pay_period_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."Status" IN ('Locked', 'Exported') AND (TG_OP = 'DELETE'
                        OR NOT (OLD."Status" = 'Locked' AND NEW."Status" = 'Exported' AND NEW."Start" = OLD."Start" AND NEW."End" = OLD."End"
                            AND NEW."LockedAt" IS NOT DISTINCT FROM OLD."LockedAt" AND NEW."ApprovedAt" IS NOT DISTINCT FROM OLD."ApprovedAt")) THEN
                        RAISE EXCEPTION 'the pay period is locked';
                    END IF;
                    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                    RETURN NEW;
                END; $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER \"PayPeriods_locked\" BEFORE UPDATE OR DELETE ON \"PayPeriods\" FOR EACH ROW EXECUTE FUNCTION rapport_pay_period_guard();");

            // Plan versions and inquiry messages are append-only, as the deal log is.
            foreach (var table in new[] { "CompPlanVersions", "PayInquiryMessages" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION rapport_append_only();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "PayStatements", "PayAdjustments", "PayPeriods" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_locked\" ON \"{table}\";");
            }

            foreach (var table in new[] { "CompPlanVersions", "PayInquiryMessages" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_append_only\" ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS rapport_pay_period_locked();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS rapport_pay_period_guard();");
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
