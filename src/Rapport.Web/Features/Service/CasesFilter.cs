using Rapport.Service;

namespace Rapport.Web.Features.Service;

/// <summary>The case list's query string as the page and its export read it: leniently, every value as text.</summary>
internal static class CasesFilter
{
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    public static CaseFilter From(string? status, string? priority, string? sla, string? assignee, string? account) => new(
        Status: Parse<CaseStatus>(status),
        All: string.Equals(status, "all", StringComparison.OrdinalIgnoreCase),
        Priority: Parse<CasePriority>(priority),
        AssigneeId: Guid.TryParse(assignee, out var a) ? a : null,
        AccountId: Guid.TryParse(account, out var c) ? c : null,
        Sla: Parse<SlaState>(sla));
}
