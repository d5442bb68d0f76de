using Rapport.Data;

namespace Rapport.ClientBase;

/// <summary>
/// A feature that keeps records of accounts or contacts (deals, cases) and must move them when duplicates merge. The
/// merge calls each one inside its transaction, before the duplicate is deleted; changes are saved with the merge.
/// </summary>
public interface IMergeParticipant
{
    Task AccountsMergingAsync(RapportDb db, Guid keepId, Guid otherId, CancellationToken ct);

    Task ContactsMergingAsync(RapportDb db, Guid keepId, Guid otherId, CancellationToken ct);
}
