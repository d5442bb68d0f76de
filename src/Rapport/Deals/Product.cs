using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>
/// Something the organisation sells, in a category, with a list price per currency. Once a deal line names it, it
/// is archived rather than deleted, so that the deals keep what they sold.
/// </summary>
public sealed class Product : IVersioned, IAudited
{
    public const int NameLength = 200;
    public const int CodeLength = 40;
    public const int CategoryLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The organisation's own product code (SKU), unique when given.</summary>
    public string? Code { get; set; }

    public string Name { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    public string Category { get; set; } = "";

    public bool Archived { get; set; }

    public long Version { get; set; }

    public List<ProductPrice> Prices { get; } = [];

    public void Rename(string name)
    {
        Name = name.Trim();
        SearchName = SearchText.Fold(Name);
    }

    /// <summary>The list price in a currency, if the catalogue has one.</summary>
    public decimal? PriceIn(string currency) =>
        Prices.FirstOrDefault(p => string.Equals(p.Currency, currency, StringComparison.OrdinalIgnoreCase))?.Amount;
}

/// <summary>A product's list price in one currency.</summary>
public sealed class ProductPrice
{
    public Guid ProductId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Amount { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(Product.CodeLength);
        builder.Property(x => x.Name).HasMaxLength(Product.NameLength);
        builder.Property(x => x.SearchName).HasMaxLength(Product.NameLength);
        builder.Property(x => x.Category).HasMaxLength(Product.CategoryLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => new { x.SearchName, x.Id });
        builder.HasIndex(x => x.Category);
        builder.HasMany(x => x.Prices).WithOne().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductPriceConfiguration : IEntityTypeConfiguration<ProductPrice>
{
    public void Configure(EntityTypeBuilder<ProductPrice> builder)
    {
        builder.HasKey(x => new { x.ProductId, x.Currency });
        builder.Property(x => x.Currency).HasMaxLength(3);
    }
}
