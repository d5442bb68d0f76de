using System.Globalization;
using Rapport.Shared;
using Rapport.Staffing.Engine;
using static Rapport.Tests.Staffing.StaffingBuilders;

namespace Rapport.Tests.Staffing;

/// <summary>The profile document: what it reads, what it refuses and the words it refuses it with, every problem at once.</summary>
public sealed class ProfileDocumentTests
{
    private const string Profile = """
        {
          "name": "Account manager — Sofia",
          "criteria": [
            { "competency": "communication", "weight": 40 },
            { "competency": "persuasion-negotiation", "weight": 60, "target": 4 },
            { "competency": "client-base", "weight": 10, "niceToHave": true, "target": 2 }
          ],
          "gates": [ { "competency": "communication", "minimumRating": 3, "minimumEvidence": "assessed" } ]
        }
        """;

    private static IReadOnlyList<Error> Refusals(string json, string culture = "en")
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var read = ProfileDocument.Parse(json, Codes);
            Assert.False(read.IsSuccess);
            return read.Errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static (string? Field, string Message) Refusal(string json, string culture = "en")
    {
        var error = Assert.Single(Refusals(json, culture));
        Assert.Equal(ErrorKind.Validation, error.Kind);
        return (error.Field, error.Message);
    }

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, Profile, StringComparison.Ordinal);
        return Profile.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_document_reads_with_its_defaults()
    {
        var profile = ProfileDocument.Parse(Profile, Codes).Value;

        Assert.Equal("Account manager — Sofia", profile.Name);
        Assert.Equal(
            [new(Competencies.Communication, 40), new(Competencies.Persuasion, 60, false, 4), new Criterion(Competencies.ClientBase, 10, true, 2)],
            profile.Criteria);
        Assert.Equal(new Gate(Competencies.Communication, 3, EvidenceLevel.Assessed), Assert.Single(profile.Gates));
        var plain = ProfileDocument.Parse("""{ "name": "Plain", "criteria": [ { "competency": "courses", "weight": 1 } ] }""", Codes).Value;
        Assert.Equal((new Criterion(Competencies.Courses, 1, NiceToHave: false, Target: 3), 0), (Assert.Single(plain.Criteria), plain.Gates.Count));
        Assert.Null(ProfileDocument.Parse(Replace("\"minimumEvidence\": \"assessed\"", "\"minimumEvidence\": null"), Codes).Value.Gates[0].MinimumEvidence);
    }

    [Fact]
    public void A_profile_is_written_in_camel_case_with_levels_as_words_and_reads_back_equal()
    {
        var json = ProfileDocument.Write(ProfileTemplates.LargeCompany);

        Assert.StartsWith("""
            {
              "name": "Account manager — large company",
              "criteria": [
                {
                  "competency": "education-business",
                  "weight": 25,
                  "target": 3
                },
            """.ReplaceLineEndings("\n"), json, StringComparison.Ordinal);
        Assert.Contains("\"niceToHave\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"minimumEvidence\": \"documentChecked\"", json, StringComparison.Ordinal);
        Assert.Equal(ProfileTemplates.LargeCompany, ProfileDocument.Parse(json, Codes).Value);
        Assert.Contains("\"name\": \"Мениджър на акаунти\"", ProfileDocument.Write(ProfileTemplates.LargeCompany with { Name = "Мениджър на акаунти" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_passes_its_own_check()
    {
        Assert.All(ProfileTemplates.All, t => Assert.True(ProfileDocument.Validate(t.Profile, Codes).IsSuccess, t.Key));
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_its_path()
    {
        var json = Replace("\"weight\": 60", "\"wieght\": 60");

        var errors = Refusals(json);

        Assert.Equal(["$.criteria[1].wieght", "$.criteria[1].weight"], errors.Select(e => e.Field));
        Assert.Equal(["Unknown field $.criteria[1].wieght: it is not part of the format.", "The field $.criteria[1].weight is required."], errors.Select(e => e.Message));
        Assert.Equal("Непознато поле $.criteria[1].wieght: не е част от формата.", Refusals(json, "bg")[0].Message);
    }

    [Fact]
    public void Every_problem_of_shape_is_reported_not_only_the_first()
    {
        var json = """
            {
              "title": "x",
              "criteria": [
                { "competency": 7, "weight": "high" },
                { "competency": "communication", "weight": 10, "niceToHave": "yes", "target": 2.5 },
                "persuasion"
              ],
              "gates": [ { "competency": "communication", "minimumRating": 3, "minimumEvidence": "interview" } ]
            }
            """;

        var errors = Refusals(json);

        Assert.Equal(
        [
            ("$.title", "Unknown field $.title: it is not part of the format."),
            ("$.name", "The field $.name is required."),
            ("$.criteria[0].competency", "$.criteria[0].competency must be a text."),
            ("$.criteria[0].weight", "$.criteria[0].weight must be a number."),
            ("$.criteria[1].niceToHave", "$.criteria[1].niceToHave must be true or false."),
            ("$.criteria[1].target", "$.criteria[1].target must be a whole number."),
            ("$.criteria[2]", "$.criteria[2] must be an object ({ ... })."),
            ("$.gates[0].minimumEvidence", "$.gates[0].minimumEvidence must be selfDeclared, documentChecked or assessed; it is \"interview\"."),
        ], errors.Select(e => (e.Field!, e.Message)));
        Assert.All(errors, e => Assert.Equal(ErrorKind.Validation, e.Kind));
        Assert.Equal("$.gates[0].minimumEvidence трябва да е selfDeclared, documentChecked или assessed, а е „interview“.", Refusals(json, "bg")[^1].Message);
    }

    [Fact]
    public void Every_problem_of_content_is_reported_not_only_the_first()
    {
        var json = Replace("\"weight\": 40", "\"weight\": -40").Replace("\"target\": 4", "\"target\": 5", StringComparison.Ordinal)
            .Replace("\"competency\": \"client-base\"", "\"competency\": \"charm\"", StringComparison.Ordinal);

        Assert.Equal(["$.criteria[0].weight", "$.criteria[1].target", "$.criteria[2].competency"], Refusals(json).Select(e => e.Field));
    }

    [Fact]
    public void Something_that_is_not_json_is_refused_with_where()
    {
        Assert.Equal(("$", "The document is not valid JSON (line 1, position 3)."), Refusal("{ name: 1 }"));
        Assert.Equal(("$", "Документът не е валиден JSON (ред 1, позиция 3)."), Refusal("{ name: 1 }", "bg"));
        Assert.Equal(("$", "$ must be an object ({ ... })."), Refusal("[]"));
    }

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        Assert.Equal(("$.criteria[0].weight", "The field $.criteria[0].weight is given twice."),
            Refusal(Replace("\"weight\": 40", "\"weight\": 40, \"weight\": 50")));
        Assert.Equal(("$.criteria[0].weight", "Полето $.criteria[0].weight е зададено два пъти."),
            Refusal(Replace("\"weight\": 40", "\"weight\": 40, \"weight\": 50"), "bg"));
    }

    [Fact]
    public void A_profile_without_criteria_is_refused()
    {
        var json = """{ "name": "Empty", "criteria": [] }""";

        Assert.Equal(("$.criteria", "$.criteria: the profile needs at least one criterion."), Refusal(json));
        Assert.Equal(("$.criteria", "$.criteria: профилът трябва да има поне един критерий."), Refusal(json, "bg"));
        Assert.Equal(("$.criteria", "The field $.criteria is required."), Refusal("""{ "name": "Empty" }"""));
    }

    [Fact]
    public void A_negative_weight_is_refused()
    {
        var json = Replace("\"weight\": 10", "\"weight\": -2.5");

        Assert.Equal(("$.criteria[2].weight", "$.criteria[2].weight: a weight cannot be negative; it is -2.5."), Refusal(json));
        Assert.Equal(("$.criteria[2].weight", "$.criteria[2].weight: теглото не може да е отрицателно, а е -2,5."), Refusal(json, "bg"));
    }

    [Fact]
    public void All_weights_zero_among_the_weighted_criteria_is_refused_whatever_the_nice_to_haves_weigh()
    {
        var json = Replace("\"weight\": 40", "\"weight\": 0").Replace("\"weight\": 60", "\"weight\": 0", StringComparison.Ordinal);

        Assert.Equal(("$.criteria", "$.criteria: at least one criterion that is not a nice-to-have needs a weight above 0."), Refusal(json));
        Assert.Equal(("$.criteria", "$.criteria: поне един критерий, който не е предимство, трябва да има тегло над 0."), Refusal(json, "bg"));
    }

    [Fact]
    public void A_code_not_in_the_catalogue_is_refused()
    {
        var json = Replace("\"competency\": \"client-base\"", "\"competency\": \"charm\"");

        Assert.Equal(("$.criteria[2].competency", "$.criteria[2].competency: \"charm\" is not a competency of the catalogue."), Refusal(json));
        Assert.Equal(("$.criteria[2].competency", "$.criteria[2].competency: „charm“ не е компетентност от каталога."), Refusal(json, "bg"));
    }

    [Fact]
    public void The_same_competency_twice_is_refused()
    {
        var json = Replace("\"competency\": \"persuasion-negotiation\"", "\"competency\": \"communication\"");

        Assert.Equal(("$.criteria[1].competency", "$.criteria[1].competency: communication is already scored by $.criteria[0]."), Refusal(json));
        Assert.Equal(("$.criteria[1].competency", "$.criteria[1].competency: communication вече се оценява от $.criteria[0]."), Refusal(json, "bg"));
    }

    [Fact]
    public void A_gate_on_a_competency_the_profile_does_not_score_is_refused()
    {
        var json = Replace("\"competency\": \"communication\", \"minimumRating\"", "\"competency\": \"courses\", \"minimumRating\"");

        Assert.Equal(("$.gates[0].competency", "$.gates[0].competency: the profile does not score courses; a gate needs a criterion on the same competency."), Refusal(json));
        Assert.Equal(("$.gates[0].competency", "$.gates[0].competency: профилът не оценява courses; изискване може да има само за компетентност, по която има критерий."),
            Refusal(json, "bg"));
    }

    [Fact]
    public void Two_gates_on_one_competency_are_refused()
    {
        var json = Replace("\"minimumEvidence\": \"assessed\" }", "\"minimumEvidence\": \"assessed\" }, { \"competency\": \"communication\", \"minimumRating\": 2 }");

        Assert.Equal(("$.gates[1].competency", "$.gates[1].competency: communication already has a gate, $.gates[0]."), Refusal(json));
        Assert.Equal(("$.gates[1].competency", "$.gates[1].competency: за communication вече има изискване – $.gates[0]."), Refusal(json, "bg"));
    }

    [Theory]
    [InlineData("\"target\": 4", "\"target\": 5", "$.criteria[1].target", "5")]
    [InlineData("\"target\": 2", "\"target\": -1", "$.criteria[2].target", "-1")]
    [InlineData("\"minimumRating\": 3", "\"minimumRating\": 7", "$.gates[0].minimumRating", "7")]
    public void A_target_or_minimum_outside_0_to_4_is_refused(string from, string to, string field, string value)
    {
        var json = Replace(from, to);

        Assert.Equal((field, $"{field} must be from 0 to 4; it is {value}."), Refusal(json));
        Assert.Equal((field, $"{field} трябва да е от 0 до 4, а е {value}."), Refusal(json, "bg"));
    }

    [Fact]
    public void An_empty_name_is_refused()
    {
        var json = Replace("\"Account manager — Sofia\"", "\"  \"");

        Assert.Equal(("$.name", "$.name: the profile needs a name."), Refusal(json));
        Assert.Equal(("$.name", "$.name: профилът трябва да има име."), Refusal(json, "bg"));
    }

    [Fact]
    public void A_profile_made_in_code_is_checked_by_the_same_rules()
    {
        var profile = AProfile(new Criterion(Competencies.Communication, 1)).With(new Gate(Competencies.Communication, 2, (EvidenceLevel)9));

        var result = ProfileDocument.Validate(profile, Codes);

        Assert.Equal("$.gates[0].minimumEvidence", Assert.Single(result.Errors).Field);
    }
}
