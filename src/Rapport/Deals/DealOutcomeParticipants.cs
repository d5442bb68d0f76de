using Rapport.Data;

namespace Rapport.Deals;

/// <summary>
/// A feature that keeps records of its own in step with a deal's outcome (a service renewed by its renewal deal). The
/// deal's handler calls each one after the deal has changed and before it saves; their changes are saved with it.
/// </summary>
public interface IDealOutcomeParticipant
{
    /// <summary>The open deal has just been won.</summary>
    Task DealWonAsync(RapportDb db, Deal deal, CancellationToken ct);

    /// <summary>The deal, won or lost as <paramref name="was"/> says, has just been reopened.</summary>
    Task DealReopenedAsync(RapportDb db, Deal deal, DealOutcome was, CancellationToken ct);
}
