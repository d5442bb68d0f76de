using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rapport.Web;

/// <summary>
/// What the OpenAPI document says once for every operation, so that an endpoint states only what is its own (name,
/// summary, its success and business responses): the token scheme and where it applies, the 401 and 403 that
/// authorisation answers, the 400 a query value that does not parse answers, who may call it, tag descriptions and the
/// document's header. <c>OpenApiDocumentTests</c> keeps the result clean under the rules the linters apply.
/// </summary>
internal static class ApiDocument
{
    public const string TokenScheme = "apiToken";

    /// <summary>One line per tag: a new tag needs its line here (the document test says so).</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Me"] = "The user a token belongs to.",
        ["Search"] = "The global search across accounts and contacts.",
        ["Employees"] = "Our people: position, team, manager, and the share of their time that goes to account management.",
        ["Teams"] = "Teams of employees and their heads.",
        ["Settings"] = "The organisation, effective-dated country parameters (minimum wage, the euro rate) and the buying roles a contact can hold.",
        ["Accounts"] = "Client companies with their owner, coordinator, segment and status; their contacts, timeline and decision-role coverage.",
        ["Contacts"] = "The people at an account, with their buying role, e-mail addresses and phone numbers; moving to another company, merging.",
        ["Duplicates"] = "Accounts and contacts that look like the same one, to merge.",
        ["Follow-ups"] = "Tasks for one of our people on an account: next steps of interactions and follow-ups such as re-covering a buying role after a contact moved on; done, snoozed, reopened.",
        ["Interactions"] = "Calls, meetings, e-mails and notes, with the people who took part on both sides.",
        ["Relationships"] = "Relationships between one of our people and one of the client's, with a strength that decays without contact.",
        ["Products"] = "The catalogue: products with categories and list prices per currency, archived once a deal uses them.",
        ["Deals"] = "Sales being worked on accounts: lines, stage and probability, forecast category, credit splits, buying committee, risk; winning, losing, reopening; payments and credit notes.",
        ["Quotas"] = "Quotas per person for a month or a quarter, set from above, with the team's rolled up and attainment.",
        ["Forecast"] = "Won, commit, best case and weighted pipeline per month and quarter for a person, a team or the company, against quota; weekly snapshots.",
        ["Performance"] = "The ranking of account managers for a period: new business, growth, win rate, cycle, quota attainment.",
        ["Deal events"] = "The append-only log of what happened to deals (stage moves, amounts, wins, losses, reopens, payments), which pay reads.",
        ["Cases"] = "Service cases raised by a client's contact, with their thread of replies, status, assignee and SLA timers in working hours.",
        ["Services"] = "The services and subscriptions a client uses (value per month or year, renewal date, status), upcoming renewals, and a renewal turned into a deal.",
        ["Health"] = "Account health 0-100 with each factor's points and reason: relationships, decision-maker coverage, service cases, renewals and revenue trend.",
        ["Intake"] = "Inbound e-mail from a mail gateway, placed by its sender as a new case or a reply on the case its subject refers to, "
            + "and the triage of messages whose sender could not be placed: filed as a case or dismissed.",
        ["Compensation"] = "Compensation plans (versioned JSON), the statement preview, pay periods from calculation to lock, statements whose every line shows its formula, "
            + "the live ledger and inquiries on statement lines.",
        ["SLA"] = "SLA targets per case priority in working hours, the working calendar (time zone, days, hours) and public holidays.",
        ["Staffing"] = "The competency catalogue, versioned role profiles, vacancies, candidates with their evidence, rankings whose every point is explained, "
            + "internal re-targeting of employees, hiring in one step and erasure of candidates' personal data.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer(DescribeAccessAsync);
        options.AddDocumentTransformer(DescribeDocumentAsync);
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Rapport API";
        document.Info.Version = "v1";
        document.Info.Description =
            "Account management: people, settings and the client base (accounts, contacts, interactions, relationships, "
            + "coverage), with deals, pay and staffing as they arrive. Everything the pages do is here.\n\n"
            + "**Authentication.** Every operation needs a personal API token (*your name → API tokens*), sent as "
            + "`Authorization: Bearer rpt_…`. A token acts with its user's roles and sees only the records its user sees: "
            + "a record it may not see is not found.\n\n"
            + "**Errors** are RFC 9457 problem details (`application/problem+json`): 400 with `errors` by field, named as "
            + "in the JSON (`emails[1]`); 401 without a valid token; 403 without the role; 404; 409 when an edit carries a "
            + "stale `version`; 415 for a body that is not JSON in a known charset.\n\n"
            + "**Lists** come a keyset page at a time: pass the `next` of one page as `after` to get the following one.";
        document.Info.Contact = new OpenApiContact { Name = "The administrators of this Rapport installation" };
        // No open licence is granted; an SPDX LicenseRef says so in the form the linters take.
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };

        // The servers are the address the document was asked at; a trailing slash would double the paths' own.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "rpt_…",
            Description = "A personal API token, created under *your name → API tokens* and shown once.",
        };

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeAccessAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorized = !metadata.OfType<IAllowAnonymous>().Any()
            && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());
        operation.Responses ??= [];
        if (!authorized)
        {
            // Said outright, so that no reader (or linter) takes the operation for one that forgot its security.
            operation.Security = [];
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, context.Document)] = [] }];
        AddProblem(operation, context, StatusCodes.Status401Unauthorized, "No valid personal API token was sent.");

        // Each policy on the way (the API group, an area's group, the endpoint) must be met: the roles that may call
        // the operation are those every one of them allows.
        var roleSets = metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
            .Select(r => r.AllowedRoles)
            .Concat(metadata.OfType<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Roles))
                .Select(a => (IEnumerable<string>)a.Roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        string access;
        if (roleSets.Count > 0)
        {
            var roles = roleSets.Skip(1).Aggregate(roleSets[0].ToHashSet(), (all, set) => { all.IntersectWith(set); return all; });
            AddProblem(operation, context, StatusCodes.Status403Forbidden, "The token's user holds none of the roles the operation needs.");
            access = $"**Roles:** {string.Join(", ", Shared.Roles.All.Where(roles.Contains))}.";
        }
        else
        {
            access = "**Roles:** any; a token sees what its user sees.";
        }

        // A query value that does not parse, or a required one left out, is a 400 naming it, as a bad body is.
        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Query"))
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest, "A value that does not parse or is missing, by field.",
                nameof(HttpValidationProblemDetails));
        }

        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? access : operation.Description + "\n\n" + access;

        // In status order, as a reader scans them.
        var responses = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (code, response) in responses)
        {
            operation.Responses[code] = response;
        }

        return Task.CompletedTask;
    }

    private static void AddProblem(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description,
        string schema = nameof(ProblemDetails))
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }
}
