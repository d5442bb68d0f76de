using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>
/// A part a contact plays in the client's buying decisions, as the organisation defines it: its names in both
/// languages, how often we expect to be in touch with someone in it, and whether an account needs a warm relationship
/// in it to count as covered. Contacts refer to a role by its <see cref="Code"/>, which never changes.
/// </summary>
public sealed class BuyingRole : IVersioned, IAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>A stable key made from the English name when the role is created, e.g. "DecisionMaker".</summary>
    public string Code { get; private set; } = "";

    public string NameEn { get; set; } = "";

    public string NameBg { get; set; } = "";

    /// <summary>The expected days between contacts; past it a relationship with someone in this role is going cold.</summary>
    public int RhythmDays { get; set; }

    /// <summary>Whether coverage needs a warm relationship with an active contact in this role.</summary>
    public bool Required { get; set; }

    /// <summary>Where the role stands in lists and pickers: the roles that matter most first.</summary>
    public int Position { get; set; }

    /// <summary>An archived role stays on the contacts that have it but is offered for no new one.</summary>
    public bool Archived { get; set; }

    public long Version { get; set; }

    public static BuyingRole Create(string code) => new() { Code = code };

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "bg" ? NameBg : NameEn;
}

/// <summary>The codes of the roles every installation starts with.</summary>
public static class BuyingRoles
{
    public const string DecisionMaker = "DecisionMaker";
    public const string Signatory = "Signatory";
    public const string Influencer = "Influencer";
    public const string User = "User";
    public const string Gatekeeper = "Gatekeeper";

    public const int CodeLength = 40;
    public const int NameLength = 60;

    /// <summary>The roles every installation starts with, as the first migration that knew roles put them in.</summary>
    public static IReadOnlyList<BuyingRole> Defaults() =>
    [
        Default(DecisionMaker, "Decision-maker", "Лице, вземащо решения", 30, required: true, 0),
        Default(Signatory, "Signatory", "Подписващо лице", 45, required: true, 1),
        Default(Influencer, "Influencer", "Влияещо лице", 45, required: false, 2),
        Default(User, "User", "Ползвател", 90, required: false, 3),
        Default(Gatekeeper, "Gatekeeper", "Пазач на достъпа", 60, required: false, 4),
    ];

    /// <summary>The rhythm assumed for a code no role has, e.g. a contact read before its role was deleted.</summary>
    public const int DefaultRhythmDays = 60;

    private static BuyingRole Default(string code, string en, string bg, int rhythm, bool required, int position)
    {
        var role = BuyingRole.Create(code);
        role.NameEn = en;
        role.NameBg = bg;
        role.RhythmDays = rhythm;
        role.Required = required;
        role.Position = position;
        return role;
    }

    /// <summary>
    /// A code from an English name: its ASCII letters and digits in Pascal case ("Technical buyer" gives
    /// "TechnicalBuyer"), "Role" when the name has none; made unique against <paramref name="taken"/> by a number.
    /// </summary>
    public static string CodeFor(string name, IReadOnlySet<string> taken)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var stem = string.Concat(words);
        if (stem.Length == 0 || char.IsAsciiDigit(stem[0]))
        {
            stem = "Role" + stem;
        }

        stem = stem[..Math.Min(stem.Length, CodeLength - 4)];
        var code = stem;
        for (var n = 2; taken.Contains(code); n++)
        {
            code = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return code;
    }
}

/// <summary>The buying roles as read once for a piece of work: names, rhythms, which are required, in their order.</summary>
public sealed class RoleSet
{
    private readonly Dictionary<string, BuyingRole> _byCode;
    private readonly Dictionary<string, int> _order;

    public RoleSet(IEnumerable<BuyingRole> roles)
    {
        All = [.. roles.OrderBy(r => r.Position).ThenBy(r => r.Code, StringComparer.Ordinal)];
        _byCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);
        _order = All.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        Required = [.. All.Where(r => r.Required && !r.Archived).Select(r => r.Code)];
    }

    public IReadOnlyList<BuyingRole> All { get; }

    /// <summary>The codes of the roles coverage asks for, in their order.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>
    /// The role a contact gets when nobody said which: "Influencer" while it is active, else the first active role
    /// that coverage does not require, else the first active role.
    /// </summary>
    public string Default =>
        Find(BuyingRoles.Influencer) is { Archived: false } ? BuyingRoles.Influencer
        : All.FirstOrDefault(r => !r.Archived && !r.Required)?.Code
        ?? All.FirstOrDefault(r => !r.Archived)?.Code
        ?? BuyingRoles.Influencer;

    public BuyingRole? Find(string code) => _byCode.GetValueOrDefault(code);

    public bool IsRequired(string code) => Find(code) is { Required: true, Archived: false };

    /// <summary>The role's name in the current UI language; the code itself for a role that no longer exists.</summary>
    public string NameOf(string code) => Find(code)?.Name(CultureInfo.CurrentUICulture) ?? code;

    public int RhythmOf(string code) => Find(code)?.RhythmDays ?? BuyingRoles.DefaultRhythmDays;

    /// <summary>Where the role stands among the others; unknown codes last.</summary>
    public int OrderOf(string code) => _order.GetValueOrDefault(code, int.MaxValue);

    /// <summary>The roles a picker offers: the active ones, and <paramref name="current"/> even when archived.</summary>
    public IEnumerable<BuyingRole> Choices(string? current = null) =>
        All.Where(r => !r.Archived || string.Equals(r.Code, current, StringComparison.Ordinal));
}

internal sealed class BuyingRoleConfiguration : IEntityTypeConfiguration<BuyingRole>
{
    public void Configure(EntityTypeBuilder<BuyingRole> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(BuyingRoles.CodeLength);
        builder.HasAlternateKey(x => x.Code);
        builder.Property(x => x.NameEn).HasMaxLength(BuyingRoles.NameLength);
        builder.Property(x => x.NameBg).HasMaxLength(BuyingRoles.NameLength);
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
