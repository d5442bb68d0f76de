using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>A saved mapping as listed.</summary>
public sealed record ImportMappingRow(Guid Id, string Name, ImportKind Kind, int Columns, DateTime UpdatedAt);

/// <summary>Saved column mappings, shared by everyone who imports into the client base.</summary>
public sealed class ImportMappingHandlers(RapportDb db, TimeProvider clock)
{
    public async Task<List<ImportMappingRow>> ListAsync(ImportKind? kind = null, CancellationToken ct = default)
    {
        var query = db.ImportMappings.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(m => m.Kind == k);
        }

        var mappings = await query.OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(ct);
        return [.. mappings.Select(m => new ImportMappingRow(m.Id, m.Name, m.Kind, ColumnMap.FromJson(m.Columns).Columns.Count, m.UpdatedAt))];
    }

    /// <summary>The mapping of this kind saved under this name, or null.</summary>
    public async Task<ColumnMap?> FindAsync(ImportKind kind, string name, CancellationToken ct = default)
    {
        var json = await db.ImportMappings.AsNoTracking().Where(m => m.Kind == kind && m.Name == name.Trim())
            .Select(m => m.Columns).FirstOrDefaultAsync(ct);
        return json is null ? null : ColumnMap.FromJson(json);
    }

    /// <summary>Saves a mapping under a name, replacing the one of the same kind and name.</summary>
    public async Task<Result<Guid>> SaveAsync(Viewer viewer, ImportKind kind, string? name, ColumnMap map, CancellationToken ct = default)
    {
        if (!ClientBaseAccess.MayUseClientBase(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Error.Invalid("MappingName", string.Format(System.Globalization.CultureInfo.CurrentCulture, Texts.ValidationRequired, Texts.ImportMappingName));
        }

        if (trimmed.Length > ImportMapping.NameMaxLength)
        {
            return Error.Invalid("MappingName", string.Format(System.Globalization.CultureInfo.CurrentCulture, Texts.ValidationMaxLength,
                Texts.ImportMappingName, ImportMapping.NameMaxLength));
        }

        var mapping = await db.ImportMappings.FirstOrDefaultAsync(m => m.Kind == kind && m.Name == trimmed, ct);
        if (mapping is null)
        {
            mapping = new ImportMapping { Kind = kind, Name = trimmed };
            db.Add(mapping);
        }

        mapping.Columns = map.ToJson();
        mapping.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return mapping.Id;
    }

    public async Task<Result> DeleteAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!ClientBaseAccess.MayUseClientBase(viewer))
        {
            return new Error(ErrorKind.Forbidden, Texts.ErrorForbidden);
        }

        var mapping = await db.ImportMappings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mapping is null)
        {
            return Error.NotFound(Texts.ImportMappingNotFound);
        }

        db.Remove(mapping);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
