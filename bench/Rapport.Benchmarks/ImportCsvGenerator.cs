using System.Globalization;
using System.Text;
using Rapport.ClientBase;

namespace Rapport.Benchmarks;

/// <summary>
/// Writes the CSV files of an import measurement: accounts with valid EIKs, one contact per account, one interaction
/// per account between that contact and the account's owner, and one deal per account (won, lost or open, with a
/// product line from the demo catalogue). The owners are the active people of the demo company (<c>seed-demo</c>),
/// so the files import into a freshly seeded database, the deals after the accounts. Everything follows from the seed.
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

    /// <summary>Codes of the demo catalogue's products, with their list prices in euro.</summary>
    private static readonly (string Code, decimal Euro)[] Products =
        [("RB-ERP-U", 480m), ("RB-CLOUD", 348m), ("RB-WMS", 3_900m), ("RB-HR", 2_700m), ("SRV-IMPL", 520m), ("SRV-SUPP", 3_600m)];

    private static readonly string[] OpenStages = ["Qualification", "Needs analysis", "Proposal", "Negotiation"];

    /// <summary>Writes accounts.csv, contacts.csv, interactions.csv and deals.csv of <paramref name="rows"/> rows each into a folder.</summary>
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
        using var deals = Open(folder, "deals.csv",
            "External id,EIK,Title,Stage,Currency,Created,Expected close,Close date,Lost reason,Owner,Product,Quantity,Unit price");
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

            // Won about half the time, lost a quarter (with a reason), the rest open at one of the stages.
            var created = DateOnly.FromDateTime(at);
            var (code, euro) = Products[random.Next(Products.Length)];
            var outcome = random.Next(4);
            var (stage, closed, reason) = outcome switch
            {
                0 or 1 => ("Won", created.AddDays(random.Next(10, 120)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ""),
                2 => ("Lost", created.AddDays(random.Next(10, 120)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Price"),
                _ => (Pick(random, OpenStages), "", ""),
            };
            deals.WriteLine(Invariant(
                $"crm-{i:D7},{eik},{code} for {name},{stage},EUR,{created:yyyy-MM-dd},{created.AddDays(90):yyyy-MM-dd},{closed},{reason},{owner},{code},{random.Next(1, 25)},{euro}"));
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
