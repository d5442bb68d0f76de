using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Rapport.IntegrationTests;

/// <summary>
/// Checks of the pages' source that no rendering can show: Razor passes <c>Role="c.Role"</c> to a string parameter
/// as the literal text "c.Role", so a value that should be an expression needs its <c>@</c>.
/// </summary>
public sealed partial class RazorSourceTests
{
    [Fact]
    public void A_string_parameter_is_never_given_a_member_path_as_literal_text()
    {
        var stringParameters = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .ToDictionary(t => t.Name, t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<ParameterAttribute>() is not null)
                .Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceRoot(), "src"), "*.razor", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match tag in ComponentTag().Matches(text))
            {
                if (!stringParameters.TryGetValue(tag.Groups["name"].Value, out var parameters))
                {
                    continue;
                }

                foreach (Match attribute in LiteralMemberPath().Matches(tag.Value))
                {
                    if (parameters.Contains(attribute.Groups["param"].Value))
                    {
                        var line = text[..tag.Index].Count(c => c == '\n') + 1;
                        problems.Add($"{Path.GetFileName(file)}:{line}: {attribute.Value} is passed as text; write \"@{attribute.Groups["path"].Value}\"");
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>The repository root, found from where the tests run.</summary>
    internal static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Rapport.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"<(?<name>[A-Z][A-Za-z0-9]*)\b[^>]*>")]
    private static partial Regex ComponentTag();

    [GeneratedRegex(@"\b(?<param>[A-Z][A-Za-z0-9]*)=""(?<path>[a-z_][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)+)""")]
    private static partial Regex LiteralMemberPath();
}
