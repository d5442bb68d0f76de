using System.Globalization;
using Rapport.ClientBase;

namespace Rapport.Tests;

public sealed class TaskTests
{
    // Monday 30 November to Sunday 6 December 2026.
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateOnly Sunday = new(2026, 12, 6);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(6)]
    public void This_week_ends_on_sunday_and_next_week_starts_on_monday(int day)
    {
        var today = Monday.AddDays(day);
        Assert.Equal(Sunday, TaskDates.EndOfWeek(today));
        Assert.Equal(Sunday.AddDays(1), TaskDates.NextWeek(today));
        Assert.Equal(DayOfWeek.Monday, TaskDates.Snooze(SnoozePreset.NextWeek, today).DayOfWeek);
        Assert.Equal(today.AddDays(1), TaskDates.Snooze(SnoozePreset.Tomorrow, today));
    }

    [Fact]
    public void A_due_date_falls_in_overdue_today_this_week_or_later()
    {
        var wednesday = Monday.AddDays(2);
        Assert.Equal(TaskDue.Overdue, TaskDates.Bucket(Monday, wednesday));
        Assert.Equal(TaskDue.Today, TaskDates.Bucket(wednesday, wednesday));
        Assert.Equal(TaskDue.Week, TaskDates.Bucket(Sunday, wednesday));
        Assert.Equal(TaskDue.Later, TaskDates.Bucket(Sunday.AddDays(1), wednesday));
        Assert.Equal(TaskDue.Later, TaskDates.Bucket(Sunday.AddDays(1), Sunday));
    }

    [Fact]
    public void A_moved_contacts_task_is_worded_in_the_readers_language_and_a_next_step_keeps_its_own_words()
    {
        var roles = new RoleSet(BuyingRoles.Defaults());
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("bg-BG");
            Assert.Equal("Покрийте отново ролята „Подписващо лице“: Веселин Ганев премина в Нова ООД",
                FollowUpTitles.Render(FollowUpKind.RecoverRole, "", "Веселин Ганев", BuyingRoles.Signatory, "Нова ООД", roles));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Re-cover the Signatory role: Веселин Ганев moved to Нова ООД",
                FollowUpTitles.Render(FollowUpKind.RecoverRole, "", "Веселин Ганев", BuyingRoles.Signatory, "Нова ООД", roles));
            Assert.Equal("Изпрати оферта", FollowUpTitles.Render(FollowUpKind.NextStep, "Изпрати оферта", null, null, null, roles));
            Assert.Equal("Stored words", FollowUpTitles.Render(FollowUpKind.Text, "Stored words", null, null, null, roles));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
