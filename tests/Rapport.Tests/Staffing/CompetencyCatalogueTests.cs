using Rapport.Staffing.Engine;
using static Rapport.Tests.Staffing.StaffingBuilders;

namespace Rapport.Tests.Staffing;

/// <summary>The catalogue is complete in both languages and the templates stand on it.</summary>
public sealed class CompetencyCatalogueTests
{
    private static readonly string[] AllCodes =
    [
        Competencies.EducationLevel, Competencies.BusinessEducation, Competencies.EngineeringEducation, Competencies.Courses, Competencies.AdvancedManagement,
        Competencies.Communication, Competencies.Persuasion, Competencies.MotivationToEarn, Competencies.RelationshipBuilding,
        Competencies.DomainKnowledge, Competencies.SalesExperience, Competencies.SameFieldExperience, Competencies.ClientBase,
    ];

    [Fact]
    public void Every_code_has_one_definition_in_display_order()
    {
        Assert.Equal(AllCodes, CompetencyCatalogue.Default.Select(c => c.Code));
    }

    [Fact]
    public void Every_competency_has_five_anchors_and_one_to_three_actions_in_both_languages()
    {
        Assert.All(CompetencyCatalogue.Default, c =>
        {
            Assert.Equal(5, c.Anchors.Count);
            Assert.InRange(c.DevelopmentActions.Count, 1, 3);
            Assert.All(c.Anchors.Append(c.Name).Concat(c.DevelopmentActions), t =>
            {
                Assert.False(string.IsNullOrWhiteSpace(t.En), c.Code);
                Assert.False(string.IsNullOrWhiteSpace(t.Bg), c.Code);
                Assert.Matches("[а-яА-Я]", t.Bg);
                Assert.NotEqual(t.En, t.Bg);
            });
            Assert.Equal(5, c.Anchors.Select(a => a.En).Distinct().Count());
            Assert.True(c.EscoUri is null || c.EscoUri.StartsWith("http://data.europa.eu/esco/skill/", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Education_level_anchors_name_the_isced_levels()
    {
        var anchors = CompetencyCatalogue.Default.Single(c => c.Code == Competencies.EducationLevel).Anchors;

        Assert.Equal(["(ISCED 0–2)", "(ISCED 3–4)", "(ISCED 5–6)", "(ISCED 7)", "(ISCED 8)"],
            anchors.Select(a => a.En[a.En.IndexOf('(', StringComparison.Ordinal)..].TrimEnd('.')));
        Assert.All(anchors, a => Assert.Contains("ISCED", a.Bg, StringComparison.Ordinal));
    }

    [Fact]
    public void Names_and_anchors_read_in_the_culture_asked_for()
    {
        var persuasion = CompetencyCatalogue.Default.Single(c => c.Code == Competencies.Persuasion);

        Assert.Equal(("Persuasion and negotiation", "Убеждаване и преговори"), (persuasion.Name.In(En), persuasion.Name.In(Bg)));
        Assert.Equal("Has not persuaded anyone of anything we could check.", persuasion.Anchors[0].In(En));
        Assert.Equal("Не е убедил никого в нещо, което можем да проверим.", persuasion.Anchors[0].In(Bg));
    }

    [Fact]
    public void The_three_templates_have_weights_a_gate_a_nice_to_have_and_targets()
    {
        Assert.Equal(["large-company", "small-business", "industrial-seller"], ProfileTemplates.All.Select(t => t.Key));
        Assert.Equal([ProfileTemplates.LargeCompany, ProfileTemplates.SmallBusiness, ProfileTemplates.IndustrialSeller], ProfileTemplates.All.Select(t => t.Profile));
        Assert.All(ProfileTemplates.All, t =>
        {
            Assert.NotEmpty(t.Profile.Gates);
            Assert.Contains(t.Profile.Criteria, c => c.NiceToHave);
            Assert.Equal(100m, t.Profile.Criteria.Where(c => !c.NiceToHave).Sum(c => c.Weight));
            Assert.Equal(t.Name.En, t.Profile.Name);
            Assert.Matches("[а-яА-Я]", t.Name.Bg);
        });
    }

    [Fact]
    public void Each_template_weighs_most_what_its_market_asks_for()
    {
        static string Heaviest(RoleProfile p) => p.Criteria.Where(c => !c.NiceToHave).MaxBy(c => c.Weight)!.Competency;

        Assert.Equal(Competencies.BusinessEducation, Heaviest(ProfileTemplates.LargeCompany));
        Assert.Equal(Competencies.BusinessEducation, Assert.Single(ProfileTemplates.LargeCompany.Gates).Competency);
        Assert.Contains(Heaviest(ProfileTemplates.SmallBusiness), new[] { Competencies.Communication, Competencies.Persuasion });
        Assert.Equal(Competencies.EngineeringEducation, Heaviest(ProfileTemplates.IndustrialSeller));
        Assert.Contains(ProfileTemplates.IndustrialSeller.Criteria, c => c is { Competency: Competencies.SameFieldExperience, NiceToHave: false });
    }
}
