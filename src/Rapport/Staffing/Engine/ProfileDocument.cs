using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Rapport.Shared;

namespace Rapport.Staffing.Engine;

/// <summary>
/// A profile as its JSON document (docs/staffing-profiles.md): camelCase fields, evidence levels as camelCase
/// strings, indented, fields in a fixed order. Reading refuses unknown and repeated fields, so a misspelt
/// <c>wieght</c> never passes silently as a default, and reports every problem at once, each naming its field's path.
/// </summary>
public static class ProfileDocument
{
    private static readonly JsonWriterOptions Writing = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Bulgarian names stay readable in the file; characters that matter to HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The profile in <paramref name="json"/>, or every problem with it; <paramref name="competencies"/> are the catalogue's codes.</summary>
    /// <remarks>The document's shape is checked first (every unknown, missing or mistyped field); its content (weights, codes, gates) once the shape is right, since it cannot be judged before.</remarks>
    public static Result<RoleProfile> Parse(string json, IReadOnlySet<string> competencies)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(competencies);
        var culture = CultureInfo.CurrentUICulture;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return Error.Invalid("$", string.Format(culture, StaffingTexts.DocumentNotJson, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }

        RoleProfile? profile;
        var reader = new Reader(culture);
        using (document)
        {
            profile = reader.Profile(document.RootElement);
        }

        if (profile is null)
        {
            return Result<RoleProfile>.Fail([.. reader.Errors]);
        }

        var valid = Validate(profile, competencies);
        return valid.IsSuccess ? profile : Result<RoleProfile>.Fail([.. valid.Errors]);
    }

    /// <summary>The profile as its document; <c>Parse(Write(profile))</c> gives back an equal profile.</summary>
    public static string Write(RoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Writing))
        {
            w.WriteStartObject();
            w.WriteString("name", profile.Name);
            w.WriteStartArray("criteria");
            foreach (var criterion in profile.Criteria)
            {
                w.WriteStartObject();
                w.WriteString("competency", criterion.Competency);
                w.WriteNumber("weight", criterion.Weight);
                if (criterion.NiceToHave)
                {
                    w.WriteBoolean("niceToHave", true);
                }

                w.WriteNumber("target", criterion.Target);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("gates");
            foreach (var gate in profile.Gates)
            {
                w.WriteStartObject();
                w.WriteString("competency", gate.Competency);
                w.WriteNumber("minimumRating", gate.MinimumRating);
                if (gate.MinimumEvidence is { } level)
                {
                    w.WriteString("minimumEvidence", LevelName(level));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Weights negative or all zero, a gate on a criterion the profile lacks, a code not in the catalogue, targets or minimums outside 0–4, duplicates.</summary>
    /// <remarks>Every problem, each naming its field's path (<c>$.criteria[1].weight</c>), in the current UI culture.</remarks>
    public static Result Validate(RoleProfile profile, IReadOnlySet<string> competencies)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(competencies);
        var culture = CultureInfo.CurrentUICulture;
        var errors = new List<Error>();
        void Fail(string field, string format, params object?[] args) =>
            errors.Add(Error.Invalid(field, string.Format(culture, format, [field, .. args])));

        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            Fail("$.name", StaffingTexts.ProfileNameMissing);
        }

        if (profile.Criteria.Count == 0)
        {
            Fail("$.criteria", StaffingTexts.ProfileCriteriaMissing);
        }

        var scored = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Criteria.Count; i++)
        {
            var criterion = profile.Criteria[i];
            var at = $"$.criteria[{i}]";
            if (!competencies.Contains(criterion.Competency))
            {
                Fail($"{at}.competency", StaffingTexts.ProfileCompetencyUnknown, criterion.Competency);
            }
            else if (!scored.TryAdd(criterion.Competency, i))
            {
                Fail($"{at}.competency", StaffingTexts.ProfileCompetencyTwice, criterion.Competency, $"$.criteria[{scored[criterion.Competency]}]");
            }

            if (criterion.Weight < 0)
            {
                Fail($"{at}.weight", StaffingTexts.ProfileWeightNegative, criterion.Weight);
            }

            if (criterion.Target is < 0 or > 4)
            {
                Fail($"{at}.target", StaffingTexts.ProfileRatingOutOfRange, criterion.Target);
            }
        }

        // Nice-to-haves only add bonus points on top of a score, so the score itself needs a weighted criterion to stand on.
        if (profile.Criteria.Count > 0 && !profile.Criteria.Any(c => !c.NiceToHave && c.Weight > 0))
        {
            Fail("$.criteria", StaffingTexts.ProfileWeightsAllZero);
        }

        var gated = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Gates.Count; i++)
        {
            var gate = profile.Gates[i];
            var at = $"$.gates[{i}]";
            if (!profile.Criteria.Any(c => c.Competency == gate.Competency))
            {
                Fail($"{at}.competency", StaffingTexts.ProfileGateWithoutCriterion, gate.Competency);
            }
            else if (!gated.TryAdd(gate.Competency, i))
            {
                Fail($"{at}.competency", StaffingTexts.ProfileGateTwice, gate.Competency, $"$.gates[{gated[gate.Competency]}]");
            }

            if (gate.MinimumRating is < 0 or > 4)
            {
                Fail($"{at}.minimumRating", StaffingTexts.ProfileRatingOutOfRange, gate.MinimumRating);
            }

            if (gate.MinimumEvidence is { } level && !Enum.IsDefined(level))
            {
                Fail($"{at}.minimumEvidence", StaffingTexts.DocumentExpectedLevel, (int)level);
            }
        }

        return errors.Count == 0 ? Result.Ok() : Result.Fail([.. errors]);
    }

    private static string LevelName(EvidenceLevel level) => level switch
    {
        EvidenceLevel.SelfDeclared => "selfDeclared",
        EvidenceLevel.DocumentChecked => "documentChecked",
        EvidenceLevel.Assessed => "assessed",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not an evidence level."),
    };

    /// <summary>
    /// Reads the document by hand rather than through the serializer: the format is small, and this way every
    /// problem is found in one pass and named by its path in the reader's language.
    /// </summary>
    private sealed class Reader(CultureInfo culture)
    {
        private static readonly string[] ProfileFields = ["name", "criteria", "gates"];
        private static readonly string[] CriterionFields = ["competency", "weight", "niceToHave", "target"];
        private static readonly string[] GateFields = ["competency", "minimumRating", "minimumEvidence"];

        public List<Error> Errors { get; } = [];

        /// <summary>The profile, or null when any field was wrong (the problems are in <see cref="Errors"/>).</summary>
        public RoleProfile? Profile(JsonElement root)
        {
            var fields = Fields(root, "$", ProfileFields, ["name", "criteria"]);
            if (fields is null)
            {
                return null;
            }

            var name = fields.TryGetValue("name", out var n) ? Text(n, "$.name") : null;
            var criteria = fields.TryGetValue("criteria", out var c) ? List(c, "$.criteria", Criterion) : null;
            var gates = fields.TryGetValue("gates", out var g) ? List(g, "$.gates", Gate) : [];
            return Errors.Count == 0 ? new RoleProfile { Name = name!, Criteria = criteria!, Gates = gates! } : null;
        }

        private Criterion? Criterion(JsonElement element, string path)
        {
            var fields = Fields(element, path, CriterionFields, ["competency", "weight"]);
            if (fields is null)
            {
                return null;
            }

            var code = fields.TryGetValue("competency", out var c) ? Text(c, $"{path}.competency") : null;
            var weight = fields.TryGetValue("weight", out var w) ? Number(w, $"{path}.weight") : null;
            var nice = fields.TryGetValue("niceToHave", out var n) ? Boolean(n, $"{path}.niceToHave") : false;
            var target = fields.TryGetValue("target", out var t) ? WholeNumber(t, $"{path}.target") : 3;
            return code is null || weight is null || nice is null || target is null ? null : new Criterion(code, weight.Value, nice.Value, target.Value);
        }

        private Gate? Gate(JsonElement element, string path)
        {
            var fields = Fields(element, path, GateFields, ["competency", "minimumRating"]);
            if (fields is null)
            {
                return null;
            }

            var code = fields.TryGetValue("competency", out var c) ? Text(c, $"{path}.competency") : null;
            var minimum = fields.TryGetValue("minimumRating", out var m) ? WholeNumber(m, $"{path}.minimumRating") : null;
            var level = default(EvidenceLevel?);
            var levelRead = true;
            if (fields.TryGetValue("minimumEvidence", out var e) && e.ValueKind != JsonValueKind.Null)
            {
                level = Level(e, $"{path}.minimumEvidence");
                levelRead = level is not null;
            }

            return code is null || minimum is null || !levelRead ? null : new Gate(code, minimum.Value, level);
        }

        private void Fail(string field, string format, params object?[] args) =>
            Errors.Add(Error.Invalid(field, string.Format(culture, format, [field, .. args])));

        /// <summary>The object's fields by name, once unknown and repeated ones are refused and missing ones named.</summary>
        private Dictionary<string, JsonElement>? Fields(JsonElement element, string path, string[] known, string[] required)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Fail(path, StaffingTexts.DocumentExpectedObject);
                return null;
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var field in element.EnumerateObject())
            {
                var at = $"{path}.{field.Name}";
                if (!known.Contains(field.Name, StringComparer.Ordinal))
                {
                    Fail(at, StaffingTexts.DocumentUnknownField);
                }
                else if (!fields.TryAdd(field.Name, field.Value))
                {
                    Fail(at, StaffingTexts.DocumentFieldTwice);
                }
            }

            foreach (var name in required.Where(r => !fields.ContainsKey(r)))
            {
                Fail($"{path}.{name}", StaffingTexts.DocumentFieldMissing);
            }

            return fields;
        }

        private List<T>? List<T>(JsonElement element, string path, Func<JsonElement, string, T?> read)
            where T : class
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                Fail(path, StaffingTexts.DocumentExpectedList);
                return null;
            }

            var items = new List<T>();
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (read(item, $"{path}[{index++}]") is { } value)
                {
                    items.Add(value);
                }
            }

            return items;
        }

        private string? Text(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString();
            }

            Fail(path, StaffingTexts.DocumentExpectedText);
            return null;
        }

        private decimal? Number(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value))
            {
                return value;
            }

            Fail(path, StaffingTexts.DocumentExpectedNumber);
            return null;
        }

        private int? WholeNumber(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
            {
                return value;
            }

            Fail(path, StaffingTexts.DocumentExpectedWholeNumber);
            return null;
        }

        private bool? Boolean(JsonElement element, string path)
        {
            if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return element.GetBoolean();
            }

            Fail(path, StaffingTexts.DocumentExpectedBoolean);
            return null;
        }

        private EvidenceLevel? Level(JsonElement element, string path)
        {
            var text = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            EvidenceLevel? level = text switch
            {
                "selfDeclared" when element.ValueKind == JsonValueKind.String => EvidenceLevel.SelfDeclared,
                "documentChecked" when element.ValueKind == JsonValueKind.String => EvidenceLevel.DocumentChecked,
                "assessed" when element.ValueKind == JsonValueKind.String => EvidenceLevel.Assessed,
                _ => null,
            };
            if (level is null)
            {
                Fail(path, StaffingTexts.DocumentExpectedLevel, text);
            }

            return level;
        }
    }
}
