using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Identity;
using Rapport.Shared;

namespace Rapport.Cli;

/// <summary><c>users add</c>: create a sign-in account, for instance the first administrator.</summary>
internal static class UserCommands
{
    private static readonly Dictionary<string, string> OptionOfField = new(StringComparer.Ordinal)
    {
        [nameof(NewUserInput.Email)] = "--email",
        [nameof(NewUserInput.Password)] = "--password",
        [nameof(NewUserInput.Roles)] = "--role",
        [nameof(NewUserInput.DisplayName)] = "--name",
    };

    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "E-mail address, also the user name.", Required = true };
        var password = new Option<string>("--password") { Description = "Initial password.", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role to grant; repeat for several.",
            Required = true,
        };
        roles.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Roles.All]);
        var name = new Option<string>("--name") { Description = "Display name (defaults to the e-mail address)." };

        var add = new Command("add", "Create a user.") { email, password, roles, name };
        add.SetAction((parsed, ct) => CliHost.RunAsync(parsed, async services =>
        {
            var input = new NewUserInput
            {
                Email = parsed.GetValue(email),
                Password = parsed.GetValue(password),
                DisplayName = parsed.GetValue(name) ?? parsed.GetValue(email),
                // Accepted in any case above; stored as spelled in Roles.All.
                Roles = [.. parsed.GetRequiredValue(roles).Select(r => Roles.All.First(known => known.Equals(r, StringComparison.OrdinalIgnoreCase)))],
            };
            if (CliHost.Validate(input) is { Count: > 0 } invalid)
            {
                return await CliHost.FailAsync(invalid, OptionOfField);
            }

            var created = await services.GetRequiredService<UserHandlers>().CreateAsync(input, ct);
            if (!created.IsSuccess)
            {
                return await CliHost.FailAsync(created.Errors, OptionOfField);
            }

            await Console.Out.WriteLineAsync($"Created user {input.Email} ({created.Value}) with roles {string.Join(", ", input.Roles)}.");
            return ExitCodes.Ok;
        }, ct));

        return new Command("users", "Manage sign-in accounts.") { add };
    }
}
