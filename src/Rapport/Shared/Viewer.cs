namespace Rapport.Shared;

/// <summary>
/// The user a query or command runs for: their id, roles and linked employee. Every handler that reads
/// or changes records takes one, so what a person may see is decided in one place per feature.
/// </summary>
public sealed record Viewer(Guid UserId, Guid? EmployeeId, IReadOnlySet<string> Roles)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool IsAny(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsAdministrator => Is(Shared.Roles.Administrator);
}
