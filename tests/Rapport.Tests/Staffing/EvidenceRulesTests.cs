using Rapport.Staffing.Engine;
using static Rapport.Tests.Staffing.StaffingBuilders;

namespace Rapport.Tests.Staffing;

/// <summary>A client base rated from its proof; an employee's evidence from Rapport's own records.</summary>
public sealed class EvidenceRulesTests
{
    private static ClientBaseItem Name(string company) => new(ClientBaseItemKind.NameOnly, company);

    private static ClientBaseItem DecisionMaker(string company, string role = "Owner") => new(ClientBaseItemKind.NamedDecisionMaker, company, role);

    private static ClientBaseItem Deal(string company) => new(ClientBaseItemKind.DocumentedDeal, company, "Contract");

    private static ClientBaseItem Reference(string company) => new(ClientBaseItemKind.ConfirmedByReference, company);

    [Fact]
    public void A_list_of_names_only_counts_for_nothing_not_even_a_zero()
    {
        Assert.Null(EvidenceRules.RateClientBase([Name("Metalex"), Name("Agro Trade"), Name("Bulstrad")], En));
        Assert.Null(EvidenceRules.RateClientBase([], En));
    }

    [Fact]
    public void Named_decision_makers_alone_are_self_declared_and_count_up_to_two()
    {
        var one = EvidenceRules.RateClientBase([DecisionMaker("Metalex")], En)!;
        var five = EvidenceRules.RateClientBase([.. Enumerable.Range(1, 5).Select(i => DecisionMaker($"Company {i}"))], En)!;

        Assert.Equal(new EvidenceItem(Competencies.ClientBase, 1, EvidenceLevel.SelfDeclared, "Client base: 1 named decision-maker"), one);
        Assert.Equal((2m, EvidenceLevel.SelfDeclared), (five.Rating, five.Level));
        Assert.Equal("Client base: 5 named decision-makers", five.Source);
    }

    [Fact]
    public void A_documented_deal_makes_it_document_checked_and_a_confirmed_reference_assessed()
    {
        var documented = EvidenceRules.RateClientBase([DecisionMaker("Metalex"), DecisionMaker("Agro Trade"), Deal("Metalex"), Name("Bulstrad")], En)!;
        var confirmed = EvidenceRules.RateClientBase([DecisionMaker("Metalex"), DecisionMaker("Agro Trade"), Deal("Metalex"), Reference("Agro Trade")], En)!;

        Assert.Equal((3m, EvidenceLevel.DocumentChecked), (documented.Rating, documented.Level));
        Assert.Equal("Client base: 2 named decision-makers, 1 documented deal, 1 name only (not counted)", documented.Source);
        Assert.Equal((4m, EvidenceLevel.Assessed), (confirmed.Rating, confirmed.Level));
        Assert.Equal("Client base: 2 named decision-makers, 1 documented deal, 1 confirmed by reference", confirmed.Source);
        Assert.Equal("Клиентска база: 2 поименно посочени лица, вземащи решения; 1 документирана сделка; 1 потвърдена референция",
            EvidenceRules.RateClientBase([DecisionMaker("Metalex"), DecisionMaker("Agro Trade"), Deal("Metalex"), Reference("Agro Trade")], Bg)!.Source);
    }

    [Fact]
    public void Deals_and_references_together_count_up_to_two_and_the_whole_up_to_four()
    {
        var proofOnly = EvidenceRules.RateClientBase([Deal("A"), Deal("B"), Reference("C")], En)!;
        var everything = EvidenceRules.RateClientBase([DecisionMaker("A"), DecisionMaker("B"), DecisionMaker("C"), Deal("A"), Deal("B"), Reference("C"), Reference("D")], En)!;

        Assert.Equal((2m, EvidenceLevel.Assessed), (proofOnly.Rating, proofOnly.Level));
        Assert.Equal(4m, everything.Rating);
        Assert.Equal("Client base: 3 named decision-makers, 2 documented deals, 2 confirmed by reference", everything.Source);
    }

    [Fact]
    public void The_same_entry_written_twice_counts_once()
    {
        var item = EvidenceRules.RateClientBase([DecisionMaker("Metalex"), DecisionMaker(" metalex ", "OWNER"), DecisionMaker("Metalex", "CFO")], En)!;

        Assert.Equal((2m, "Client base: 2 named decision-makers"), (item.Rating, item.Source));
    }

    [Fact]
    public void An_employee_s_relationships_and_history_become_document_checked_evidence_naming_the_numbers()
    {
        var facts = new EmployeeFacts("Account manager", 40, 30, WarmDecisionMakerRelationships: 6, Relationships: 11, DealsWon: 3, DealsTakenPartIn: 14, SameFieldExperience: true);

        var items = EvidenceRules.FromEmployee(facts, En);

        Assert.Equal(
        [
            new(Competencies.RelationshipBuilding, 3, EvidenceLevel.DocumentChecked, "Rapport: 6 warm relationships with decision-makers of 11"),
            new(Competencies.ClientBase, 4, EvidenceLevel.DocumentChecked, "Rapport: 6 warm relationships with decision-makers of 11, 3 deals won"),
            new(Competencies.SalesExperience, 2, EvidenceLevel.DocumentChecked, "Rapport: 30 months in a client-facing role, 14 deals taken part in"),
            new EvidenceItem(Competencies.SameFieldExperience, 2, EvidenceLevel.DocumentChecked, "Rapport: 30 months in a client-facing role, 14 deals taken part in, in the company's field"),
        ], items);
        Assert.Equal(
        [
            "Rapport: 6 топли отношения с лица, вземащи решения, от общо 11",
            "Rapport: 6 топли отношения с лица, вземащи решения, от общо 11; 3 спечелени сделки",
            "Rapport: 30 месеца работа с клиенти; участие в 14 сделки",
            "Rapport: 30 месеца работа с клиенти; участие в 14 сделки; в областта на компанията",
        ], EvidenceRules.FromEmployee(facts, Bg).Select(i => i.Source));
    }

    [Fact]
    public void What_rapport_does_not_know_gives_no_item_never_a_zero()
    {
        var newcomer = new EmployeeFacts("Assistant", 2, 0, 0, 0, 0, 0, SameFieldExperience: true);

        Assert.Empty(EvidenceRules.FromEmployee(newcomer, En));
        Assert.DoesNotContain(EvidenceRules.FromEmployee(newcomer with { Relationships = 4, MonthsInClientFacingRole = 70, DealsTakenPartIn = 30 }, En),
            i => i.Competency is Competencies.EducationLevel or Competencies.Communication or Competencies.Persuasion);
    }

    [Fact]
    public void Relationships_none_of_them_warm_are_a_real_zero_for_relationship_building()
    {
        var items = EvidenceRules.FromEmployee(new EmployeeFacts("Coordinator", 12, 0, 0, Relationships: 1, 0, 0, false), En);

        Assert.Equal(
        [
            new(Competencies.RelationshipBuilding, 0, EvidenceLevel.DocumentChecked, "Rapport: 0 warm relationships with decision-makers of 1"),
            new EvidenceItem(Competencies.ClientBase, 0, EvidenceLevel.DocumentChecked, "Rapport: 0 warm relationships with decision-makers of 1, 0 deals won"),
        ], items);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 3, 1)]
    [InlineData(2, 3, 1)]
    [InlineData(3, 5, 2)]
    [InlineData(5, 8, 2)]
    [InlineData(6, 9, 3)]
    [InlineData(9, 12, 3)]
    [InlineData(10, 12, 4)]
    [InlineData(25, 40, 4)]
    public void Warm_relationships_with_decision_makers_rate_relationship_building_from_1_3_6_and_10(int warm, int relationships, int rating)
    {
        var items = EvidenceRules.FromEmployee(new EmployeeFacts("Account manager", 24, 0, warm, relationships, 0, 0, false), En);

        Assert.Equal(rating, items.Single(i => i.Competency == Competencies.RelationshipBuilding).Rating);
        Assert.Equal(Math.Min(2, warm), items.Single(i => i.Competency == Competencies.ClientBase).Rating);
    }

    [Theory]
    [InlineData(11, 5, 1)]
    [InlineData(12, 5, 2)]
    [InlineData(36, 5, 3)]
    [InlineData(60, 5, 4)]
    [InlineData(60, 0, 1)]
    [InlineData(0, 2, 1)]
    public void Months_in_a_client_facing_role_rate_sales_experience_at_most_1_without_a_deal(int months, int deals, int rating)
    {
        var item = EvidenceRules.FromEmployee(new EmployeeFacts("Account manager", 80, months, 0, 0, 0, deals, false), En).Single();

        Assert.Equal((Competencies.SalesExperience, (decimal)rating), (item.Competency, item.Rating));
    }

    [Fact]
    public void One_of_each_reads_in_the_singular()
    {
        var items = EvidenceRules.FromEmployee(new EmployeeFacts("Account manager", 5, 1, 1, 1, 1, 1, false), En);

        Assert.Equal(["Rapport: 1 warm relationship with a decision-maker of 1", "Rapport: 1 warm relationship with a decision-maker of 1, 1 deal won",
            "Rapport: 1 month in a client-facing role, 1 deal taken part in"], items.Select(i => i.Source));
        Assert.Equal(["Rapport: 1 топло отношение с лице, вземащо решения, от общо 1", "Rapport: 1 топло отношение с лице, вземащо решения, от общо 1; 1 спечелена сделка",
            "Rapport: 1 месец работа с клиенти; участие в 1 сделка"], EvidenceRules.FromEmployee(new EmployeeFacts("Account manager", 5, 1, 1, 1, 1, 1, false), Bg).Select(i => i.Source));
        Assert.Equal("Клиентска база: 1 поименно посочено лице, вземащо решения; 3 само имена (не се броят)",
            EvidenceRules.RateClientBase([DecisionMaker("A"), Name("B"), Name("C"), Name("D")], Bg)!.Source);
    }
}
