using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>
/// A person at a client company in one buying role. When the person moves to another company this record closes
/// (<see cref="ContactStatus.MovedOn"/>) with its history, and a new record at the new employer points back to it.
/// </summary>
public sealed partial class Contact : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AccountId { get; set; }

    public Account? Account { get; set; }

    public string FullName { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    public string JobTitle { get; set; } = "";

    /// <summary>The primary e-mail address in lower case, the first of <see cref="Emails"/>, any of which is the contact's natural key.</summary>
    public string? Email { get; private set; }

    /// <summary>The primary phone number, the first of <see cref="Phones"/>.</summary>
    public string? Phone { get; private set; }

    /// <summary>The digits of the phone number, for search that ignores spaces and punctuation.</summary>
    public string? PhoneDigits { get; private set; }

    /// <summary>The <see cref="BuyingRole.Code"/> of the part the contact plays in the client's buying decisions.</summary>
    public string Role { get; set; } = BuyingRoles.Influencer;

    public ContactStatus Status { get; set; }

    /// <summary>The record of the same person at their former employer, when they moved here.</summary>
    public Guid? PreviousId { get; set; }

    public DateOnly? LeftOn { get; set; }

    public long Version { get; set; }

    public void Rename(string fullName)
    {
        FullName = fullName.Trim();
        SearchName = SearchText.Fold(FullName);
    }
}

public enum ContactStatus
{
    Active,
    MovedOn,
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.SearchName).HasMaxLength(200);
        builder.Property(x => x.JobTitle).HasMaxLength(100);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.Phone).HasMaxLength(40);
        builder.Property(x => x.PhoneDigits).HasMaxLength(40);
        builder.Property(x => x.Role).HasMaxLength(BuyingRoles.CodeLength);
        builder.HasOne<BuyingRole>().WithMany().HasForeignKey(x => x.Role).HasPrincipalKey(r => r.Code).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(x => x.PreviousId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.AccountId, x.Status });

        // Namesakes within an account, for duplicates: grouped along this index, without sorting every contact.
        builder.HasIndex(x => new { x.AccountId, x.SearchName, x.Status });
        builder.HasIndex(x => new { x.SearchName, x.Id });
    }
}
