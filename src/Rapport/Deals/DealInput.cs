using System.ComponentModel.DataAnnotations;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>The fields a user sets on a deal, from a form or the API. The stage moves only by its own commands.</summary>
public sealed class DealInput
{
    [Display(Name = nameof(DealTexts.FieldAccount), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? AccountId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(DealTexts.FieldTitle), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(Deal.TitleLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Title { get; set; }

    /// <summary>The pipeline of a new deal; the default one when left out. Ignored on an edit.</summary>
    public Guid? PipelineId { get; set => field = Choice.OrNull(value); }

    /// <summary>The open stage a new deal starts in; the pipeline's first when left out. Ignored on an edit.</summary>
    [Display(Name = nameof(DealTexts.FieldStage), ResourceType = typeof(DealTexts))]
    public Guid? StageId { get; set => field = Choice.OrNull(value); }

    /// <summary>The amount in <see cref="Currency"/>; taken from the lines when the deal has lines.</summary>
    [Display(Name = nameof(DealTexts.FieldAmount), ResourceType = typeof(DealTexts))]
    [Range(typeof(decimal), "0", "1000000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(DealTexts.ValidationNotNegative), ErrorMessageResourceType = typeof(DealTexts))]
    public decimal? Amount { get; set; }

    [Display(Name = nameof(Texts.FieldCurrency), ResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessageResourceName = nameof(Texts.ValidationCurrencyCode), ErrorMessageResourceType = typeof(Texts))]
    public string? Currency { get; set; } = Settings.Currencies.Euro;

    [Display(Name = nameof(DealTexts.FieldExpectedCloseOn), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? ExpectedCloseOn { get; set; }

    /// <summary>The owner's own probability in percent; left out, the stage's.</summary>
    [Display(Name = nameof(DealTexts.FieldProbability), ResourceType = typeof(DealTexts))]
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationRange), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Probability { get; set; }

    [Display(Name = nameof(DealTexts.FieldForecast), ResourceType = typeof(DealTexts))]
    public ForecastCategory Forecast { get; set; } = ForecastCategory.Pipeline;

    /// <summary>The owner; the creator when left out. Naming someone else is an assignment.</summary>
    [Display(Name = nameof(Texts.FieldOwner), ResourceType = typeof(Texts))]
    public Guid? OwnerId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(DealTexts.FieldExternalId), ResourceType = typeof(DealTexts))]
    [StringLength(Deal.ExternalIdLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? ExternalId { get; set; }

    /// <summary>The product lines; when there are any, the amount is their sum.</summary>
    public List<DealLineInput> Lines { get; set => field = value is null ? [] : [.. value.Where(x => x is not null)]; } = [];

    public long Version { get; set; }
}

/// <summary>A product line as entered: the unit price defaults to the product's list price in the deal's currency.</summary>
public sealed class DealLineInput
{
    [Display(Name = nameof(DealTexts.FieldProduct), ResourceType = typeof(DealTexts))]
    public Guid? ProductId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(DealTexts.FieldQuantity), ResourceType = typeof(DealTexts))]
    [Range(typeof(decimal), "0.0001", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationPositive), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Quantity { get; set; } = 1;

    [Display(Name = nameof(DealTexts.FieldUnitPrice), ResourceType = typeof(DealTexts))]
    [Range(typeof(decimal), "0", "1000000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(DealTexts.ValidationNotNegative), ErrorMessageResourceType = typeof(DealTexts))]
    public decimal? UnitPrice { get; set; }

    [Display(Name = nameof(DealTexts.FieldDiscount), ResourceType = typeof(DealTexts))]
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationRange), ErrorMessageResourceType = typeof(Texts))]
    public decimal? DiscountPercent { get; set; }
}

/// <summary>One share of a split as entered.</summary>
public sealed class SplitInput
{
    public Guid EmployeeId { get; set; }

    public decimal Percent { get; set; }
}

/// <summary>The whole split of a deal, replacing the one it had.</summary>
public sealed class SplitsInput
{
    public List<SplitInput> Splits { get; set => field = value is null ? [] : [.. value.Where(x => x is not null)]; } = [];

    public long Version { get; set; }
}

/// <summary>A contact on the buying committee and the role they play in this deal; their usual role when left out.</summary>
public sealed class DealContactInput
{
    public Guid ContactId { get; set; }

    public string? Role { get; set; }
}

/// <summary>The whole buying committee of a deal, replacing the one it had.</summary>
public sealed class DealContactsInput
{
    public List<DealContactInput> Contacts { get; set => field = value is null ? [] : [.. value.Where(x => x is not null)]; } = [];

    public long Version { get; set; }
}

/// <summary>Moves an open deal to another open stage of its pipeline.</summary>
public sealed class StageMoveInput
{
    [Display(Name = nameof(DealTexts.FieldStage), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public Guid? StageId { get; set => field = Choice.OrNull(value); }

    public long Version { get; set; }
}

/// <summary>Wins an open deal on a close date.</summary>
public sealed class WinInput
{
    [Display(Name = nameof(DealTexts.FieldClosedOn), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(DealTexts.ValidationWinNeedsDate), ErrorMessageResourceType = typeof(DealTexts))]
    public DateOnly? ClosedOn { get; set; }

    public long Version { get; set; }
}

/// <summary>Loses an open deal, for a reason.</summary>
public sealed class LoseInput
{
    [Display(Name = nameof(DealTexts.FieldLostReason), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(DealTexts.ValidationLoseNeedsReason), ErrorMessageResourceType = typeof(DealTexts))]
    public Guid? LostReasonId { get; set => field = Choice.OrNull(value); }

    [Display(Name = nameof(DealTexts.FieldLostNote), ResourceType = typeof(DealTexts))]
    [StringLength(Deal.NoteLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Note { get; set; }

    /// <summary>The day it was lost; today when left out.</summary>
    [Display(Name = nameof(DealTexts.FieldClosedOn), ResourceType = typeof(DealTexts))]
    public DateOnly? ClosedOn { get; set; }

    public long Version { get; set; }
}

/// <summary>Reopens a won or lost deal into an open stage; the last open stage when left out.</summary>
public sealed class ReopenInput
{
    [Display(Name = nameof(DealTexts.FieldStage), ResourceType = typeof(DealTexts))]
    public Guid? StageId { get; set => field = Choice.OrNull(value); }

    public long Version { get; set; }
}

/// <summary>A payment or a credit note against a won deal, in the deal's currency.</summary>
public sealed class PaymentInput
{
    [Display(Name = nameof(DealTexts.FieldPaymentKind), ResourceType = typeof(DealTexts))]
    public PaymentKind Kind { get; set; } = PaymentKind.Payment;

    /// <summary>The size of the payment or credit note, a positive number; a credit note is stored negative.</summary>
    [Display(Name = nameof(DealTexts.FieldAmount), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0.01", "1000000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationPositive), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Amount { get; set; }

    [Display(Name = nameof(DealTexts.FieldPaidOn), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? PaidOn { get; set; }

    [Display(Name = nameof(DealTexts.FieldReference), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(DealPayment.ReferenceLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Reference { get; set; }
}

/// <summary>A row of the deal list.</summary>
public sealed record DealRow(
    Guid Id, string Number, string Title, Guid AccountId, string AccountName, Guid StageId, string StageName, DealOutcome Outcome,
    decimal Amount, string Currency, decimal AmountBase, decimal Probability, decimal Weighted, DateOnly CloseOn,
    ForecastCategory Forecast, Guid OwnerId, string OwnerName, bool? NewBusiness);

/// <summary>A product line as shown.</summary>
public sealed record DealLineView(
    Guid Id, Guid ProductId, string ProductName, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal Amount, bool? NewProduct);

/// <summary>A share of the credit with what it amounts to in the organisation's currency.</summary>
public sealed record CreditView(Guid EmployeeId, string EmployeeName, decimal Percent, decimal Amount);

/// <summary>A member of the buying committee with the best relationship one of our people has with them.</summary>
public sealed record CommitteeMember(
    Guid ContactId, string Name, string JobTitle, string Role, bool Active, int Strength, string? StrongestWith, bool Warm);

/// <summary>The risk of an open deal in words in the reader's language, with the reasons as data.</summary>
public sealed record DealRiskView(bool AtRisk, IReadOnlyList<RiskReason> Reasons, IReadOnlyList<string> Texts);

/// <summary>A deal as shown on its page and by the API.</summary>
public sealed record DealDetails(
    Guid Id, string Number, string? ExternalId, Guid AccountId, string AccountName, string Title, Guid PipelineId,
    Guid StageId, string StageName, DealOutcome Outcome, decimal Amount, string Currency, decimal AmountBase,
    string BaseCurrency, DateOnly RateDate, decimal Probability, bool ProbabilityOverridden, decimal Weighted,
    DateOnly ExpectedCloseOn, DateOnly? ClosedOn, Guid? LostReasonId, string? LostReason, string? LostNote, Guid OwnerId,
    string OwnerName, ForecastCategory Forecast, bool? NewBusiness, DateTime CreatedAt, DateTime StageSince,
    IReadOnlyList<DealLineView> Lines, IReadOnlyList<CreditView> Splits, IReadOnlyList<CommitteeMember> Contacts,
    DealRiskView? Risk, decimal Paid, long Version, bool CanEdit, bool CanRecordPayments)
{
    public DealInput ToInput() => new()
    {
        AccountId = AccountId, Title = Title, PipelineId = PipelineId, StageId = StageId, Amount = Amount, Currency = Currency,
        ExpectedCloseOn = ExpectedCloseOn, Probability = ProbabilityOverridden ? Probability : null, Forecast = Forecast,
        OwnerId = OwnerId, ExternalId = ExternalId, Version = Version,
        Lines = [.. Lines.Select(l => new DealLineInput
        {
            ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = l.UnitPrice, DiscountPercent = l.DiscountPercent,
        })],
    };
}

/// <summary>An event of a deal as shown in its history.</summary>
public sealed record DealEventView(
    long Id, DealEventKind Kind, DateTime At, DateOnly EffectiveOn, string Actor, Guid? FromStageId, string? FromStage,
    Guid? ToStageId, string? ToStage, decimal? AmountBefore, decimal? AmountAfter, string Currency, decimal? BaseBefore,
    decimal? BaseAfter, DealEventDetails Details);

/// <summary>A payment or credit note as shown.</summary>
public sealed record PaymentView(
    Guid Id, PaymentKind Kind, decimal Amount, string Currency, decimal AmountBase, DateOnly PaidOn, string Reference, DateTime RecordedAt);

/// <summary>How the deal list is sorted.</summary>
public enum DealSort
{
    /// <summary>By the close date that counts (expected while open), then number.</summary>
    CloseDate,

    /// <summary>By the amount in the organisation's currency.</summary>
    Amount,

    /// <summary>By deal number, newest first when descending.</summary>
    Number,
}

/// <summary>Which deals by their risk.</summary>
public enum RiskFilter
{
    AtRisk,
    NotAtRisk,
}

/// <summary>Filter and order of the deal list; every field comes from the query string.</summary>
public sealed record DealFilter(
    string? Search = null, Guid? OwnerId = null, Guid? TeamId = null, Guid? StageId = null, Guid? ProductId = null,
    string? CloseMonth = null, ForecastCategory? Forecast = null, DealOutcome? Outcome = null, Guid? AccountId = null,
    RiskFilter? Risk = null, DealSort Sort = DealSort.CloseDate, bool Descending = false, string? After = null, int? PageSize = null)
{
    /// <summary>Deals where this employee holds a credit split (the forecast's and the ranking's figures link here).</summary>
    public Guid? CreditedTo { get; init; }

    /// <summary>Deals where a person of this team (a member or its head) holds a credit split.</summary>
    public Guid? CreditedTeamId { get; init; }

    /// <summary>The first close date (the date that counts, <see cref="Deal.CloseOn"/>) to keep, included.</summary>
    public DateOnly? CloseFrom { get; init; }

    /// <summary>The last close date to keep, included.</summary>
    public DateOnly? CloseTo { get; init; }

    /// <summary>Won deals that were new business (true) or existing business (false), as decided at the win.</summary>
    public bool? NewBusiness { get; init; }
}
