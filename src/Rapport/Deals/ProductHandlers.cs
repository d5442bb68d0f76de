using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>The fields Finance or an administrator sets on a product.</summary>
public sealed class ProductInput
{
    [Display(Name = nameof(DealTexts.FieldProductName), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(Product.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Name { get; set; }

    [Display(Name = nameof(DealTexts.FieldProductCode), ResourceType = typeof(DealTexts))]
    [StringLength(Product.CodeLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Code { get; set; }

    [Display(Name = nameof(DealTexts.FieldCategory), ResourceType = typeof(DealTexts))]
    [StringLength(Product.CategoryLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? Category { get; set; }

    /// <summary>The list prices, one per currency.</summary>
    public List<PriceInput> Prices { get; set => field = value is null ? [] : [.. value.Where(x => x is not null)]; } = [];

    public long Version { get; set; }
}

/// <summary>A list price in one currency.</summary>
public sealed class PriceInput
{
    public string? Currency { get; set; }

    public decimal? Amount { get; set; }
}

public sealed record PriceView(string Currency, decimal Amount);

public sealed record ProductRow(
    Guid Id, string? Code, string Name, string Category, bool Archived, IReadOnlyList<PriceView> Prices, int Lines, long Version)
{
    public ProductInput ToInput() => new()
    {
        Name = Name, Code = Code, Category = Category, Version = Version,
        Prices = [.. Prices.Select(p => new PriceInput { Currency = p.Currency, Amount = p.Amount })],
    };
}

/// <summary>The catalogue: everyone in sales and Finance reads it; Finance and administrators edit it.</summary>
public sealed class ProductHandlers(RapportDb db)
{
    public async Task<List<ProductRow>> ListAsync(string? search = null, string? category = null, bool includeArchived = false, CancellationToken ct = default)
    {
        var query = db.Products.AsNoTracking();
        if (!includeArchived)
        {
            query = query.Where(p => !p.Archived);
        }

        var term = SearchText.Fold(search);
        if (term.Length > 0)
        {
            var pattern = SearchText.LikeContains(term);
            query = query.Where(p => EF.Functions.Like(p.SearchName, pattern, "\\") || (p.Code != null && p.Code == search!.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(p => p.Category == category);
        }

        var products = await query.Include(p => p.Prices).OrderBy(p => p.SearchName).Take(1000).ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        var lines = await db.DealLines.Where(l => ids.Contains(l.ProductId)).GroupBy(l => l.ProductId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. products.Select(p => Row(p, lines.GetValueOrDefault(p.Id)))];
    }

    /// <summary>
    /// The products a filter offers, by name, without their prices or how many lines use them: counting the lines
    /// reads every deal line (1.2 million on dataset M), which a filter's list does not need.
    /// </summary>
    public async Task<List<Choice>> ChoicesAsync(CancellationToken ct = default) =>
        await db.Products.AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.SearchName).Take(1000)
            .Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);

    public async Task<ProductRow?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Prices).FirstOrDefaultAsync(p => p.Id == id, ct);
        return product is null ? null : Row(product, await db.DealLines.CountAsync(l => l.ProductId == id, ct));
    }

    /// <summary>The categories in use, for the catalogue's filter.</summary>
    public async Task<List<string>> CategoriesAsync(CancellationToken ct = default) =>
        [.. (await db.Products.Where(p => p.Category != "").Select(p => p.Category).Distinct().ToListAsync(ct)).Order(StringComparer.CurrentCulture)];

    public async Task<Result<Guid>> CreateAsync(Viewer viewer, ProductInput input, CancellationToken ct = default)
    {
        if (!DealAccess.MayEditCatalogue(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var product = new Product();
        if (await ApplyAsync(product, input, ct) is { } invalid)
        {
            return invalid;
        }

        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return product.Id;
    }

    public async Task<Result> UpdateAsync(Viewer viewer, Guid id, ProductInput input, CancellationToken ct = default)
    {
        if (!DealAccess.MayEditCatalogue(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var product = await db.Products.Include(p => p.Prices).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return Error.NotFound(DealTexts.ErrorProductNotFound);
        }

        if (product.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (await ApplyAsync(product, input, ct) is { } invalid)
        {
            return invalid;
        }

        // Prices are rows of their own; a change of price is a change of the product's version too.
        db.Entry(product).Property(p => p.Version).IsModified = true;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Archives or restores a product: deals keep it, no new line takes it.</summary>
    public async Task<Result> SetArchivedAsync(Viewer viewer, Guid id, bool archived, long version, CancellationToken ct = default)
    {
        if (!DealAccess.MayEditCatalogue(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return Error.NotFound(DealTexts.ErrorProductNotFound);
        }

        if (product.Version != version)
        {
            return Error.StaleVersion();
        }

        product.Archived = archived;
        return await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Deletes a product no deal line names; one in use can only be archived.</summary>
    public async Task<Result> DeleteAsync(Viewer viewer, Guid id, long version, CancellationToken ct = default)
    {
        if (!DealAccess.MayEditCatalogue(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return Error.NotFound(DealTexts.ErrorProductNotFound);
        }

        if (product.Version != version)
        {
            return Error.StaleVersion();
        }

        if (await db.DealLines.AnyAsync(l => l.ProductId == id, ct))
        {
            return Error.Conflict(DealTexts.ProductInUse);
        }

        db.Products.Remove(product);
        return await db.SaveOrConflictAsync(ct);
    }

    private async Task<Error?> ApplyAsync(Product product, ProductInput input, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        if (code is not null && await db.Products.AnyAsync(p => p.Code == code && p.Id != product.Id, ct))
        {
            return Error.Invalid(nameof(ProductInput.Code), DealTexts.ValidationProductCodeTaken);
        }

        var prices = input.Prices.Where(p => !string.IsNullOrWhiteSpace(p.Currency) || p.Amount is not null).ToList();
        for (var i = 0; i < prices.Count; i++)
        {
            var field = $"{nameof(ProductInput.Prices)}[{i}]";
            if (!Settings.Currencies.IsCode(prices[i].Currency?.Trim()))
            {
                return Error.Invalid(field + ".Currency", string.Format(System.Globalization.CultureInfo.CurrentCulture, Texts.ValidationCurrencyCode, Texts.FieldCurrency));
            }

            if (prices[i].Amount is not { } amount || amount < 0)
            {
                return Error.Invalid(field + ".Amount", DealTexts.ValidationPriceNotNegative);
            }
        }

        if (prices.Select(p => p.Currency!.Trim().ToUpperInvariant()).Distinct().Count() != prices.Count)
        {
            return Error.Invalid(nameof(ProductInput.Prices), DealTexts.ValidationPriceTwice);
        }

        product.Rename(input.Name!);
        product.Code = code;
        product.Category = input.Category?.Trim() ?? "";
        product.Prices.RemoveAll(p => !prices.Any(n => string.Equals(n.Currency!.Trim(), p.Currency, StringComparison.OrdinalIgnoreCase)));
        foreach (var price in prices)
        {
            var currency = price.Currency!.Trim().ToUpperInvariant();
            var amount = Money.Round(price.Amount!.Value);
            if (product.Prices.Find(p => p.Currency == currency) is { } existing)
            {
                existing.Amount = amount;
            }
            else
            {
                product.Prices.Add(new ProductPrice { ProductId = product.Id, Currency = currency, Amount = amount });
            }
        }

        return null;
    }

    private static ProductRow Row(Product p, int lines) =>
        new(p.Id, p.Code, p.Name, p.Category, p.Archived, [.. p.Prices.OrderBy(x => x.Currency, StringComparer.Ordinal).Select(x => new PriceView(x.Currency, x.Amount))],
            lines, p.Version);
}
