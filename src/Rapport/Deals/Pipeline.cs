using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.Deals;

/// <summary>A sales process as the organisation defines it: its stages in order. One pipeline is the default for new deals.</summary>
public sealed class Pipeline : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string NameEn { get; set; } = "";

    public string NameBg { get; set; } = "";

    public int Position { get; set; }

    public bool IsDefault { get; set; }

    public bool Archived { get; set; }

    public long Version { get; set; }

    public List<Stage> Stages { get; } = [];

    public static Pipeline Create(Guid? id = null)
    {
        var pipeline = new Pipeline();
        if (id is { } fixedId)
        {
            pipeline.Id = fixedId;
        }

        return pipeline;
    }

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "bg" ? NameBg : NameEn;
}

/// <summary>What reaching a stage means for a deal: still being worked, won, or lost.</summary>
public enum StageKind
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// A step of a pipeline with the probability a deal in it gets unless its owner says otherwise. A pipeline has one
/// won and one lost stage; open stages come first in <see cref="Position"/> order.
/// </summary>
public sealed class Stage : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PipelineId { get; set; }

    public string NameEn { get; set; } = "";

    public string NameBg { get; set; } = "";

    public int Position { get; set; }

    /// <summary>Percent 0–100: the default probability of a deal in this stage; 100 for won, 0 for lost.</summary>
    public decimal Probability { get; set; }

    public StageKind Kind { get; set; }

    public bool Archived { get; set; }

    public long Version { get; set; }

    public static Stage Create(Guid? id = null)
    {
        var stage = new Stage();
        if (id is { } fixedId)
        {
            stage.Id = fixedId;
        }

        return stage;
    }

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "bg" ? NameBg : NameEn;
}

/// <summary>Why a deal was lost, from a list the organisation keeps.</summary>
public sealed class LostReason : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string NameEn { get; set; } = "";

    public string NameBg { get; set; } = "";

    public int Position { get; set; }

    public bool Archived { get; set; }

    public long Version { get; set; }

    public static LostReason Create(Guid? id = null)
    {
        var reason = new LostReason();
        if (id is { } fixedId)
        {
            reason.Id = fixedId;
        }

        return reason;
    }

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "bg" ? NameBg : NameEn;
}

/// <summary>The pipeline and lost reasons every installation starts with, as the migration that made their tables put them in.</summary>
public static class DealDefaults
{
    public const int NameLength = 60;

    public static readonly Guid DefaultPipelineId = new("0193f1a0-0000-7000-8000-000000000001");

    public static readonly Guid QualificationId = new("0193f1a0-0000-7000-8000-000000000011");
    public static readonly Guid NeedsAnalysisId = new("0193f1a0-0000-7000-8000-000000000012");
    public static readonly Guid ProposalId = new("0193f1a0-0000-7000-8000-000000000013");
    public static readonly Guid NegotiationId = new("0193f1a0-0000-7000-8000-000000000014");
    public static readonly Guid WonId = new("0193f1a0-0000-7000-8000-000000000015");
    public static readonly Guid LostId = new("0193f1a0-0000-7000-8000-000000000016");

    public static Pipeline Pipeline()
    {
        var pipeline = Deals.Pipeline.Create(DefaultPipelineId);
        pipeline.NameEn = "Sales";
        pipeline.NameBg = "Продажби";
        pipeline.IsDefault = true;
        return pipeline;
    }

    public static IReadOnlyList<Stage> Stages() =>
    [
        NewStage(QualificationId, "Qualification", "Квалификация", 0, 10, StageKind.Open),
        NewStage(NeedsAnalysisId, "Needs analysis", "Анализ на нуждите", 1, 25, StageKind.Open),
        NewStage(ProposalId, "Proposal", "Оферта", 2, 50, StageKind.Open),
        NewStage(NegotiationId, "Negotiation", "Преговори", 3, 75, StageKind.Open),
        NewStage(WonId, "Won", "Спечелена", 4, 100, StageKind.Won),
        NewStage(LostId, "Lost", "Загубена", 5, 0, StageKind.Lost),
    ];

    public static IReadOnlyList<LostReason> LostReasons() =>
    [
        NewReason(1, "Price", "Цена"),
        NewReason(2, "Went with a competitor", "Избраха конкурент"),
        NewReason(3, "No budget", "Няма бюджет"),
        NewReason(4, "No decision", "Не взеха решение"),
        NewReason(5, "Timing", "Неподходящ момент"),
        NewReason(6, "Product fit", "Продуктът не отговаря на нуждите"),
    ];

    private static Stage NewStage(Guid id, string en, string bg, int position, decimal probability, StageKind kind)
    {
        var stage = Stage.Create(id);
        stage.PipelineId = DefaultPipelineId;
        stage.NameEn = en;
        stage.NameBg = bg;
        stage.Position = position;
        stage.Probability = probability;
        stage.Kind = kind;
        return stage;
    }

    private static LostReason NewReason(int n, string en, string bg)
    {
        var reason = LostReason.Create(new Guid($"0193f1a0-0000-7000-8000-0000000001{n:D2}"));
        reason.NameEn = en;
        reason.NameBg = bg;
        reason.Position = n - 1;
        return reason;
    }
}

/// <summary>
/// Pipelines, stages and lost reasons as read once for a piece of work: names in the reader's language, order,
/// probabilities, which stage wins and which loses.
/// </summary>
public sealed class DealSettings
{
    private readonly Dictionary<Guid, Stage> _stages;
    private readonly Dictionary<Guid, LostReason> _reasons;

    public DealSettings(IEnumerable<Pipeline> pipelines, IEnumerable<Stage> stages, IEnumerable<LostReason> reasons)
    {
        Pipelines = [.. pipelines.OrderBy(p => p.Position).ThenBy(p => p.NameEn, StringComparer.Ordinal)];
        var all = stages.OrderBy(s => s.Position).ThenBy(s => s.NameEn, StringComparer.Ordinal).ToList();
        _stages = all.ToDictionary(s => s.Id);
        StagesByPipeline = Pipelines.ToDictionary(p => p.Id, p => (IReadOnlyList<Stage>)[.. all.Where(s => s.PipelineId == p.Id)]);
        LostReasons = [.. reasons.OrderBy(r => r.Position).ThenBy(r => r.NameEn, StringComparer.Ordinal)];
        _reasons = LostReasons.ToDictionary(r => r.Id);
    }

    public IReadOnlyList<Pipeline> Pipelines { get; }

    public IReadOnlyDictionary<Guid, IReadOnlyList<Stage>> StagesByPipeline { get; }

    public IReadOnlyList<LostReason> LostReasons { get; }

    /// <summary>The pipeline new deals go into: the one marked default, else the first active one.</summary>
    public Pipeline? DefaultPipeline =>
        Pipelines.FirstOrDefault(p => p.IsDefault && !p.Archived) ?? Pipelines.FirstOrDefault(p => !p.Archived);

    public IReadOnlyList<Stage> StagesOf(Guid pipelineId) => StagesByPipeline.GetValueOrDefault(pipelineId) ?? [];

    public Stage? Stage(Guid id) => _stages.GetValueOrDefault(id);

    public LostReason? LostReason(Guid id) => _reasons.GetValueOrDefault(id);

    public Stage? WonStage(Guid pipelineId) => StagesOf(pipelineId).FirstOrDefault(s => s.Kind == StageKind.Won);

    public Stage? LostStage(Guid pipelineId) => StagesOf(pipelineId).FirstOrDefault(s => s.Kind == StageKind.Lost);

    /// <summary>The first active open stage of a pipeline: where a new deal starts.</summary>
    public Stage? FirstOpenStage(Guid pipelineId) => StagesOf(pipelineId).FirstOrDefault(s => s.Kind == StageKind.Open && !s.Archived);

    public string StageName(Guid id) => Stage(id)?.Name(CultureInfo.CurrentUICulture) ?? "—";

    public string? ReasonName(Guid? id) => id is { } r ? LostReason(r)?.Name(CultureInfo.CurrentUICulture) : null;
}

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> builder)
    {
        builder.Property(x => x.NameEn).HasMaxLength(DealDefaults.NameLength);
        builder.Property(x => x.NameBg).HasMaxLength(DealDefaults.NameLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasMany(x => x.Stages).WithOne().HasForeignKey(x => x.PipelineId).OnDelete(DeleteBehavior.Restrict);
        var p = DealDefaults.Pipeline();
        builder.HasData(new { p.Id, p.NameEn, p.NameBg, p.Position, p.IsDefault, p.Archived, Version = 0L });
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.Property(x => x.NameEn).HasMaxLength(DealDefaults.NameLength);
        builder.Property(x => x.NameBg).HasMaxLength(DealDefaults.NameLength);
        builder.Property(x => x.Probability).HasPrecision(5, 2);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.PipelineId, x.Position });
        builder.HasData(DealDefaults.Stages().Select(s => new
        {
            s.Id, s.PipelineId, s.NameEn, s.NameBg, s.Position, s.Probability, s.Kind, s.Archived, Version = 0L,
        }));
    }
}

internal sealed class LostReasonConfiguration : IEntityTypeConfiguration<LostReason>
{
    public void Configure(EntityTypeBuilder<LostReason> builder)
    {
        builder.Property(x => x.NameEn).HasMaxLength(DealDefaults.NameLength);
        builder.Property(x => x.NameBg).HasMaxLength(DealDefaults.NameLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasData(DealDefaults.LostReasons().Select(r => new { r.Id, r.NameEn, r.NameBg, r.Position, r.Archived, Version = 0L }));
    }
}
