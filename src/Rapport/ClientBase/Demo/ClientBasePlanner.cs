using System.Globalization;
using Rapport.Data;
using Rapport.Shared;
using static Rapport.ClientBase.Demo.ClientBaseDemoWords;

namespace Rapport.ClientBase.Demo;

/// <summary>How an account's relationships stand: when we last spoke, and whether we ever did.</summary>
internal enum Temperature
{
    /// <summary>In touch within the last two weeks, on the account's rhythm.</summary>
    Warm,

    /// <summary>Was on rhythm until one to two and a half months ago.</summary>
    Cooling,

    /// <summary>Contact dried up three to five months ago.</summary>
    Cold,

    /// <summary>A prospect we have started to talk to.</summary>
    InTalks,

    /// <summary>A prospect nobody has spoken to yet.</summary>
    Untouched,

    /// <summary>A former client: the history stops five to ten months ago.</summary>
    Lapsed,
}

/// <summary>A contact's move to another company, made through <see cref="ContactMove"/> once the rest is written.</summary>
internal sealed record PlannedMove(
    Guid RecordedBy, Contact Contact, Account? Target, string? NewAccountName, string JobTitle, string Role, DateOnly MovedOn,
    string Email, string? Phone, PlannedCall? Call);

/// <summary>A call logged through the interaction handler with the person at their new employer.</summary>
internal sealed record PlannedCall(DateTime At, string Subject, string Outcome, string NextStep, DateOnly Due);

/// <summary>Everything the client base part writes, made in memory first, so that a seed always gives the same.</summary>
internal sealed class ClientBasePlan
{
    /// <summary>Parents before the accounts below them.</summary>
    public List<Account> Accounts { get; } = [];

    public List<Contact> Contacts { get; } = [];

    /// <summary>In the order they happened, the order they are counted towards relationship strength in.</summary>
    public List<Interaction> Interactions { get; } = [];

    public List<FollowUp> FollowUps { get; } = [];

    public List<PlannedMove> Moves { get; } = [];

    /// <summary>How each account was planned to stand, by its id.</summary>
    public Dictionary<Guid, Temperature> Temperatures { get; } = [];
}

/// <summary>
/// Plans the demo's client base from a random sequence: about 300 Bulgarian accounts over the demo's account managers
/// (the manager who signs in as <see cref="DemoSignIns.Manager"/> holds about 40, part-time holders a few), groups of
/// companies, 2–6 contacts each in the organisation's buying roles, and a year of interactions in threads between one
/// of our people and one of theirs, each on a rhythm of its own, so that some accounts are warm, some cooling, some
/// cold, some hang on one person, and every manager has next steps due today, this week and overdue.
/// </summary>
internal sealed partial class ClientBasePlanner(Random random, DemoStaff staff, RoleSet roles, DateTime now)
{
    public const int AccountCount = 300;

    private const int ManagerAccounts = 40;
    private const int PartTimeAccounts = 5;
    private const int PressAccounts = 4;

    /// <summary>A year of history.</summary>
    private const int HistoryDays = 365;

    /// <summary>Profiles of an owner's active accounts in turn: half warm, three in ten cooling, one in five cold.</summary>
    private static readonly Temperature[] Rotation =
    [
        Temperature.Warm, Temperature.Cooling, Temperature.Cold, Temperature.Warm, Temperature.Warm, Temperature.Cooling,
        Temperature.Warm, Temperature.Cold, Temperature.Warm, Temperature.Cooling,
    ];

    private static readonly SizeSegment[] Sizes = [SizeSegment.Micro, SizeSegment.Small, SizeSegment.Medium, SizeSegment.Large];

    private readonly DateOnly _today = DateOnly.FromDateTime(now);
    private readonly ClientBasePlan _plan = new();
    private readonly List<Sketch> _sketches = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eiks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<(Guid, DateTime, string)> _interactionKeys = [];
    private readonly Dictionary<Guid, int> _activeOf = [];
    private readonly Dictionary<Guid, int> _warmOf = [];
    private readonly Dictionary<Interaction, Sketch> _accountOf = new(ReferenceEqualityComparer.Instance);

    public ClientBasePlan Plan()
    {
        var manager = staff.SignedInAs(DemoSignIns.Manager);
        var press = staff.SignedInAs(DemoSignIns.Press);
        var managers = staff.With(DemoRole.AccountManager).ToList();
        var partTimers = staff.With(DemoRole.PartTimeAccountManager).Where(p => p.Id != press.Id).ToList();

        // Groups of companies first, so that their owners' other accounts fill up what the groups leave.
        Groups(manager, managers);

        var others = managers.Where(m => m.Id != manager.Id).ToList();
        var left = AccountCount - ManagerAccounts - (partTimers.Count * PartTimeAccounts) - PressAccounts;
        var quota = new List<(DemoPerson Owner, int Count)> { (manager, ManagerAccounts) };
        quota.AddRange(others.Select((m, i) => (m, (left / others.Count) + (i < left % others.Count ? 1 : 0))));
        quota.AddRange(partTimers.Select(p => (p, PartTimeAccounts)));
        quota.Add((press, PressAccounts));
        foreach (var (owner, count) in quota)
        {
            for (var n = _sketches.Count(s => s.Owner.Id == owner.Id); n < count; n++)
            {
                GenericAccount(owner, press);
            }
        }

        Inherit(manager);
        foreach (var sketch in _sketches)
        {
            AddContacts(sketch);
            _plan.Temperatures[sketch.Account.Id] = sketch.Temperature;
        }

        foreach (var sketch in _sketches)
        {
            AddInteractions(sketch);
        }

        var inOrder = _plan.Interactions.OrderBy(i => i.OccurredAt).ToList();
        _plan.Interactions.Clear();
        _plan.Interactions.AddRange(inOrder);
        OpenNextSteps();
        AddFollowUps(manager);
        PlanMoves(manager, managers);
        return _plan;
    }

    // ---- Accounts ------------------------------------------------------------------------------------------------

    private sealed class Sketch
    {
        public required Account Account { get; init; }

        public required int Team { get; init; }

        public required DemoIndustry Industry { get; init; }

        public required DemoRegion Region { get; init; }

        public required bool Latin { get; init; }

        public required DemoPerson Owner { get; init; }

        public DemoPerson? Coordinator
        {
            get;
            set
            {
                field = value;
                Account.CoordinatorId = value?.Id;
            }
        }

        public Temperature Temperature { get; set; }

        /// <summary>Only the owner ever talks to only one person there.</summary>
        public bool SingleThreaded { get; set; }

        /// <summary>Held by the account manager who left, until they did.</summary>
        public bool Inherited { get; set; }

        public bool SoleTrader { get; init; }

        public List<(Contact Contact, string Part)> People { get; } = [];

        public Contact? Find(string part) => People.FirstOrDefault(p => p.Part == part).Contact;

        public string? Landline { get; set; }
    }

    private void Groups(DemoPerson manager, List<DemoPerson> managers)
    {
        DemoPerson Colleague(int team, int nth) => managers.Where(m => m.Team == team && m.Id != manager.Id).ElementAt(nth);
        DemoRegion Region(string name) => Territories.SelectMany(t => t).First(r => r.Name == name);

        // A steel holding in Sofia held by the manager who signs in, its shared-service company looked after by a coordinator.
        var coordinator = staff.SignedInAs(DemoSignIns.Coordinator);
        var balkan = Named(manager, 0, Metals, SizeSegment.Large, Region("София-град"), "Балкан Индъстрийс АД", "balkanindustries.bg", null);
        balkan.Coordinator = coordinator;
        Named(manager, 0, Metals, SizeSegment.Large, Region("Перник"), "Балкан Стийл ЕАД", "balkansteel.bg", balkan);
        Named(manager, 0, Logistics, SizeSegment.Medium, Region("Софийска област"), "Балкан Метал Логистик ЕООД", "balkan-logistics.bg", balkan);
        Named(Colleague(0, 0), 0, Energy, SizeSegment.Medium, Region("Плевен"), "Балкан Солар ЕАД", "balkansolar.bg", balkan);
        Named(Colleague(0, 1), 0, It, SizeSegment.Medium, Region("София-град"), "Balkan Industries Shared Services Ltd", "bi-services.com", balkan)
            .Coordinator = coordinator;

        var thracia = Named(Colleague(1, 0), 1, Food, SizeSegment.Large, Region("Пловдив"), "Тракия Груп АД", "trakiagroup.bg", null);
        Named(Colleague(1, 0), 1, Food, SizeSegment.Medium, Region("Стара Загора"), "Тракия Милк ЕООД", "trakiamilk.bg", thracia);
        Named(Colleague(1, 1), 1, Food, SizeSegment.Small, Region("Пазарджик"), "Тракия Фрукт ЕООД", "trakiafruit.bg", thracia);
        Named(Colleague(1, 0), 1, Wholesale, SizeSegment.Medium, Region("Пловдив"), "Thracia Foods Export Ltd", "thraciafoods.com", thracia);

        var sea = Named(Colleague(2, 0), 2, Tourism, SizeSegment.Large, Region("Варна"), "Черноморие Холдинг АД", "chernomorie.bg", null);
        Named(Colleague(2, 0), 2, Tourism, SizeSegment.Large, Region("Варна"), "Черноморие Хотели ЕАД", "chernomorie-hotels.bg", sea);
        Named(Colleague(2, 2), 2, Tourism, SizeSegment.Small, Region("Бургас"), "Черноморие Турс ЕООД", "chernomorie-tours.bg", sea);
    }

    private Sketch Named(DemoPerson owner, int team, DemoIndustry industry, SizeSegment size, DemoRegion region, string name, string domain, Sketch? parent)
    {
        _names.Add(SearchText.Fold(name[..name.LastIndexOf(' ')]));
        _domains.Add(domain);
        var account = NewAccount(name, domain, industry, size, region, AccountStatus.Active, owner);
        account.ParentId = parent?.Account.Id;
        var sketch = new Sketch
        {
            Account = account, Team = team, Industry = industry, Region = region, Latin = IsLatin(name), Owner = owner,
            Temperature = parent is null ? Temperature.Warm : NextTemperature(owner),
        };
        Count(owner, sketch.Temperature);
        _sketches.Add(sketch);
        return sketch;
    }

    private void GenericAccount(DemoPerson owner, DemoPerson press)
    {
        var team = owner.Team ?? 0;
        var isPress = owner.Id == press.Id;
        var industry = isPress
            ? random.Next(4) == 0 ? Tourism : Media
            : Weighted(Industries, i => ReferenceEquals(i, Media) ? 1 : i.Weight);
        var size = Weighted(Sizes, s => s switch
        {
            SizeSegment.Micro => 17,
            SizeSegment.Small => 37,
            SizeSegment.Medium => 31,
            _ => 15,
        });
        var region = isPress ? Sofia : Weighted(Territories[team], r => r.Weight);
        var (name, label, latin, soleTrader) = CompanyName(industry, size);
        var domain = Domain(label, size, soleTrader);

        // Each owner's first three accounts are clients, so that even someone with a few has warm, cooling and cold ones.
        var active = _activeOf.GetValueOrDefault(owner.Id);
        var status = active < 3 ? AccountStatus.Active : random.Next(100) switch
        {
            < 66 => AccountStatus.Active,
            < 88 => AccountStatus.Prospect,
            _ => AccountStatus.Former,
        };
        var account = NewAccount(name, domain, industry, size, region, status, owner);
        var sketch = new Sketch
        {
            Account = account, Team = team, Industry = industry, Region = region, Latin = latin, Owner = owner, SoleTrader = soleTrader,
            Temperature = status switch
            {
                AccountStatus.Active => NextTemperature(owner),
                AccountStatus.Prospect => random.Next(5) < 3 ? Temperature.InTalks : Temperature.Untouched,
                _ => Temperature.Lapsed,
            },
        };
        Count(owner, sketch.Temperature);

        // Coordinators look after the clients whose product must keep running: software, accounting, legal services.
        if (status == AccountStatus.Active && owner.Team is { } ownTeam
            && random.Next(100) < (industry.Serviced ? 45 : size == SizeSegment.Large ? 20 : 3))
        {
            sketch.Coordinator = staff.InTeam(ownTeam).FirstOrDefault(p => p.Role == DemoRole.Coordinator);
        }

        _sketches.Add(sketch);
    }

    private Account NewAccount(string name, string? domain, DemoIndustry industry, SizeSegment size, DemoRegion region, AccountStatus status, DemoPerson owner)
    {
        var account = new Account
        {
            CountryCode = "BG", RegistrationNumber = NewEik(), Domain = domain, Industry = industry.Name, Size = size,
            Region = region.Name, Status = status, OwnerId = owner.Id,
        };
        account.Rename(name);
        _plan.Accounts.Add(account);
        return account;
    }

    private Temperature NextTemperature(DemoPerson owner)
    {
        var active = _activeOf.GetValueOrDefault(owner.Id);
        return Rotation[active % Rotation.Length];
    }

    private void Count(DemoPerson owner, Temperature temperature)
    {
        if (temperature is Temperature.Warm or Temperature.Cooling or Temperature.Cold)
        {
            _activeOf[owner.Id] = _activeOf.GetValueOrDefault(owner.Id) + 1;
        }
    }

    /// <summary>A few accounts the manager who left held until then: the history is theirs, the last weeks the successor's.</summary>
    private void Inherit(DemoPerson manager)
    {
        if (staff.With(DemoRole.Leaver).FirstOrDefault() is not { LeftOn: not null, Team: { } team })
        {
            return;
        }

        var heirs = staff.InTeam(team).Where(p => p.Role == DemoRole.AccountManager).ToList();
        foreach (var heir in heirs)
        {
            var take = heir.Id == manager.Id ? 2 : 1;
            foreach (var sketch in _sketches.Where(s => s.Owner.Id == heir.Id && s.Account.ParentId is null && s.Coordinator is null
                         && s.Temperature is Temperature.Warm && s.Account.Size != SizeSegment.Micro).Skip(1).Take(take))
            {
                sketch.Inherited = true;
            }
        }
    }

    /// <summary>A company name not used yet, with the label its web domain would have (a name spelt as its owners spell it in Latin).</summary>
    private (string Name, string Label, bool Latin, bool SoleTrader) CompanyName(DemoIndustry industry, SizeSegment size)
    {
        while (true)
        {
            var latin = random.Next(4) == 0;
            string name, brand, label;
            var soleTrader = false;
            if (ReferenceEquals(industry, Legal))
            {
                var partner = Pick(Bulgarians.Surnames);
                var second = Pick(Bulgarians.Surnames);
                (brand, label) = (partner, $"{Slug(partner)}-partners");
                name = latin
                    ? $"{ToLatin(partner)} & Partners Law Firm"
                    : random.Next(3) == 0 && second != partner
                        ? $"Адвокатско дружество {partner}, {second} и съдружници"
                        : $"Адвокатско дружество {partner} и партньори";
            }
            else if (!latin && size <= SizeSegment.Small && random.Next(4) == 0)
            {
                // A sole trader is named after its owner: ЕТ Вита – Мария Петрова.
                var (first, last) = Person();
                var word = Pick(CyrillicRoots);
                label = Spelt(word);
                name = brand = $"ЕТ {word} – {first} {last}";
                soleTrader = true;
            }
            else
            {
                var root = Pick(latin ? LatinRoots : CyrillicRoots);
                var activity = Pick(latin ? industry.Latin : industry.Cyrillic);

                // One word where Bulgarian firms make one (Пирин + строй, Евро + метал), else two (Орион Логистик).
                var oneWord = random.Next(2) == 0 && !string.Equals(root, activity, StringComparison.OrdinalIgnoreCase)
                    && (latin ? activity.Length <= 6 : CompoundRoots.Contains(root) && CompoundActivities.Contains(activity));
                brand = oneWord ? root + (latin ? activity : activity.ToLowerInvariant()) : $"{root} {activity}";
                label = string.Join(oneWord || random.Next(2) == 0 ? "" : "-", Spelt(root), Spelt(activity));
                name = $"{brand} {LegalForm(size, latin)}";
            }

            // A brand once: two unrelated companies of the same name would read as one entered twice.
            if (_names.Add(SearchText.Fold(brand)))
            {
                return (name, label, latin, soleTrader);
            }
        }
    }

    private string LegalForm(SizeSegment size, bool latin)
    {
        var roll = random.Next(100);
        if (latin)
        {
            return size == SizeSegment.Large
                ? roll < 60 ? "JSC" : "Ltd"
                : roll switch { < 50 => "Ltd", < 75 => "EOOD", _ => "OOD" };
        }

        return size switch
        {
            SizeSegment.Large => roll switch { < 50 => "АД", < 80 => "ЕАД", _ => "ООД" },
            SizeSegment.Medium => roll switch { < 40 => "ООД", < 70 => "ЕООД", < 85 => "АД", _ => "ЕАД" },
            _ => roll < 55 ? "ЕООД" : "ООД",
        };
    }

    private string? Domain(string label, SizeSegment size, bool soleTrader)
    {
        if (random.Next(100) < (soleTrader ? 70 : size == SizeSegment.Micro ? 25 : 3))
        {
            return null;
        }

        var tld = random.Next(100) switch { < 70 => "bg", < 95 => "com", _ => "eu" };
        for (var n = 1; ; n++)
        {
            var domain = n == 1 ? $"{label}.{tld}" : n == 2 ? $"{label}-bg.{tld}" : string.Create(CultureInfo.InvariantCulture, $"{label}{n}.{tld}");
            if (_domains.Add(domain))
            {
                return domain;
            }
        }
    }

    /// <summary>A nine-digit EIK with a correct check digit, like those of companies registered since 2008 (20…) or before.</summary>
    private string NewEik()
    {
        while (true)
        {
            var stem = random.Next(100) switch
            {
                < 50 => "20" + random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture),
                < 85 => "1" + random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture),
                _ => "8" + random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture),
            };
            for (var check = '0'; check <= '9'; check++)
            {
                if (Eik.IsValid(stem + check))
                {
                    if (_eiks.Add(stem + check))
                    {
                        return stem + check;
                    }

                    break;
                }
            }
        }
    }

    // ---- Choices -------------------------------------------------------------------------------------------------

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private T Weighted<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>The day itself on a weekday; else the nearest weekday in the direction given (1 later, -1 earlier).</summary>
    private static DateOnly Workday(DateOnly day, int direction)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(direction);
        }

        return day;
    }

    private static bool IsLatin(string name) => name.All(c => c < 0x0400 || c > 0x04FF);
}
