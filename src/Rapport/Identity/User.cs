using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.People;
using Rapport.Shared;

namespace Rapport.Identity;

/// <summary>A person who signs in to Rapport; may be linked to the employee record of the same person.</summary>
public sealed class User : IdentityUser<Guid>, IAudited
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    /// <summary>The user's interface language: "en" or "bg".</summary>
    public string Language { get; set; } = Languages.English;

    public Guid? EmployeeId { get; set; }

    public Employee? Employee { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>The interface languages Rapport speaks.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Bulgarian = "bg";

    public static readonly IReadOnlyList<string> All = [English, Bulgarian];

    public static string Normalize(string? language) =>
        All.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? English;
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(200);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(x => x.EmployeeId).IsUnique();
    }
}
