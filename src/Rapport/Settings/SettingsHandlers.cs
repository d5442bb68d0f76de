using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Settings;

public sealed class OrganisationInput
{
    [Display(Name = nameof(Texts.FieldOrganisationName), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(200, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    [Display(Name = nameof(Texts.FieldCountry), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessageResourceName = nameof(Texts.ValidationCountryCode), ErrorMessageResourceType = typeof(Texts))]
    public string? CountryCode { get; set; }

    [Display(Name = nameof(Texts.FieldBaseCurrency), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessageResourceName = nameof(Texts.ValidationCurrencyCode), ErrorMessageResourceType = typeof(Texts))]
    public string? BaseCurrency { get; set; }

    public long Version { get; set; }
}

public sealed record OrganisationDetails(string Name, string CountryCode, string BaseCurrency, long Version);

public sealed class ParameterInput
{
    [Display(Name = nameof(Texts.FieldCountry), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessageResourceName = nameof(Texts.ValidationCountryCode), ErrorMessageResourceType = typeof(Texts))]
    public string? CountryCode { get; set; }

    [Display(Name = nameof(Texts.FieldParameterKind), ResourceType = typeof(Texts))]
    public ParameterKind Kind { get; set; }

    [Display(Name = nameof(Texts.FieldValidFrom), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = nameof(Texts.FieldValue), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0.000001", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationPositive), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Value { get; set; }

    /// <summary>Required for money and rates; a percent has none.</summary>
    [Display(Name = nameof(Texts.FieldCurrency), ResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessageResourceName = nameof(Texts.ValidationCurrencyCode), ErrorMessageResourceType = typeof(Texts))]
    public string? Currency { get; set; }

    [Display(Name = nameof(Texts.FieldNote), ResourceType = typeof(Texts))]
    [StringLength(500, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Note { get; set; }

    public long Version { get; set; }
}

/// <summary>A country parameter with the date its successor takes over (null while it is the latest).</summary>
public sealed record ParameterRow(
    Guid Id, string CountryCode, ParameterKind Kind, DateOnly ValidFrom, DateOnly? ValidUntil, decimal Value,
    string Currency, string? Note, long Version);

/// <summary>Organisation settings and effective-dated country parameters.</summary>
public sealed class SettingsHandlers(RapportDb db)
{
    public async Task<OrganisationDetails> GetOrganisationAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking()
            .Select(o => new OrganisationDetails(o.Name, o.CountryCode, o.BaseCurrency, o.Version))
            .FirstOrDefaultAsync(ct)
        ?? new OrganisationDetails("", "BG", "EUR", 0);

    public async Task<Result> UpdateOrganisationAsync(Viewer viewer, OrganisationInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        if (!Countries.IsKnown(input.CountryCode!.ToUpperInvariant()))
        {
            return Error.Invalid(nameof(OrganisationInput.CountryCode), Texts.ValidationCountryUnknown);
        }

        var organisation = await db.Organisations.FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            organisation = new Organisation();
            db.Organisations.Add(organisation);
        }
        else if (organisation.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        organisation.Name = input.Name!.Trim();
        organisation.CountryCode = input.CountryCode!.ToUpperInvariant();
        organisation.BaseCurrency = input.BaseCurrency!.ToUpperInvariant();
        return await db.SaveOrConflictAsync(ct);
    }

    public async Task<List<ParameterRow>> ListParametersAsync(string? countryCode = null, CancellationToken ct = default)
    {
        var query = db.CountryParameters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(countryCode))
        {
            var code = countryCode.ToUpperInvariant();
            query = query.Where(p => p.CountryCode == code);
        }

        var rows = await query.OrderBy(p => p.CountryCode).ThenBy(p => p.Kind).ThenBy(p => p.ValidFrom).ToListAsync(ct);
        return [.. rows.Select((p, i) =>
        {
            var next = i + 1 < rows.Count && rows[i + 1].CountryCode == p.CountryCode && rows[i + 1].Kind == p.Kind
                ? rows[i + 1].ValidFrom.AddDays(-1)
                : (DateOnly?)null;
            return new ParameterRow(p.Id, p.CountryCode, p.Kind, p.ValidFrom, next, p.Value, p.Currency, p.Note, p.Version);
        })];
    }

    /// <summary>The parameter of a kind in force in a country on a date, or null when none was in force yet.</summary>
    public Task<ParameterRow?> InForceAsync(string countryCode, ParameterKind kind, DateOnly on, CancellationToken ct = default) =>
        db.CountryParameters.AsNoTracking()
            .Where(p => p.CountryCode == countryCode && p.Kind == kind && p.ValidFrom <= on)
            .OrderByDescending(p => p.ValidFrom)
            .Select(p => new ParameterRow(p.Id, p.CountryCode, p.Kind, p.ValidFrom, null, p.Value, p.Currency, p.Note, p.Version))
            .FirstOrDefaultAsync(ct);

    public async Task<Result<Guid>> AddParameterAsync(Viewer viewer, ParameterInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var parameter = new CountryParameter();
        if (await ApplyAsync(parameter, input, ct) is { } invalid)
        {
            return invalid;
        }

        db.CountryParameters.Add(parameter);
        await db.SaveChangesAsync(ct);
        return parameter.Id;
    }

    public async Task<Result> UpdateParameterAsync(Viewer viewer, Guid id, ParameterInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var parameter = await db.CountryParameters.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (parameter is null)
        {
            return Error.NotFound(Texts.ErrorParameterNotFound);
        }

        if (parameter.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (await ApplyAsync(parameter, input, ct) is { } invalid)
        {
            return invalid;
        }

        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<Error?> ApplyAsync(CountryParameter parameter, ParameterInput input, CancellationToken ct)
    {
        var country = input.CountryCode!.ToUpperInvariant();
        if (!Countries.IsKnown(country))
        {
            return Error.Invalid(nameof(ParameterInput.CountryCode), Texts.ValidationCountryUnknown);
        }

        var percent = input.Kind is ParameterKind.EmployeeContributionPercent or ParameterKind.IncomeTaxPercent;
        if (!percent && string.IsNullOrWhiteSpace(input.Currency))
        {
            return Error.Invalid(nameof(ParameterInput.Currency), Texts.ValidationRequired);
        }

        if (percent && input.Value > 100)
        {
            return Error.Invalid(nameof(ParameterInput.Value), Texts.ValidationPercent);
        }

        var from = input.ValidFrom!.Value;
        if (await db.CountryParameters.AnyAsync(
                p => p.CountryCode == country && p.Kind == input.Kind && p.ValidFrom == from && p.Id != parameter.Id, ct))
        {
            return Error.Invalid(nameof(ParameterInput.ValidFrom), Texts.ValidationParameterExists);
        }

        parameter.CountryCode = country;
        parameter.Kind = input.Kind;
        parameter.ValidFrom = from;
        parameter.Value = input.Value!.Value;
        parameter.Currency = percent ? "" : input.Currency!.ToUpperInvariant();
        parameter.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        return null;
    }
}
