using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Identity;

namespace Rapport.Cli;

/// <summary><c>tokens create</c>: issue a personal API token, for scripts and integrations.</summary>
internal static class TokenCommands
{
    private static readonly Dictionary<string, string> OptionOfField = new(StringComparer.Ordinal)
    {
        [nameof(NewTokenInput.Name)] = "--name",
    };

    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the token's owner.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, shown in the owner's token list.", Required = true };

        var create = new Command("create", "Create an API token and print only its secret, which cannot be shown again.") { email, name };
        create.SetAction((parsed, ct) => CliHost.RunAsync(parsed, async services =>
        {
            var input = new NewTokenInput { Name = parsed.GetValue(name) };
            if (CliHost.Validate(input) is { Count: > 0 } invalid)
            {
                return await CliHost.FailAsync(invalid, OptionOfField);
            }

            var address = parsed.GetRequiredValue(email);
            var user = await services.GetRequiredService<UserManager<User>>().FindByEmailAsync(address);
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"No user has the e-mail address {address}.");
                return ExitCodes.Failed;
            }

            var created = await services.GetRequiredService<ApiTokenHandlers>().CreateAsync(user.Id, input, ct);
            if (!created.IsSuccess)
            {
                return await CliHost.FailAsync(created.Errors, OptionOfField);
            }

            // Only the secret on stdout, so that a script can capture it: TOKEN=$(rapport tokens create ...).
            await Console.Out.WriteLineAsync(created.Value);
            return ExitCodes.Ok;
        }, ct));

        return new Command("tokens", "Manage API tokens.") { create };
    }
}
