using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Rapport.Staffing;

namespace Rapport.Tests.Staffing;

/// <summary>
/// The staffing forms' own checks, as the pages run them in the reader's culture: a Bulgarian reader's decimal comma
/// must neither break the limits written with a point nor make an empty optional field invalid.
/// </summary>
public sealed class StaffingInputsTests
{
    private static List<string> Errors(object input, string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
            return [.. results.SelectMany(r => r.MemberNames)];
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    /// <summary>A property's range check in a culture, on a fresh attribute.</summary>
    /// <remarks>
    /// The validator keeps each attribute once it has parsed its limits, in whatever culture came first; a fresh one
    /// shows what the first reader of the day gets.
    /// </remarks>
    private static bool InRange(Type type, string property, decimal value, string culture)
    {
        var range = type.GetProperty(property)!.GetCustomAttribute<RangeAttribute>()!;
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return range.IsValid(value);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Theory]
    [InlineData("bg-BG")]
    [InlineData("en-GB")]
    public void A_share_of_time_and_years_are_checked_against_their_limits_in_either_language(string culture)
    {
        Assert.True(InRange(typeof(HireInput), nameof(HireInput.Capacity), 0.2m, culture));
        Assert.False(InRange(typeof(HireInput), nameof(HireInput.Capacity), 0.05m, culture));
        Assert.True(InRange(typeof(VacancyInput), nameof(VacancyInput.Capacity), 0.5m, culture));
        Assert.False(InRange(typeof(VacancyInput), nameof(VacancyInput.Capacity), 1.5m, culture));
        Assert.True(InRange(typeof(ExperienceInput), nameof(ExperienceInput.Years), 2.5m, culture));
        Assert.False(InRange(typeof(ExperienceInput), nameof(ExperienceInput.Years), 0m, culture));
        Assert.Empty(Errors(new HireInput { StartOn = new DateOnly(2026, 3, 2), Capacity = 0.2m }, culture));
    }

    [Fact]
    public void A_candidate_without_an_e_mail_is_not_refused_for_the_empty_box()
    {
        // A form posts an empty box as an empty string.
        var input = new CandidateInput { FullName = "Елена Димитрова", Email = "" };
        Assert.Null(input.Email);
        Assert.Empty(Errors(input, "bg-BG"));
        Assert.Equal([nameof(CandidateInput.Email)], Errors(new CandidateInput { FullName = "Елена Димитрова", Email = "не-е-адрес" }, "bg-BG"));
    }
}
