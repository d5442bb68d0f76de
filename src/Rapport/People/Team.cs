using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.People;

/// <summary>A group of employees under one head, e.g. a regional sales team.</summary>
public sealed class Team : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    public Guid? HeadId { get; set; }

    public Employee? Head { get; set; }

    public long Version { get; set; }

    public void Rename(string name)
    {
        Name = name.Trim();
        SearchName = SearchText.Fold(Name);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.SearchName).HasMaxLength(100);
        builder.HasIndex(x => x.SearchName).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Head).WithMany().HasForeignKey(x => x.HeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.HeadId);
    }
}
