using Rapport.ClientBase;
using Rapport.ClientBase.Demo;
using Rapport.Data;

namespace Rapport.Tests;

/// <summary>The demo's client base as planned from a seed, before anything is written.</summary>
public sealed class ClientBaseDemoTests
{
    private static readonly DateTime Now = new(2026, 3, 18, 14, 0, 0, DateTimeKind.Utc);
    private static readonly StrengthOptions Options = new();
    private static readonly RoleSet Roles = new(BuyingRoles.Defaults());
    private static readonly DemoStaff Staff = DemoCompany();

    [Fact]
    public void The_same_seed_plans_the_same_client_base_and_another_seed_another()
    {
        var first = Plan(2026);
        var again = Plan(2026);
        var other = Plan(7);

        Assert.Equal(Describe(first), Describe(again));
        Assert.NotEqual(first.Accounts.Select(a => a.Name), other.Accounts.Where(a => a.ParentId == null).Select(a => a.Name));
        Assert.NotEqual(first.Accounts.Select(a => a.RegistrationNumber), other.Accounts.Select(a => a.RegistrationNumber));
    }

    [Fact]
    public void Accounts_carry_valid_distinct_eiks_and_domains_and_bulgarian_legal_forms()
    {
        var plan = Plan(2026);

        Assert.InRange(plan.Accounts.Count, 290, 310);
        Assert.All(plan.Accounts, a => Assert.True(Eik.IsValid(a.RegistrationNumber!), a.RegistrationNumber));
        Assert.Equal(plan.Accounts.Count, plan.Accounts.Select(a => a.RegistrationNumber).Distinct().Count());
        var domains = plan.Accounts.Where(a => a.Domain != null).Select(a => a.Domain).ToList();
        Assert.Equal(domains.Count, domains.Distinct().Count());
        Assert.Equal(plan.Accounts.Count, plan.Accounts.Select(a => a.SearchName).Distinct().Count());
        foreach (var form in new[] { " ООД", " ЕООД", " АД", " ЕАД", " Ltd", " JSC" })
        {
            Assert.Contains(plan.Accounts, a => a.Name.EndsWith(form, StringComparison.Ordinal));
        }

        Assert.Contains(plan.Accounts, a => a.Name.StartsWith("ЕТ ", StringComparison.Ordinal));
        Assert.Contains(plan.Accounts, a => a.Industry == "Търговия с валцувани метали");
        Assert.True(plan.Accounts.Count(a => a.ParentId != null) >= 6);
        Assert.All(plan.Accounts.Where(a => a.ParentId != null), a => Assert.Contains(plan.Accounts, p => p.Id == a.ParentId));
        Assert.All(plan.Accounts, a => Assert.True(plan.Accounts.FindIndex(p => p.Id == a.ParentId) < plan.Accounts.IndexOf(a)));
    }

    [Fact]
    public void Contacts_have_buying_roles_titles_and_bulgarian_numbers_and_no_address_twice()
    {
        var plan = Plan(2026);

        Assert.InRange(plan.Contacts.Count, 1000, 1400);
        Assert.All(plan.Accounts, a => Assert.InRange(plan.Contacts.Count(c => c.AccountId == a.Id), 2, 6));
        Assert.All(plan.Contacts, c => Assert.NotNull(Roles.Find(c.Role)));
        Assert.All(plan.Contacts, c => Assert.False(string.IsNullOrWhiteSpace(c.JobTitle)));
        var emails = plan.Contacts.SelectMany(c => c.EmailAddresses()).ToList();
        Assert.Equal(emails.Count, emails.Distinct().Count());
        Assert.All(plan.Contacts, c => Assert.Empty(ContactChannels.CheckEmails([.. c.EmailAddresses()])));
        Assert.All(plan.Contacts.SelectMany(c => c.PhoneNumbers()), p => Assert.StartsWith("+359 ", p, StringComparison.Ordinal));
        Assert.Contains(plan.Contacts, c => c.Emails.Count > 1);
        Assert.Contains(plan.Contacts, c => c.Phones.Count > 1);
        foreach (var code in new[] { BuyingRoles.DecisionMaker, BuyingRoles.Signatory, BuyingRoles.Influencer, BuyingRoles.User, BuyingRoles.Gatekeeper })
        {
            Assert.Contains(plan.Contacts, c => c.Role == code);
        }
    }

    [Fact]
    public void A_year_of_interactions_lies_in_the_past_between_people_of_the_account()
    {
        var plan = Plan(2026);
        var accountOf = plan.Contacts.ToDictionary(c => c.Id, c => c.AccountId);

        Assert.InRange(plan.Interactions.Count, 2000, 6000);
        Assert.All(plan.Interactions, i => Assert.InRange(i.OccurredAt, Now.AddDays(-370), Now.AddHours(-1)));
        Assert.All(plan.Interactions, i => Assert.All(i.Contacts, c => Assert.Equal(i.AccountId, accountOf[c.ContactId])));
        Assert.All(plan.Interactions, i => Assert.NotEmpty(i.Employees));
        Assert.Equal(plan.Interactions.OrderBy(i => i.OccurredAt), plan.Interactions);
        Assert.Contains(plan.Interactions, i => i.InitiatedByClient);
        Assert.All(Enum.GetValues<InteractionKind>(), k => Assert.Contains(plan.Interactions, i => i.Kind == k));
    }

    [Theory]
    [InlineData(DemoSignIns.Manager, 38, 42)]
    [InlineData(DemoSignIns.Press, 3, 4)]
    public void Account_managers_own_their_share(string signIn, int least, int most)
    {
        var plan = Plan(2026);
        var person = Staff.SignedInAs(signIn);

        Assert.InRange(plan.Accounts.Count(a => a.OwnerId == person.Id), least, most);
        var temperatures = plan.Accounts.Where(a => a.OwnerId == person.Id).Select(a => plan.Temperatures[a.Id]).ToHashSet();
        Assert.Superset(new HashSet<Temperature> { Temperature.Warm, Temperature.Cooling, Temperature.Cold }, temperatures);
    }

    [Theory]
    [InlineData(DemoSignIns.Manager)]
    [InlineData(DemoSignIns.Head)]
    [InlineData(DemoSignIns.Coordinator)]
    [InlineData(DemoSignIns.Press)]
    public void Everyone_who_signs_in_to_the_client_base_has_relationships_going_cold_and_next_steps_due(string signIn)
    {
        // On whichever day of the week the demo is seeded.
        for (var day = 0; day < 7; day++)
        {
            var now = Now.AddDays(day);
            var plan = Plan(2026, now);
            var me = Staff.SignedInAs(signIn).Id;
            var contacts = plan.Contacts.ToDictionary(c => c.Id);

            var lastContact = new Dictionary<Guid, DateTime>();
            foreach (var interaction in plan.Interactions.Where(i => i.Employees.Any(e => e.EmployeeId == me)))
            {
                interaction.Contacts.ForEach(c => lastContact[c.ContactId] = interaction.OccurredAt);
            }

            Assert.Contains(lastContact, l => RelationshipStrength.IsGoingCold(l.Value, Roles.RhythmOf(contacts[l.Key].Role), now));
            Assert.Contains(lastContact, l => !RelationshipStrength.IsGoingCold(l.Value, Roles.RhythmOf(contacts[l.Key].Role), now));
            var today = DateOnly.FromDateTime(now);
            var due = plan.Interactions.Where(i => i.LoggedById == me && i.NextStepDue != null).Select(i => i.NextStepDue!.Value).ToList();
            Assert.Contains(today, due);
            Assert.Contains(due, d => d < today);
            Assert.Contains(due, d => d > today && d <= today.AddDays(7));
            Assert.All(due.Where(d => d != today), d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d} falls on a weekend"));
            Assert.Contains(plan.FollowUps, f => f.AssigneeId == me);
        }
    }

    [Fact]
    public void Some_accounts_hang_on_one_person_and_some_are_covered_in_every_required_role()
    {
        var plan = Plan(2026);
        var manager = Staff.SignedInAs(DemoSignIns.Manager).Id;
        var coverage = Coverage(plan, a => a.OwnerId == manager);

        Assert.Contains(coverage, c => c.SingleThreaded);
        Assert.Contains(coverage, c => c.FullyCovered && !c.SingleThreaded);
        Assert.Contains(coverage, c => !c.FullyCovered);
    }

    /// <summary>Coverage of the accounts chosen, with strength counted as the interaction handler counts it.</summary>
    private static List<AccountCoverage> Coverage(ClientBasePlan plan, Func<Account, bool> which)
    {
        var states = new Dictionary<(Guid, Guid), StrengthState>();
        foreach (var interaction in plan.Interactions)
        {
            foreach (var e in interaction.Employees)
            {
                foreach (var c in interaction.Contacts)
                {
                    states[(e.EmployeeId, c.ContactId)] = RelationshipStrength.Add(
                        states.GetValueOrDefault((e.EmployeeId, c.ContactId), StrengthState.None), interaction.Kind, interaction.InitiatedByClient,
                        interaction.OccurredAt, Options);
                }
            }
        }

        var leaver = Staff.With(DemoRole.Leaver).Single().Id;
        var contacts = plan.Contacts.ToDictionary(c => c.Id);
        return [.. plan.Accounts.Where(which).Select(a => CoverageCalculator.Compute(
            [.. states.Where(s => contacts[s.Key.Item2].AccountId == a.Id && s.Key.Item1 != leaver)
                .Select(s => new CoverageLink(s.Key.Item2, contacts[s.Key.Item2].Role, s.Key.Item1, RelationshipStrength.At(s.Value, Now, Options)))],
            Roles.Required, Options))];
    }

    private static ClientBasePlan Plan(int seed, DateTime? now = null) =>
        new ClientBasePlanner(new Random(DemoContext.SeedFor(seed, "client base")), Staff, Roles, now ?? Now).Plan();

    private static List<string> Describe(ClientBasePlan plan) =>
    [
        .. plan.Accounts.Select(a => $"{a.Name}|{a.RegistrationNumber}|{a.Domain}|{a.Industry}|{a.Region}|{a.Size}|{a.Status}"),
        .. plan.Contacts.Select(c => $"{c.FullName}|{c.JobTitle}|{c.Role}|{string.Join(",", c.EmailAddresses())}|{string.Join(",", c.PhoneNumbers())}"),
        .. plan.Interactions.Select(i => $"{i.OccurredAt:O}|{i.Kind}|{i.Subject}|{i.Outcome}|{i.NextStep}|{i.NextStepDue}"),
        .. plan.FollowUps.Select(f => $"{f.Title}|{f.DueOn}"),
        .. plan.Moves.Select(m => $"{m.Contact.FullName}|{m.NewAccountName ?? m.Target?.Name}|{m.MovedOn}"),
    ];

    /// <summary>A company shaped as the demo's: a director, three teams, finance, HR, a press secretary and a leaver.</summary>
    private static DemoStaff DemoCompany()
    {
        var people = new List<DemoPerson> { new(Guid.NewGuid(), "Директор", DemoRole.Director, null, 0, DemoSignIns.Admin) };
        for (var team = 0; team < 3; team++)
        {
            people.Add(new(Guid.NewGuid(), $"Head {team}", DemoRole.HeadOfSales, team, 0.5m, team == 0 ? DemoSignIns.Head : null));
            for (var i = 0; i < 4; i++)
            {
                people.Add(new(Guid.NewGuid(), $"Manager {team}.{i}", DemoRole.AccountManager, team, 1, team == 0 && i == 0 ? DemoSignIns.Manager : null));
            }

            people.Add(new(Guid.NewGuid(), $"Specialist {team}", DemoRole.PartTimeAccountManager, team, 0.3m, null));
            people.Add(new(Guid.NewGuid(), $"Coordinator {team}", DemoRole.Coordinator, team, 1, team == 0 ? DemoSignIns.Coordinator : null));
        }

        people.Add(new(Guid.NewGuid(), "Finance", DemoRole.Finance, null, 0, DemoSignIns.Finance));
        people.Add(new(Guid.NewGuid(), "HR", DemoRole.HumanResources, null, 0, DemoSignIns.Hr));
        people.Add(new(Guid.NewGuid(), "Press", DemoRole.PartTimeAccountManager, null, 0.2m, DemoSignIns.Press));
        people.Add(new(Guid.NewGuid(), "Leaver", DemoRole.Leaver, 0, 1, null, DateOnly.FromDateTime(Now).AddDays(-30)));
        return new DemoStaff(people);
    }
}
