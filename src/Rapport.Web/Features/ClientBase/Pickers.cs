using Rapport.People;

namespace Rapport.Web.Features.ClientBase;

/// <summary>Options of the pickers on client-base forms.</summary>
internal static class Pickers
{
    /// <summary>
    /// The viewer's choices plus the records already chosen that those do not hold (an owner the viewer cannot
    /// otherwise see), so that saving a form never silently replaces a value the viewer could not pick.
    /// </summary>
    public static List<Choice> Including(this List<Choice> choices, params ReadOnlySpan<(Guid? Id, string? Name)> chosen)
    {
        var all = new List<Choice>(choices);
        foreach (var (id, name) in chosen)
        {
            if (id is { } value && name is not null && !all.Exists(c => c.Id == value))
            {
                all.Add(new Choice(value, name));
            }
        }

        return all;
    }
}
