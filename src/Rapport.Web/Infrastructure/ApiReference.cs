using System.Net;
using Rapport.Shared;
using Scalar.AspNetCore;

namespace Rapport.Web;

/// <summary>
/// The API reference page at <c>/api</c> (Scalar): everything it loads is served by the app, it carries none of the
/// vendor's buttons or links, and it leads back to the app in the reader's language.
/// </summary>
internal static class ApiReference
{
    // Without the vendor's fonts the page takes the app's own font stacks. The vendor's links ("Powered by", its logo)
    // have no option to turn them off; they are hidden by where they lead.
    private const string Css = """
        :root {
            --scalar-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
            --scalar-font-code: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
        }
        a[href^="https://scalar.com"], a[href^="https://www.scalar.com"] { display: none !important; }
        .rapport-back { padding: 0.5rem 1rem; border-bottom: 1px solid var(--scalar-border-color, #d9dde3);
            font: 14px/1.4 var(--scalar-font); background: var(--scalar-background-1, #fff); }
        .rapport-back a { color: var(--scalar-color-accent, #1f5fbf); }
        """;

    public static void MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference("/api", (options, http) =>
        {
            options.WithTitle("Rapport API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton()
                .AddPreferredSecuritySchemes([ApiDocument.TokenScheme])
                .WithCustomCss(Css);

            // Set, not appended: the text follows the culture of each request.
            options.HeaderContent = $"""<nav class="rapport-back"><a href="{WebUtility.HtmlEncode(http.Request.PathBase + "/")}">{WebUtility.HtmlEncode(Texts.ApiReferenceBack)}</a></nav>""";
        }).AllowAnonymous();
}
