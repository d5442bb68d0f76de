using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rapport.Shared;

namespace Rapport.Pay.Engine;

/// <summary>
/// The activity and the statement as JSON: the inputs a preview or a stored statement is made from, and the statement
/// in a canonical form (fixed field order, invariant numbers without trailing zeros, "\n" line ends), so the same
/// inputs give byte-identical output and a stored statement's hash proves it was not changed.
/// </summary>
public static class PayJson
{
    private static readonly JsonSerializerOptions Json = JsonShape.Options();
    private static readonly JsonSerializerOptions Canonical = JsonShape.Options(canonicalNumbers: true);

    /// <summary>The activity as its document.</summary>
    public static string Write(PeriodActivity activity) => JsonSerializer.Serialize(activity, Json);

    /// <summary>The activity in <paramref name="json"/>, refusing unknown fields, or the first problem with it (naming the field's path).</summary>
    public static Result<PeriodActivity> ReadActivity(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = JsonShape.Read<PeriodActivity>(json, Json);
        if (!read.IsSuccess)
        {
            return read;
        }

        var activity = read.Value;
        var c = CultureInfo.CurrentCulture;
        if (activity.To < activity.From)
        {
            return Error.Invalid("$.to", string.Format(c, PayTexts.ActivityPeriodOutOfOrder, "$.to"));
        }

        if (activity.Currency.Length != 3 || !activity.Currency.All(char.IsAsciiLetterUpper))
        {
            return Error.Invalid("$.currency", string.Format(c, PayTexts.PlanCurrencyInvalid, "$.currency", activity.Currency));
        }

        if (activity.WorkingDays.Count == 0)
        {
            return Error.Invalid("$.workingDays", string.Format(c, PayTexts.ActivityWorkingDaysMissing, "$.workingDays"));
        }

        for (var i = 0; i < activity.WorkingDays.Count; i++)
        {
            if (activity.WorkingDays[i] < activity.From || activity.WorkingDays[i] > activity.To)
            {
                var at = $"$.workingDays[{i}]";
                return Error.Invalid(at, string.Format(c, PayTexts.ActivityWorkingDayOutside, at, activity.WorkingDays[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        if (activity.CarriedBalance > 0)
        {
            return Error.Invalid("$.carriedBalance", string.Format(c, PayTexts.ActivityCarriedPositive, "$.carriedBalance", activity.CarriedBalance));
        }

        return activity;
    }

    /// <summary>The statement in its canonical JSON.</summary>
    public static string Write(PayStatement statement) => JsonSerializer.Serialize(statement, Canonical);

    /// <summary>A statement read back from its canonical JSON (as stored with a period), refusing unknown fields.</summary>
    public static Result<PayStatement> ReadStatement(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonShape.Read<PayStatement>(json, Canonical);
    }

    /// <summary>The lowercase hex SHA-256 of the statement's canonical JSON (UTF-8).</summary>
    public static string Hash(PayStatement statement) => Hash(Write(statement));

    /// <summary>The lowercase hex SHA-256 of a statement's canonical JSON already written (UTF-8), to hash what is stored without writing it twice.</summary>
    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
