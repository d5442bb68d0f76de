using Rapport.Data;

namespace Rapport.Web;

internal static class DemoBanner
{
    public static void Print(IReadOnlyList<DemoLogin> logins, ILogger logger)
    {
        if (logins.Count == 0)
        {
            logger.LogInformation("Demo data is already in the database; sign in with the demo users (password {Password}).", DemoData.Password);
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Demo company seeded. Sign in with any of these (password: " + DemoData.Password + "):");
        foreach (var login in logins)
        {
            Console.WriteLine($"  {login.Email,-36} {login.Role}");
        }

        Console.WriteLine();
    }
}
