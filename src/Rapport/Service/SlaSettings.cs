using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>The SLA targets for cases of one priority on accounts of one service tier, in working hours.</summary>
public sealed class SlaPolicy : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public ServiceTier Tier { get; set; }

    public CasePriority Priority { get; set; }

    public decimal FirstResponseHours { get; set; }

    public decimal ResolutionHours { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The targets an installation starts with, before an administrator changes them: the standard tier's, halved
    /// (roughly) for a premium client and quartered for a strategic one, never under a quarter of an hour.
    /// </summary>
    public static IReadOnlyDictionary<(ServiceTier Tier, CasePriority Priority), (decimal Response, decimal Resolution)> Defaults { get; } =
        new Dictionary<(ServiceTier, CasePriority), (decimal, decimal)>
        {
            [(ServiceTier.Standard, CasePriority.Urgent)] = (1m, 8m),
            [(ServiceTier.Standard, CasePriority.High)] = (4m, 16m),
            [(ServiceTier.Standard, CasePriority.Normal)] = (8m, 40m),
            [(ServiceTier.Standard, CasePriority.Low)] = (16m, 80m),
            [(ServiceTier.Premium, CasePriority.Urgent)] = (0.5m, 4m),
            [(ServiceTier.Premium, CasePriority.High)] = (2m, 8m),
            [(ServiceTier.Premium, CasePriority.Normal)] = (4m, 24m),
            [(ServiceTier.Premium, CasePriority.Low)] = (8m, 40m),
            [(ServiceTier.Strategic, CasePriority.Urgent)] = (0.25m, 2m),
            [(ServiceTier.Strategic, CasePriority.High)] = (1m, 4m),
            [(ServiceTier.Strategic, CasePriority.Normal)] = (2m, 12m),
            [(ServiceTier.Strategic, CasePriority.Low)] = (4m, 20m),
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
        builder.Property(x => x.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Tier, x.Priority }).IsUnique();
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
