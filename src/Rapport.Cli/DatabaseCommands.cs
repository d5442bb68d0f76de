using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;

namespace Rapport.Cli;

/// <summary><c>migrate</c> and <c>seed-demo</c>: bring a database up to date and fill it with the demo company.</summary>
internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply pending migrations and the reference data every installation needs.");
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed, async _ =>
        {
            // CliHost has migrated already; this command only says so.
            await Console.Out.WriteLineAsync("Database is up to date.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command SeedDemo()
    {
        var seedOption = new Option<int>("--seed")
        {
            Description = "Seed of the random choices; the same seed gives the same company.",
            DefaultValueFactory = _ => 2026,
        };
        var command = new Command("seed-demo", "Migrate, then seed the demo company and its sign-in accounts.") { seedOption };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed, async services =>
        {
            var demo = services.GetRequiredService<DemoData>();
            if (await demo.IsSeededAsync(ct))
            {
                await Console.Out.WriteLineAsync("Demo data is already there: nothing seeded.");
                return ExitCodes.Ok;
            }

            var bar = new ProgressBar(Console.Error);
            bar.Report(0);
            var logins = await demo.SeedAsync(parsed.GetValue(seedOption), bar, ct);
            bar.Done();

            await Console.Out.WriteLineAsync($"Seeded the demo company. Sign in with password {DemoData.Password} as:");
            foreach (var login in logins)
            {
                await Console.Out.WriteLineAsync($"  {login.Email,-36} {login.Role}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}

/// <summary>A one-line bar redrawn in place; reports arrive on the caller's thread, so it draws in order.</summary>
internal sealed class ProgressBar(TextWriter writer) : IProgress<double>
{
    private const int Width = 30;
    private int _drawn = -1;

    public void Report(double value)
    {
        var percent = (int)Math.Round(Math.Clamp(value, 0, 1) * 100);
        if (percent == _drawn)
        {
            return;
        }

        _drawn = percent;
        var filled = percent * Width / 100;
        writer.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%");
    }

    public void Done()
    {
        if (_drawn >= 0)
        {
            writer.WriteLine();
        }
    }
}
