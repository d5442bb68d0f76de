using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <summary>The data step after <see cref="StructuredTasks"/>, apart from it so that SQLite's rebuild of the table is done first.</summary>
    public partial class NextStepsBecomeTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every next step with a due date becomes a task, for whoever logged it (else the account's owner), as new ones
            // do; it takes its interaction's id, and the one contact met when there was exactly one.
            migrationBuilder.Sql(
                """
                INSERT INTO "FollowUps" ("Id", "AssigneeId", "AccountId", "ContactId", "Kind", "Title", "DueOn", "CreatedAt", "DoneAt", "InteractionId")
                SELECT i."Id", COALESCE(i."LoggedById", a."OwnerId"), i."AccountId",
                       (SELECT p."ContactId" FROM "InteractionContact" p WHERE p."InteractionId" = i."Id"
                        AND NOT EXISTS (SELECT 1 FROM "InteractionContact" o WHERE o."InteractionId" = i."Id" AND o."ContactId" <> p."ContactId")),
                       'NextStep', i."NextStep", i."NextStepDue", i."OccurredAt", NULL, i."Id"
                FROM "Interactions" i JOIN "Accounts" a ON a."Id" = i."AccountId"
                WHERE i."NextStep" IS NOT NULL AND i."NextStepDue" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to words only: next steps live on in their interactions; a moved contact's task gets its English sentence.
            migrationBuilder.Sql("""DELETE FROM "FollowUps" WHERE "Kind" = 'NextStep';""");
            migrationBuilder.Sql(
                """
                UPDATE "FollowUps" SET "Title" = substr('Re-cover the role: '
                    || COALESCE((SELECT c."FullName" FROM "Contacts" c WHERE c."Id" = "FollowUps"."ContactId"), '') || ' moved to '
                    || COALESCE((SELECT a."Name" FROM "Accounts" a WHERE a."Id" = "FollowUps"."TargetAccountId"), ''), 1, 300)
                WHERE "Kind" = 'RecoverRole';
                """);
        }
    }
}
