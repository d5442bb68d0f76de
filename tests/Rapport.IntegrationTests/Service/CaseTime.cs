using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Rapport.Data;
using Rapport.Service;

namespace Rapport.IntegrationTests.Service;

/// <summary>Puts a case back in time, for tests of SLA states that only working hours passing would otherwise reach.</summary>
public static class CaseTime
{
    /// <summary>Moves a case's opening back by so much working time, as if it had been opened then, and re-times it.</summary>
    public static Task<int> BackdateCaseAsync(this RapportApp app, Guid caseId, Duration workingTime) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<RapportDb>();
        var rules = await sp.GetRequiredService<SlaSettingsHandlers>().RulesAsync();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        c.CreatedAt = rules.Calendar.Before(SystemClock.Instance.GetCurrentInstant(), workingTime)!.Value.ToDateTimeUtc();
        CaseClock.Refresh(c, rules.Calendar, rules.For(c));
        return await db.SaveChangesAsync();
    });
}
