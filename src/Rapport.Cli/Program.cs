using System.CommandLine;
using System.CommandLine.Invocation;
using Rapport.Cli;

var root = new RootCommand("Rapport on the command line: migrate the database, seed demo data, add users and API tokens, import CSV, preview pay.");
root.Options.Add(CliHost.ProviderOption);
root.Options.Add(CliHost.ConnectionOption);
root.Subcommands.Add(DatabaseCommands.Migrate());
root.Subcommands.Add(DatabaseCommands.SeedDemo());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(TokenCommands.Create());
root.Subcommands.Add(ImportCommands.Create());
root.Subcommands.Add(PayCommands.Create());

var parsed = root.Parse(args);
if (parsed.Action is ParseErrorAction)
{
    // Let System.CommandLine print the errors with its help and typo hints, but report a usage error as 2, not 1.
    await parsed.InvokeAsync();
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();
