using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>Names in both languages, as every deal setting has them.</summary>
public class NamedInput
{
    [Display(Name = nameof(Texts.FieldNameEn), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(DealDefaults.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? NameEn { get; set; }

    [Display(Name = nameof(Texts.FieldNameBg), ResourceType = typeof(Texts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [StringLength(DealDefaults.NameLength, ErrorMessageResourceName = nameof(Texts.ValidationMaxLength), ErrorMessageResourceType = typeof(Texts))]
    public string? NameBg { get; set; }

    public long Version { get; set; }
}

public sealed class PipelineInput : NamedInput
{
    [Display(Name = nameof(DealTexts.FieldDefaultPipeline), ResourceType = typeof(DealTexts))]
    public bool IsDefault { get; set; }
}

public sealed class StageInput : NamedInput
{
    [Display(Name = nameof(DealTexts.FieldProbability), ResourceType = typeof(DealTexts))]
    [Required(ErrorMessageResourceName = nameof(Texts.ValidationRequired), ErrorMessageResourceType = typeof(Texts))]
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessageResourceName = nameof(Texts.ValidationRange), ErrorMessageResourceType = typeof(Texts))]
    public decimal? Probability { get; set; }
}

public sealed class LostReasonInput : NamedInput;

public sealed record StageRow(
    Guid Id, Guid PipelineId, string NameEn, string NameBg, int Position, decimal Probability, StageKind Kind, bool Archived, int Deals, long Version)
{
    public StageInput ToInput() => new() { NameEn = NameEn, NameBg = NameBg, Probability = Probability, Version = Version };
}

public sealed record PipelineRow(
    Guid Id, string NameEn, string NameBg, int Position, bool IsDefault, bool Archived, IReadOnlyList<StageRow> Stages, long Version)
{
    public PipelineInput ToInput() => new() { NameEn = NameEn, NameBg = NameBg, IsDefault = IsDefault, Version = Version };
}

public sealed record LostReasonRow(Guid Id, string NameEn, string NameBg, int Position, bool Archived, int Deals, long Version)
{
    public LostReasonInput ToInput() => new() { NameEn = NameEn, NameBg = NameBg, Version = Version };
}

/// <summary>
/// Pipelines, stages and lost reasons, read at most once per request or unit of work through a context of their own
/// (as buying roles are: a page's components ask while the page may be awaiting a query on the request's context).
/// </summary>
public sealed class DealSettingsCatalog(DbContextOptions<RapportDb> options)
{
    private Task<DealSettings>? _settings;

    public Task<DealSettings> GetAsync(CancellationToken ct = default) => _settings ??= LoadAsync(ct);

    public void Reset() => _settings = null;

    private async Task<DealSettings> LoadAsync(CancellationToken ct)
    {
        await using var db = new RapportDb(options);
        return new DealSettings(await db.Pipelines.AsNoTracking().ToListAsync(ct), await db.Stages.AsNoTracking().ToListAsync(ct),
            await db.LostReasons.AsNoTracking().ToListAsync(ct));
    }
}

/// <summary>
/// Pipelines, stages and lost reasons as settings: everyone in sales reads them, administrators shape them. A
/// pipeline keeps exactly one won and one lost stage (made with it); open stages are added, renamed, given a
/// probability, reordered and archived. Nothing a deal has used is deleted, only archived.
/// </summary>
public sealed class DealSettingsHandlers(RapportDb db, DealSettingsCatalog catalog)
{
    public async Task<List<PipelineRow>> PipelinesAsync(CancellationToken ct = default)
    {
        var counts = await db.Deals.GroupBy(d => d.StageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var settings = await catalog.GetAsync(ct);
        return [.. settings.Pipelines.Select(p => new PipelineRow(p.Id, p.NameEn, p.NameBg, p.Position, p.IsDefault, p.Archived,
            [.. settings.StagesOf(p.Id).Select(s => new StageRow(s.Id, s.PipelineId, s.NameEn, s.NameBg, s.Position, s.Probability, s.Kind,
                s.Archived, counts.GetValueOrDefault(s.Id), s.Version))], p.Version))];
    }

    public async Task<PipelineRow?> PipelineAsync(Guid id, CancellationToken ct = default) => (await PipelinesAsync(ct)).Find(p => p.Id == id);

    public async Task<StageRow?> StageAsync(Guid id, CancellationToken ct = default) =>
        (await PipelinesAsync(ct)).SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == id);

    public async Task<List<LostReasonRow>> LostReasonsAsync(CancellationToken ct = default)
    {
        var counts = await db.Deals.Where(d => d.LostReasonId != null).GroupBy(d => d.LostReasonId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. (await catalog.GetAsync(ct)).LostReasons.Select(r =>
            new LostReasonRow(r.Id, r.NameEn, r.NameBg, r.Position, r.Archived, counts.GetValueOrDefault(r.Id), r.Version))];
    }

    public async Task<LostReasonRow?> LostReasonAsync(Guid id, CancellationToken ct = default) => (await LostReasonsAsync(ct)).Find(r => r.Id == id);

    /// <summary>A new pipeline with its won and lost stages and one open stage to start from.</summary>
    public async Task<Result<Guid>> AddPipelineAsync(Viewer viewer, PipelineInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return Forbidden();
        }

        var pipelines = await db.Pipelines.ToListAsync(ct);
        if (NameTaken(pipelines.Select(p => (p.Id, p.NameEn, p.NameBg)), null, input) is { } taken)
        {
            return taken;
        }

        var pipeline = Pipeline.Create();
        pipeline.NameEn = input.NameEn!.Trim();
        pipeline.NameBg = input.NameBg!.Trim();
        pipeline.Position = pipelines.Count == 0 ? 0 : pipelines.Max(p => p.Position) + 1;
        SetDefault(pipelines, pipeline, input.IsDefault || pipelines.Count == 0);
        db.Pipelines.Add(pipeline);
        foreach (var (en, bg, kind, probability, position) in new[]
        {
            ("Qualification", "Квалификация", StageKind.Open, 10m, 0), ("Won", "Спечелена", StageKind.Won, 100m, 1),
            ("Lost", "Загубена", StageKind.Lost, 0m, 2),
        })
        {
            var stage = Stage.Create();
            stage.PipelineId = pipeline.Id;
            (stage.NameEn, stage.NameBg, stage.Kind, stage.Probability, stage.Position) = (en, bg, kind, probability, position);
            db.Stages.Add(stage);
        }

        await db.SaveChangesAsync(ct);
        catalog.Reset();
        return pipeline.Id;
    }

    public async Task<Result> UpdatePipelineAsync(Viewer viewer, Guid id, PipelineInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return Forbidden();
        }

        var pipelines = await db.Pipelines.ToListAsync(ct);
        if (pipelines.Find(p => p.Id == id) is not { } pipeline)
        {
            return Error.NotFound(DealTexts.ErrorPipelineNotFound);
        }

        if (pipeline.Version != input.Version)
        {
            return Error.StaleVersion();
        }

        if (NameTaken(pipelines.Select(p => (p.Id, p.NameEn, p.NameBg)), id, input) is { } taken)
        {
            return taken;
        }

        pipeline.NameEn = input.NameEn!.Trim();
        pipeline.NameBg = input.NameBg!.Trim();
        if (input.IsDefault)
        {
            SetDefault(pipelines, pipeline, true);
        }

        return await SaveAsync(ct);
    }

    /// <summary>Adds an open stage before the pipeline's won and lost stages.</summary>
    public async Task<Result<Guid>> AddStageAsync(Viewer viewer, Guid pipelineId, StageInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return Forbidden();
        }

        if (!await db.Pipelines.AnyAsync(p => p.Id == pipelineId, ct))
        {
            return Error.NotFound(DealTexts.ErrorPipelineNotFound);
        }

        var stages = await db.Stages.Where(s => s.PipelineId == pipelineId).OrderBy(s => s.Position).ToListAsync(ct);
        if (NameTaken(stages.Select(s => (s.Id, s.NameEn, s.NameBg)), null, input) is { } taken)
        {
            return taken;
        }

        var stage = Stage.Create();
        stage.PipelineId = pipelineId;
        stage.Kind = StageKind.Open;
        Apply(stage, input);
        var open = stages.Where(s => s.Kind == StageKind.Open).ToList();
        var closed = stages.Where(s => s.Kind != StageKind.Open).ToList();
        Renumber([.. open, stage, .. closed]);
        db.Stages.Add(stage);
        await db.SaveChangesAsync(ct);
        catalog.Reset();
        return stage.Id;
    }

    public async Task<Result> UpdateStageAsync(Viewer viewer, Guid id, StageInput input, CancellationToken ct = default) =>
        await ChangeStageAsync(viewer, id, input.Version, (stage, stages) =>
        {
            if (NameTaken(stages.Select(s => (s.Id, s.NameEn, s.NameBg)), id, input) is { } taken)
            {
                return taken;
            }

            // Won and lost stages mean 100 and 0 whatever is entered; only their names change.
            var probability = stage.Probability;
            Apply(stage, input);
            if (stage.Kind != StageKind.Open)
            {
                stage.Probability = probability;
            }

            return null;
        }, ct);

    /// <summary>Moves an open stage one place up or down among the open stages; won and lost stay last.</summary>
    public async Task<Result> MoveStageAsync(Viewer viewer, Guid id, bool up, long version, CancellationToken ct = default) =>
        await ChangeStageAsync(viewer, id, version, (stage, stages) =>
        {
            if (stage.Kind != StageKind.Open)
            {
                return Error.Invalid(nameof(StageInput.NameEn), DealTexts.ValidationClosedStageFixed);
            }

            var open = stages.Where(s => s.Kind == StageKind.Open).ToList();
            var at = open.IndexOf(stage);
            var to = up ? at - 1 : at + 1;
            if (to >= 0 && to < open.Count)
            {
                (open[at], open[to]) = (open[to], open[at]);
            }

            Renumber([.. open, .. stages.Where(s => s.Kind != StageKind.Open)]);
            return null;
        }, ct);

    /// <summary>Archives or restores an open stage: deals in it stay, no deal moves into it; a pipeline keeps one active open stage.</summary>
    public async Task<Result> SetStageArchivedAsync(Viewer viewer, Guid id, bool archived, long version, CancellationToken ct = default) =>
        await ChangeStageAsync(viewer, id, version, (stage, stages) =>
        {
            if (stage.Kind != StageKind.Open)
            {
                return Error.Invalid(nameof(StageInput.NameEn), DealTexts.ValidationClosedStageFixed);
            }

            stage.Archived = archived;
            return stages.Any(s => s.Kind == StageKind.Open && !s.Archived)
                ? null
                : Error.Invalid(nameof(StageInput.NameEn), DealTexts.ValidationOneOpenStage);
        }, ct);

    public async Task<Result<Guid>> AddLostReasonAsync(Viewer viewer, LostReasonInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdministrator)
        {
            return Forbidden();
        }

        var reasons = await db.LostReasons.ToListAsync(ct);
        if (NameTaken(reasons.Select(r => (r.Id, r.NameEn, r.NameBg)), null, input) is { } taken)
        {
            return taken;
        }

        var reason = LostReason.Create();
        reason.NameEn = input.NameEn!.Trim();
        reason.NameBg = input.NameBg!.Trim();
        reason.Position = reasons.Count == 0 ? 0 : reasons.Max(r => r.Position) + 1;
        db.LostReasons.Add(reason);
        await db.SaveChangesAsync(ct);
        catalog.Reset();
        return reason.Id;
    }

    public async Task<Result> UpdateLostReasonAsync(Viewer viewer, Guid id, LostReasonInput input, CancellationToken ct = default) =>
        await ChangeReasonAsync(viewer, id, input.Version, (reason, reasons) =>
        {
            if (NameTaken(reasons.Select(r => (r.Id, r.NameEn, r.NameBg)), id, input) is { } taken)
            {
                return taken;
            }

            reason.NameEn = input.NameEn!.Trim();
            reason.NameBg = input.NameBg!.Trim();
            return null;
        }, ct);

    /// <summary>Archives or restores a reason: lost deals keep it, no deal is lost for it any more.</summary>
    public async Task<Result> SetLostReasonArchivedAsync(Viewer viewer, Guid id, bool archived, long version, CancellationToken ct = default) =>
        await ChangeReasonAsync(viewer, id, version, (reason, reasons) =>
        {
            reason.Archived = archived;
            return reasons.Any(r => !r.Archived) ? null : Error.Invalid(nameof(LostReasonInput.NameEn), DealTexts.ValidationOneLostReason);
        }, ct);

    private async Task<Result> ChangeStageAsync(Viewer viewer, Guid id, long version, Func<Stage, List<Stage>, Error?> change, CancellationToken ct)
    {
        if (!viewer.IsAdministrator)
        {
            return Forbidden();
        }

        var stage = await db.Stages.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stage is null)
        {
            return Error.NotFound(DealTexts.ErrorStageNotFound);
        }

        if (stage.Version != version)
        {
            return Error.StaleVersion();
        }

        var stages = await db.Stages.Where(s => s.PipelineId == stage.PipelineId).OrderBy(s => s.Position).ToListAsync(ct);
        stage = stages.First(s => s.Id == id);
        return change(stage, stages) is { } error ? error : await SaveAsync(ct);
    }

    private async Task<Result> ChangeReasonAsync(Viewer viewer, Guid id, long version, Func<LostReason, List<LostReason>, Error?> change, CancellationToken ct)
    {
        if (!viewer.IsAdministrator)
        {
            return Forbidden();
        }

        var reasons = await db.LostReasons.ToListAsync(ct);
        if (reasons.Find(r => r.Id == id) is not { } reason)
        {
            return Error.NotFound(DealTexts.ErrorLostReasonNotFound);
        }

        if (reason.Version != version)
        {
            return Error.StaleVersion();
        }

        return change(reason, reasons) is { } error ? error : await SaveAsync(ct);
    }

    private async Task<Result> SaveAsync(CancellationToken ct)
    {
        var result = await db.SaveOrConflictAsync(ct);
        catalog.Reset();
        return result;
    }

    private static void Apply(Stage stage, StageInput input)
    {
        stage.NameEn = input.NameEn!.Trim();
        stage.NameBg = input.NameBg!.Trim();
        stage.Probability = Math.Round(input.Probability!.Value, 2);
    }

    private static void Renumber(List<Stage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Position != i)
            {
                ordered[i].Position = i;
            }
        }
    }

    private static void SetDefault(List<Pipeline> pipelines, Pipeline chosen, bool isDefault)
    {
        if (!isDefault)
        {
            return;
        }

        foreach (var p in pipelines.Where(p => p != chosen && p.IsDefault))
        {
            p.IsDefault = false;
        }

        chosen.IsDefault = true;
    }

    private static Error? NameTaken(IEnumerable<(Guid Id, string En, string Bg)> others, Guid? self, NamedInput input)
    {
        var rest = others.Where(o => o.Id != self).ToList();
        if (rest.Any(o => SearchText.Fold(o.En) == SearchText.Fold(input.NameEn)))
        {
            return Error.Invalid(nameof(NamedInput.NameEn), DealTexts.ValidationNameTaken);
        }

        return rest.Any(o => SearchText.Fold(o.Bg) == SearchText.Fold(input.NameBg))
            ? Error.Invalid(nameof(NamedInput.NameBg), DealTexts.ValidationNameTaken)
            : null;
    }

    private static Error Forbidden() => new(ErrorKind.Forbidden, Texts.ErrorForbidden);
}
