using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Audit;

/// <summary>Filter of the audit log browser; every field comes from the query string.</summary>
public sealed record AuditFilter(
    string? EntityType = null, Guid? EntityId = null, Guid? UserId = null, DateOnly? From = null, DateOnly? To = null,
    long? Before = null, int? Size = null);

/// <summary>One entry as stored.</summary>
public sealed record AuditRow(
    long Id, DateTime At, Guid? UserId, string Actor, string EntityType, Guid EntityId, AuditAction Action, string Field,
    string? OldValue, string? NewValue);

/// <summary>A page of the audit log, newest first; <see cref="Before"/> continues below the last entry shown.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Items, long? Before);

/// <summary>
/// A record the log names: its kind, its id (empty for one referred to by a code, as a contact's buying role), its
/// name (now, or as last logged when it is gone) and, for an interaction or a task, its account.
/// </summary>
public sealed record AuditRecord(string Type, Guid Id, string TypeLabel, string? Name, bool Exists, Guid? AccountId = null);

/// <summary>
/// A logged value, typed from the model so that it can be shown in the reader's language: the raw text, and at most
/// one of an enumeration value, an instant, a date, a number, a yes/no or the record it refers to.
/// </summary>
public sealed record AuditValue(
    string Text, Enum? Enum = null, DateTime? Instant = null, DateOnly? Date = null, decimal? Number = null, bool? Flag = null,
    AuditRecord? Record = null);

/// <summary>One field of an entry: its label in the reader's language, and its values before and after.</summary>
public sealed record AuditChange(string Field, string Label, AuditValue? Old, AuditValue? New);

/// <summary>An entry as a reader sees it: who by name, which record by name, and each field it changed.</summary>
public sealed record AuditLine(AuditRow Entry, string ActorName, AuditRecord Record, IReadOnlyList<AuditChange> Changes);

public sealed record AuditLines(IReadOnlyList<AuditLine> Items, long? Before);

/// <summary>A kind of record the log can be filtered by, with its name in the reader's language.</summary>
public sealed record AuditType(string Name, string Label);

/// <summary>
/// Reads the audit log. Administrators only. Names of records and of the people and records their fields refer to
/// are looked up through the model (each audited type's name property), so the log needs no feature's types.
/// </summary>
public sealed class AuditQueries(RapportDb db)
{
    /// <summary>The property that names a record of each type, in the reader's language where it has two.</summary>
    private static string? NameProperty(string type) => type switch
    {
        "Employee" or "Contact" => "FullName",
        "User" => "DisplayName",
        "Interaction" => "Subject",
        "FollowUp" => "Title",
        "CountryParameter" => "Note",
        "BuyingRole" => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "bg" ? "NameBg" : "NameEn",
        "Account" or "Team" or "Organisation" or "ImportMapping" => "Name",
        _ => null,
    };

    /// <summary>Records that are shown on their account's page.</summary>
    private static readonly HashSet<string> OnAccount = ["Interaction", "FollowUp"];

    /// <summary>References the model does not hold as foreign keys.</summary>
    private static readonly Dictionary<string, (string Type, string Key)> Codes = new(StringComparer.Ordinal)
    {
        ["FollowUp.RoleCode"] = ("BuyingRole", "Code"),
    };

    public IReadOnlyList<AuditType> Types() =>
        [.. AuditText.AuditedTypes(db.Model).Keys.Select(t => new AuditType(t, AuditText.TypeLabel(t))).OrderBy(t => t.Label, StringComparer.CurrentCulture)];

    public async Task<AuditPage?> ListAsync(Viewer viewer, AuditFilter filter, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return null;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.EntityId is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        if (filter.UserId is { } userId)
        {
            query = query.Where(a => a.UserId == userId);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        var size = Cursor.ClampSize(filter.Size);
        var rows = await query.OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.UserId, a.Actor, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue))
            .Take(size + 1)
            .ToListAsync(ct);
        long? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = rows[^1].Id;
        }

        return new AuditPage(rows, next);
    }

    /// <summary>A page of the log as a reader sees it: names instead of ids, labels and values in the reader's language.</summary>
    public async Task<AuditLines?> ReadAsync(Viewer viewer, AuditFilter filter, CancellationToken ct = default)
    {
        if (await ListAsync(viewer, filter, ct) is not { } page)
        {
            return null;
        }

        var types = AuditText.AuditedTypes(db.Model);
        var parsed = page.Items.Select(e => (Entry: e, Fields: Fields(types.GetValueOrDefault(e.EntityType), e))).ToList();

        // Records named by this page: those the entries are about and those their values point to, by their key property.
        var wanted = new HashSet<(string Type, string KeyProperty, string Key)>();
        var lastNames = new Dictionary<(string Type, string Key), string>();
        foreach (var (entry, fields) in parsed)
        {
            var self = (entry.EntityType, Key(entry.EntityId));
            wanted.Add((entry.EntityType, "Id", self.Item2));
            foreach (var (field, oldValue, newValue) in fields)
            {
                if (NameProperty(entry.EntityType) == field && (newValue ?? oldValue) is { Length: > 0 } name)
                {
                    lastNames.TryAdd(self, name);
                }

                if (Reference(types.GetValueOrDefault(entry.EntityType), entry.EntityType, field) is { } target)
                {
                    foreach (var value in new[] { oldValue, newValue }.OfType<string>())
                    {
                        wanted.Add((target.Type, target.Key, Normalise(value)));
                    }
                }
            }
        }

        // Interactions and tasks are shown on their account's page, and named by it when they have no name of their own.
        var accounts = new Dictionary<(string Type, string Key), Guid>();
        foreach (var group in wanted.Where(w => OnAccount.Contains(w.Type) && w.KeyProperty == "Id").GroupBy(w => w.Type).ToList())
        {
            foreach (var (key, account) in await LookUpAsync(types[group.Key], "Id", "AccountId", [.. group.Select(g => g.Key)], ct))
            {
                if (Guid.TryParse(account, out var accountId))
                {
                    accounts[(group.Key, key)] = accountId;
                    wanted.Add(("Account", "Id", Key(accountId)));
                }
            }
        }

        var names = new Dictionary<(string Type, string Key), string?>();
        foreach (var group in wanted.GroupBy(w => (w.Type, w.KeyProperty)))
        {
            if (types.GetValueOrDefault(group.Key.Type) is { } type && NameProperty(group.Key.Type) is { } nameProperty)
            {
                foreach (var (key, name) in await LookUpAsync(type, group.Key.KeyProperty, nameProperty, [.. group.Select(g => g.Key)], ct))
                {
                    names[(group.Key.Type, key)] = name;
                }
            }
        }

        var actors = await ActorNamesAsync([.. page.Items.Select(e => e.UserId).OfType<Guid>().Distinct()], ct);

        AuditRecord Record(string type, string key)
        {
            var exists = names.TryGetValue((type, key), out var name);
            Guid? account = accounts.TryGetValue((type, key), out var a) ? a : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                name = lastNames.GetValueOrDefault((type, key))
                    ?? (account is { } on ? names.GetValueOrDefault(("Account", Key(on))) : null);
            }

            return new AuditRecord(type, Guid.TryParse(key, out var id) ? id : Guid.Empty, AuditText.TypeLabel(type), name, exists, account);
        }

        AuditValue? Value(IReadOnlyEntityType? type, string entityType, string field, string? raw)
        {
            if (raw is null)
            {
                return null;
            }

            if (Reference(type, entityType, field) is { } target)
            {
                return new AuditValue(raw, Record: Record(target.Type, Normalise(raw)));
            }

            if (entityType == "User" && field == "Role")
            {
                return new AuditValue(Roles.DisplayName(raw));
            }

            return Typed(type?.FindProperty(field), raw);
        }

        return new AuditLines([.. parsed.Select(p =>
        {
            var type = types.GetValueOrDefault(p.Entry.EntityType);
            var changes = p.Fields.Select(f => new AuditChange(f.Field, AuditText.Label(p.Entry.EntityType, f.Field),
                Value(type, p.Entry.EntityType, f.Field, f.Old), Value(type, p.Entry.EntityType, f.Field, f.New))).ToList();
            var actor = p.Entry.UserId is { } user && actors.TryGetValue(user, out var known) && !string.IsNullOrWhiteSpace(known)
                ? known
                : p.Entry.Actor == SystemActor.Instance.Name ? Texts.AuditSystem : p.Entry.Actor;
            return new AuditLine(p.Entry, actor, Record(p.Entry.EntityType, Key(p.Entry.EntityId)), changes);
        })], page.Before);
    }

    /// <summary>
    /// The fields of an entry: one for a change or a deletion; for a new record, each "Name=value" of its one entry,
    /// split at the names the type logs (a value may itself hold "; ").
    /// </summary>
    private static List<(string Field, string? Old, string? New)> Fields(IReadOnlyEntityType? type, AuditRow entry)
    {
        if (entry.Field != AuditInterceptor.CreatedField || type is null || entry.NewValue is null)
        {
            return [(entry.Field, entry.OldValue, entry.NewValue)];
        }

        var names = AuditText.LoggedProperties(type).Select(p => Regex.Escape(p.Name));
        var starts = new Regex($"(?:^|; )({string.Join('|', names)})=", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var matches = starts.Matches(entry.NewValue);
        var fields = new List<(string, string?, string?)>();
        for (var i = 0; i < matches.Count; i++)
        {
            var from = matches[i].Index + matches[i].Length;
            var to = i + 1 < matches.Count ? matches[i + 1].Index : entry.NewValue.Length;
            fields.Add((matches[i].Groups[1].Value, null, entry.NewValue[from..to]));
        }

        return fields.Count > 0 ? fields : [(entry.Field, entry.OldValue, entry.NewValue)];
    }

    /// <summary>The record type and key property a field refers to, from the model's foreign keys.</summary>
    private static (string Type, string Key)? Reference(IReadOnlyEntityType? type, string entityType, string field)
    {
        if (Codes.TryGetValue($"{entityType}.{field}", out var code))
        {
            return code;
        }

        var key = type?.FindProperty(field)?.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
        return key is null ? null : (key.PrincipalEntityType.ClrType.Name, key.PrincipalKey.Properties[0].Name);
    }

    private static AuditValue Typed(IReadOnlyProperty? property, string raw)
    {
        var clr = property is null ? typeof(string) : Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var invariant = CultureInfo.InvariantCulture;
        if (clr.IsEnum)
        {
            return System.Enum.TryParse(clr, raw, out var value) ? new AuditValue(raw, Enum: (Enum)value) : new AuditValue(raw);
        }

        if (clr == typeof(DateTime) && DateTime.TryParseExact(raw, "u", invariant, DateTimeStyles.AdjustToUniversal, out var at))
        {
            return new AuditValue(raw, Instant: DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }

        if (clr == typeof(DateTimeOffset) && DateTimeOffset.TryParse(raw, invariant, DateTimeStyles.AssumeUniversal, out var offset))
        {
            return new AuditValue(raw, Instant: offset.UtcDateTime);
        }

        if (clr == typeof(DateOnly) && DateOnly.TryParseExact(raw, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date))
        {
            return new AuditValue(raw, Date: date);
        }

        if (clr == typeof(bool) && bool.TryParse(raw, out var flag))
        {
            return new AuditValue(raw, Flag: flag);
        }

        if ((clr == typeof(decimal) || clr == typeof(int) || clr == typeof(long) || clr == typeof(double))
            && decimal.TryParse(raw, NumberStyles.Number, invariant, out var number))
        {
            return new AuditValue(raw, Number: number);
        }

        return new AuditValue(raw);
    }

    private static string Key(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Ids as the log writes them, whatever their case; codes as they are.</summary>
    private static string Normalise(string value) => Guid.TryParse(value, out var id) ? Key(id) : value;

    private async Task<Dictionary<Guid, string>> ActorNamesAsync(List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

    /// <summary>One column of the records of a type whose key (<c>Id</c> or a code) is among <paramref name="keys"/>.</summary>
    private async Task<Dictionary<string, string?>> LookUpAsync(
        IReadOnlyEntityType type, string keyProperty, string valueProperty, List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0 || type.FindProperty(keyProperty) is not { } key || type.FindProperty(valueProperty) is not { } value)
        {
            return [];
        }

        var method = LookUpMethod.MakeGenericMethod(type.ClrType, key.ClrType, value.ClrType);
        var task = (Task<Dictionary<string, string?>>)method.Invoke(this, [keyProperty, valueProperty, keys, ct])!;
        return await task;
    }

    private static readonly MethodInfo LookUpMethod =
        typeof(AuditQueries).GetMethod(nameof(LookUpTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private async Task<Dictionary<string, string?>> LookUpTypedAsync<TEntity, TKey, TValue>(
        string keyProperty, string valueProperty, List<string> keys, CancellationToken ct)
        where TEntity : class
    {
        var typed = keys.Where(k => typeof(TKey) != typeof(Guid) || Guid.TryParse(k, out _))
            .Select(k => (TKey)(typeof(TKey) == typeof(Guid) ? Guid.Parse(k) : (object)k)).ToList();
        var rows = await db.Set<TEntity>().AsNoTracking()
            .Where(e => typed.Contains(EF.Property<TKey>(e, keyProperty)))
            .Select(e => new { Key = EF.Property<TKey>(e, keyProperty), Value = EF.Property<TValue>(e, valueProperty) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key is Guid id ? Key(id) : Convert.ToString(r.Key, CultureInfo.InvariantCulture) ?? "",
            r => r.Value is Guid v ? Key(v) : Convert.ToString(r.Value, CultureInfo.InvariantCulture));
    }
}
