using Rapport.Data;

namespace Rapport.Web;

/// <summary>The console lines after <c>--demo</c>: what was seeded, or that it was there already, and the sign-ins either way.</summary>
internal static class DemoBanner
{
    public static void Write(DemoSeedResult result, TextWriter output)
    {
        output.WriteLine();
        foreach (var line in DemoData.Describe(result))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
    }
}
