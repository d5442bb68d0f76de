using System.Globalization;
using System.Text;
using Rapport.ClientBase;

namespace Rapport.Benchmarks;

/// <summary>
/// Writes the three CSV files of a client-base import measurement: accounts with valid EIKs, one contact per account
/// and one interaction per account between that contact and the account's owner. The owners are the active people
/// of the demo company (<c>seed-demo</c>), so the files import into a freshly seeded database. Everything follows
/// from the seed.
/// </summary>
internal static class ImportCsvGenerator
{
    /// <summary>The active employees of the demo company, e000 to e021, own the accounts in turn.</summary>
    private const int DemoOwners = 22;

    private static readonly string[] Words =
        ["Балкан", "Тракия", "Дунав", "Родопи", "Пирин", "Витоша", "Марица", "Стрела", "Орбита", "Север",
         "Alpha", "Nova", "Delta", "Vector", "Atlas", "Orion", "Sigma", "Terra", "Lumen", "Nexus"];

    private static readonly string[] Forms = ["ООД", "ЕООД", "АД", "Ltd", "JSC"];

    private static readonly string[] Industries = ["ИТ", "Логистика", "Retail", "Производство", "Финанси", "Енергетика"];

    private static readonly string[] Regions = ["София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора"];

    private static readonly string[] Sizes = ["Micro", "Small", "Medium", "Large"];

    private static readonly string[] People = ["Мария Петрова", "Иван Колев", "Elena Dimova", "Георги Стоянов", "Yana Pavlova"];

    private static readonly string[] Kinds = ["Call", "Meeting", "Email", "Note"];

    /// <summary>Writes accounts.csv, contacts.csv and interactions.csv of <paramref name="rows"/> rows each into a folder.</summary>
    public static void Write(string folder, int rows, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var eiks = new HashSet<string>(StringComparer.Ordinal);
        while (eiks.Count < rows)
        {
            var digits = random.Next(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);
            if (Eik.IsValid(digits))
            {
                eiks.Add(digits);
            }
        }

        using var accounts = Open(folder, "accounts.csv", "Name,EIK,Website,Industry,Size,Region,Status,Owner");
        using var contacts = Open(folder, "contacts.csv", "Name,E-mail,Phone,Job title,Role,EIK");
        using var interactions = Open(folder, "interactions.csv", "EIK,Kind,Date,Subject,Outcome,Contact e-mail,Employee");
        var start = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var i = 0;
        foreach (var eik in eiks)
        {
            var owner = $"e{i % DemoOwners:D3}@demo.rapport.example";
            var name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i} {Forms[random.Next(Forms.Length)]}";
            var domain = $"company{i}.example";
            accounts.WriteLine(Invariant(
                $"\"{name}\",{eik},https://www.{domain}/,{Pick(random, Industries)},{Pick(random, Sizes)},{Pick(random, Regions)},Active,{owner}"));

            var contact = $"contact{i}@{domain}";
            contacts.WriteLine(Invariant(
                $"{Pick(random, People)} {i},{contact},+359 88{random.Next(1_000_000, 10_000_000)},Manager,Decision maker,{eik}"));

            var at = start.AddMinutes(random.Next(0, 60 * 24 * 600));
            interactions.WriteLine(Invariant(
                $"{eik},{Pick(random, Kinds)},{at:yyyy-MM-dd HH:mm},Review {i},Agreed next steps,{contact},{owner}"));
            i++;
        }
    }

    private static StreamWriter Open(string folder, string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(folder, name), append: false, new UTF8Encoding(false));
        writer.WriteLine(header);
        return writer;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
