using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Rapport.ClientBase;

namespace Rapport.Benchmarks;

/// <summary>How many of each record a dataset has; dataset M at scale 1.</summary>
internal sealed record DatasetSize(int Employees, int Accounts, int Contacts, int Interactions)
{
    public static DatasetSize M(double scale) => new(
        Math.Max(Dataset.MinimumEmployees, Scaled(1_000, scale)), Scaled(100_000, scale), Scaled(300_000, scale), Scaled(1_000_000, scale));

    private static int Scaled(int count, double scale) => (int)Math.Round(count * scale, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Generates a client base over a generated staff and writes it with a <see cref="DatasetWriter"/>: accounts (Bulgarian
/// and foreign companies, a few in groups), their contacts, interactions over the last three years, the relationships
/// those interactions build (scored in memory with <see cref="RelationshipStrength.Add"/>, written once at the end) and
/// the search tokens <see cref="SearchIndexInterceptor"/> would have written. Everything follows from the seed.
/// </summary>
internal sealed class ClientBaseGenerator(DatasetWriter writer, Staff staff, DatasetSize size, int seed, DateTime now, TextWriter log)
{
    /// <summary>Rows generated and written at a time; memory stays flat whatever the size of the dataset.</summary>
    private const int Chunk = 20_000;

    /// <summary>How much more a company of each size buys, talks and employs than a micro one.</summary>
    private static readonly int[] SizeWeights = [1, 2, 5, 12];

    private static readonly StrengthOptions Strength = new();

    private readonly Random _random = new(seed);
    private readonly SeededIds _ids = new(seed + 1);
    private readonly HashSet<string> _registrations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);

    private Account[] _accounts = [];
    private int[] _ownerOf = [];
    private int[] _coordinatorOf = [];
    private int[] _firstContact = [];
    private int[] _contactCount = [];
    private Guid[] _contactIds = [];
    private DateOnly?[] _contactLeftOn = [];

    /// <summary>Generates and writes everything; returns the accounts, for the load test to pick from.</summary>
    public async Task<IReadOnlyList<Account>> WriteAsync()
    {
        await TimedAsync("accounts", WriteAccountsAsync);
        await TimedAsync("contacts", WriteContactsAsync);
        var bonds = new Dictionary<long, Bond>();
        await TimedAsync("interactions", () => WriteInteractionsAsync(bonds));
        await TimedAsync("relationships", () => WriteRelationshipsAsync(bonds));
        return _accounts;
    }

    private async Task TimedAsync(string what, Func<Task> work)
    {
        var (rows, clock) = (writer.Rows, Stopwatch.StartNew());
        await work();
        var written = writer.Rows - rows;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// {what}: {written:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({written / clock.Elapsed.TotalSeconds:N0} rows/s)"));
    }

    private async Task WriteAccountsAsync()
    {
        var members = staff.Members;
        var teams = Enumerable.Range(0, staff.Teams.Count)
            .Select(t => members.Select((m, i) => (m, i)).Where(x => x.m.Team == t && x.m.Active).Select(x => x.i).ToArray())
            .ToArray();

        // Owners are the active people with time for accounts, picked in proportion to it.
        var owners = members.Select((m, i) => (m, i)).Where(x => x.m.Active && x.m.Capacity > 0).Select(x => x.i).ToArray();
        var ownerWeights = Cumulative(owners.Select(i => (double)members[i].Capacity));

        _accounts = new Account[size.Accounts];
        _ownerOf = new int[size.Accounts];
        _coordinatorOf = new int[size.Accounts];
        var groupHeads = new List<int>();
        var chunk = new List<Account>(Chunk);
        var entries = new List<SearchEntry>(Chunk * 8);
        for (var i = 0; i < size.Accounts; i++)
        {
            var country = _random.Next(100) < 85 ? ClientBaseNames.Bulgaria : Pick(ClientBaseNames.Abroad);
            var (name, brand) = CompanyName(country);
            var account = new Account
            {
                CountryCode = country.Code,
                RegistrationNumber = RegistrationNumber(country),
                Domain = _random.Next(100) < 60 ? Domain(brand, country) : null,
                Industry = Pick(ClientBaseNames.Industries),
                Size = Pick([SizeSegment.Micro, SizeSegment.Micro, SizeSegment.Micro, SizeSegment.Micro, SizeSegment.Small,
                    SizeSegment.Small, SizeSegment.Small, SizeSegment.Medium, SizeSegment.Medium, SizeSegment.Large]),
                Region = Pick(country.Regions),
                Status = Pick([AccountStatus.Active, AccountStatus.Active, AccountStatus.Active, AccountStatus.Active,
                    AccountStatus.Active, AccountStatus.Active, AccountStatus.Prospect, AccountStatus.Prospect,
                    AccountStatus.Prospect, AccountStatus.Former]),
            };
            SeededIds.SetId(account, _ids.Next());
            account.Rename(name);

            // One account in twenty belongs to a group under an earlier, bigger one, often with the same owner.
            var owner = owners[PickWeighted(ownerWeights)];
            if (groupHeads.Count > 0 && _random.Next(20) == 0)
            {
                var parent = groupHeads[_random.Next(groupHeads.Count)];
                account.ParentId = _accounts[parent].Id;
                owner = _random.Next(2) == 0 ? _ownerOf[parent] : owner;
            }
            else if (account.Size is SizeSegment.Medium or SizeSegment.Large)
            {
                groupHeads.Add(i);
            }

            var team = teams[members[owner].Team];
            var coordinator = _random.Next(4) == 0 && team.Length > 1 ? team[_random.Next(team.Length)] : -1;
            account.OwnerId = members[owner].Id;
            account.CoordinatorId = coordinator >= 0 && coordinator != owner ? members[coordinator].Id : null;
            (_accounts[i], _ownerOf[i], _coordinatorOf[i]) = (account, owner, account.CoordinatorId is null ? -1 : coordinator);

            chunk.Add(account);
            entries.AddRange(SearchIndexInterceptor.EntriesOf(account));
            if (chunk.Count == Chunk || i == size.Accounts - 1)
            {
                await writer.WriteAsync(chunk);
                await writer.WriteAsync(entries);
                chunk.Clear();
                entries.Clear();
            }
        }
    }

    private async Task WriteContactsAsync()
    {
        // Every account has someone to talk to; the rest of the people go to bigger companies more often.
        _contactCount = new int[size.Accounts];
        Array.Fill(_contactCount, 1);
        var weights = Cumulative(_accounts.Select(a => (double)SizeWeights[(int)a.Size]));
        for (var extra = size.Contacts - size.Accounts; extra > 0; extra--)
        {
            _contactCount[PickWeighted(weights)]++;
        }

        _firstContact = new int[size.Accounts];
        _contactIds = new Guid[size.Contacts];
        _contactLeftOn = new DateOnly?[size.Contacts];
        var today = DateOnly.FromDateTime(now);
        var chunk = new List<Contact>(Chunk);
        var emails = new List<ContactEmail>(Chunk);
        var phones = new List<ContactPhone>(Chunk);
        var entries = new List<SearchEntry>(Chunk * 10);
        var index = 0;
        for (var a = 0; a < size.Accounts; a++)
        {
            var account = _accounts[a];
            _firstContact[a] = index;
            for (var j = 0; j < _contactCount[a]; j++, index++)
            {
                var role = j switch
                {
                    0 => BuyingRoles.DecisionMaker,
                    1 when _contactCount[a] > 2 => BuyingRoles.Signatory,
                    _ => Pick([BuyingRoles.DecisionMaker, BuyingRoles.Signatory, BuyingRoles.Influencer, BuyingRoles.Influencer,
                        BuyingRoles.Influencer, BuyingRoles.User, BuyingRoles.User, BuyingRoles.User, BuyingRoles.User, BuyingRoles.Gatekeeper]),
                };
                var (first, last) = account.CountryCode == "BG" ? ClientBaseNames.Cyrillic.Pick(_random) : ClientBaseNames.International.Pick(_random);
                var latin = account.CountryCode == "BG" && _random.Next(100) < 15;
                var movedOn = j > 0 && _random.Next(100) < 5;
                var jobTitle = Pick(ClientBaseNames.JobTitles[role]);
                var email = _random.Next(100) < 90 ? Email(first, last, account.Domain) : null;
                var contact = new Contact
                {
                    AccountId = account.Id,
                    JobTitle = jobTitle,
                    Role = role,
                    Status = movedOn ? ContactStatus.MovedOn : ContactStatus.Active,
                    LeftOn = movedOn ? today.AddDays(-_random.Next(30, 900)) : null,
                };
                SeededIds.SetId(contact, _ids.Next());
                contact.Rename(latin ? Transliteration.ToLatin($"{first} {last}") : $"{first} {last}");
                contact.SetPhones([_random.Next(100) < 85 ? Phone(account.CountryCode) : null]);
                contact.SetEmails([email]);
                (_contactIds[index], _contactLeftOn[index]) = (contact.Id, contact.LeftOn);

                chunk.Add(contact);
                emails.AddRange(contact.Emails);
                phones.AddRange(contact.Phones);
                entries.AddRange(SearchIndexInterceptor.EntriesOf(contact));
                if (chunk.Count == Chunk)
                {
                    await FlushAsync();
                }
            }
        }

        await FlushAsync();

        async Task FlushAsync()
        {
            await writer.WriteAsync(chunk);
            await writer.WriteAsync(emails);
            await writer.WriteAsync(phones);
            await writer.WriteAsync(entries);
            chunk.Clear();
            emails.Clear();
            phones.Clear();
            entries.Clear();
        }
    }

    private async Task WriteInteractionsAsync(Dictionary<long, Bond> bonds)
    {
        // Busy accounts are big and current: former clients and prospects hear from us less.
        var weights = Cumulative(_accounts.Select(a => SizeWeights[(int)a.Size] * a.Status switch
        {
            AccountStatus.Active => 1.0,
            AccountStatus.Prospect => 0.4,
            _ => 0.2,
        }));
        var members = staff.Members;
        var active = members.Select((m, i) => (m, i)).Where(x => x.m.Active).Select(x => x.i).ToArray();
        var teams = Enumerable.Range(0, staff.Teams.Count)
            .Select(t => active.Where(i => members[i].Team == t).ToArray()).ToArray();
        var span = (int)TimeSpan.FromDays(3 * 365).TotalMinutes;

        var interactions = new List<Interaction>(Chunk);
        var ours = new List<InteractionEmployee>(Chunk * 2);
        var theirs = new List<InteractionContact>(Chunk * 3);
        var people = new List<int>(2);
        var contacts = new List<int>(3);
        for (var n = 0; n < size.Interactions; n++)
        {
            var a = PickWeighted(weights);
            var kind = _random.Next(100) switch
            {
                < 40 => InteractionKind.Email,
                < 70 => InteractionKind.Call,
                < 90 => InteractionKind.Meeting,
                _ => InteractionKind.Note,
            };
            var at = now.AddMinutes(-_random.Next(1, span));
            var hasNextStep = _random.Next(100) < 12;
            var interaction = new Interaction
            {
                AccountId = _accounts[a].Id,
                Kind = kind,
                OccurredAt = at,
                InitiatedByClient = _random.Next(4) == 0,
                Subject = Pick(ClientBaseNames.Subjects[kind]),
                Outcome = _random.Next(2) == 0 ? Pick(ClientBaseNames.Outcomes) : null,
                NextStep = hasNextStep ? Pick(ClientBaseNames.NextSteps) : null,
                NextStepDue = hasNextStep ? DateOnly.FromDateTime(at).AddDays(_random.Next(3, 31)) : null,
            };
            SeededIds.SetId(interaction, _ids.Next());

            // Our side: mostly the owner, sometimes the coordinator or a colleague from the owner's team.
            people.Clear();
            var want = _random.Next(100) < 70 ? 1 : 2;
            for (var attempt = 0; people.Count < want && attempt < 5; attempt++)
            {
                var team = teams[members[_ownerOf[a]].Team];
                var person = _random.Next(100) switch
                {
                    < 60 => _ownerOf[a],
                    < 75 when _coordinatorOf[a] >= 0 => _coordinatorOf[a],
                    < 95 when team.Length > 0 => team[_random.Next(team.Length)],
                    _ => active[_random.Next(active.Length)],
                };
                if (!people.Contains(person))
                {
                    people.Add(person);
                }
            }

            // Their side: one to three people of the account, rarely someone who had left by then.
            contacts.Clear();
            var count = Math.Min(_contactCount[a], _random.Next(100) switch { < 60 => 1, < 90 => 2, _ => 3 });
            for (var attempt = 0; contacts.Count < count && attempt < 6; attempt++)
            {
                var contact = _firstContact[a] + _random.Next(_contactCount[a]);
                var gone = _contactLeftOn[contact] is { } left && left < DateOnly.FromDateTime(at) && attempt < 5;
                if (!gone && !contacts.Contains(contact))
                {
                    contacts.Add(contact);
                }
            }

            interaction.LoggedById = members[people[0]].Id;
            interactions.Add(interaction);
            foreach (var person in people)
            {
                ours.Add(new InteractionEmployee { InteractionId = interaction.Id, EmployeeId = members[person].Id });
                foreach (var contact in contacts)
                {
                    ref var bond = ref CollectionsMarshal.GetValueRefOrAddDefault(bonds, ((long)person << 32) | (uint)contact, out var exists);
                    bond.State = RelationshipStrength.Add(exists ? bond.State : StrengthState.None, kind, interaction.InitiatedByClient, at, Strength);
                    bond.LastContactAt = exists && bond.LastContactAt > at ? bond.LastContactAt : at;
                    bond.Interactions++;
                    bond.ClientInitiated += interaction.InitiatedByClient ? 1 : 0;
                }
            }

            foreach (var contact in contacts)
            {
                theirs.Add(new InteractionContact { InteractionId = interaction.Id, ContactId = _contactIds[contact] });
            }

            if (interactions.Count == Chunk || n == size.Interactions - 1)
            {
                await writer.WriteAsync(interactions);
                await writer.WriteAsync(ours);
                await writer.WriteAsync(theirs);
                interactions.Clear();
                ours.Clear();
                theirs.Clear();
            }
        }
    }

    private async Task WriteRelationshipsAsync(Dictionary<long, Bond> bonds)
    {
        var chunk = new List<Relationship>(Chunk);
        foreach (var (key, bond) in bonds)
        {
            var relationship = new Relationship
            {
                EmployeeId = staff.Members[(int)(key >> 32)].Id,
                ContactId = _contactIds[(int)(key & 0xFFFF_FFFF)],
                Score = bond.State.Score,
                ScoreAt = bond.State.At,
                LastContactAt = bond.LastContactAt,
                Interactions = bond.Interactions,
                ClientInitiated = bond.ClientInitiated,
            };
            SeededIds.SetId(relationship, _ids.Next());
            chunk.Add(relationship);
            if (chunk.Count == Chunk)
            {
                await writer.WriteAsync(chunk);
                chunk.Clear();
            }
        }

        await writer.WriteAsync(chunk);
    }

    /// <summary>A company name with its legal form, and the brand without it (for the web domain).</summary>
    private (string Name, string Brand) CompanyName(Country country)
    {
        string brand;
        if (country == ClientBaseNames.Bulgaria)
        {
            var roll = _random.Next(100);
            brand = roll switch
            {
                < 30 => Pick(ClientBaseNames.CyrillicRoots) + Pick(ClientBaseNames.CyrillicActivities).ToLowerInvariant(),
                < 50 => $"{Pick(ClientBaseNames.CyrillicRoots)} {Pick(ClientBaseNames.CyrillicActivities)}",
                < 62 => FamilyFirm(),
                _ => $"{Pick(ClientBaseNames.LatinRoots)} {Pick(ClientBaseNames.LatinActivities)}",
            };

            // Real registers are full of near-namesakes told apart by a year or a town.
            brand = _random.Next(100) switch
            {
                < 20 => $"{brand} {_random.Next(1991, 2025)}",
                < 30 => $"{brand} - {Pick(country.Regions)}",
                _ => brand,
            };
        }
        else if (country.Code is "DE" or "AT")
        {
            brand = _random.Next(100) < 60
                ? $"{Pick(ClientBaseNames.International.Surnames)} {Pick(ClientBaseNames.GermanTrades)}"
                : $"{Pick(ClientBaseNames.LatinRoots)} {Pick(ClientBaseNames.GermanTrades)}";
        }
        else
        {
            brand = _random.Next(100) < 50
                ? $"{Pick(ClientBaseNames.International.Surnames)} & {Pick(ClientBaseNames.International.Surnames)}"
                : $"{Pick(ClientBaseNames.LatinRoots)} {Pick(ClientBaseNames.LatinActivities)}";
        }

        return ($"{brand} {Pick(country.LegalForms)}", brand);
    }

    private string FamilyFirm()
    {
        var surname = Pick(ClientBaseNames.Cyrillic.Surnames);
        return _random.Next(4) switch
        {
            0 => $"{surname} и син",
            1 => $"Братя {surname}и",
            2 => $"{surname} и сие",
            _ => $"{surname} {Pick(ClientBaseNames.CyrillicActivities)}",
        };
    }

    /// <summary>A unique registration number: most Bulgarian companies have a valid EIK, branches a 13-digit one.</summary>
    private string? RegistrationNumber(Country country)
    {
        for (var attempt = 0; ; attempt++)
        {
            var number = country.Code switch
            {
                "BG" when _random.Next(100) < 92 => Eik(branch: _random.Next(100) < 3),
                "DE" when _random.Next(100) < 70 => $"HRB {_random.Next(10_000, 999_999)}",
                "AT" when _random.Next(100) < 60 => $"FN {_random.Next(100_000, 999_999)}{(char)('a' + _random.Next(26))}",
                "GB" when _random.Next(100) < 80 => $"0{_random.Next(1_000_000, 9_999_999)}",
                "CY" when _random.Next(100) < 80 => $"HE{_random.Next(100_000, 999_999)}",
                _ => null,
            };
            if (number is null || _registrations.Add(number))
            {
                return number;
            }

            if (attempt > 100)
            {
                throw new InvalidOperationException("Ran out of registration numbers; the dataset is too big for their ranges.");
            }
        }
    }

    /// <summary>Digits of a plausible EIK, completed with the one check digit <see cref="ClientBase.Eik"/> accepts.</summary>
    private string Eik(bool branch)
    {
        var digits = _random.Next(100) < 60
            ? "20" + _random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture)
            : "1" + _random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        digits = WithCheckDigit(digits);
        return branch ? WithCheckDigit(digits + _random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture)) : digits;
    }

    private static string WithCheckDigit(string digits)
    {
        for (var d = '0'; d <= '9'; d++)
        {
            if (ClientBase.Eik.IsValid(digits + d))
            {
                return digits + d;
            }
        }

        throw new InvalidOperationException($"No check digit completes {digits}.");
    }

    private string Domain(string brand, Country country)
    {
        var label = Transliteration.Slug(brand);
        var tld = Pick(country.TopLevelDomains);
        var domain = $"{label}.{tld}";
        for (var n = 2; !_domains.Add(domain); n++)
        {
            domain = string.Create(CultureInfo.InvariantCulture, $"{label}{n}.{tld}");
        }

        return domain;
    }

    /// <summary>A unique address: first.last at the company's domain, or at a free mail service with a number.</summary>
    private string Email(string first, string last, string? domain)
    {
        var local = $"{Transliteration.Slug(first)}.{Transliteration.Slug(last)}";
        var host = domain ?? Pick(ClientBaseNames.FreeMailDomains);
        if (domain is null)
        {
            local += _random.Next(1, 100).ToString(CultureInfo.InvariantCulture);
        }

        var email = $"{local}@{host}";
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@{host}");
        }

        return email;
    }

    private string Phone(string country) => country switch
    {
        "BG" => _random.Next(3) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"+359 8{Pick([7, 8, 9])} {_random.Next(100, 1000)} {_random.Next(1000, 10_000)}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"08{Pick([7, 8, 9])}{_random.Next(1, 10)} {_random.Next(100, 1000)} {_random.Next(100, 1000)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"02 {_random.Next(800, 1000)} {_random.Next(1000, 10_000)}"),
        },
        "DE" => string.Create(CultureInfo.InvariantCulture, $"+49 {Pick([30, 40, 69, 89])} {_random.Next(1000, 10_000)} {_random.Next(1000, 10_000)}"),
        "AT" => string.Create(CultureInfo.InvariantCulture, $"+43 1 {_random.Next(100, 1000)} {_random.Next(1000, 10_000)}"),
        "GB" => string.Create(CultureInfo.InvariantCulture, $"+44 20 {_random.Next(1000, 10_000)} {_random.Next(1000, 10_000)}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"+357 2{_random.Next(2, 6)} {_random.Next(100_000, 1_000_000)}"),
    };

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sums = weights.ToArray();
        for (var i = 1; i < sums.Length; i++)
        {
            sums[i] += sums[i - 1];
        }

        return sums;
    }

    /// <summary>An index drawn in proportion to the weights whose running sums are given.</summary>
    private int PickWeighted(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    /// <summary>What one of our people and one of theirs have built up so far.</summary>
    private struct Bond
    {
        public StrengthState State;
        public DateTime LastContactAt;
        public int Interactions;
        public int ClientInitiated;
    }
}
