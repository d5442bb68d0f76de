namespace Rapport.Web;

/// <summary>Requests sent by Blazor's script (enhanced navigation and enhanced form posts) rather than by the browser itself.</summary>
internal static class EnhancedRequests
{
    /// <summary>
    /// True when the page's script sent this request, so it will patch streamed updates into the page. A browser
    /// without script would show only the first part of a streamed response, so anything long is streamed only then.
    /// </summary>
    /// <remarks>The same test the framework makes: the script sets this exact Accept header and nothing else does.</remarks>
    public static bool IsEnhanced(this HttpRequest request) =>
        request.Headers.Accept is [var accept] && string.Equals(accept, "text/html; blazor-enhanced-nav=on", StringComparison.Ordinal);
}
