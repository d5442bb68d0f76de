using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StructuredTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_AccountId",
                table: "FollowUps");

            migrationBuilder.AddColumn<Guid>(
                name: "InteractionId",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            // Tasks from before kinds keep their stored words as free text.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<string>(
                name: "RoleCode",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TargetAccountId",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AccountId_DoneAt_DueOn",
                table: "FollowUps",
                columns: new[] { "AccountId", "DoneAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_InteractionId",
                table: "FollowUps",
                column: "InteractionId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TargetAccountId",
                table: "FollowUps",
                column: "TargetAccountId");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_Accounts_TargetAccountId",
                table: "FollowUps",
                column: "TargetAccountId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_Interactions_InteractionId",
                table: "FollowUps",
                column: "InteractionId",
                principalTable: "Interactions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_Accounts_TargetAccountId",
                table: "FollowUps");

            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_Interactions_InteractionId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_AccountId_DoneAt_DueOn",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_InteractionId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_TargetAccountId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "InteractionId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RoleCode",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "TargetAccountId",
                table: "FollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AccountId",
                table: "FollowUps",
                column: "AccountId");
        }
    }
}
