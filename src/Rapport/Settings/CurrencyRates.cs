using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Settings;

/// <summary>The fields an administrator sets on a rate.</summary>
public sealed class CurrencyRateInput
{
    [Display(Name = nameof(Texts.FieldCurrency), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessageResourceName = nameof(Texts.ValidationCurrencyCode), ErrorMessageResourceType = typeof(Texts))]
    public string? Currency { get; set; }

    [Display(Name = nameof(Texts.FieldValidFrom), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = nameof(Texts.FieldUnitsPerEuro), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0.000001", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationPositive), ErrorMessageResourceType = typeof(Texts))]
    public decimal? UnitsPerEuro { get; set; }

    [Display(Name = nameof(Texts.FieldNote), ResourceType = typeof(Texts))]
    [StringLength(500, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Note { get; set; }

    public long Version { get; set; }
}

/// <summary>A rate with the last day it holds (null while it is the latest of its currency).</summary>
public sealed record CurrencyRateRow(
    Guid Id, string Currency, DateOnly ValidFrom, DateOnly? ValidUntil, decimal UnitsPerEuro, string? Note, long Version)
{
    public CurrencyRateInput ToInput() => new() { Currency = Currency, ValidFrom = ValidFrom, UnitsPerEuro = UnitsPerEuro, Note = Note, Version = Version };
}

/// <summary>An amount converted to the organisation's currency, with the rates it took.</summary>
public sealed record Conversion(
    decimal Amount, string Currency, DateOnly On, decimal Converted, string BaseCurrency, decimal CurrencyPerEuro, decimal BasePerEuro);

/// <summary>What an import of rates did: new rates, changed ones, and ones already as the file says.</summary>
public sealed record RateImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<RateImportError> Errors)
{
    public bool IsClean => Errors.Count == 0;
}

/// <summary>A line of a rates file that cannot be taken, and why.</summary>
public sealed record RateImportError(int Line, string Message);

/// <summary>Told when a currency's rates change, so that amounts kept in the organisation's currency can follow.</summary>
public interface ICurrencyRateObserver
{
    Task RatesChangedAsync(string currency, CancellationToken ct);
}

/// <summary>
/// Effective-dated rates as a value: a rate holds from its date until the next of its currency; before the first
/// there is none. Pure, so that conversion on the edges of validity is tested without a database.
/// </summary>
public sealed class RateTable
{
    private readonly Dictionary<string, (DateOnly From, decimal Units)[]> _byCurrency;

    public RateTable(IEnumerable<(string Currency, DateOnly ValidFrom, decimal UnitsPerEuro)> rates) =>
        _byCurrency = rates.GroupBy(r => r.Currency.ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ValidFrom).Select(r => (r.ValidFrom, r.UnitsPerEuro)).ToArray(), StringComparer.Ordinal);

    /// <summary>Units of the currency per euro on the date; 1 for the euro; null when no rate holds on that date.</summary>
    public decimal? UnitsPerEuro(string currency, DateOnly on)
    {
        var code = currency.ToUpperInvariant();
        if (code == Currencies.Euro)
        {
            return 1m;
        }

        if (!_byCurrency.TryGetValue(code, out var rates))
        {
            return null;
        }

        decimal? found = null;
        foreach (var (from, units) in rates)
        {
            if (from > on)
            {
                break;
            }

            found = units;
        }

        return found;
    }

    /// <summary>
    /// The amount in <paramref name="to"/>, through the euro, rounded once to the cent (<see cref="Money.Round"/>);
    /// null when either currency has no rate on the date.
    /// </summary>
    public decimal? Convert(decimal amount, string from, string to, DateOnly on)
    {
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            return Money.Round(amount);
        }

        return UnitsPerEuro(from, on) is { } source && UnitsPerEuro(to, on) is { } target
            ? Money.Round(amount / source * target)
            : null;
    }
}

/// <summary>
/// Converts amounts to the organisation's currency at the rate of a date. Reads the rates and the organisation's
/// currency once per unit of work; a missing rate is a validation error on the field that holds the currency.
/// </summary>
public sealed class CurrencyConverter(RapportDb db)
{
    private RateTable? _table;
    private string? _base;

    public async Task<string> BaseCurrencyAsync(CancellationToken ct = default) =>
        _base ??= await db.Organisations.AsNoTracking().Select(o => o.BaseCurrency).FirstOrDefaultAsync(ct) ?? Currencies.Euro;

    public async Task<RateTable> RatesAsync(CancellationToken ct = default) =>
        _table ??= new RateTable(await db.Set<CurrencyRate>().AsNoTracking()
            .Select(r => new ValueTuple<string, DateOnly, decimal>(r.Currency, r.ValidFrom, r.UnitsPerEuro)).ToListAsync(ct));

    /// <summary>Forgets what was read, after the rates changed in the same unit of work.</summary>
    public void Reset() => (_table, _base) = (null, null);

    public async Task<Result<Conversion>> ConvertAsync(decimal amount, string currency, DateOnly on, string field = "Currency", CancellationToken ct = default)
    {
        var code = currency.ToUpperInvariant();
        var baseCurrency = await BaseCurrencyAsync(ct);
        var rates = await RatesAsync(ct);
        var converted = rates.Convert(amount, code, baseCurrency, on);
        if (converted is null)
        {
            var missing = rates.UnitsPerEuro(code, on) is null ? code : baseCurrency;
            return Error.Invalid(field, NoRate(missing, on));
        }

        return new Conversion(amount, code, on, converted.Value, baseCurrency, rates.UnitsPerEuro(code, on)!.Value,
            rates.UnitsPerEuro(baseCurrency, on)!.Value);
    }

    public static string NoRate(string currency, DateOnly on) =>
        string.Format(CultureInfo.CurrentCulture, Texts.ValidationNoRate, currency, on.ToString("d", CultureInfo.CurrentCulture));
}

/// <summary>Currency rates as settings: everyone reads them, administrators enter and import them.</summary>
public sealed class CurrencyRateHandlers(RapportDb db, CurrencyConverter converter, IEnumerable<ICurrencyRateObserver> observers)
{
    public async Task<List<CurrencyRateRow>> ListAsync(string? currency = null, CancellationToken ct = default)
    {
        var query = db.Set<CurrencyRate>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(currency))
        {
            var code = currency.Trim().ToUpperInvariant();
            query = query.Where(r => r.Currency == code);
        }

        var rows = await query.OrderBy(r => r.Currency).ThenBy(r => r.ValidFrom).ToListAsync(ct);
        return [.. rows.Select((r, i) => Row(r, i + 1 < rows.Count && rows[i + 1].Currency == r.Currency ? rows[i + 1].ValidFrom.AddDays(-1) : null))];
    }

    public async Task<CurrencyRateRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var rate = await db.Set<CurrencyRate>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rate is null)
        {
            return null;
        }

        var next = await db.Set<CurrencyRate>().Where(r => r.Currency == rate.Currency && r.ValidFrom > rate.ValidFrom)
            .OrderBy(r => r.ValidFrom).Select(r => (DateOnly?)r.ValidFrom).FirstOrDefaultAsync(ct);
        return Row(rate, next?.AddDays(-1));
    }

    public async Task<Result<Guid>> AddAsync(Viewer viewer, CurrencyRateInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var rate = new CurrencyRate();
        if (await ApplyAsync(rate, input, ct) is { } invalid)
        {
            return invalid;
        }

        db.Add(rate);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(rate.Currency, ct);
        return rate.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, CurrencyRateInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var rate = await db.Set<CurrencyRate>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rate is null)
        {
            return Error.NotFound(Texts.ErrorRateNotFound);
        }

        if (rate.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        var before = rate.Currency;
        if (await ApplyAsync(rate, input, ct) is { } invalid)
        {
            return invalid;
        }

        var saved = await db.SaveOrConflictAsync(ct);
        if (saved.IsSuccess)
        {
            await ChangedAsync(before, ct);
            if (before != rate.Currency)
            {
                await ChangedAsync(rate.Currency, ct);
            }
        }

        return saved;
    }

    /// <summary>
    /// Reads a CSV file of rates (currency, valid from, units per euro; a header line naming them) and applies all of
    /// it or, when any line is wrong, none of it. A rate for a currency and date already there takes the file's value.
    /// </summary>
    public async Task<Result<RateImportResult>> ImportAsync(Viewer viewer, Stream csv, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var (lines, errors) = RateCsv.Read(csv);
        var existing = await db.Set<CurrencyRate>().ToListAsync(ct);
        var seen = new HashSet<(string, DateOnly)>();
        foreach (var line in lines.Where(l => !seen.Add((l.Currency, l.ValidFrom))))
        {
            errors.Add(new RateImportError(line.Number, Texts.ValidationRateExists));
        }

        if (errors.Count > 0)
        {
            return new RateImportResult(0, 0, 0, [.. errors.OrderBy(e => e.Line)]);
        }

        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var line in lines)
        {
            var rate = existing.FirstOrDefault(r => r.Currency == line.Currency && r.ValidFrom == line.ValidFrom);
            if (rate is null)
            {
                db.Add(CurrencyRate.Create(line.Currency, line.ValidFrom, line.UnitsPerEuro));
                created++;
            }
            else if (rate.UnitsPerEuro != line.UnitsPerEuro)
            {
                rate.UnitsPerEuro = line.UnitsPerEuro;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var currency in lines.Select(l => l.Currency).Distinct(StringComparer.Ordinal))
        {
            await ChangedAsync(currency, ct);
        }

        return new RateImportResult(created, updated, unchanged, []);
    }

    private async Task ChangedAsync(string currency, CancellationToken ct)
    {
        converter.Reset();
        foreach (var observer in observers)
        {
            await observer.RatesChangedAsync(currency, ct);
        }
    }

    private async Task<Error?> ApplyAsync(CurrencyRate rate, CurrencyRateInput input, CancellationToken ct)
    {
        var currency = input.Currency!.Trim().ToUpperInvariant();
        if (currency == Currencies.Euro)
        {
            return Error.Invalid(nameof(CurrencyRateInput.Currency), Texts.ValidationRateOfEuro);
        }

        var from = input.ValidFrom!.Value;
        if (await db.Set<CurrencyRate>().AnyAsync(r => r.Currency == currency && r.ValidFrom == from && r.Id != rate.Id, ct))
        {
            return Error.Invalid(nameof(CurrencyRateInput.ValidFrom), Texts.ValidationRateExists);
        }

        rate.Currency = currency;
        rate.ValidFrom = from;
        rate.UnitsPerEuro = input.UnitsPerEuro!.Value;
        rate.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        return null;
    }

    private static CurrencyRateRow Row(CurrencyRate r, DateOnly? until) =>
        new(r.Id, r.Currency, r.ValidFrom, until, r.UnitsPerEuro, r.Note, r.Version);
}

/// <summary>
/// A rates file: a header line, then currency, date and rate per line, separated by commas or semicolons; with
/// semicolons a decimal comma is read too ("1,95583"), as Bulgarian spreadsheets write it. Dates ISO or d.M.yyyy.
/// </summary>
internal static class RateCsv
{
    internal sealed record Line(int Number, string Currency, DateOnly ValidFrom, decimal UnitsPerEuro);

    private static readonly string[] CurrencyHeaders = ["currency", "code", "валута", "код"];
    private static readonly string[] DateHeaders = ["valid from", "validfrom", "from", "date", "валиден от", "от", "дата"];
    private static readonly string[] RateHeaders = ["units per euro", "unitspereuro", "rate", "per eur", "курс", "за 1 евро"];

    public static (List<Line> Lines, List<RateImportError> Errors) Read(Stream csv)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lines = new List<Line>();
        var errors = new List<RateImportError>();
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            errors.Add(new RateImportError(1, Texts.ImportEmptyFile));
            return (lines, errors);
        }

        var separator = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var names = Cells(header, separator).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string[] headers) => names.FindIndex(n => headers.Contains(n, StringComparer.Ordinal));
        var (currencyAt, dateAt, rateAt) = (Column(CurrencyHeaders), Column(DateHeaders), Column(RateHeaders));
        if (currencyAt < 0 || dateAt < 0 || rateAt < 0)
        {
            errors.Add(new RateImportError(1, Texts.RatesImportHeader));
            return (lines, errors);
        }

        var number = 1;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var cells = Cells(text, separator);
            string Cell(int i) => i < cells.Count ? cells[i].Trim() : "";
            var currency = Cell(currencyAt).ToUpperInvariant();
            if (!Currencies.IsCode(currency) || currency == Currencies.Euro)
            {
                errors.Add(new RateImportError(number, string.Format(CultureInfo.CurrentCulture, Texts.ValidationCurrencyCode, Texts.FieldCurrency)));
                continue;
            }

            if (!DateOnly.TryParseExact(Cell(dateAt), ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                errors.Add(new RateImportError(number, string.Format(CultureInfo.CurrentCulture, Texts.ImportBadDate, Cell(dateAt))));
                continue;
            }

            var rateText = separator == ';' ? Cell(rateAt).Replace(',', '.') : Cell(rateAt);
            if (!decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var units) || units <= 0)
            {
                errors.Add(new RateImportError(number, string.Format(CultureInfo.CurrentCulture, Texts.ValidationPositive, Texts.FieldUnitsPerEuro)));
                continue;
            }

            lines.Add(new Line(number, currency, from, units));
        }

        return (lines, errors);
    }

    /// <summary>The cells of a line; a cell in double quotes may hold the separator.</summary>
    private static List<string> Cells(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == separator && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
