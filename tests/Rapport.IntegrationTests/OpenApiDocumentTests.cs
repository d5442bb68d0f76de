using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Rapport.IntegrationTests;

/// <summary>
/// The OpenAPI document keeps to the rules Redocly's <c>recommended</c> and Spectral's <c>spectral:oas</c> rulesets
/// apply (docs/architecture.md says how to run them by hand), checked here without either tool or the network: every
/// operation is named, summarised, described, tagged, secured, and answers a 2xx and a 4xx; what it references exists and
/// what is defined is used.
/// </summary>
public abstract partial class OpenApiDocumentTests(RapportApp app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private async Task<JsonElement> DocumentAsync()
    {
        app.EnsureAvailable();
        return JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    [Fact]
    public async Task The_document_says_what_it_is_who_answers_for_it_and_where_it_is_served()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.", Text(document, "openapi"), StringComparison.Ordinal);
        var info = document.GetProperty("info");
        Assert.NotEmpty(Text(info, "title"));
        Assert.NotEmpty(Text(info, "version"));
        Assert.Contains("Bearer rpt_", Text(info, "description"), StringComparison.Ordinal);
        Assert.NotEmpty(Text(info.GetProperty("contact"), "name"));
        var license = info.GetProperty("license");
        Assert.NotEmpty(Text(license, "name"));
        Assert.True(Text(license, "url").Length > 0 || Text(license, "identifier").Length > 0, "info-license-strict: a url or an identifier");

        var servers = document.GetProperty("servers").EnumerateArray().Select(s => Text(s, "url")).ToList();
        Assert.NotEmpty(servers);
        Assert.All(servers, url =>
        {
            Assert.NotEmpty(url);
            Assert.True(url == "/" || !url.EndsWith('/'), $"no-server-trailing-slash: {url}");
            Assert.DoesNotContain("example.com", url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_described_tagged_and_answers_a_success_and_a_client_error()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in Operations(document))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var id = Text(operation, "operationId");
            if (!OperationId().IsMatch(id))
            {
                problems.Add($"{where}: operationId '{id}' is missing or not URL-safe");
            }
            else if (!ids.Add(id))
            {
                problems.Add($"{where}: operationId '{id}' is not unique");
            }

            if (Text(operation, "summary").Trim().Length == 0)
            {
                problems.Add($"{where}: no summary (WithSummary)");
            }

            if (Text(operation, "description").Trim().Length == 0)
            {
                problems.Add($"{where}: no description");
            }

            if (!operation.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
            {
                problems.Add($"{where}: no tag");
            }

            var codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            if (!codes.Any(c => c.StartsWith('2')))
            {
                problems.Add($"{where}: no 2xx response");
            }

            if (!codes.Any(c => c.StartsWith('4')))
            {
                problems.Add($"{where}: no 4xx response");
            }

            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (Text(response.Value, "description").Trim().Length == 0)
                {
                    problems.Add($"{where}: response {response.Name} has no description");
                }

                if (response.Name[0] is '4' or '5' && response.Value.TryGetProperty("content", out var content)
                    && content.EnumerateObject().Any(c => c.Name != "application/problem+json"))
                {
                    problems.Add($"{where}: response {response.Name} is not problem details");
                }
            }
        }

        Assert.True(ids.Count > 30, $"Only {ids.Count} operations.");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_api_operation_asks_for_the_token_and_says_401_and_403_where_a_role_is_needed()
    {
        var document = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var token = schemes.GetProperty("apiToken");
        Assert.Equal(("http", "bearer"), (Text(token, "type"), Text(token, "scheme")));
        Assert.StartsWith("rpt_", Text(token, "bearerFormat"), StringComparison.Ordinal);

        var byName = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);
        var problems = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            if (!operation.TryGetProperty("security", out var security))
            {
                problems.Add($"{where}: no security, not even an explicit empty one");
                continue;
            }

            foreach (var scheme in security.EnumerateArray().SelectMany(r => r.EnumerateObject()))
            {
                if (!schemes.TryGetProperty(scheme.Name, out _))
                {
                    problems.Add($"{where}: security names the undefined scheme {scheme.Name}");
                }
            }

            var responses = operation.GetProperty("responses");
            if (path.StartsWith("/api/v1/", StringComparison.Ordinal))
            {
                if (!security.EnumerateArray().Any(r => r.TryGetProperty("apiToken", out _)))
                {
                    problems.Add($"{where}: does not ask for the API token");
                }

                if (!responses.TryGetProperty("401", out _))
                {
                    problems.Add($"{where}: no 401");
                }
            }

            if (!byName.TryGetValue(Text(operation, "operationId"), out var endpoint))
            {
                problems.Add($"{where}: no endpoint is named {Text(operation, "operationId")}");
                continue;
            }

            var needsRole = endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>().Any();
            if (needsRole && !responses.TryGetProperty("403", out _))
            {
                problems.Add($"{where}: needs a role but says no 403");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Paths_are_well_formed_and_declare_each_parameter_once()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.Length > 1 && path.Name.EndsWith('/'))
            {
                problems.Add($"{path.Name}: trailing slash");
            }

            if (path.Name.Contains('?', StringComparison.Ordinal))
            {
                problems.Add($"{path.Name}: a query in the path");
            }

            if (!shapes.Add(PathParameter().Replace(path.Name, "{}")))
            {
                problems.Add($"{path.Name}: identical to another path but for its parameter names");
            }
        }

        foreach (var (path, method, operation) in Operations(document))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            foreach (var duplicate in parameters.GroupBy(x => (Text(x, "name"), Text(x, "in"))).Where(g => g.Count() > 1))
            {
                problems.Add($"{where}: parameter {duplicate.Key} declared twice");
            }

            var inPath = PathParameter().Matches(path).Select(m => m.Groups[1].Value).ToHashSet();
            var declared = parameters.Where(x => Text(x, "in") == "path").ToList();
            foreach (var name in inPath.Where(n => !declared.Any(d => Text(d, "name") == n)))
            {
                problems.Add($"{where}: path parameter {name} not declared");
            }

            foreach (var parameter in declared)
            {
                if (!inPath.Contains(Text(parameter, "name")))
                {
                    problems.Add($"{where}: declares path parameter {Text(parameter, "name")} that the path lacks");
                }

                if (!parameter.TryGetProperty("required", out var required) || !required.GetBoolean())
                {
                    problems.Add($"{where}: path parameter {Text(parameter, "name")} not required");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Tags_are_declared_with_a_description_once_each()
    {
        var document = await DocumentAsync();
        var declared = document.GetProperty("tags").EnumerateArray().ToList();
        var names = declared.Select(t => Text(t, "name")).ToList();

        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
        Assert.All(declared, tag => Assert.True(Text(tag, "description").Trim().Length > 0,
            $"Tag {Text(tag, "name")} has no description: give it one in ApiDocument.Tags."));
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.Empty(used.Except(names));
        Assert.Empty(names.Except(used));
    }

    [Fact]
    public async Task Every_reference_resolves_and_every_component_is_referenced()
    {
        var document = await DocumentAsync();
        var json = document.GetRawText();
        var references = Reference().Matches(json).Select(m => m.Groups[1].Value).ToHashSet();
        var components = document.GetProperty("components");
        var problems = new List<string>();

        foreach (var reference in references)
        {
            var parts = reference.Split('/');
            if (parts.Length != 2 || !components.TryGetProperty(parts[0], out var kind) || !kind.TryGetProperty(parts[1], out _))
            {
                problems.Add($"#/components/{reference} does not resolve");
            }
        }

        var securityUsed = Operations(document)
            .SelectMany(o => o.Operation.TryGetProperty("security", out var s) ? s.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .SelectMany(r => r.EnumerateObject().Select(x => x.Name)).ToHashSet();
        foreach (var kind in components.EnumerateObject())
        {
            foreach (var component in kind.Value.EnumerateObject())
            {
                var used = kind.Name == "securitySchemes" ? securityUsed.Contains(component.Name) : references.Contains($"{kind.Name}/{component.Name}");
                if (!used)
                {
                    problems.Add($"{kind.Name}/{component.Name} is never used");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Enums_hold_values_of_their_type_once_each()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("enum", out var values))
            {
                continue;
            }

            var items = values.EnumerateArray().ToList();
            var texts = items.Select(v => v.GetRawText()).ToList();
            if (texts.Distinct(StringComparer.Ordinal).Count() != texts.Count)
            {
                problems.Add($"{schema.Name}: a value twice");
            }

            var types = schema.Value.TryGetProperty("type", out var type)
                ? (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet() : [type.GetString()!])
                : [];
            if (types.Count > 0 && items.Any(v => !types.Contains(v.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => v.TryGetInt64(out _) && types.Contains("integer") ? "integer" : "number",
                JsonValueKind.Null => "null",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "object",
            })))
            {
                problems.Add($"{schema.Name}: a value not of type {string.Join("|", types)}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Markdown_in_the_document_carries_no_script()
    {
        var json = (await DocumentAsync()).GetRawText();

        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eval(", json, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z0-9_.~-]+$")]
    private static partial Regex OperationId();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"#/components/([^\"]+)\"")]
    private static partial Regex Reference();
}

public sealed class OpenApiDocumentOnSqlite(SqliteApp app) : OpenApiDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiDocumentOnPostgres(PostgresApp app) : OpenApiDocumentTests(app), IClassFixture<PostgresApp>;
