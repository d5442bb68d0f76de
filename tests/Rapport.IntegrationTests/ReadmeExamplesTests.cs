using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// The README's <c>curl</c> examples work as written: the shell leaves every argument as it stands (no unquoted
/// <c>?</c>, <c>&amp;</c> or <c>*</c>), the URL curl sends is plain ASCII as HTTP wants it, and the app answers the
/// request curl would make, with the README's placeholder token replaced by a real one.
/// </summary>
public abstract partial class ReadmeExamplesTests(RapportApp app)
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    [Fact]
    public async Task Every_curl_example_in_the_readme_works_as_written()
    {
        var commands = CurlCommands().ToList();
        Assert.NotEmpty(commands);
        var employee = await app.CreateEmployeeAsync("Иван " + app.Unique("Петров "));
        var client = await app.ApiClientAsync(null, Roles.Administrator);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        foreach (var command in commands)
        {
            var words = ShellWords(command);
            Assert.True(words.All(w => !w.Unquoted.Any(c => "?*[&;|<>()`".Contains(c, StringComparison.Ordinal))),
                $"The shell would read part of this as its own: {command}");
            var (request, wire) = CurlRequest(words.Select(w => w.Text).ToList(), token);
            Assert.True(wire.All(char.IsAscii), $"curl would send a URL that is not ASCII (percent-encode it): {wire}");

            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{command}\nanswered {(int)response.StatusCode}: {body}");
            if (new Uri(wire).AbsolutePath == "/api/v1/employees")
            {
                var names = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid());
                Assert.Contains(employee, names);
            }
        }
    }

    /// <summary>The curl commands of the README's bash blocks, continuation lines joined.</summary>
    private static IEnumerable<string> CurlCommands() =>
        BashBlock().Matches(Readme)
            .SelectMany(block => block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("curl ", StringComparison.Ordinal));

    /// <summary>Words as a POSIX shell splits them, each with the characters it left unquoted.</summary>
    private static List<(string Text, string Unquoted)> ShellWords(string line)
    {
        var words = new List<(string, string)>();
        var text = new StringBuilder();
        var unquoted = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '#' && !inWord)
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add((text.ToString(), unquoted.ToString()));
                    text.Clear();
                    unquoted.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '\'' or '"')
            {
                var end = line.IndexOf(c, i + 1);
                Assert.True(end > i, $"An unclosed quote: {line}");
                text.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                text.Append(line[++i]);
            }
            else
            {
                text.Append(c);
                unquoted.Append(c);
            }
        }

        if (inWord)
        {
            words.Add((text.ToString(), unquoted.ToString()));
        }

        return words;
    }

    /// <summary>The request curl makes of these arguments, for the options the README uses, and its URL as curl sends it.</summary>
    private static (HttpRequestMessage Request, string Url) CurlRequest(List<string> words, string token)
    {
        string? url = null;
        var method = HttpMethod.Get;
        var get = false;
        var headers = new List<(string Name, string Value)>();
        var data = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-H" or "--header":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-G" or "--get":
                    get = true;
                    break;
                case "--data-urlencode":
                    var pair = words[++i];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    data.Add(equals < 0 ? Uri.EscapeDataString(pair) : pair[..equals] + "=" + Uri.EscapeDataString(pair[(equals + 1)..]));
                    break;
                case "-d" or "--data":
                    data.Add(words[++i]);
                    break;
                case "-X" or "--request":
                    method = new HttpMethod(words[++i]);
                    break;
                case var option when option.StartsWith('-'):
                    Assert.Fail($"The README uses the curl option {option}, which this test does not know yet.");
                    break;
                default:
                    url = words[i];
                    break;
            }
        }

        Assert.NotNull(url);
        if (get && data.Count > 0)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", data);
        }

        // The test server stands in for the README's host.
        var request = new HttpRequestMessage(method, new Uri(new Uri(url, UriKind.Absolute).PathAndQuery, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value.Replace("rpt_…", token, StringComparison.Ordinal));
        }

        if (!get && data.Count > 0)
        {
            request.Content = new StringContent(string.Join("&", data), Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return (request, url);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Rapport.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("The repository root (Rapport.slnx) was not found.");
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}

public sealed class ReadmeExamplesOnSqlite(SqliteApp app) : ReadmeExamplesTests(app), IClassFixture<SqliteApp>;

public sealed class ReadmeExamplesOnPostgres(PostgresApp app) : ReadmeExamplesTests(app), IClassFixture<PostgresApp>;
