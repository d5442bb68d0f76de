using Rapport;
using Rapport.Data;
using Rapport.Web;

// "--demo" is a switch, not a setting: left in, the configuration reader would take the next argument as its value.
var demo = args.Contains("--demo");
args = [.. args.Where(a => a != "--demo")];

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // Settings and static files come from beside the program, wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddRapportWeb();

var app = builder.Build();
app.UseRapportWeb();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
    if (demo)
    {
        DemoBanner.Write(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(), Console.Out);
    }
}

await app.RunAsync();

/// <summary>The web host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
