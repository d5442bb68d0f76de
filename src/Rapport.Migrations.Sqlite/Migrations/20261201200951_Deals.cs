using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Deals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CurrencyRates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitsPerEuro = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CurrencyRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DealCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LostReasons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LostReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pipelines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pipelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PipelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Probability = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stages_Pipelines_PipelineId",
                        column: x => x.PipelineId,
                        principalTable: "Pipelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductPrices",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductPrices", x => new { x.ProductId, x.Currency });
                    table.ForeignKey(
                        name: "FK_ProductPrices_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PipelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AmountBase = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    RateDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Probability = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    ProbabilityOverridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LostReasonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LostNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Forecast = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NewBusiness = table.Column<bool>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StageSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deals_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deals_Employees_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deals_LostReasons_LostReasonId",
                        column: x => x.LostReasonId,
                        principalTable: "LostReasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deals_Pipelines_PipelineId",
                        column: x => x.PipelineId,
                        principalTable: "Pipelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deals_Stages_StageId",
                        column: x => x.StageId,
                        principalTable: "Stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DealContacts",
                columns: table => new
                {
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealContacts", x => new { x.DealId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_DealContacts_BuyingRoles_Role",
                        column: x => x.Role,
                        principalTable: "BuyingRoles",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DealContacts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DealContacts_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorEmployeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FromStageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToStageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmountBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    AmountAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    BaseBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    BaseAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealEvents_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DealLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    NewProduct = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealLines_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealLines_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DealPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AmountBase = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealPayments_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DealSplits",
                columns: table => new
                {
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealSplits", x => new { x.DealId, x.EmployeeId });
                    table.ForeignKey(
                        name: "FK_DealSplits_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealSplits_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "CurrencyRates",
                columns: new[] { "Id", "Currency", "Note", "UnitsPerEuro", "ValidFrom", "Version" },
                values: new object[] { new Guid("0193f1a0-0000-7000-8000-00000000b9e0"), "BGN", "Fixed rate of the lev (currency board, then euro adoption)", 1.95583m, new DateOnly(1999, 1, 1), 0L });

            migrationBuilder.InsertData(
                table: "DealCounters",
                columns: new[] { "Id", "Last" },
                values: new object[] { 1, 0L });

            migrationBuilder.InsertData(
                table: "LostReasons",
                columns: new[] { "Id", "Archived", "NameBg", "NameEn", "Position", "Version" },
                values: new object[,]
                {
                    { new Guid("0193f1a0-0000-7000-8000-000000000101"), false, "Цена", "Price", 0, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000102"), false, "Избраха конкурент", "Went with a competitor", 1, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000103"), false, "Няма бюджет", "No budget", 2, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000104"), false, "Не взеха решение", "No decision", 3, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000105"), false, "Неподходящ момент", "Timing", 4, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000106"), false, "Продуктът не отговаря на нуждите", "Product fit", 5, 0L }
                });

            migrationBuilder.InsertData(
                table: "Pipelines",
                columns: new[] { "Id", "Archived", "IsDefault", "NameBg", "NameEn", "Position", "Version" },
                values: new object[] { new Guid("0193f1a0-0000-7000-8000-000000000001"), false, true, "Продажби", "Sales", 0, 0L });

            migrationBuilder.InsertData(
                table: "Stages",
                columns: new[] { "Id", "Archived", "Kind", "NameBg", "NameEn", "PipelineId", "Position", "Probability", "Version" },
                values: new object[,]
                {
                    { new Guid("0193f1a0-0000-7000-8000-000000000011"), false, "Open", "Квалификация", "Qualification", new Guid("0193f1a0-0000-7000-8000-000000000001"), 0, 10m, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000012"), false, "Open", "Анализ на нуждите", "Needs analysis", new Guid("0193f1a0-0000-7000-8000-000000000001"), 1, 25m, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000013"), false, "Open", "Оферта", "Proposal", new Guid("0193f1a0-0000-7000-8000-000000000001"), 2, 50m, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000014"), false, "Open", "Преговори", "Negotiation", new Guid("0193f1a0-0000-7000-8000-000000000001"), 3, 75m, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000015"), false, "Won", "Спечелена", "Won", new Guid("0193f1a0-0000-7000-8000-000000000001"), 4, 100m, 0L },
                    { new Guid("0193f1a0-0000-7000-8000-000000000016"), false, "Lost", "Загубена", "Lost", new Guid("0193f1a0-0000-7000-8000-000000000001"), 5, 0m, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CurrencyRates_Currency_ValidFrom",
                table: "CurrencyRates",
                columns: new[] { "Currency", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DealContacts_ContactId",
                table: "DealContacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DealContacts_Role",
                table: "DealContacts",
                column: "Role");

            migrationBuilder.CreateIndex(
                name: "IX_DealEvents_At",
                table: "DealEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_DealEvents_DealId_Id",
                table: "DealEvents",
                columns: new[] { "DealId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DealEvents_Kind_EffectiveOn",
                table: "DealEvents",
                columns: new[] { "Kind", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DealLines_DealId_Position",
                table: "DealLines",
                columns: new[] { "DealId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DealLines_ProductId",
                table: "DealLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_DealPayments_DealId_PaidOn",
                table: "DealPayments",
                columns: new[] { "DealId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DealPayments_PaidOn",
                table: "DealPayments",
                column: "PaidOn");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_AccountId_Outcome_CloseOn",
                table: "Deals",
                columns: new[] { "AccountId", "Outcome", "CloseOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ExternalId",
                table: "Deals",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deals_LostReasonId",
                table: "Deals",
                column: "LostReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Number",
                table: "Deals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Outcome_CloseOn_Id",
                table: "Deals",
                columns: new[] { "Outcome", "CloseOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerId_Outcome_CloseOn",
                table: "Deals",
                columns: new[] { "OwnerId", "Outcome", "CloseOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_PipelineId",
                table: "Deals",
                column: "PipelineId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_CloseOn",
                table: "Deals",
                columns: new[] { "StageId", "CloseOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DealSplits_EmployeeId_DealId",
                table: "DealSplits",
                columns: new[] { "EmployeeId", "DealId" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Category",
                table: "Products",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Code",
                table: "Products",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_SearchName_Id",
                table: "Products",
                columns: new[] { "SearchName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Stages_PipelineId_Position",
                table: "Stages",
                columns: new[] { "PipelineId", "Position" });

            // Deal events and payments are append-only: the database refuses to change or delete them, whatever SQL asks.
            foreach (var table in new[] { "DealEvents", "DealPayments" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "DealEvents", "DealPayments" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_update\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_delete\";");
            }

            migrationBuilder.DropTable(
                name: "CurrencyRates");

            migrationBuilder.DropTable(
                name: "DealContacts");

            migrationBuilder.DropTable(
                name: "DealCounters");

            migrationBuilder.DropTable(
                name: "DealEvents");

            migrationBuilder.DropTable(
                name: "DealLines");

            migrationBuilder.DropTable(
                name: "DealPayments");

            migrationBuilder.DropTable(
                name: "DealSplits");

            migrationBuilder.DropTable(
                name: "ProductPrices");

            migrationBuilder.DropTable(
                name: "Deals");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "LostReasons");

            migrationBuilder.DropTable(
                name: "Stages");

            migrationBuilder.DropTable(
                name: "Pipelines");
        }
    }
}
