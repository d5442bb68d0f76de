using System.Globalization;
using Rapport.Deals;

namespace Rapport.Tests.Deals;

/// <summary>Deal risk read from relationships with the decision-maker and signatory.</summary>
public sealed class DealRiskTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Required = ["DecisionMaker", "Signatory"];
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Boris = Guid.NewGuid();
    private static readonly Guid Us = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();

    private static readonly RiskContact AnaDecides = new(Ana, "Ана Петрова", "DecisionMaker");
    private static readonly RiskContact BorisSigns = new(Boris, "Борис Иванов", "Signatory");

    private static RiskLink Warm(Guid contact, Guid employee, int days = 60, int lastContactDaysAgo = 5) =>
        new(contact, employee, 70, Now.AddDays(days), Now.AddDays(-lastContactDaysAgo));

    private static DealRiskAssessment Assess(IReadOnlyCollection<RiskContact> committee, IReadOnlyCollection<RiskContact> account, params RiskLink[] links) =>
        DealRisk.Assess(committee, account, links, Required, _ => 30, 40, Now);

    [Fact]
    public void A_deal_whose_decision_maker_and_signatory_are_warm_with_two_of_us_is_not_at_risk()
    {
        Assert.False(Assess([AnaDecides, BorisSigns], [], Warm(Ana, Us), Warm(Boris, Colleague)).AtRisk);
    }

    [Fact]
    public void A_decision_maker_going_cold_puts_the_deal_at_risk_with_the_days_left()
    {
        var risk = Assess([AnaDecides, BorisSigns], [], Warm(Ana, Us, days: 6), Warm(Boris, Colleague));

        var reason = Assert.Single(risk.Reasons);
        Assert.Equal((RiskReasonKind.RoleGoingCold, "DecisionMaker", "Ана Петрова", 6), (reason.Kind, reason.Role, reason.ContactName, reason.DaysLeft));
    }

    [Fact]
    public void Contact_overdue_against_the_role_s_rhythm_is_going_cold_too()
    {
        var risk = Assess([AnaDecides, BorisSigns], [], Warm(Ana, Us, lastContactDaysAgo: 45), Warm(Boris, Colleague));

        Assert.Equal(RiskReasonKind.RoleGoingCold, Assert.Single(risk.Reasons).Kind);
    }

    [Fact]
    public void Without_anyone_named_on_the_committee_the_account_s_contacts_count()
    {
        Assert.False(Assess([], [AnaDecides, BorisSigns], Warm(Ana, Us), Warm(Boris, Colleague)).AtRisk);
        var risk = Assess([], [AnaDecides], Warm(Ana, Us));
        Assert.Contains(risk.Reasons, r => r.Kind == RiskReasonKind.RoleMissing && r.Role == "Signatory");
    }

    [Fact]
    public void A_role_nobody_of_ours_is_warm_with_is_named_with_the_contact()
    {
        var cold = new RiskLink(Boris, Us, 20, Now.AddDays(-10), Now.AddDays(-200));
        var risk = Assess([AnaDecides, BorisSigns], [], Warm(Ana, Us), cold);

        Assert.Contains(risk.Reasons, r => r is { Kind: RiskReasonKind.RoleNotWarm, Role: "Signatory", ContactName: "Борис Иванов" });
    }

    [Fact]
    public void A_deal_that_hangs_on_one_contact_is_single_threaded()
    {
        var both = new RiskContact(Ana, "Ана Петрова", "DecisionMaker");
        var risk = Assess([both, new RiskContact(Ana, "Ана Петрова", "Signatory")], [], Warm(Ana, Us));

        Assert.Equal([RiskReasonKind.SingleThreaded], risk.Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void Reasons_read_in_english_and_in_bulgarian()
    {
        var reason = new RiskReason(RiskReasonKind.RoleGoingCold, "DecisionMaker", "Ана Петрова", 6);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Ана Петрова (Decision-maker) is going cold: warm for 6 more days at most.", DealRisk.Describe(reason, _ => "Decision-maker"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("bg-BG");
            Assert.Equal("Връзката с Ана Петрова (Лице, вземащо решения) изстива: остава топла най-много още 6 дни.",
                DealRisk.Describe(reason, _ => "Лице, вземащо решения"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
