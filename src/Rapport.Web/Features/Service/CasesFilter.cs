using System.Globalization;
using Rapport.People;
using Rapport.Service;
using Rapport.Shared;

namespace Rapport.Web.Features.Service;

/// <summary>The case list's query string as the page and its export read it: leniently, every value as text.</summary>
internal static class CasesFilter
{
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    public static CaseFilter From(string? status, string? priority, string? sla, Assignee assignee, string? account) => new(
        Status: Parse<CaseStatus>(status),
        All: string.Equals(status, "all", StringComparison.OrdinalIgnoreCase),
        Priority: Parse<CasePriority>(priority),
        AssigneeId: assignee.Id,
        AccountId: Guid.TryParse(account, out var c) ? c : null,
        Sla: Parse<SlaState>(sla));

    /// <summary>
    /// The assignee filter: an employee's id (as Home's and the escalations' links give it) or a colleague's name as
    /// typed into the box, in either alphabet. A name that fits nobody, or several, keeps no case (<see cref="Guid.Empty"/>)
    /// and says why, rather than listing everyone's.
    /// </summary>
    public static async Task<Assignee> AssigneeAsync(EmployeeHandlers employees, string? text, CancellationToken ct = default)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return new(null, "", null);
        }

        if (Guid.TryParse(typed, out var id))
        {
            return new(id, await employees.NameOfAsync(id, ct) ?? typed, null);
        }

        var pick = await employees.ResolveColleagueAsync(typed, ct);
        return pick.Count == 1
            ? new(pick[0].Id, pick[0].Name, null)
            : new(Guid.Empty, typed, pick.Count == 0
                ? string.Format(CultureInfo.CurrentCulture, Texts.ValidationNoSuchColleague, typed)
                : string.Format(CultureInfo.CurrentCulture, Texts.ValidationSeveralColleagues, typed, string.Join(", ", pick.Select(c => c.Name))));
    }

    /// <summary>Whose cases the list keeps (none: everyone's), the name the box shows, and why a typed name was not taken.</summary>
    public sealed record Assignee(Guid? Id, string Text, string? Error);
}
