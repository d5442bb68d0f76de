namespace Rapport.Shared;

/// <summary>An entity whose edits carry a version, so a stale edit is refused instead of overwriting.</summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>An entity whose every change is written to the audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>Who is acting: the signed-in user, an API token's user, or the command line.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    string Name { get; }
}

/// <summary>The actor for work that no user started (start-up, seeding).</summary>
public sealed class SystemActor : ICurrentActor
{
    public static readonly SystemActor Instance = new();

    public Guid? UserId => null;

    public string Name => "system";
}

/// <summary>
/// A record that is written once and never changed or deleted (deal events, payments): the context refuses to save
/// such a change, and the database refuses it too.
/// </summary>
public interface IAppendOnly;

/// <summary>A derived property of an audited entity that the audit log leaves out: it is computed, not edited.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
