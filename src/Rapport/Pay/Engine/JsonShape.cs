using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Rapport.Shared;

namespace Rapport.Pay.Engine;

/// <summary>
/// The JSON conventions of the pay documents (camelCase, enums as camelCase strings, indented, nulls left out) and a
/// reader that refuses what the format does not know. Unknown and missing fields are found by walking the document
/// against the serializer's own contract, so the message names the field's path in the reader's language instead of
/// passing on the serializer's English.
/// </summary>
internal static class JsonShape
{
    public static JsonSerializerOptions Options(bool canonicalNumbers = false)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            // Which fields are required is the walk's to say (below), so a missing nullable field can simply mean null.
            RespectRequiredConstructorParameters = false,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutEmptyLists } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        if (canonicalNumbers)
        {
            options.Converters.Add(new CanonicalDecimal());
        }

        options.MakeReadOnly();
        return options;
    }

    /// <summary>An empty list is the default of an optional list (a plan's rules): writing it would only add noise. Lists a record's constructor takes are always written.</summary>
    private static void LeaveOutEmptyLists(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.AssociatedParameter is null && property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }

    public static Result<T> Read<T>(string json, JsonSerializerOptions options)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return Error.Invalid("$", string.Format(CultureInfo.CurrentCulture, PayTexts.JsonNotJson, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }

        using (document)
        {
            if (Check(document.RootElement, options.GetTypeInfo(typeof(T)), "$", options) is { } error)
            {
                return error;
            }

            try
            {
                return document.Deserialize<T>(options) is { } value ? value : Wrong("$");
            }
            catch (JsonException e)
            {
                return Wrong(string.IsNullOrEmpty(e.Path) ? "$" : e.Path);
            }
        }
    }

    private static Error Wrong(string path) => Error.Invalid(path, string.Format(CultureInfo.CurrentCulture, PayTexts.JsonWrongValue, path));

    /// <summary>The first field the contract does not know or misses, depth first in document order.</summary>
    private static Error? Check(JsonElement element, JsonTypeInfo info, string path, JsonSerializerOptions options)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var field in element.EnumerateObject())
                {
                    var property = info.Properties.FirstOrDefault(p => p.Name == field.Name);
                    var at = $"{path}.{field.Name}";
                    if (property is null)
                    {
                        return Error.Invalid(at, string.Format(CultureInfo.CurrentCulture, PayTexts.JsonUnknownField, at));
                    }

                    seen.Add(field.Name);
                    if (Check(field.Value, options.GetTypeInfo(property.PropertyType), at, options) is { } inner)
                    {
                        return inner;
                    }
                }

                foreach (var property in info.Properties)
                {
                    var required = property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false };
                    if (required && !seen.Contains(property.Name))
                    {
                        var at = $"{path}.{property.Name}";
                        return Error.Invalid(at, string.Format(CultureInfo.CurrentCulture, PayTexts.JsonFieldMissing, at));
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && info.ElementType is { } elementType:
                var index = 0;
                var elementInfo = options.GetTypeInfo(elementType);
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, elementInfo, $"{path}[{index++}]", options) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && info.ElementType is { } valueType:
                var valueInfo = options.GetTypeInfo(valueType);
                foreach (var field in element.EnumerateObject())
                {
                    if (Check(field.Value, valueInfo, $"{path}.{field.Name}", options) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A decimal written without trailing zeros (625.00 as 625, 0.50 as 0.5): the same amount always reads the same.</summary>
    private sealed class CanonicalDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        // Dividing by 1 with 28 zeros keeps the value and drops the scale the arithmetic left on it.
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
