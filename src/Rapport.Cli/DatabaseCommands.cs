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
            DefaultValueFactory = _ => DemoData.DefaultSeed,
        };
        var command = new Command("seed-demo", "Migrate, then seed the demo company, its client base and its sign-ins (or list the sign-ins when they are there).") { seedOption };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed, async services =>
        {
            var bar = new ProgressBar(Console.Error);
            bar.Report(0);
            var result = await services.GetRequiredService<DemoData>().SeedAsync(parsed.GetValue(seedOption), bar, ct);
            bar.Done();
            foreach (var line in DemoData.Describe(result))
            {
                await (result.IsDemo ? Console.Out : Console.Error).WriteLineAsync(line);
            }

            return result.IsDemo ? ExitCodes.Ok : ExitCodes.Failed;
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
