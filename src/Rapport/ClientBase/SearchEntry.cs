using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.ClientBase;

/// <summary>
/// One searchable word of an account or contact: a folded word of its name, its e-mail, phone digits, EIK or
/// domain. Prefix lookups on the indexed token make type-ahead fast on every engine, which a LIKE '%…%' scan
/// over hundreds of thousands of rows is not. Maintained by <see cref="SearchIndexInterceptor"/>.
/// </summary>
public sealed class SearchEntry
{
    public const int MaxTokenLength = 64;

    public SearchKind Kind { get; init; }

    public Guid EntityId { get; init; }

    public required string Token { get; init; }
}

public enum SearchKind
{
    Account,
    Contact,
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.Property(x => x.Token).HasMaxLength(SearchEntry.MaxTokenLength);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        // The natural key is the key: nothing is generated, so inserts need no value read back and batch well.
        builder.HasKey(x => new { x.Token, x.Kind, x.EntityId });
        // A record's tokens by its id: to replace them, and to seek those of the records a viewer may see by a prefix.
        builder.HasIndex(x => new { x.EntityId, x.Token });
    }
}
