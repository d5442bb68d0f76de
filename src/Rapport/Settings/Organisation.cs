using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Settings;

/// <summary>The organisation Rapport runs for: its name, home country and base currency. One row.</summary>
public sealed class Organisation : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code of the home country, e.g. "BG".</summary>
    public string CountryCode { get; set; } = "BG";

    /// <summary>ISO 4217 code of the currency amounts are reported in, e.g. "EUR".</summary>
    public string BaseCurrency { get; set; } = "EUR";

    public long Version { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.CountryCode).HasMaxLength(2);
        builder.Property(x => x.BaseCurrency).HasMaxLength(3);
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
