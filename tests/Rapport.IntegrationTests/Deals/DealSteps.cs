using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Deals;
using Rapport.Shared;

namespace Rapport.IntegrationTests.Deals;

/// <summary>Steps the deal tests that drive the handlers directly share.</summary>
internal static class DealSteps
{
    /// <summary>The deal's version as stored, for the next command on it.</summary>
    public static Task<long> DealVersionAsync(this RapportApp app, Guid deal) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<RapportDb>().Deals.Where(d => d.Id == deal).Select(d => d.Version).SingleAsync());

    /// <summary>Runs a command of <see cref="DealHandlers"/> and asserts it succeeded.</summary>
    public static async Task DealCommandAsync(this RapportApp app, Func<DealHandlers, Task<Result>> command) =>
        Assert.True((await app.WithServicesAsync(sp => command(sp.GetRequiredService<DealHandlers>()))).IsSuccess);

    /// <summary>An account manager signed in as a user of this employee.</summary>
    public static async Task<Viewer> ManagerViewerAsync(this RapportApp app, Guid employee)
    {
        var (user, _) = await app.CreateUserAsync(employee, Roles.AccountManager);
        return new Viewer(user, employee, new HashSet<string> { Roles.AccountManager });
    }
}
