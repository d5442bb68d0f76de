using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Staffing.Engine;
using static Rapport.Tests.Staffing.StaffingBuilders;

namespace Rapport.Tests.Staffing;

/// <summary>docs/staffing-profiles.md never lies: every profile in it parses, the templates are the code's, and its numbers and lines are what the engine gives.</summary>
public sealed partial class StaffingProfilesDocTests
{
    private static readonly string Doc = File.ReadAllText(FindDoc());

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "staffing-profiles.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/staffing-profiles.md is not above the test's directory.");
    }

    private static List<string> Blocks(string language) => [.. Fenced().Matches(Doc).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["body"].Value)];

    [Fact]
    public void Every_profile_in_the_document_parses_and_the_templates_are_the_code_s()
    {
        var profiles = Blocks("json").Select(json =>
        {
            var read = ProfileDocument.Parse(json, Codes);
            Assert.True(read.IsSuccess, string.Join("; ", read.Errors.Select(e => $"{e.Field}: {e.Message}")) + "\n" + json);
            return read.Value;
        }).ToList();

        Assert.Equal(4, profiles.Count);
        Assert.Equal([ProfileTemplates.LargeCompany, ProfileTemplates.SmallBusiness, ProfileTemplates.IndustrialSeller], profiles.Skip(1));
    }

    [Fact]
    public void The_worked_example_is_what_the_engine_writes_in_both_languages()
    {
        var english = ScoreOf(ProfileTemplates.LargeCompany, En, Elena);
        var bulgarian = ScoreOf(ProfileTemplates.LargeCompany, Bg, Elena);
        var text = Blocks("text");

        Assert.Equal((53.8m, 0m, 53.8m, 1m), (english.Score, english.Bonus, english.Total, english.Coverage));
        Assert.Equal([.. english.Criteria.Select(c => c.Explanation), english.Gates.Single().Reason], text[0].TrimEnd('\n').Split('\n'));
        Assert.All(text[1].TrimEnd('\n').Split('\n'), line =>
            Assert.Contains(line, bulgarian.Criteria.Select(c => c.Explanation).Append(bulgarian.Gates.Single().Reason)));
    }

    [Fact]
    public void The_two_markets_table_has_the_engine_s_totals()
    {
        foreach (var (name, evidence) in new[] { ("Elena", Elena), ("Georgi", Georgi), ("Nikolay", Nikolay) })
        {
            var large = ScoreOf(ProfileTemplates.LargeCompany, evidence).Total;
            var small = ScoreOf(ProfileTemplates.SmallBusiness, evidence).Total;

            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| {name} | {large:0.0} | {small:0.0} |\n"), Doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_catalogue_table_lists_every_code_with_both_names()
    {
        Assert.All(CompetencyCatalogue.Default, c => Assert.Contains($"| `{c.Code}` | {c.Name.En} | {c.Name.Bg} |", Doc, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^```(?<lang>\w+)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fenced();
}
