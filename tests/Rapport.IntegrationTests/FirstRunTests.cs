using System.Net;

namespace Rapport.IntegrationTests;

/// <summary>A fresh installation: the setup page creates the first administrator, then disappears.</summary>
public sealed class FirstRunTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Setup_creates_the_first_administrator_once()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetAsync("/account/login");
        Assert.Equal("/setup", login.Headers.Location?.AbsolutePath);

        var created = await RapportApp.PostFormAsync(client, "/setup", "setup", new()
        {
            ["Input.Organisation"] = "Акме ООД", ["Input.DisplayName"] = "Първи Администратор",
            ["Input.Email"] = "first@acme.example", ["Input.Password"] = "First-admin-2026", ["Input.Confirm"] = "First-admin-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Акме ООД", await client.GetStringAsync("/"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/setup")).StatusCode);
        var health = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
