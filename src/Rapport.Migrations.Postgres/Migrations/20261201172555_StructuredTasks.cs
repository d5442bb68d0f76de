using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "FollowUps",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AddColumn<Guid>(
                name: "InteractionId",
                table: "FollowUps",
                type: "uuid",
                nullable: true);

            // Tasks from before kinds keep their stored words as free text.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "FollowUps",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<string>(
                name: "RoleCode",
                table: "FollowUps",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TargetAccountId",
                table: "FollowUps",
                type: "uuid",
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "FollowUps",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_AccountId",
                table: "FollowUps",
                column: "AccountId");
        }
    }
}
