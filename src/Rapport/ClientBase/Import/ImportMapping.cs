using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>What a CSV file holds: one kind of record per file.</summary>
public enum ImportKind
{
    Accounts,
    Contacts,
    Interactions,
    Deals,
}

/// <summary>
/// A saved column mapping, reused by name for files of the same layout: which CSV column (by its header) fills which
/// field. The pairs are kept as JSON text (see <see cref="ColumnMap"/>), the same on every database.
/// </summary>
public sealed class ImportMapping : IAudited
{
    public const int NameMaxLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public ImportKind Kind { get; set; }

    /// <summary>The column→field pairs as JSON: <c>{"ЕИК":"AccountEik","Име":"AccountName"}</c>.</summary>
    public string Columns { get; set; } = "{}";

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(ImportMapping.NameMaxLength);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => new { x.Kind, x.Name }).IsUnique();
    }
}
