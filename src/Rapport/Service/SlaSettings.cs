using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>The SLA targets for cases of one priority, in working hours.</summary>
public sealed class SlaPolicy : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public CasePriority Priority { get; set; }

    public decimal FirstResponseHours { get; set; }

    public decimal ResolutionHours { get; set; }

    public long Version { get; set; }

    /// <summary>The targets an installation starts with, before an administrator changes them.</summary>
    public static IReadOnlyDictionary<CasePriority, (decimal Response, decimal Resolution)> Defaults { get; } =
        new Dictionary<CasePriority, (decimal, decimal)>
        {
            [CasePriority.Urgent] = (1m, 8m),
            [CasePriority.High] = (4m, 16m),
            [CasePriority.Normal] = (8m, 40m),
            [CasePriority.Low] = (16m, 80m),
        };
}

/// <summary>The organisation's working calendar: the time zone, the working days and the hours of a working day. One row.</summary>
public sealed class WorkingCalendar : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>An IANA time zone, e.g. "Europe/Sofia".</summary>
    public string TimeZoneId { get; set; } = "Europe/Sofia";

    /// <summary>The working days, ISO numbered (1 Monday … 7 Sunday), e.g. "1,2,3,4,5".</summary>
    public string WorkingDays { get; set; } = "1,2,3,4,5";

    public TimeOnly DayStart { get; set; } = new(9, 0);

    public TimeOnly DayEnd { get; set; } = new(18, 0);

    public long Version { get; set; }
}

/// <summary>A public holiday, or a run of them, on which nobody works: from one date to another, both included.</summary>
public sealed class PublicHoliday : IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Name { get; set; } = "";
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Priority).IsUnique();
    }
}

internal sealed class WorkingCalendarConfiguration : IEntityTypeConfiguration<WorkingCalendar>
{
    public void Configure(EntityTypeBuilder<WorkingCalendar> builder)
    {
        builder.Property(x => x.TimeZoneId).HasMaxLength(64);
        builder.Property(x => x.WorkingDays).HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.HasIndex(x => x.From);
    }
}
