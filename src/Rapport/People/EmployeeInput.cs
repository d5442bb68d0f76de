using System.ComponentModel.DataAnnotations;
using Rapport.Shared;

namespace Rapport.People;

/// <summary>The fields a user may set on an employee, from a form or the API. Nothing else is bound.</summary>
public sealed class EmployeeInput
{
    [Display(Name = nameof(Texts.FieldFullName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? FullName { get; set; }

    [Display(Name = nameof(Texts.FieldEmail), ResourceType = typeof(Texts))]
    [EmailAddress(ErrorMessageResourceName = nameof(Texts.ValidationEmail), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(256, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Email { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    [Display(Name = nameof(Texts.FieldPosition), ResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Position { get; set; }

    [Display(Name = nameof(Texts.FieldDepartment), ResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Department { get; set; }

    [Display(Name = nameof(Texts.FieldTeam), ResourceType = typeof(Texts))]
    public Guid? TeamId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldManager), ResourceType = typeof(Texts))]
    public Guid? ManagerId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldEmploymentStart), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? EmploymentStart { get; set; }

    [Display(Name = nameof(Texts.FieldEmploymentEnd), ResourceType = typeof(Texts))]
    public DateOnly? EmploymentEnd { get; set; }

    [Display(Name = nameof(Texts.FieldStatus), ResourceType = typeof(Texts))]
    public EmployeeStatus Status { get; set; }

    [Display(Name = nameof(Texts.FieldCapacity), ResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0", "1", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationCapacity), ErrorMessageResourceType = typeof(Texts))]
    public decimal Capacity { get; set; } = 1m;

    /// <summary>The version the editor saw; a stale version is refused as a conflict.</summary>
    public long Version { get; set; }
}

/// <summary>A row of the employee list.</summary>
public sealed record EmployeeRow(
    Guid Id, string FullName, string Position, string Department, string? TeamName, string? ManagerName,
    DateOnly EmploymentStart, EmployeeStatus Status, decimal Capacity);

/// <summary>One employee as shown on their page and by the API.</summary>
public sealed record EmployeeDetails(
    Guid Id, string FullName, string? Email, string Position, string Department, Guid? TeamId, string? TeamName,
    Guid? ManagerId, string? ManagerName, DateOnly EmploymentStart, DateOnly? EmploymentEnd, EmployeeStatus Status,
    decimal Capacity, long Version)
{
    public EmployeeInput ToInput() => new()
    {
        FullName = FullName,
        Email = Email,
        Position = Position,
        Department = Department,
        TeamId = TeamId,
        ManagerId = ManagerId,
        EmploymentStart = EmploymentStart,
        EmploymentEnd = EmploymentEnd,
        Status = Status,
        Capacity = Capacity,
        Version = Version,
    };
}

/// <summary>Filter and order of the employee list; every field comes from the query string.</summary>
public sealed record EmployeeFilter(
    string? Search = null, EmployeeStatus? Status = null, Guid? TeamId = null, EmployeeSort Sort = EmployeeSort.Name,
    bool Descending = false, string? After = null, int? Size = null);

public enum EmployeeSort
{
    Name,
    Start,
}
