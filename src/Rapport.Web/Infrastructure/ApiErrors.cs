using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rapport.Shared;

namespace Rapport.Web;

/// <summary>
/// Every failure under <c>/api</c> answers with RFC 9457 problem details, whatever the client said it accepts. A
/// request the framework cannot bind (JSON of the wrong type, an unknown enum value, a query value that does not
/// parse) names the field as the client sent it and what the field takes; an unexpected exception is a 500 that tells
/// nothing of the code behind it. Pages keep their HTML error pages.
/// </summary>
internal static partial class ApiErrors
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The API's exception handler: binding failures as 4xx problems, anything else as a bare 500 problem.</summary>
    public static Task HandleAsync(HttpContext context)
    {
        var failure = context.Features.Get<IExceptionHandlerFeature>();
        var result = failure?.Error is BadHttpRequestException bad
            ? BadRequest(context, bad, failure.Endpoint)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "An unexpected error stopped the request.",
                detail: Texts.ApiUnexpectedError);
        return result.ExecuteAsync(context);
    }

    /// <summary>The API's status code pages: an empty 401, 403, 404, 405 or 415 gets its problem body.</summary>
    public static Task StatusAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status401Unauthorized => Texts.ApiTokenRequired,
            StatusCodes.Status403Forbidden => Texts.ApiRoleRequired,
            StatusCodes.Status415UnsupportedMediaType => Texts.ApiJsonRequired,
            _ => null,
        };
        return TypedResults.Problem(statusCode: status, detail: detail).ExecuteAsync(context.HttpContext);
    }

    /// <summary>
    /// Refuses a body in a charset .NET cannot decode before the endpoint reads it: the framework's JSON reader
    /// throws an InvalidOperationException for it, which would otherwise be a 500. It runs before routing has chosen
    /// an endpoint, so it looks at every API request that names a charset: no API operation reads anything but JSON.
    /// </summary>
    public static async Task RefuseUnknownCharsets(HttpContext context, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset is { Length: > 0 } charset
            && !IsKnownEncoding(charset.Value!))
        {
            var named = charset.Value!.Length > 40 ? charset.Value[..40] + "…" : charset.Value;
            await TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: string.Format(CultureInfo.CurrentCulture, Texts.ApiCharsetUnsupported, named)).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// On pages, a request the framework could not bind keeps its status (400, 415) and so its status page, as it had
    /// before binding failures were made to throw for the API's sake.
    /// </summary>
    public static async Task BadRequestsAsStatusCodes(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = bad.StatusCode;
        }
    }

    private static bool IsKnownEncoding(string name)
    {
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            _ = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ProblemHttpResult BadRequest(HttpContext context, BadHttpRequestException bad, Endpoint? endpoint)
    {
        var body = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bad.InnerException is JsonException json)
        {
            return Json(context, json, body);
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Plain(bad.StatusCode, Texts.ApiJsonRequired);
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Plain(bad.StatusCode, null);
        }

        var parameters = ParameterErrors(context, endpoint);
        if (parameters.Count > 0)
        {
            return ApiResults.FieldProblem(parameters);
        }

        // What is left of a 400 with a body to bind is a body that is missing or the JSON literal null.
        return Plain(bad.StatusCode, body is null ? Texts.ApiBadRequest : Texts.ApiBodyRequired);
    }

    private static ProblemHttpResult Plain(int status, string? detail) =>
        TypedResults.Problem(statusCode: status, detail: detail);

    private static ProblemHttpResult Json(HttpContext context, JsonException json, Type? body)
    {
        // The reader's own errors (truncated or malformed JSON) come wrapped; a value of the wrong type does not.
        if (json.InnerException is JsonException || json.Path is null)
        {
            return Plain(StatusCodes.Status400BadRequest, string.Format(CultureInfo.CurrentCulture, Texts.ApiBodyNotJson,
                (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var path = PathSegments(json.Path);
        var field = string.Concat(path.Select((s, i) => s.Index is { } index ? $"[{index}]" : (i == 0 ? "" : ".") + s.Name));
        var type = body is null ? null : TypeAt(options, body, path);
        return ApiResults.FieldProblem([(field, type is null ? Texts.ApiInvalidValue : Expected(type))]);
    }

    /// <summary>The segments of a System.Text.Json path such as <c>$.emails[1]</c> or <c>$['odd name']</c>.</summary>
    private static List<(string? Name, int? Index)> PathSegments(string path) =>
        [.. JsonPathSegment().Matches(path).Select(m => m.Groups["index"].Success
            ? ((string?)null, (int?)int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture))
            : (m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal), null))];

    /// <summary>The .NET type the JSON at this path is read into, following the serializer's own contract.</summary>
    private static Type? TypeAt(JsonSerializerOptions options, Type root, List<(string? Name, int? Index)> path)
    {
        Type? type = root;
        foreach (var (name, index) in path)
        {
            var info = options.GetTypeInfo(type);
            type = index is not null
                ? (info.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null)
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    /// <summary>
    /// Names the query or route value that did not bind, by trying each simple parameter of the handler the way the
    /// framework parses it: a value that does not parse, or a required one that is missing.
    /// </summary>
    private static List<(string Field, string Message)> ParameterErrors(HttpContext context, Endpoint? endpoint)
    {
        var errors = new List<(string, string)>();
        var method = endpoint?.Metadata.GetMetadata<MethodInfo>();
        var routeValues = context.Features.Get<IExceptionHandlerFeature>()?.RouteValues;
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (!IsSimple(type) || parameter.Name is null)
            {
                continue;
            }

            var name = parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? parameter.Name;
            var raw = routeValues?.TryGetValue(name, out var routed) == true
                ? Convert.ToString(routed, CultureInfo.InvariantCulture)
                : context.Request.Query.TryGetValue(name, out var queried) ? queried.ToString() : null;
            var optional = parameter.HasDefaultValue || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                || new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;
            if (string.IsNullOrEmpty(raw))
            {
                if (!optional)
                {
                    errors.Add((name, string.Format(CultureInfo.CurrentCulture, Texts.ApiParameterRequired, Describe(type))));
                }
            }
            else if (!Parses(type, raw))
            {
                errors.Add((name, Expected(type)));
            }
        }

        return errors;
    }

    private static bool IsSimple(Type type) =>
        type.IsEnum || type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly);

    private static bool Parses(Type type, string raw)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        }

        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
    }

    private static string Expected(Type type) => string.Format(CultureInfo.CurrentCulture, Texts.ApiExpected, Describe(type));

    /// <summary>What a value of this type looks like in JSON or in a query string, in the reader's language.</summary>
    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return string.Format(CultureInfo.CurrentCulture, Texts.ApiExpectedOneOf, string.Join(", ", Enum.GetNames(type)));
        }

        return type switch
        {
            _ when type == typeof(string) => Texts.ApiExpectedText,
            _ when type == typeof(Guid) => Texts.ApiExpectedId,
            _ when type == typeof(bool) => Texts.ApiExpectedBoolean,
            _ when type == typeof(DateOnly) => Texts.ApiExpectedDate,
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => Texts.ApiExpectedDateTime,
            _ when type == typeof(TimeOnly) => Texts.ApiExpectedTime,
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => Texts.ApiExpectedNumber,
            _ when type.IsPrimitive => Texts.ApiExpectedWholeNumber,
            _ when typeof(IEnumerable).IsAssignableFrom(type) => Texts.ApiExpectedList,
            _ => Texts.ApiExpectedObject,
        };
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex JsonPathSegment();
}
