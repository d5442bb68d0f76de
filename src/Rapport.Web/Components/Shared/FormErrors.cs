using Microsoft.AspNetCore.Components.Forms;
using Rapport.Shared;

namespace Rapport.Web.Components.Shared;

/// <summary>Shows business errors from a handler next to the fields they name; returns the message of the rest.</summary>
internal static class FormErrors
{
    public static string? Show(EditContext context, IReadOnlyList<Error> errors)
    {
        var store = new ValidationMessageStore(context);
        var general = new List<string>();
        foreach (var error in errors)
        {
            if (error.Field is { } field)
            {
                store.Add(context.Field(field), error.Message);
            }
            else
            {
                general.Add(error.Message);
            }
        }

        context.NotifyValidationStateChanged();
        return general.Count > 0 ? string.Join(" ", general) : null;
    }
}
