using System.Globalization;
using Rapport.Data;
using static Rapport.ClientBase.Demo.ClientBaseDemoWords;

namespace Rapport.ClientBase.Demo;

// A year of interactions in threads, the next steps still open, follow-ups, and the people who moved company.
internal sealed partial class ClientBasePlanner
{
    private enum Style
    {
        /// <summary>The owner and the account's key person.</summary>
        Main,
        Signatory,
        Influencer,

        /// <summary>The coordinator and the people who use what the client bought.</summary>
        Service,

        /// <summary>The head of sales with the decision-maker, beside the owner.</summary>
        Senior,

        /// <summary>A colleague with the owner in the technical talks.</summary>
        Specialist,
        Gatekeeper,

        /// <summary>A review meeting with the decision-maker and the signatory.</summary>
        Review,
    }

    private sealed record Thread(Style Style, List<DemoPerson> Ours, Contact[] Theirs, double Cadence, int Last, int Start);

    private void AddInteractions(Sketch sketch)
    {
        if (sketch.Temperature == Temperature.Untouched)
        {
            return;
        }

        var size = sketch.Account.Size;
        var cadence = size switch
        {
            SizeSegment.Large => 28.0,
            SizeSegment.Medium => 40.0,
            SizeSegment.Small => 48.0,
            _ => 60.0,
        };
        var (last, start) = sketch.Temperature switch
        {
            Temperature.Warm => (1 + random.Next(14), HistoryDays - random.Next(random.Next(5) == 0 ? 250 : 30)),
            Temperature.Cooling => (35 + random.Next(41), HistoryDays - random.Next(40)),
            Temperature.Cold => (75 + random.Next(56), HistoryDays - random.Next(40)),
            Temperature.InTalks => (2 + random.Next(29), 0),
            _ => (120 + random.Next(121), HistoryDays),
        };
        if (sketch.Temperature == Temperature.InTalks)
        {
            (cadence, start) = (8 + random.Next(10), last + 15 + random.Next(50));
        }
        else if (sketch.Temperature is Temperature.Cold or Temperature.Lapsed)
        {
            cadence *= 1.6;
        }

        if (sketch.Temperature is Temperature.Warm or Temperature.Cooling)
        {
            // Each owner's second warm account hangs on one person, and so does every micro company.
            var warm = sketch.Temperature == Temperature.Warm ? _warmOf[sketch.Owner.Id] = _warmOf.GetValueOrDefault(sketch.Owner.Id) + 1 : 0;
            sketch.SingleThreaded = warm == 2 || size == SizeSegment.Micro;
        }
        else
        {
            // A prospect is known through one person, unless it is a bigger company that asked for a technical talk too.
            sketch.SingleThreaded = size <= SizeSegment.Small || (sketch.Temperature == Temperature.InTalks && random.Next(2) == 0);
        }

        var owner = sketch.Owner;
        var dm = sketch.Find(BuyingRoles.DecisionMaker)!;
        var key = sketch.SingleThreaded && random.Next(10) < 3 ? sketch.Find(BuyingRoles.Influencer) ?? dm : dm;
        var threads = new List<Thread> { new(Style.Main, [owner], [key], cadence, last, start) };
        if (!sketch.SingleThreaded)
        {
            int Later(int days) => last + random.Next(days + 1);

            // Service and the technical talks go on when selling has cooled: they keep a cooling account from hanging on one person.
            int Alongside(int days) => sketch.Temperature == Temperature.Cooling ? Math.Max(1, last - random.Next(2 * days, 4 * days)) : Later(days);
            if (sketch.Find(BuyingRoles.Signatory) is { } signatory)
            {
                threads.Add(new(Style.Signatory, [owner], [signatory], 40 + random.Next(16), Later(15), start));
            }

            if (sketch.Find(BuyingRoles.Influencer) is { } influencer)
            {
                threads.Add(new(Style.Influencer, [owner], [influencer], 50 + random.Next(16), Later(15), start));
            }

            if (sketch.Coordinator is { } coordinator)
            {
                var user = random.Next(5) < 3 ? sketch.Find(BuyingRoles.User) : null;
                threads.Add(new(Style.Service, [coordinator], [user ?? sketch.Find(BuyingRoles.Influencer) ?? dm], 28 + random.Next(13), Alongside(10), start));
            }

            if (size == SizeSegment.Large && owner.Team is { } team)
            {
                threads.Add(new(Style.Senior, [owner, staff.HeadOf(team)], [dm], 40 + random.Next(16), Alongside(10), start));
            }
            else if (sketch.Coordinator is null && owner.Team is { } own && (sketch.Temperature == Temperature.Warm || random.Next(10) < (size == SizeSegment.Medium ? 8 : 6)))
            {
                // A colleague who knows the product comes along to the technical talks: the team's specialist, or a peer.
                var colleagues = staff.InTeam(own).Where(p => p.Id != owner.Id && p.Role is DemoRole.AccountManager or DemoRole.PartTimeAccountManager).ToArray();
                var specialist = colleagues.FirstOrDefault(p => p.Role == DemoRole.PartTimeAccountManager) is { } expert && random.Next(2) == 0
                    ? expert
                    : Pick(colleagues);
                threads.Add(new(Style.Specialist, [owner, specialist],
                    [sketch.Find(BuyingRoles.Influencer) ?? sketch.Find(BuyingRoles.User) ?? dm], 40 + random.Next(11), Alongside(10), start));
            }

            if (sketch.Find(BuyingRoles.Gatekeeper) is { } gatekeeper && random.Next(4) == 0)
            {
                threads.Add(new(Style.Gatekeeper, [owner], [gatekeeper], 70 + random.Next(30), Later(20), start));
            }

            if (size >= SizeSegment.Medium)
            {
                List<DemoPerson> ours = [owner];
                if (size == SizeSegment.Large && owner.Team is { } ownTeam && random.Next(2) == 0)
                {
                    ours.Add(staff.HeadOf(ownTeam));
                }

                if (sketch.Coordinator is { } c)
                {
                    ours.Add(c);
                }

                Contact[] theirs = [dm, .. new[] { sketch.Find(BuyingRoles.Signatory), sketch.Find(BuyingRoles.Influencer) }.OfType<Contact>()];
                threads.Add(new(Style.Review, ours, theirs, 120 + random.Next(30), Later(30), start));
            }
        }

        var leaver = sketch.Inherited ? staff.With(DemoRole.Leaver).First() : null;
        var handover = leaver?.LeftOn is { } leftOn ? _today.DayNumber - leftOn.DayNumber : 0;
        foreach (var thread in threads)
        {
            Interaction? introduction = null;
            for (var d = thread.Last; d <= thread.Start; d += (int)Math.Max(3, Math.Round(thread.Cadence * (0.7 + (0.6 * random.NextDouble())))))
            {
                // Until the handover, the manager who left held the account.
                List<DemoPerson> ours = leaver is not null && d > handover ? [.. thread.Ours.Select(p => p.Id == owner.Id ? leaver : p)] : thread.Ours;
                var interaction = Emit(sketch, thread, ours, d);
                if (leaver is not null && thread.Style == Style.Main && d <= handover)
                {
                    introduction = interaction;
                }
            }

            if (introduction is not null)
            {
                introduction.Kind = InteractionKind.Meeting;
                introduction.Subject = Introduction;
                introduction.InitiatedByClient = false;
            }
        }
    }

    private Interaction Emit(Sketch sketch, Thread thread, List<DemoPerson> ours, int daysAgo)
    {
        var day = _today.AddDays(-daysAgo);
        day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(-1), DayOfWeek.Sunday => day.AddDays(-2), _ => day };

        // Office hours in Bulgaria, 9:30 to 17:30 local time, in UTC.
        var at = day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc).AddMinutes(5 * random.Next(97));
        var kind = Kind(thread.Style);
        var fromClient = kind switch
        {
            InteractionKind.Note => false,
            InteractionKind.Meeting => random.Next(10) == 0,
            _ => random.Next(100) < (thread.Style == Style.Service ? 35 : kind == InteractionKind.Call ? 25 : 30),
        };
        var subject = thread.Style switch
        {
            Style.Review => Pick(Reviews),
            Style.Service when kind != InteractionKind.Note => Pick(ClientBaseDemoWords.Service),
            _ when fromClient && random.Next(2) == 0 => Pick(FromClient),
            _ => Pick(kind switch
            {
                InteractionKind.Call => Calls,
                InteractionKind.Meeting => Meetings,
                InteractionKind.Email => Emails,
                _ => Notes,
            }),
        };
        while (!_interactionKeys.Add((sketch.Account.Id, at, subject)))
        {
            at = at.AddMinutes(5);
        }

        var logger = thread.Style is Style.Senior or Style.Specialist && ours.Count > 1 && random.Next(10) < 4 ? ours[1] : ours[0];
        var interaction = new Interaction
        {
            AccountId = sketch.Account.Id,
            Kind = kind,
            OccurredAt = at,
            InitiatedByClient = fromClient,
            Subject = subject,
            Outcome = kind switch
            {
                InteractionKind.Note => null,
                InteractionKind.Email => random.Next(100) < 35 ? Pick(Outcomes) : null,
                _ => random.Next(100) < 70 ? Pick(Outcomes) : null,
            },
            NextStep = kind != InteractionKind.Note && random.Next(100) < 40 ? Pick(NextSteps) : null,
            LoggedById = logger.Id,
        };
        interaction.Employees.AddRange(ours.Select(p => p.Id).Distinct().Select(id => new InteractionEmployee { InteractionId = interaction.Id, EmployeeId = id }));
        interaction.Contacts.AddRange(thread.Theirs.Select(c => new InteractionContact { InteractionId = interaction.Id, ContactId = c.Id }));
        _plan.Interactions.Add(interaction);
        _accountOf[interaction] = sketch;
        return interaction;
    }

    private InteractionKind Kind(Style style)
    {
        var roll = random.Next(100);
        return style switch
        {
            Style.Review => InteractionKind.Meeting,
            Style.Senior => roll < 70 ? InteractionKind.Meeting : InteractionKind.Call,
            Style.Specialist => roll switch { < 50 => InteractionKind.Meeting, < 80 => InteractionKind.Call, _ => InteractionKind.Email },
            Style.Signatory => roll switch { < 50 => InteractionKind.Email, < 85 => InteractionKind.Call, _ => InteractionKind.Meeting },
            Style.Influencer => roll switch { < 40 => InteractionKind.Call, < 80 => InteractionKind.Email, _ => InteractionKind.Meeting },
            Style.Service => roll switch { < 45 => InteractionKind.Call, < 90 => InteractionKind.Email, _ => InteractionKind.Note },
            Style.Gatekeeper => roll < 60 ? InteractionKind.Email : InteractionKind.Call,
            _ => roll switch { < 40 => InteractionKind.Call, < 75 => InteractionKind.Email, < 90 => InteractionKind.Meeting, _ => InteractionKind.Note },
        };
    }

    /// <summary>
    /// The next step each of our people promised last on each account is the one still open: it gets a due date, and
    /// only it, since a next step has no "done" but the next interaction. Everyone who logs has one overdue, one due
    /// today and two due this week; others fall due as the account's rhythm has them, or not at all when long past.
    /// </summary>
    private void OpenNextSteps()
    {
        var latest = new Dictionary<(Guid Account, Guid Logger), Interaction>();
        foreach (var interaction in _plan.Interactions)
        {
            if (interaction.Kind != InteractionKind.Note && interaction.LoggedById is { } logger)
            {
                latest[(interaction.AccountId, logger)] = interaction;
            }
        }

        var open = latest.Values.OrderBy(i => i.OccurredAt).ToList();
        foreach (var interaction in open)
        {
            var temperature = _accountOf[interaction].Temperature;
            var day = DateOnly.FromDateTime(interaction.OccurredAt);
            DateOnly? due = temperature switch
            {
                Temperature.Warm or Temperature.InTalks when random.Next(100) < 40 => day.AddDays(5 + random.Next(16)),
                Temperature.Cooling when random.Next(100) < 30 => day.AddDays(7 + random.Next(8)),
                _ => null,
            };
            if (due is { } date && date.DayNumber < _today.DayNumber - 21)
            {
                due = null;
            }

            if (due is { } set)
            {
                interaction.NextStep ??= Pick(NextSteps);
                interaction.NextStepDue = Workday(set, 1);
            }
        }

        var active = staff.People.Where(p => p.Role != DemoRole.Leaver).Select(p => p.Id).ToHashSet();
        foreach (var mine in open.Where(i => active.Contains(i.LoggedById!.Value)).GroupBy(i => i.LoggedById!.Value))
        {
            // The most recent first, the warm ones before the rest: a step due today follows from a recent talk.
            var candidates = mine.OrderBy(i => _accountOf[i].Temperature is Temperature.Warm or Temperature.InTalks ? 0 : 1)
                .ThenByDescending(i => i.OccurredAt).ToList();
            int[] offsets = [-2, 0, 2, 5];
            foreach (var offset in offsets)
            {
                var due = offset == 0 ? _today : Workday(_today.AddDays(offset), Math.Sign(offset));
                var pick = candidates.FirstOrDefault(i => DateOnly.FromDateTime(i.OccurredAt) < due);
                if (pick is null)
                {
                    continue;
                }

                candidates.Remove(pick);
                pick.NextStep ??= Pick(NextSteps);
                pick.NextStepDue = due;
            }
        }
    }

    // ---- Follow-ups and moves ------------------------------------------------------------------------------------

    private void AddFollowUps(DemoPerson manager)
    {
        var people = staff.People.Where(p => p.Role is DemoRole.AccountManager or DemoRole.PartTimeAccountManager
            or DemoRole.Coordinator or DemoRole.HeadOfSales).ToList();
        foreach (var person in people)
        {
            var accounts = _sketches.Where(s => s.Temperature != Temperature.Lapsed && (person.Role switch
            {
                DemoRole.Coordinator => s.Coordinator?.Id == person.Id,
                DemoRole.HeadOfSales => s.Team == person.Team && s.Account.Size == SizeSegment.Large,
                _ => s.Owner.Id == person.Id,
            })).ToList();
            int[] offsets = person.Id == manager.Id ? [-3, 0, 4] : [-1 - random.Next(6), random.Next(7)];
            foreach (var offset in offsets.Where(_ => accounts.Count > 0))
            {
                var sketch = accounts[random.Next(accounts.Count)];
                var due = offset == 0 ? _today : Workday(_today.AddDays(offset), Math.Sign(offset));
                _plan.FollowUps.Add(new FollowUp
                {
                    AssigneeId = person.Id,
                    AccountId = sketch.Account.Id,
                    ContactId = random.Next(2) == 0 ? sketch.Find(BuyingRoles.DecisionMaker)?.Id : null,
                    Title = Pick(Tasks),
                    DueOn = due,
                    CreatedAt = due.AddDays(-7 - random.Next(8)).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
                });
            }
        }
    }

    /// <summary>
    /// People who changed jobs, two of them at the manager's accounts: one was promoted to decide at a company we do not
    /// know yet and was called there since; one went to another client of the manager's. Two more elsewhere.
    /// </summary>
    private void PlanMoves(DemoPerson manager, List<DemoPerson> managers)
    {
        var lastContact = new Dictionary<Guid, DateOnly>();
        foreach (var interaction in _plan.Interactions)
        {
            foreach (var participant in interaction.Contacts)
            {
                lastContact[participant.ContactId] = DateOnly.FromDateTime(interaction.OccurredAt);
            }
        }

        Sketch? Source(DemoPerson owner, Temperature temperature, string part, int quietDays) => _sketches.FirstOrDefault(s =>
            s.Owner.Id == owner.Id && s.Temperature == temperature && !s.SingleThreaded && !s.Inherited && s.Account.ParentId is null
            && s.Find(part) is { } c && lastContact.TryGetValue(c.Id, out var seen) && seen.DayNumber <= _today.DayNumber - quietDays
            && _plan.Moves.All(m => m.Contact.AccountId != s.Account.Id && m.Target?.Id != s.Account.Id));
        Sketch? Target(DemoPerson owner, Sketch source) => _sketches.FirstOrDefault(s =>
            s.Owner.Id == owner.Id && s != source && s.Temperature == Temperature.Warm && s.Account.Domain is not null
            && _plan.Moves.All(m => m.Contact.AccountId != s.Account.Id));

        void Move(DemoPerson owner, Temperature temperature, string part, bool toNewCompany, string jobTitle, string role, bool call)
        {
            if (Source(owner, temperature, part, call ? 8 : 3) is not { } source)
            {
                return;
            }

            var contact = source.Find(part)!;
            var movedOn = lastContact[contact.Id].AddDays(2 + random.Next(3));
            var (first, last) = SplitName(contact.FullName);
            if (toNewCompany)
            {
                var (name, label, _, _) = CompanyName(source.Industry, SizeSegment.Small);
                var domain = Domain(label, SizeSegment.Medium, soleTrader: false);
                PlannedCall? planned = call
                    ? new(movedOn.AddDays(3).ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc), "Поздравления за новата позиция",
                        "Иска да ни представи на екипа си и да обсъдим доставките за новата фирма", "Среща за запознанство с новия екип",
                        _today.AddDays(2))
                    : null;
                _plan.Moves.Add(new PlannedMove(owner.Id, contact, null, name, jobTitle, Code(role), movedOn, Email(first, last, domain),
                    contact.Phone, planned));
            }
            else if (Target(owner, source) is { } target)
            {
                _plan.Moves.Add(new PlannedMove(owner.Id, contact, target.Account, null, jobTitle, Code(role), movedOn,
                    Email(first, last, target.Account.Domain), contact.Phone, null));
            }
        }

        Move(manager, Temperature.Warm, BuyingRoles.Influencer, toNewCompany: true, "Изпълнителен директор", BuyingRoles.DecisionMaker, call: true);
        Move(manager, Temperature.Cooling, BuyingRoles.Signatory, toNewCompany: false, "Финансов директор", BuyingRoles.Signatory, call: false);
        if (managers.FirstOrDefault(m => m.Team == 1) is { } plovdiv)
        {
            Move(plovdiv, Temperature.Warm, BuyingRoles.Signatory, toNewCompany: false, "Главен счетоводител", BuyingRoles.Signatory, call: false);
        }

        if (managers.Where(m => m.Team == 2).Skip(1).FirstOrDefault() is { } varna)
        {
            Move(varna, Temperature.Cooling, BuyingRoles.Influencer, toNewCompany: true, "Търговски директор", BuyingRoles.DecisionMaker, call: false);
        }
    }

    /// <summary>A contact's first and last name in Cyrillic, for an address at their new employer.</summary>
    private static (string First, string Last) SplitName(string fullName)
    {
        var space = fullName.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (fullName, fullName) : (fullName[..space], fullName[(space + 1)..]);
    }
}
