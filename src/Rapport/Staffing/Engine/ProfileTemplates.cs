namespace Rapport.Staffing.Engine;

/// <summary>The three ready profiles: a large company, a small or medium business, a specialised industrial seller.</summary>
/// <remarks>
/// They follow what each market asks of an account manager: large firms want a degree in economics, law or
/// management and advanced management courses; small businesses hire on communication, persuasion and the will to
/// earn; specialised sellers (rolled metal) want engineers who know the product. Same-field experience and a client
/// base of real relationships are advantages everywhere, so they are bonuses unless the role lives on them.
/// docs/staffing-profiles.md shows why the same person ranks differently under each.
/// </remarks>
public static class ProfileTemplates
{
    public static RoleProfile LargeCompany { get; } = new()
    {
        Name = "Account manager — large company",
        Criteria =
        [
            new(Competencies.BusinessEducation, 25),
            new(Competencies.AdvancedManagement, 20, Target: 2),
            new(Competencies.EducationLevel, 10),
            new(Competencies.Courses, 5, Target: 2),
            new(Competencies.Communication, 10),
            new(Competencies.Persuasion, 10),
            new(Competencies.RelationshipBuilding, 10),
            new(Competencies.SalesExperience, 10),
            new(Competencies.SameFieldExperience, 5, NiceToHave: true, Target: 2),
            new(Competencies.ClientBase, 10, NiceToHave: true, Target: 2),
        ],
        Gates = [new(Competencies.BusinessEducation, 3, EvidenceLevel.DocumentChecked)],
    };

    public static RoleProfile SmallBusiness { get; } = new()
    {
        Name = "Account manager — small or medium business",
        Criteria =
        [
            new(Competencies.Communication, 25),
            new(Competencies.Persuasion, 25),
            new(Competencies.MotivationToEarn, 20),
            new(Competencies.RelationshipBuilding, 10),
            new(Competencies.SalesExperience, 10, Target: 2),
            new(Competencies.Courses, 5, Target: 1),
            new(Competencies.EducationLevel, 5, Target: 1),
            new(Competencies.SameFieldExperience, 5, NiceToHave: true, Target: 2),
            new(Competencies.ClientBase, 10, NiceToHave: true, Target: 2),
        ],
        Gates = [new(Competencies.Communication, 3, EvidenceLevel.Assessed)],
    };

    public static RoleProfile IndustrialSeller { get; } = new()
    {
        Name = "Account manager — specialised industrial seller",
        Criteria =
        [
            new(Competencies.EngineeringEducation, 25),
            new(Competencies.DomainKnowledge, 25),
            new(Competencies.SameFieldExperience, 20),
            new(Competencies.Communication, 10),
            new(Competencies.Persuasion, 10),
            new(Competencies.RelationshipBuilding, 10),
            new(Competencies.SalesExperience, 5, NiceToHave: true, Target: 2),
            new(Competencies.ClientBase, 10, NiceToHave: true, Target: 2),
        ],
        Gates =
        [
            new(Competencies.EngineeringEducation, 3, EvidenceLevel.DocumentChecked),
            new(Competencies.DomainKnowledge, 2),
        ],
    };

    /// <summary>The three, with a stable key each ("large-company", "small-business", "industrial-seller").</summary>
    public static IReadOnlyList<(string Key, LocalText Name, RoleProfile Profile)> All { get; } =
    [
        ("large-company", new("Account manager — large company", "Мениджър на акаунти – голяма компания"), LargeCompany),
        ("small-business", new("Account manager — small or medium business", "Мениджър на акаунти – малък или среден бизнес"), SmallBusiness),
        ("industrial-seller", new("Account manager — specialised industrial seller", "Мениджър на акаунти – специализиран индустриален търговец"), IndustrialSeller),
    ];
}
