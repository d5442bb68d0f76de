using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rapport.ClientBase;
using Rapport.Shared;

namespace Rapport.IntegrationTests;

/// <summary>
/// Sends malformed requests to every operation of the OpenAPI document, read as a client reads it: wrong types,
/// nulls, huge strings, unknown enum values, truncated JSON, charsets and media types the API does not take, ids in the
/// route that are not ids or name nothing. None may answer 5xx, and every error must be problem details. The requests
/// are built from the document's schemas, so an endpoint added tomorrow is probed the same way.
/// </summary>
public abstract partial class ApiFuzzTests(RapportApp app)
{
    // Longer than any column (the longest limit is 2,000), in two-byte UTF-8; and more words than a search should take.
    private static readonly string Huge = new('Ж', 5_000);
    private static readonly string ManyWords = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"w{i}"));

    [Fact]
    public Task No_malformed_request_to_any_operation_breaks_the_api_for_an_administrator() => ProbeEveryOperationAsync(Roles.Administrator);

    [Fact]
    public Task No_malformed_request_to_any_operation_breaks_the_api_for_an_account_manager() => ProbeEveryOperationAsync(Roles.AccountManager);

    private async Task ProbeEveryOperationAsync(string role)
    {
        var employee = await app.CreateEmployeeAsync(app.Unique("Проба "));
        var client = await app.ApiClientAsync(employee, role);
        await SeedAsync(client, employee);
        var document = new Document(JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement);
        var known = await KnownIdsAsync(client, document);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var operations = 0;

        foreach (var (path, method, operation) in document.Operations())
        {
            operations++;
            var route = await RouteValuesAsync(client, path);
            var fuzzer = new Fuzzer(document, operation, route, await CurrentAsync(client, document, path, method, route), known);
            var refused = false;
            foreach (var probe in fuzzer.Probes().TakeWhile(_ => !refused))
            {
                using var request = probe.ToRequest(method, path);
                string? wrong;
                try
                {
                    using var response = await client.SendAsync(request);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    wrong = await WhatIsWrongAsync(response);
                    // A role the operation refuses is refused before anything of the request is read: the rest would tell nothing new.
                    refused = response.StatusCode == HttpStatusCode.Forbidden && probe.Label == Fuzzer.Valid;
                }
                catch (Exception e)
                {
                    // The test server hands on whatever no middleware caught: to a real client, that is a 500.
                    wrong = "unhandled " + e.GetType().Name + ": " + e.Message;
                }

                if (wrong is not null)
                {
                    failures.Add($"{method} {Excerpt(request.RequestUri!.ToString())} [{probe.Label}]: {wrong}");
                }
            }
        }

        Assert.True(operations > 30, $"Only {operations} operations in the document.");
        // The probes reach the handlers: some pass binding and validation, some are refused field by field.
        Assert.Contains(statuses.Keys, s => s is >= 200 and < 300);
        Assert.True(statuses.ContainsKey(400), "No probe was refused field by field.");
        Assert.True(failures.Count == 0, $"{failures.Count} malformed requests were mishandled:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Something for every list to hold, so that operations on one record get a real id to chew on.</summary>
    private async Task SeedAsync(HttpClient client, Guid employee)
    {
        var account = await (await client.PostJsonAsync("/api/v1/accounts", new AccountInput { Name = app.Unique("Фъз ") })).Content.ReadAsStringAsync();
        if (JsonNode.Parse(account)?["id"]?.GetValue<Guid>() is { } accountId)
        {
            var contact = await client.PostJsonAsync($"/api/v1/accounts/{accountId}/contacts", new ContactInput { FullName = "Фъз Контакт", Email = $"{app.Unique("f")}@example.bg" });
            var contactId = JsonNode.Parse(await contact.Content.ReadAsStringAsync())?["id"]?.GetValue<Guid>();
            await client.PostJsonAsync("/api/v1/interactions", new InteractionInput
            {
                AccountId = accountId, Subject = "Фъз", NextStep = "Обаждане", NextStepDue = new DateOnly(2026, 1, 1),
                EmployeeIds = [employee], ContactIds = contactId is { } c ? [c] : [],
            });
        }

        await app.CreateTeamAsync(app.Unique("Фъз екип "));
    }

    /// <summary>A real id for each route parameter: the first of the collection the parameter indexes, if it has any.</summary>
    private static async Task<Dictionary<string, string>> RouteValuesAsync(HttpClient client, string path)
    {
        var values = new Dictionary<string, string>();
        foreach (Match parameter in RouteParameter().Matches(path))
        {
            var collection = path[..parameter.Index].TrimEnd('/');
            var id = Guid.NewGuid().ToString();
            if (!collection.Contains('{', StringComparison.Ordinal))
            {
                using var response = await client.GetAsync(collection);
                if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is { } list)
                {
                    var rows = list is JsonArray array ? array : list["items"] as JsonArray;
                    id = rows?.FirstOrDefault()?["id"]?.GetValue<string>() ?? id;
                }
            }

            values[parameter.Groups[1].Value] = id;
        }

        return values;
    }

    /// <summary>
    /// A real id for each kind of record a list operation lists, by the name a body gives a reference to it
    /// (<c>/api/v1/accounts</c> gives <c>accountId</c>), so that a request is refused for its one broken field.
    /// </summary>
    private static async Task<Dictionary<string, string>> KnownIdsAsync(HttpClient client, Document document)
    {
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, _, _) in document.Operations().Where(o => o.Method == "GET" && !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            var segment = path.Split('/')[^1];
            var name = string.Concat(segment.Split('-').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])).TrimEnd('s') + "Id";
            var values = await RouteValuesAsync(client, path + "/{id}");
            known.TryAdd(name, values["id"]);
        }

        return known;
    }

    /// <summary>The record an update replaces, read from the same path, so that a probe differs from a valid edit in one field.</summary>
    private static async Task<JsonObject?> CurrentAsync(HttpClient client, Document document, string path, string method, Dictionary<string, string> route)
    {
        if (method is not ("PUT" or "PATCH") || !document.HasOperation(path, "GET"))
        {
            return null;
        }

        using var response = await client.GetAsync(RouteParameter().Replace(path, m => route[m.Groups[1].Value]));
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject : null;
    }

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Null for a good answer; otherwise what is wrong with it.</summary>
    private static async Task<string?> WhatIsWrongAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var excerpt = $"{status} {response.Content.Headers.ContentType} {Excerpt(body)}";
        if (status >= 500)
        {
            return excerpt;
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "not problem details: " + excerpt;
        }

        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return problem.TryGetProperty("status", out var s) && s.GetInt32() == status && problem.TryGetProperty("title", out _)
                ? null
                : "a problem without its status and title: " + excerpt;
        }
        catch (JsonException)
        {
            return "a problem that is not JSON: " + excerpt;
        }
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>One malformed request: route values, query, body and headers as they will be sent.</summary>
    private sealed record Probe(
        string Label, Dictionary<string, string> Route, Dictionary<string, string> Query, string? Body,
        string ContentType = "application/json", string? Accept = null)
    {
        public HttpRequestMessage ToRequest(string method, string path)
        {
            var url = RouteParameter().Replace(path, m => Uri.EscapeDataString(Route[m.Groups[1].Value]));
            if (Query.Count > 0)
            {
                url += "?" + string.Join("&", Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
            }

            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }

            if (Accept is not null)
            {
                request.Headers.Accept.ParseAdd(Accept);
            }

            return request;
        }
    }

    /// <summary>The probes for one operation: a valid-looking request, then that request broken in one place at a time.</summary>
    private sealed class Fuzzer(
        Document document, JsonElement operation, Dictionary<string, string> route, JsonObject? current, Dictionary<string, string> known)
    {
        public const string Valid = "as valid as the schema makes it";

        private readonly List<(string Name, string In, bool Required, JsonElement Schema)> _parameters =
            [.. (operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(x => (x.GetProperty("name").GetString()!, x.GetProperty("in").GetString()!,
                    x.TryGetProperty("required", out var r) && r.GetBoolean(), x.GetProperty("schema")))];

        private readonly JsonElement? _body = operation.TryGetProperty("requestBody", out var b)
            && b.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;

        public IEnumerable<Probe> Probes()
        {
            var query = _parameters.Where(p => p.In == "query" && p.Required)
                .ToDictionary(p => p.Name, p => Text(document.Sample(p.Schema)));
            var body = _body is { } schema ? Baseline(schema) : null;
            var bodyText = body?.ToJsonString();
            Probe Make(string label, Dictionary<string, string>? r = null, Dictionary<string, string>? q = null, string? b = null,
                string type = "application/json", string? accept = null) =>
                new(label, r ?? route, q ?? query, b ?? bodyText, type, accept);

            yield return Make(Valid);
            yield return Make("asking for HTML", accept: "text/html");

            foreach (var name in route.Keys)
            {
                foreach (var (label, value) in new[]
                {
                    ("not an id", "not-a-guid"), ("the empty id", Guid.Empty.ToString()), ("an id of nothing", Guid.NewGuid().ToString()),
                    ("a huge id", new string('9', 2000)), ("an id with odd characters", "..%2F'\";--"),
                })
                {
                    yield return Make($"route {name}: {label}", r: new(route) { [name] = value });
                }
            }

            foreach (var parameter in _parameters.Where(p => p.In == "query"))
            {
                foreach (var (label, value) in ValuesFor(parameter.Schema, query: true))
                {
                    yield return Make($"query {parameter.Name}: {label}", q: new(query) { [parameter.Name] = Text(value) });
                }

                if (parameter.Required)
                {
                    yield return Make($"query {parameter.Name}: missing", q: query.Where(q => q.Key != parameter.Name).ToDictionary());
                }
            }

            if (body is null)
            {
                yield break;
            }

            yield return new Probe("no body", route, query, null);
            var valid = bodyText!;
            foreach (var (label, raw, type) in new[]
            {
                ("an empty body", "", "application/json"), ("the body null", "null", "application/json"),
                ("the body a list", "[]", "application/json"), ("the body a string", "\"text\"", "application/json"),
                ("truncated JSON", valid[..(valid.Length / 2)], "application/json"), ("not JSON at all", "name=x&<>", "application/json"),
                ("an unknown charset", valid, "application/json; charset=nonsense"), ("a quoted charset", valid, "application/json; charset=\"utf-8\""),
                ("a plain text body", valid, "text/plain"), ("a form body", "name=x", "application/x-www-form-urlencoded"),
                ("a broken content type", valid, "application/json; charset"), ("an unknown member", With(body, "unknownMember", 1), "application/json"),
                ("nested too deep", new string('[', 100) + new string(']', 100), "application/json"),
            })
            {
                yield return Make(label, b: raw, type: type);
            }

            foreach (var (name, propertySchema) in document.Properties(_body!.Value))
            {
                foreach (var (label, value) in ValuesFor(propertySchema, query: false))
                {
                    yield return Make($"body {name}: {label}", b: With(body, name, value));
                }
            }
        }

        private JsonObject Baseline(JsonElement schema)
        {
            var sample = document.Sample(schema) as JsonObject ?? [];
            foreach (var (name, property) in document.Properties(schema))
            {
                if (current?[name] is { } value)
                {
                    sample[name] = value.DeepClone();
                }
                else if (known.TryGetValue(name, out var id))
                {
                    sample[name] = id;
                }
                else if (name.EndsWith("Ids", StringComparison.Ordinal) && known.TryGetValue(name[..^1], out var first))
                {
                    sample[name] = new JsonArray(first);
                }
                else if (Document.IsNullableId(property))
                {
                    // A made-up id names nothing; an optional reference is better left out.
                    sample[name] = null;
                }
            }

            return sample;
        }

        /// <summary>The wrong values for a field of this schema: every other JSON type, and the edges of its own.</summary>
        private IEnumerable<(string Label, JsonNode? Value)> ValuesFor(JsonElement schema, bool query)
        {
            var resolved = document.Resolve(schema);
            var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
            var type = document.TypeOf(schema);
            var plainText = type == "string" && format is null && !resolved.TryGetProperty("enum", out _);
            yield return ("null", query ? "" : null);
            yield return plainText ? ("a number", 12345) : ("an unknown value", "NoSuchValue");
            if (type != "boolean")
            {
                yield return ("true", true);
            }

            if (!query)
            {
                yield return ("an object", new JsonObject { ["x"] = 1 });
                yield return ("a list with a null", new JsonArray((JsonNode?)null));
            }

            switch (type)
            {
                case "string":
                    yield return ("a huge string", Huge);
                    if (query)
                    {
                        yield return ("many words", ManyWords);
                    }

                    if (format == "uuid")
                    {
                        yield return ("an id of nothing", Guid.NewGuid().ToString());
                        yield return ("the empty id", Guid.Empty.ToString());
                    }
                    else if (format is "date" or "date-time")
                    {
                        yield return ("a date that is none", "2026-13-45");
                        yield return ("the first day there is", "0001-01-01");
                    }

                    break;
                case "integer" or "number":
                    yield return ("a negative number", -1);
                    yield return ("just past int", 2147483648L);
                    yield return ("a huge number", JsonNode.Parse("123456789012345678901234567890"));
                    yield return ("a fraction", 0.5);
                    break;
                case "array":
                    yield return ("a list of huge strings", new JsonArray(Huge, Huge));
                    yield return ("a list of ids of nothing", new JsonArray(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()));
                    yield return ("a long list", new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode?)$"{i}@example.bg")]));
                    break;
            }
        }

        private static string With(JsonObject body, string name, JsonNode? value)
        {
            var copy = (JsonObject)body.DeepClone();
            copy[name] = value?.DeepClone();
            return copy.ToJsonString();
        }

        private static string Text(JsonNode? value) => value switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    /// <summary>The OpenAPI document as a client reads it: operations, their parameters and the schemas behind them.</summary>
    private sealed class Document(JsonElement root)
    {
        private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
        private static readonly string[] TypesByPrecedence = ["integer", "number", "boolean", "array", "object", "string"];
        private static readonly string[] TextSamples = ["Fuzz", "BG", "EUR", "1"];

        public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
            from path in root.GetProperty("paths").EnumerateObject()
            from method in path.Value.EnumerateObject()
            where Methods.Contains(method.Name)
            select (path.Name, method.Name.ToUpperInvariant(), method.Value);

        public bool HasOperation(string path, string method) =>
            root.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out _);

        public JsonElement Resolve(JsonElement schema)
        {
            for (var depth = 0; depth < 10; depth++)
            {
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    schema = root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
                }
                else if ((schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices))
                    && choices.EnumerateArray().FirstOrDefault(c => TypeOf(c) != "null") is { ValueKind: JsonValueKind.Object } choice)
                {
                    schema = choice;
                }
                else
                {
                    break;
                }
            }

            return schema;
        }

        /// <summary>The main JSON type of a schema: a number that may also come as a string is a number.</summary>
        public string TypeOf(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _))
            {
                schema = Resolve(schema);
            }

            if (!schema.TryGetProperty("type", out var type))
            {
                return schema.TryGetProperty("enum", out _) ? "string" : schema.TryGetProperty("properties", out _) ? "object" : "any";
            }

            var types = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : new[] { type.GetString()! };
            return TypesByPrecedence.FirstOrDefault(types.Contains) ?? "null";
        }

        public static bool IsNullableId(JsonElement schema) =>
            schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.GetString() == "null")
            && schema.TryGetProperty("format", out var format) && format.GetString() == "uuid";

        public IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema) =>
            Resolve(schema).TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => (p.Name, p.Value))
                : [];

        /// <summary>A value that satisfies the schema as far as its type, format, pattern and length say.</summary>
        public JsonNode? Sample(JsonElement schema, int depth = 0)
        {
            var resolved = Resolve(schema);
            if (resolved.TryGetProperty("enum", out var values) && values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } first)
            {
                return JsonNode.Parse(first.GetRawText());
            }

            switch (TypeOf(resolved))
            {
                case "integer":
                    return 1;
                case "number":
                    return 1;
                case "boolean":
                    return false;
                case "array":
                    return new JsonArray();
                case "object" when depth < 3:
                    var sample = new JsonObject();
                    foreach (var (name, property) in Properties(resolved))
                    {
                        sample[name] = Sample(property, depth + 1);
                    }

                    return sample;
                case "string":
                    var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
                    return format switch
                    {
                        "uuid" => Guid.NewGuid().ToString(),
                        "date" => "2026-01-15",
                        "date-time" => "2026-01-15T10:00:00Z",
                        _ => TextSamples.FirstOrDefault(candidate =>
                            !resolved.TryGetProperty("pattern", out var pattern) || Regex.IsMatch(candidate, pattern.GetString()!)) ?? "Fuzz",
                    };
                default:
                    return null;
            }
        }
    }
}

public sealed class ApiFuzzOnSqlite(SqliteApp app) : ApiFuzzTests(app), IClassFixture<SqliteApp>;

public sealed class ApiFuzzOnPostgres(PostgresApp app) : ApiFuzzTests(app), IClassFixture<PostgresApp>;
