namespace Rapport.Web.Features.ClientBase;

/// <summary>One of the two records compared on a merge page.</summary>
public enum MergeSide
{
    First,
    Second,
}

/// <summary>
/// A line of a merge comparison: a field's value in each record. <see cref="Field"/> names a field whose surviving
/// value the user chooses; <see cref="Combined"/> is what the record that stays gets of a field both give to
/// (addresses, numbers); <see cref="Moves"/> marks what hangs on a record and moves with the merge.
/// </summary>
public sealed record MergeRow(string Label, string First, string Second, string? Field = null, string? Combined = null, bool Moves = false)
{
    public bool Differs => !string.Equals(First, Second, StringComparison.Ordinal);

    /// <summary>The side whose value a chosen field keeps unless the user says otherwise: the first's, unless it has none.</summary>
    public MergeSide Default => First.Length == 0 && Second.Length > 0 ? MergeSide.Second : MergeSide.First;

    public string Of(MergeSide side) => side == MergeSide.First ? First : Second;
}

/// <summary>What the user chose on a merge page: the record that stays, and for each chosen field the side whose value it keeps.</summary>
public sealed record MergeChoice(MergeSide Survivor, IReadOnlyDictionary<string, MergeSide> Fields, long? FirstVersion, long? SecondVersion)
{
    /// <summary>Whether the field takes the survivor's value or the other's, as the business rules speak of it.</summary>
    public Rapport.ClientBase.MergeSource Source(string field) =>
        Fields.TryGetValue(field, out var side) && side != Survivor ? Rapport.ClientBase.MergeSource.Other : Rapport.ClientBase.MergeSource.Survivor;

    public long? SurvivorVersion => Survivor == MergeSide.First ? FirstVersion : SecondVersion;

    public long? OtherVersion => Survivor == MergeSide.First ? SecondVersion : FirstVersion;
}
