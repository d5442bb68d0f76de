using Rapport;
using Rapport.Data;
using Rapport.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRapportWeb();

var app = builder.Build();
app.UseRapportWeb();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
    if (args.Contains("--demo"))
    {
        var logins = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        DemoBanner.Print(logins, app.Logger);
    }
}

await app.RunAsync();

/// <summary>The web host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
