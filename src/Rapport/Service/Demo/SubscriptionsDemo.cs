using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.Service.Demo;

/// <summary>
/// The services the demo's clients use: on the accounts coordinators look after and on some of the demo manager's, one
/// to three each (support, cloud subscriptions, licences), with renewals spread from overdue to a year ahead, a few
/// cancelled or ended. Then every account's health is computed, so that lists sort by it from the first start.
/// </summary>
public sealed class SubscriptionsDemo(RapportDb db, HealthQueries health) : IDemoPart
{
    /// <summary>The catalogue's codes a client may hold as a running service, with the billing the demo gives them.</summary>
    private static readonly (string Code, BillingPeriod Billing)[] Running =
    [
        ("SRV-SUPP", BillingPeriod.Yearly), ("RB-CLOUD", BillingPeriod.Yearly), ("RB-ERP-U", BillingPeriod.Yearly),
        ("RB-EINV", BillingPeriod.Monthly), ("RB-BI", BillingPeriod.Yearly), ("SRV-GDPR", BillingPeriod.Yearly),
    ];

    /// <summary>Services that are no catalogue product, as clients name them.</summary>
    private static readonly string[] Unlisted =
        ["Хостинг и ежедневни резервни копия", "Поддръжка 24/7 с дежурен инженер", "Абонамент за правни консултации", "Managed backup (off-site)"];

    /// <summary>Days from today to a renewal: a few overdue, several within a month or a quarter, the rest later.</summary>
    private static readonly int[] RenewalOffsets = [-12, -3, 6, 14, 25, 38, 52, 75, 88, 120, 160, 210, 270, 330];

    private const string Euro = "EUR";

    public string Name => "subscriptions";

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Subscriptions.AnyAsync(ct);

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var random = demo.Random;
        var manager = demo.Staff.People.FirstOrDefault(p => p.SignIn == DemoSignIns.Manager)?.Id;
        var active = db.Accounts.AsNoTracking().Where(a => a.Status == ClientBase.AccountStatus.Active).OrderBy(a => a.SearchName);
        List<Guid> accounts =
        [
            .. await active.Where(a => a.CoordinatorId != null).Select(a => a.Id).Take(45).ToListAsync(ct),
            .. await active.Where(a => a.OwnerId == manager && a.CoordinatorId == null).Select(a => a.Id).Take(15).ToListAsync(ct),
        ];
        var products = await db.Products.AsNoTracking().Where(p => p.Code != null)
            .Select(p => new { p.Id, p.Code, p.Name, Price = p.Prices.Where(x => x.Currency == Euro).Select(x => x.Amount).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Code!, ct);

        var services = new List<Subscription>();
        foreach (var account in accounts)
        {
            var count = 1 + random.Next(3);
            foreach (var (code, billing) in Running.OrderBy(_ => random.Next()).Take(count))
            {
                var starts = demo.Today.AddDays(-random.Next(60, 1_400));
                var subscription = new Subscription
                {
                    AccountId = account,
                    StartsOn = starts,
                    RenewsOn = demo.Today.AddDays(RenewalOffsets[random.Next(RenewalOffsets.Length)]),
                    Billing = billing,
                    Currency = Euro,
                    CreatedAt = demo.Now,
                };
                if (products.TryGetValue(code, out var product))
                {
                    subscription.ProductId = product.Id;
                    subscription.Name = product.Name;
                    var seats = code is "RB-CLOUD" or "RB-ERP-U" ? 5 + random.Next(40) : 1;
                    var yearly = Money.Round(product.Price * seats * (0.85m + (decimal)random.Next(30) / 100m));
                    subscription.Amount = billing == BillingPeriod.Monthly ? Money.Round(yearly / 12m) : yearly;
                }
                else
                {
                    subscription.Name = Unlisted[random.Next(Unlisted.Length)];
                    subscription.Amount = 1_200m + (100m * random.Next(60));
                }

                services.Add(subscription);
            }

            if (random.Next(8) == 0)
            {
                // A service the client has stopped: cancelled, or run to its end without a renewal.
                var ended = random.Next(2) == 0;
                services.Add(new Subscription
                {
                    AccountId = account,
                    Name = Unlisted[random.Next(Unlisted.Length)],
                    StartsOn = demo.Today.AddDays(-random.Next(400, 1_500)),
                    RenewsOn = ended ? demo.Today.AddDays(-random.Next(20, 200)) : null,
                    Amount = 90m + (10m * random.Next(40)),
                    Billing = BillingPeriod.Monthly,
                    Currency = Euro,
                    Status = ended ? SubscriptionStatus.Ended : SubscriptionStatus.Cancelled,
                    CreatedAt = demo.Now,
                });
            }
        }

        db.Subscriptions.AddRange(services);
        await db.SaveChangesAsync(ct);
        demo.Progress?.Report(0.5);
        await health.RefreshAllAsync(ct: ct);
        demo.Progress?.Report(1);
    }
}
