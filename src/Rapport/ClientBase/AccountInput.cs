using System.ComponentModel.DataAnnotations;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>The fields a user may set on an account, from a form or the API.</summary>
public sealed class AccountInput
{
    [Display(Name = nameof(Texts.FieldAccountName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    [Display(Name = nameof(Texts.FieldCountry), ResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessageResourceName = nameof(Texts.ValidationCountryCode), ErrorMessageResourceType = typeof(Texts))]
    public string? CountryCode { get; set; } = "BG";

    [Display(Name = nameof(Texts.FieldRegistrationNumber), ResourceType = typeof(Texts))]
    [StringLength(32, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? RegistrationNumber { get; set; }

    [Display(Name = nameof(Texts.FieldDomain), ResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Domain { get; set; }

    [Display(Name = nameof(Texts.FieldIndustry), ResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Industry { get; set; }

    [Display(Name = nameof(Texts.FieldSize), ResourceType = typeof(Texts))]
    public SizeSegment Size { get; set; } = SizeSegment.Small;

    [Display(Name = nameof(Texts.FieldRegion), ResourceType = typeof(Texts))]
    [StringLength(100, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Region { get; set; }

    [Display(Name = nameof(Texts.FieldAccountStatus), ResourceType = typeof(Texts))]
    public AccountStatus Status { get; set; } = AccountStatus.Prospect;

    [Display(Name = nameof(Texts.FieldParentAccount), ResourceType = typeof(Texts))]
    public Guid? ParentId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldOwner), ResourceType = typeof(Texts))]
    public Guid? OwnerId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(Texts.FieldCoordinator), ResourceType = typeof(Texts))]
    public Guid? CoordinatorId { get; set => field = Choice.OrNull(value); }

    public long Version { get; set; }
}

/// <summary>
/// A row of the account list: when it was last in contact, the strength of its strongest relationship now, and until
/// when every required role stays covered (null when it is not covered now).
/// </summary>
public sealed record AccountRow(
    Guid Id, string Name, string? RegistrationNumber, string Industry, SizeSegment Size, string Region,
    AccountStatus Status, Guid OwnerId, string OwnerName, string? CoordinatorName, DateTime? LastContactAt = null,
    int Strongest = 0, DateTime? CoveredUntil = null, int Health = Account.HealthUnknown);

/// <summary>An account as shown on its page and by the API.</summary>
public sealed record AccountDetails(
    Guid Id, string Name, string CountryCode, string? RegistrationNumber, string? Domain, string Industry, SizeSegment Size,
    string Region, AccountStatus Status, Guid? ParentId, string? ParentName, Guid OwnerId, string OwnerName,
    Guid? CoordinatorId, string? CoordinatorName, ServiceTier Tier, long Version, bool CanEdit)
{
    public AccountInput ToInput() => new()
    {
        Name = Name, CountryCode = CountryCode, RegistrationNumber = RegistrationNumber, Domain = Domain,
        Industry = Industry, Size = Size, Region = Region, Status = Status, ParentId = ParentId, OwnerId = OwnerId,
        CoordinatorId = CoordinatorId, Version = Version,
    };
}

/// <summary>Filter and order of the account list; every field comes from the query string.</summary>
public sealed record AccountFilter(
    string? Search = null, Guid? OwnerId = null, Guid? TeamId = null, SizeSegment? Segment = null, string? Industry = null,
    string? Region = null, AccountStatus? Status = null, bool Descending = false, string? After = null, int? PageSize = null,
    CoverageFilter? Coverage = null, AccountSort Sort = AccountSort.Name, string? Before = null, int? HealthMin = null, int? HealthMax = null)
{
    /// <summary>How close the end of coverage must be for an account to count as going cold.</summary>
    public const int GoingColdDays = 30;
}

/// <summary>The orders of the account list.</summary>
public enum AccountSort
{
    Name,

    /// <summary>By the owner's name, then the account's.</summary>
    Owner,

    /// <summary>By the last interaction; never contacted first.</summary>
    LastContact,

    /// <summary>By the strength of the strongest relationship, now.</summary>
    Strength,

    /// <summary>By how long every required role stays covered; not covered first.</summary>
    Coverage,

    /// <summary>By stored account health; the least healthy first.</summary>
    Health,
}

/// <summary>Accounts by decision-role coverage, as of now.</summary>
public enum CoverageFilter
{
    /// <summary>Every required role is held by a warm relationship.</summary>
    Covered,

    /// <summary>At least one required role is not.</summary>
    NotCovered,

    /// <summary>The warm relationships hang on one contact or on one of our people.</summary>
    SingleThreaded,

    /// <summary>
    /// Every required role is covered today, but the first of them lapses within <see cref="AccountFilter.GoingColdDays"/>
    /// days unless someone gets in touch.
    /// </summary>
    GoingCold,
}

/// <summary>One person of a head's team: their active accounts, and how many are going cold, not covered, single-threaded.</summary>
public sealed record TeamMemberCoverage(Guid EmployeeId, string Name, int Accounts, int GoingCold, int NotCovered, int SingleThreaded);
