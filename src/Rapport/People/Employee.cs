using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.People;

/// <summary>A person employed by the organisation, whether or not they hold the account-manager role.</summary>
public sealed class Employee : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string FullName { get; private set; } = "";

    /// <summary>The folded name (see <see cref="SearchText"/>), for case- and accent-insensitive search and sorting.</summary>
    public string SearchName { get; private set; } = "";

    public string? Email { get; set; }

    public string Position { get; set; } = "";

    public string Department { get; set; } = "";

    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    public Guid? ManagerId { get; set; }

    public Employee? Manager { get; set; }

    public DateOnly EmploymentStart { get; set; }

    public DateOnly? EmploymentEnd { get; set; }

    public EmployeeStatus Status { get; set; }

    /// <summary>The share of time given to the account-manager role: 1.0 full time, 0.2 for an extra duty, 0 for none.</summary>
    public decimal Capacity { get; set; }

    public long Version { get; set; }

    public void Rename(string fullName)
    {
        FullName = fullName.Trim();
        SearchName = SearchText.Fold(FullName);
    }
}

public enum EmployeeStatus
{
    Active,
    Left,
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.SearchName).HasMaxLength(200);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.Position).HasMaxLength(100);
        builder.Property(x => x.Department).HasMaxLength(100);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Capacity).HasPrecision(3, 2);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Manager).WithMany().HasForeignKey(x => x.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.SearchName, x.Id });
        builder.HasIndex(x => new { x.TeamId, x.SearchName });
        builder.HasIndex(x => new { x.EmploymentStart, x.Id });
        builder.HasIndex(x => x.ManagerId);
        builder.HasIndex(x => x.Email);
    }
}
