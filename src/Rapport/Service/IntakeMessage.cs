using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Service;

/// <summary>
/// An inbound e-mail posted to the intake endpoint, kept as it arrived. One that became a case or a reply records
/// which; one that could not be placed (an unknown sender, a sender on several accounts) waits in the triage list until
/// someone files it on an account or dismisses it, so no message is lost.
/// </summary>
public sealed class IntakeMessage : IAudited
{
    public const int FromLength = 320;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The sender's address as it arrived.</summary>
    public string From { get; set; } = "";

    /// <summary>The sender's address trimmed and lower-cased: what contacts are matched on.</summary>
    public string FromKey { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    public IntakeState State { get; set; }

    /// <summary>Why a waiting message could not be placed by itself.</summary>
    public IntakeReason? Reason { get; set; }

    /// <summary>The case the message opened or was added to.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The reply it became, when it was added to an open case.</summary>
    public Guid? ReplyId { get; set; }

    /// <summary>Who filed or dismissed a waiting message, and when.</summary>
    public Guid? HandledById { get; set; }

    public DateTime? HandledAt { get; set; }
}

public enum IntakeState
{
    /// <summary>In the triage list: no account could be told from the sender.</summary>
    Waiting,

    /// <summary>A case or a reply, by itself or filed from triage.</summary>
    Filed,

    /// <summary>Dismissed from triage (spam, a message for no one).</summary>
    Dismissed,
}

public enum IntakeReason
{
    UnknownSender,
    SenderOnSeveralAccounts,
}

internal sealed class IntakeMessageConfiguration : IEntityTypeConfiguration<IntakeMessage>
{
    public void Configure(EntityTypeBuilder<IntakeMessage> builder)
    {
        builder.ToTable("IntakeMessages");
        builder.Property(x => x.From).HasMaxLength(IntakeMessage.FromLength);
        builder.Property(x => x.FromKey).HasMaxLength(IntakeMessage.FromLength);
        builder.Property(x => x.Subject).HasMaxLength(200);
        builder.Property(x => x.Body).HasMaxLength(4000);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);

        // The triage list: waiting messages, oldest first.
        builder.HasIndex(x => new { x.State, x.ReceivedAt, x.Id });
        builder.HasIndex(x => x.CaseId);
    }
}
