using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rapport.ClientBase.Import;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.Cli;

/// <summary>
/// <c>import accounts|contacts|interactions FILE</c>: the client-base CSV import of the web pages, for large files and
/// scripts. Prints the rows in error on stderr and the counts on stdout; exits 1 when any row is in error.
/// </summary>
internal static class ImportCommands
{
    public static Command Create()
    {
        var import = new Command("import", "Import into the client base from CSV, updating records by natural key instead of duplicating them.");
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            import.Subcommands.Add(For(kind));
        }

        return import;
    }

    private static Command For(ImportKind kind)
    {
        var name = kind.ToString().ToLowerInvariant();
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The CSV file: UTF-8 or Windows-1251, separated by commas or semicolons, with the column names on the first line.",
        };
        file.AcceptExistingOnly();
        var mapping = new Option<string>("--mapping")
        {
            Description = "Name of a saved column mapping; without it, columns are matched by their names.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and count what would change, writing nothing." };
        var actAs = new Option<string>("--as")
        {
            Description = "E-mail of the user to import as, with that user's permissions (by default, as an administrator).",
        };

        var command = new Command(name, $"Import {name} from a CSV file.") { file, mapping, dryRun, actAs };
        command.SetAction((parsed, ct) => CliHost.RunAsync(parsed, async services =>
        {
            var viewer = await ViewerAsync(services, parsed.GetValue(actAs));
            if (viewer is null)
            {
                return ExitCodes.Failed;
            }

            await using var stream = parsed.GetRequiredValue(file).OpenRead();
            ColumnMap map;
            if (parsed.GetValue(mapping) is { } mappingName)
            {
                if (await services.GetRequiredService<ImportMappingHandlers>().FindAsync(kind, mappingName, ct) is not { } saved)
                {
                    await Console.Error.WriteLineAsync($"No saved {name} mapping is called \"{mappingName}\".");
                    return ExitCodes.Failed;
                }

                map = saved;
            }
            else
            {
                map = ImportFields.Suggest(kind, CsvFile.Open(stream).Headers);
            }

            var imports = services.GetRequiredService<ImportHandlers>();
            var progress = new RowsProgress(Console.Error);
            var clock = Stopwatch.StartNew();
            var outcome = parsed.GetValue(dryRun)
                ? await imports.PreviewAsync(viewer, kind, stream, map, progress, ct)
                : await imports.CommitAsync(viewer, kind, stream, map, progress, ct);
            progress.Done();
            var seconds = clock.Elapsed.TotalSeconds;
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Rows} rows in {seconds:F1} s ({outcome.Rows / Math.Max(seconds, 0.001):F0} rows/s)."));

            foreach (var error in outcome.Errors)
            {
                var column = error.Column is null ? "" : $", column \"{error.Column}\"";
                await Console.Error.WriteLineAsync($"Row {error.Row}{column}: {error.Message}");
            }

            if (outcome.ErrorCount > outcome.Errors.Count)
            {
                await Console.Error.WriteLineAsync($"… and {outcome.ErrorCount - outcome.Errors.Count} more errors.");
            }

            var verdict = outcome.Committed ? "Imported." : outcome.IsClean ? "Dry run: nothing written." : "Nothing written: fix the rows in error.";
            await Console.Out.WriteLineAsync(
                $"{outcome.Rows} rows ({outcome.Encoding}, '{outcome.Separator}'): {outcome.Created} created, {outcome.Updated} updated, "
                + $"{outcome.Unchanged} unchanged, {outcome.ErrorCount} errors. {verdict}");
            return outcome.IsClean ? ExitCodes.Ok : ExitCodes.Failed;
        }, ct));
        return command;
    }

    /// <summary>The user named by <c>--as</c> with their roles, or an administrator; null (after saying why) if unusable.</summary>
    private static async Task<Viewer?> ViewerAsync(IServiceProvider services, string? email)
    {
        if (email is null)
        {
            return new Viewer(Guid.Empty, null, new HashSet<string>(StringComparer.Ordinal) { Roles.Administrator });
        }

        var users = services.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"No user has the e-mail address {email}.");
            return null;
        }

        if (await users.IsLockedOutAsync(user))
        {
            await Console.Error.WriteLineAsync($"The user {email} is disabled or locked out.");
            return null;
        }

        return new Viewer(user.Id, user.EmployeeId, (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>One line on stderr, redrawn in place: rows done of the rows in the file.</summary>
internal sealed class RowsProgress(TextWriter writer) : IProgress<ImportProgress>
{
    private bool _drawn;

    public void Report(ImportProgress value)
    {
        _drawn = true;
        var percent = value.RowsTotal == 0 ? 100 : value.RowsDone * 100 / value.RowsTotal;
        writer.Write($"\rImporting: {value.RowsDone:N0} of {value.RowsTotal:N0} rows ({percent}%)");
    }

    public void Done()
    {
        if (_drawn)
        {
            writer.WriteLine();
        }
    }
}
