using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Deals;
using Rapport.People;
using Rapport.Settings;
using Rapport.Shared;

namespace Rapport.Benchmarks;

/// <summary>What <see cref="DealsData.AddAsync"/> made, for the request files to point at.</summary>
internal sealed record DealsTargets(
    IReadOnlyList<Guid> Deals, IReadOnlyList<Guid> ManagerDeals, Guid HeadTeamId, string ForecastQuarter, string RankingQuarter);

/// <summary>
/// Deals on top of a generated client base, as the app itself would have recorded them: a product catalogue (when
/// there is none), deals spread evenly over the account owners (each owner's on accounts of their own) from 2024 to
/// now — about 45 % won, 25 % lost, the rest open in the default pipeline's stages with the owner's forecast call —,
/// one in ten split 60/40 with the account's coordinator or a colleague, their product lines, the deal event log
/// <see cref="DealHandlers"/> and <see cref="PaymentHandlers"/> write (created, stage moves, split changes, won or
/// lost with the credits and lines of the moment, payments), payments against won deals and a quarter quota for every
/// owner. New business and new products are decided by <see cref="Novelty"/> in the order the deals closed. Rows go
/// in through <see cref="DatasetWriter"/>; everything follows from the seed and the instant "now".
/// </summary>
internal static class DealsData
{
    private const int Chunk = 20_000;

    private const decimal LevPerEuro = 1.95583m;

    private static readonly DateOnly First = new(2024, 1, 1);

    /// <summary>The lev was replaced by the euro on this day; deals in leva are older.</summary>
    private static readonly DateOnly Euro = new(2026, 1, 1);

    private static readonly Guid[] OpenStages =
        [DealDefaults.QualificationId, DealDefaults.NeedsAnalysisId, DealDefaults.ProposalId, DealDefaults.NegotiationId];

    private static readonly decimal[] OpenProbabilities = [10m, 25m, 50m, 75m];

    private static readonly (string Code, string Name, string Category, decimal Euro)[] Catalogue =
    [
        ("ERP-U", "ERP — лиценз за потребител", "Лицензи", 480m), ("ERP-CLOUD", "Cloud ERP — annual subscription per user", "Абонаменти", 348m),
        ("WMS", "Модул „Склад и логистика“", "Лицензи", 3_900m), ("HR", "Модул „ТРЗ и човешки ресурси“", "Лицензи", 2_700m),
        ("EINV", "E-invoicing connector (Peppol)", "Интеграции", 1_450m), ("BI", "Business Intelligence dashboards", "Лицензи", 2_200m),
        ("IMPL", "Внедряване — човекоден", "Услуги", 520m), ("TRAIN", "Обучение на потребители", "Услуги", 900m),
        ("SUPP", "Годишна поддръжка", "Поддръжка", 3_600m), ("GDPR", "GDPR audit and consultation", "Услуги", 1_200m),
        ("HW-SRV", "Сървър за предприятието", "Хардуер", 7_800m), ("HW-TERM", "Мобилен терминал", "Хардуер", 890m),
        ("CRM-U", "CRM — лиценз за потребител", "Лицензи", 360m), ("POS", "Касов модул за търговски обект", "Лицензи", 640m),
        ("BACKUP", "Managed backup (off-site), годишно", "Абонаменти", 1_100m), ("SEC", "Одит на сигурността", "Услуги", 2_900m),
        ("MOB", "Мобилно приложение за търговци", "Лицензи", 1_800m), ("API", "Интеграция по поръчка — човекоден", "Услуги", 560m),
        ("HOST", "Хостинг, годишно", "Абонаменти", 960m), ("LAPTOP", "Лаптоп за бизнеса", "Хардуер", 1_250m),
    ];

    private static readonly string[] Titles =
        ["Внедряване", "Разширение", "Подновяване", "Нов обект", "Пилотен проект", "Upgrade", "Годишен договор", "Допълнителни лицензи"];

    /// <summary>Adds the deals and everything around them; prints what it made and returns the request targets.</summary>
    public static async Task<DealsTargets> AddAsync(BenchDatabase database, int seed, DateTime now, int count, double linesPerDeal,
        int paymentCount, TextWriter log)
    {
        var random = new Random(seed + 7);
        var ids = new SeededIds(seed + 8);
        var today = DateOnly.FromDateTime(now);
        var watch = Stopwatch.StartNew();

        List<(Guid Id, Guid OwnerId, Guid? CoordinatorId, string Name)> accounts;
        List<(Guid Id, string Name)> people;
        Dictionary<Guid, string> names;
        List<(Guid Id, decimal Euro)> products;
        long lastNumber;
        Guid manager;
        Guid headTeam;
        await using (var db = new RapportDb(database.Options()))
        {
            accounts = (await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.OwnerId, a.CoordinatorId, a.Name }).ToListAsync())
                .Select(a => (a.Id, a.OwnerId, a.CoordinatorId, a.Name)).ToList();
            people = (await db.Employees.AsNoTracking().Where(e => e.Status == EmployeeStatus.Active).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.FullName }).ToListAsync()).Select(e => (e.Id, e.FullName)).ToList();
            names = await db.Employees.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.FullName);
            lastNumber = await db.Deals.MaxAsync(d => (long?)d.Number) ?? 0;
            manager = await db.Users.Where(u => u.Email == "manager@bench.rapport.example").Select(u => u.EmployeeId).FirstOrDefaultAsync() ?? Guid.Empty;
            var head = await db.Users.Where(u => u.Email == "head@bench.rapport.example").Select(u => u.EmployeeId).FirstOrDefaultAsync();
            headTeam = await db.Teams.Where(t => t.HeadId == head).Select(t => t.Id).FirstOrDefaultAsync();
            products = (await db.Products.AsNoTracking().Where(p => !p.Archived).Include(p => p.Prices).ToListAsync())
                .Where(p => p.PriceIn(Currencies.Euro) is not null).Select(p => (p.Id, p.PriceIn(Currencies.Euro)!.Value)).ToList();
        }

        await using var writer = await DatasetWriter.OpenAsync(database);
        if (products.Count == 0)
        {
            products = await WriteCatalogueAsync(writer, ids);
        }

        // Each owner gets the same share of the deals, on accounts of their own: a manager's board is as full as any.
        var byOwner = accounts.GroupBy(a => a.OwnerId).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var deals = new List<Deal>(count);
        var reached = new Dictionary<Guid, int>(count);
        for (var i = 0; i < count; i++)
        {
            var owned = byOwner[i % byOwner.Count];
            var account = owned[random.Next(owned.Count)];
            var (deal, stage) = Make(random, ids, account, people, products, today, now, linesPerDeal);
            deals.Add(deal);
            reached[deal.Id] = stage;
        }

        // Numbered in the order they were made, as the counter hands numbers out.
        deals.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        for (var i = 0; i < deals.Count; i++)
        {
            deals[i].Number = lastNumber + i + 1;
        }

        // New business and new products as the rule decides them at each win, in the order the deals closed.
        var history = new Dictionary<Guid, List<WonHistory>>();
        foreach (var deal in deals.Where(d => d.Outcome == DealOutcome.Won).OrderBy(d => d.ClosedOn).ThenBy(d => d.Number))
        {
            var before = history.TryGetValue(deal.AccountId, out var h) ? h : history[deal.AccountId] = [];
            var (isNew, newProducts) = Novelty.Classify(deal.Number, deal.ClosedOn!.Value, deal.Lines.Select(l => l.ProductId), before);
            before.Add(new WonHistory(deal.Id, deal.Number, deal.ClosedOn!.Value, [.. deal.Lines.Select(l => l.ProductId)]));
            deal.NewBusiness = isNew;
            deal.Lines.ForEach(l => l.NewProduct = newProducts.Contains(l.ProductId));
        }

        await writer.DropIndexesAsync(typeof(Deal), typeof(DealLine), typeof(DealSplit), typeof(DealCredit), typeof(DealEvent), typeof(DealEventPerson),
            typeof(DealPayment), typeof(Quota));
        long lines = 0;
        foreach (var chunk in deals.Chunk(Chunk))
        {
            await writer.WriteAsync(chunk);
            var rows = chunk.SelectMany(d => d.Lines).ToList();
            await writer.WriteAsync(rows);
            await writer.WriteAsync(chunk.SelectMany(d => d.Splits).ToList());
            await writer.WriteAsync(chunk.SelectMany(DealCredit.Of).ToList());
            lines += rows.Count;
        }

        // The log in the order it was recorded, so that ids grow with time as the app's do.
        var (events, payments) = History(random, ids, deals, reached, names, today, now, paymentCount);
        events.Sort((a, b) => a.At.CompareTo(b.At));
        foreach (var chunk in payments.Chunk(Chunk))
        {
            await writer.WriteAsync(chunk);
        }

        foreach (var chunk in events.Chunk(Chunk))
        {
            await writer.WriteAsync(chunk);
            await writer.WriteAsync(chunk.SelectMany(DealEventPerson.Of).ToList());
        }

        var quotas = Quotas(random, ids, deals, today);
        await writer.WriteAsync(quotas);
        await writer.RestoreIndexesAsync();

        // The counter hands out the next numbers; statistics as autovacuum (PostgreSQL) or an ANALYZE (SQLite) would leave them.
        await writer.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"UPDATE \"DealCounters\" SET \"Last\" = {lastNumber + count}; ANALYZE;"));

        var won = deals.Count(d => d.Outcome == DealOutcome.Won);
        var lost = deals.Count(d => d.Outcome == DealOutcome.Lost);
        var split = deals.Count(d => d.Splits.Count > 1);
        var managed = deals.Where(d => d.OwnerId == manager).ToList();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// deals: {deals.Count:N0} deals ({won:N0} won, {lost:N0} lost, {deals.Count - won - lost:N0} open; {split:N0} split; {deals.Count(d => d.Currency != Currencies.Euro):N0} in BGN) of {byOwner.Count:N0} owners, {lines:N0} product lines over {products.Count} products, {events.Count:N0} events, {payments.Count:N0} payments, {quotas.Count:N0} quarter quotas in {watch.Elapsed.TotalSeconds:F1} s, indexes included; now {now:yyyy-MM-dd HH:mm} UTC"));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"// deals: the account manager owns {managed.Count:N0} ({managed.Count(d => d.Outcome == DealOutcome.Open):N0} open), holds a share in {deals.Count(d => d.OwnerId != manager && d.Splits.Any(s => s.EmployeeId == manager)):N0} more"));

        var quarter = SalesPeriod.Of(PeriodKind.Quarter, today);
        var previous = SalesPeriod.Of(PeriodKind.Quarter, quarter.Start.AddDays(-1));
        var sample = Enumerable.Range(0, 200).Select(_ => deals[random.Next(deals.Count)].Id).ToList();
        return new DealsTargets(sample, [.. managed.OrderBy(_ => random.Next()).Take(50).Select(d => d.Id)], headTeam, quarter.Code, previous.Code);
    }

    /// <summary>Request paths for <c>bench/load.sh</c>: the board, deal pages, a team's forecast, the company ranking.</summary>
    public static async Task WriteUrlsAsync(string folder, DealsTargets t)
    {
        var urls = Directory.CreateDirectory(Path.Combine(folder, "urls")).FullName;
        static string Page(Guid id) => $"/api/v1/deals/{id} /api/v1/deals/{id}/events /api/v1/deals/{id}/payments";

        // The board has no API of its own: an API client reads the open deals, nearest close first, as the board's cards are.
        var board = "/api/v1/deals?outcome=Open";
        var files = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal)
        {
            ["deals-board"] = [board],
            ["manager-deals-board"] = [board],
            ["html-deals-board"] = ["/deals/board"],
            ["manager-html-deals-board"] = ["/deals/board"],
            ["head-html-deals-board"] = ["/deals/board"],
            ["deal"] = t.Deals.Select(id => $"/api/v1/deals/{id}"),
            ["deal-page"] = t.Deals.Select(Page),
            ["html-deal"] = t.Deals.Select(id => $"/deals/{id}"),
            ["manager-deal"] = t.ManagerDeals.Select(id => $"/api/v1/deals/{id}"),
            ["manager-deal-page"] = t.ManagerDeals.Select(Page),
            ["manager-html-deal"] = t.ManagerDeals.Select(id => $"/deals/{id}"),
            ["team-forecast"] = [$"/api/v1/forecast?teamId={t.HeadTeamId}&period={t.ForecastQuarter}"],
            ["head-team-forecast"] = [$"/api/v1/forecast?period={t.ForecastQuarter}"],
            ["head-html-forecast"] = [$"/deals/forecast?period={t.ForecastQuarter}"],
            ["html-forecast"] = [$"/deals/forecast?scope=team-{t.HeadTeamId}&period={t.ForecastQuarter}"],
            ["ranking"] = [$"/api/v1/performance?period={t.RankingQuarter}"],
            ["html-ranking"] = [$"/deals/performance?period={t.RankingQuarter}"],
        };
        foreach (var (name, paths) in files)
        {
            await File.WriteAllLinesAsync(Path.Combine(urls, name + ".txt"), paths, new UTF8Encoding(false));
        }
    }

    private static async Task<List<(Guid Id, decimal Euro)>> WriteCatalogueAsync(DatasetWriter writer, SeededIds ids)
    {
        var products = new List<Product>();
        var prices = new List<ProductPrice>();
        foreach (var (code, name, category, euro) in Catalogue)
        {
            var product = new Product { Code = code, Category = category };
            SeededIds.SetId(product, ids.Next());
            product.Rename(name);
            products.Add(product);
            prices.Add(new ProductPrice { ProductId = product.Id, Currency = Currencies.Euro, Amount = euro });
            prices.Add(new ProductPrice { ProductId = product.Id, Currency = "BGN", Amount = Money.Round(euro * LevPerEuro) });
        }

        await writer.WriteAsync(products);
        await writer.WriteAsync(prices);
        return [.. Catalogue.Select((c, i) => (products[i].Id, c.Euro))];
    }

    /// <summary>One deal as it stands now: its outcome, stage, dates, lines, amount and credit split.</summary>
    private static (Deal Deal, int Reached) Make(Random random, SeededIds ids, (Guid Id, Guid OwnerId, Guid? CoordinatorId, string Name) account,
        List<(Guid Id, string Name)> people, List<(Guid Id, decimal Euro)> products, DateOnly today, DateTime now, double linesPerDeal)
    {
        var roll = random.Next(100);
        var outcome = roll < 45 ? DealOutcome.Won : roll < 70 ? DealOutcome.Lost : DealOutcome.Open;
        var deal = Deal.Create(ids.Next());
        deal.AccountId = account.Id;
        deal.OwnerId = account.OwnerId;
        deal.PipelineId = DealDefaults.DefaultPipelineId;
        deal.Outcome = outcome;

        // Closed deals closed any day since the start; open ones were made in the last half year and close in the coming nine months.
        DateOnly? closed = outcome == DealOutcome.Open ? null : First.AddDays(30 + random.Next(today.DayNumber - First.DayNumber - 30));
        var created = closed is { } c
            ? c.AddDays(-random.Next(7, 150)).ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60)), DateTimeKind.Utc)
            : now.AddDays(-1 - (random.NextDouble() * 180));
        deal.CreatedAt = created;
        var expected = closed ?? today.AddDays(random.Next(-20, 270));
        if (closed is null && expected < DateOnly.FromDateTime(created).AddDays(7))
        {
            expected = DateOnly.FromDateTime(created).AddDays(7);
        }

        deal.Currency = DateOnly.FromDateTime(created) < Euro && random.Next(10) == 0 ? "BGN" : Currencies.Euro;

        var pick = products.Count;
        var n = Math.Max(1, (int)Math.Round(linesPerDeal - 1.4 + (random.NextDouble() * 2.8)));
        for (var k = 0; k < n; k++)
        {
            var (productId, euro) = products[random.Next(pick)];
            var price = deal.Currency == Currencies.Euro ? euro : Money.Round(euro * LevPerEuro);
            var quantity = (decimal)(1 + random.Next(random.Next(4) == 0 ? 40 : 6));
            var discount = random.Next(4) switch { 0 => 10m, 1 => 5m, _ => 0m };
            var line = new DealLine
            {
                DealId = deal.Id, Position = k, ProductId = productId, Quantity = quantity, UnitPrice = price, DiscountPercent = discount,
                Amount = DealMath.LineAmount(quantity, price, discount),
            };
            SeededIds.SetId(line, ids.Next());
            deal.Lines.Add(line);
        }

        deal.Amount = deal.Lines.Sum(l => l.Amount);
        deal.AmountBase = deal.Currency == Currencies.Euro ? deal.Amount : Money.Round(deal.Amount / LevPerEuro);
        deal.ExpectedCloseOn = expected;
        deal.CloseOn = expected;
        deal.ClosedOn = closed;
        deal.RateDate = expected;
        var title = $"{Titles[random.Next(Titles.Length)]} — {account.Name}";
        deal.Rename(title.Length > Deal.TitleLength ? title[..Deal.TitleLength] : title);

        // How far it got: open deals in any open stage, won ones through at least needs analysis.
        var reached = outcome == DealOutcome.Won ? 1 + random.Next(3) : random.Next(4);
        deal.StageId = outcome switch { DealOutcome.Won => DealDefaults.WonId, DealOutcome.Lost => DealDefaults.LostId, _ => OpenStages[reached] };
        deal.Probability = outcome switch { DealOutcome.Won => 100m, DealOutcome.Lost => 0m, _ => OpenProbabilities[reached] };
        deal.Forecast = outcome switch
        {
            DealOutcome.Won => ForecastCategory.Commit,
            DealOutcome.Lost => ForecastCategory.Pipeline,
            _ when random.Next(20) == 0 => ForecastCategory.Omitted,
            _ => reached switch
            {
                3 => random.Next(10) < 7 ? ForecastCategory.Commit : ForecastCategory.BestCase,
                2 => random.Next(2) == 0 ? ForecastCategory.BestCase : ForecastCategory.Pipeline,
                _ => ForecastCategory.Pipeline,
            },
        };
        if (outcome == DealOutcome.Lost)
        {
            var reasons = DealDefaults.LostReasons();
            deal.LostReasonId = reasons[random.Next(reasons.Count)].Id;
        }

        deal.Renewal = outcome == DealOutcome.Won && random.Next(10) == 0;
        deal.Version = 1;

        var other = random.Next(10) == 0 ? account.CoordinatorId ?? people[random.Next(people.Count)].Id : account.OwnerId;
        if (other != account.OwnerId)
        {
            deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = account.OwnerId, Percent = 60m });
            deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = other, Percent = 40m });
        }
        else
        {
            deal.Splits.Add(new DealSplit { DealId = deal.Id, EmployeeId = account.OwnerId, Percent = Splits.Whole });
        }

        return (deal, reached);
    }

    /// <summary>
    /// Each deal's events as the handlers write them for the same steps, and its payments: created at 100 % to the
    /// owner, moved up the stages, split with the colleague, then won or lost on the close date; a won deal closed
    /// two weeks ago or more is paid in one or two parts within weeks, about <paramref name="paymentCount"/> payments
    /// in all.
    /// </summary>
    private static (List<DealEvent> Events, List<DealPayment> Payments) History(Random random, SeededIds ids, List<Deal> deals,
        Dictionary<Guid, int> stages, Dictionary<Guid, string> names, DateOnly today, DateTime now, int paymentCount)
    {
        var events = new List<DealEvent>(deals.Count * 4);
        var payments = new List<DealPayment>(paymentCount + 1_000);
        var payable = deals.Count(d => d.Outcome == DealOutcome.Won && d.ClosedOn <= today.AddDays(-14));

        // One in ten payable deals unpaid; of the rest, this share paid in two parts, to come to about paymentCount payments.
        var twice = Math.Clamp((paymentCount / (double)Math.Max(1, payable) / 0.9) - 1, 0, 1);
        var invoice = 1;
        DateTime At(DateOnly day)
        {
            var at = day.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60)), DateTimeKind.Utc);
            return at < now ? at : now.AddMinutes(-1 - random.Next(120));
        }

        foreach (var deal in deals)
        {
            var actor = names.GetValueOrDefault(deal.OwnerId, "");
            DealEvent New(DealEventKind kind, DateTime at, DateOnly? effectiveOn = null)
            {
                var ev = new DealEvent
                {
                    DealId = deal.Id, Kind = kind, At = at, EffectiveOn = effectiveOn ?? DateOnly.FromDateTime(at), ActorEmployeeId = deal.OwnerId,
                    Actor = actor, Currency = deal.Currency,
                };
                events.Add(ev);
                return ev;
            }

            // Made at 100 % to the owner, as DealHandlers.CreateAsync makes every deal.
            var splits = deal.Splits.ToList();
            var whole = new List<DealSplit> { new() { DealId = deal.Id, EmployeeId = deal.OwnerId, Percent = Splits.Whole } };
            deal.Splits.Clear();
            deal.Splits.AddRange(whole);
            var created = New(DealEventKind.Created, deal.CreatedAt);
            (created.ToStageId, created.AmountAfter, created.BaseAfter) = (OpenStages[0], deal.Amount, deal.AmountBase);
            created.Details = new DealEventDetails(Credits: DealHandlers.Credits(deal), Lines: OpenLines(deal)).ToJson();

            var end = deal.ClosedOn is { } closed ? At(closed) : now.AddHours(-1 - random.Next(24));
            if (end <= deal.CreatedAt)
            {
                end = deal.CreatedAt.AddMinutes(30);
            }

            var reached = stages[deal.Id];
            var steps = reached + (splits.Count > 1 ? 1 : 0) + 1;
            var span = end - deal.CreatedAt;
            var step = 0;
            var since = deal.CreatedAt;
            for (var s = 1; s <= reached; s++)
            {
                var at = deal.CreatedAt + (span * (++step / (double)steps));
                var moved = New(DealEventKind.StageMoved, at);
                (moved.FromStageId, moved.ToStageId) = (OpenStages[s - 1], OpenStages[s]);
                since = at;
            }

            if (splits.Count > 1)
            {
                var at = deal.CreatedAt + (span * (++step / (double)steps));
                var before = DealHandlers.Credits(deal);
                deal.Splits.Clear();
                deal.Splits.AddRange(splits);
                var changed = New(DealEventKind.SplitsChanged, at);
                changed.BaseAfter = deal.AmountBase;
                changed.Details = new DealEventDetails(Credits: DealHandlers.Credits(deal), CreditsBefore: before, WasOutcome: DealOutcome.Open).ToJson();
            }
            else
            {
                deal.Splits.Clear();
                deal.Splits.AddRange(splits);
            }

            if (deal.Outcome == DealOutcome.Won)
            {
                var ev = New(DealEventKind.Won, end, deal.ClosedOn);
                (ev.FromStageId, ev.ToStageId, ev.AmountAfter, ev.BaseAfter) = (OpenStages[reached], DealDefaults.WonId, deal.Amount, deal.AmountBase);
                ev.Details = new DealEventDetails(Credits: DealHandlers.Credits(deal), Lines: DealHandlers.Lines(deal), NewBusiness: deal.NewBusiness).ToJson();
                since = end;
                if (deal.ClosedOn <= today.AddDays(-14) && random.NextDouble() < 0.9)
                {
                    var parts = random.NextDouble() < twice ? 2 : 1;
                    var paid = 0m;
                    var on = deal.ClosedOn!.Value;
                    for (var p = 0; p < parts; p++)
                    {
                        on = on.AddDays(7 + random.Next(30));
                        if (on >= today)
                        {
                            break;
                        }

                        var amount = p == parts - 1 ? deal.Amount - paid : Money.Round(deal.Amount / parts);
                        paid += amount;
                        var payment = DealPayment.Create(ids.Next());
                        var recorded = At(on);
                        (payment.DealId, payment.Kind, payment.Amount, payment.Currency, payment.PaidOn, payment.RecordedAt) =
                            (deal.Id, PaymentKind.Payment, amount, deal.Currency, on, recorded);
                        payment.AmountBase = deal.Currency == Currencies.Euro ? amount : Money.Round(amount / LevPerEuro);
                        payment.Reference = string.Create(CultureInfo.InvariantCulture, $"Ф-ра {invoice++:D10}");
                        payments.Add(payment);
                        var credits = Splits.Allocate(payment.AmountBase, [.. deal.Splits.Select(x => new SplitShare(x.EmployeeId, x.Percent))], deal.OwnerId)
                            .Select(x => new CreditDetail(x.EmployeeId, x.Percent, x.Amount)).ToList();
                        var ev2 = New(DealEventKind.Payment, recorded, on);
                        (ev2.AmountAfter, ev2.BaseAfter, ev2.PaymentId, ev2.Actor, ev2.ActorEmployeeId) = (amount, payment.AmountBase, payment.Id, "Счетоводство", null);
                        ev2.Details = new DealEventDetails(Credits: credits, Lines: DealHandlers.Lines(deal), NewBusiness: deal.NewBusiness,
                            Reference: payment.Reference).ToJson();
                    }
                }
            }
            else if (deal.Outcome == DealOutcome.Lost)
            {
                var ev = New(DealEventKind.Lost, end, deal.ClosedOn);
                (ev.FromStageId, ev.ToStageId, ev.AmountAfter, ev.BaseAfter) = (OpenStages[reached], DealDefaults.LostId, deal.Amount, deal.AmountBase);
                ev.Details = new DealEventDetails(LostReasonId: deal.LostReasonId).ToJson();
                since = end;
            }

            deal.StageSince = since;
        }

        return (events, payments);
    }

    /// <summary>The lines as an open deal carries them: no new-product flag until it is won.</summary>
    private static IReadOnlyList<LineDetail> OpenLines(Deal deal) => [.. DealHandlers.Lines(deal).Select(l => l with { NewProduct = null })];

    /// <summary>
    /// A quota for every owner for every quarter from 2024 to the end of the current year: what they won in an
    /// average quarter, give or take a fifth, to the thousand.
    /// </summary>
    private static List<Quota> Quotas(Random random, SeededIds ids, List<Deal> deals, DateOnly today)
    {
        var quarters = (((today.Year - First.Year) * 12) + today.Month - 1) / 3.0 + 1;
        var wonBy = deals.Where(d => d.Outcome == DealOutcome.Won).GroupBy(d => d.OwnerId).ToDictionary(g => g.Key, g => g.Sum(d => d.AmountBase));
        var quotas = new List<Quota>();
        foreach (var owner in deals.Select(d => d.OwnerId).Distinct().Order())
        {
            var typical = wonBy.GetValueOrDefault(owner) / (decimal)quarters;
            for (var start = First; start.Year <= today.Year; start = start.AddMonths(3))
            {
                var amount = Math.Max(1_000m, Math.Round(typical * (0.8m + (decimal)(random.NextDouble() * 0.4)) / 1_000m) * 1_000m);
                var quota = new Quota { EmployeeId = owner, Kind = PeriodKind.Quarter, Start = start, End = start.AddMonths(3).AddDays(-1), Amount = amount, Version = 1 };
                SeededIds.SetId(quota, ids.Next());
                quotas.Add(quota);
            }
        }

        return quotas;
    }
}
