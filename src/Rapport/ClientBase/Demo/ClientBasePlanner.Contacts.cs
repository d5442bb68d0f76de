using System.Globalization;
using static Rapport.ClientBase.Demo.ClientBaseDemoWords;

namespace Rapport.ClientBase.Demo;

// The people at each account: their buying roles, titles, e-mail addresses and phone numbers.
internal sealed partial class ClientBasePlanner
{
    private void AddContacts(Sketch sketch)
    {
        sketch.Landline = Landline(sketch.Region);
        var count = sketch.Account.Size switch
        {
            SizeSegment.Micro => 2,
            SizeSegment.Small => 3,
            SizeSegment.Medium => 4,
            _ => 5,
        } + random.Next(2);
        string[] parts = count switch
        {
            2 => [BuyingRoles.DecisionMaker, random.Next(2) == 0 ? BuyingRoles.Signatory : BuyingRoles.Gatekeeper],
            3 => [BuyingRoles.DecisionMaker, BuyingRoles.Signatory, random.Next(2) == 0 ? BuyingRoles.Influencer : BuyingRoles.Gatekeeper],
            4 => [BuyingRoles.DecisionMaker, BuyingRoles.Signatory, BuyingRoles.Influencer, random.Next(2) == 0 ? BuyingRoles.User : BuyingRoles.Gatekeeper],
            5 => [BuyingRoles.DecisionMaker, BuyingRoles.Signatory, BuyingRoles.Influencer, BuyingRoles.User, BuyingRoles.Gatekeeper],
            _ => [BuyingRoles.DecisionMaker, BuyingRoles.Signatory, BuyingRoles.Influencer, BuyingRoles.User, BuyingRoles.Gatekeeper,
                random.Next(2) == 0 ? BuyingRoles.Influencer : BuyingRoles.User],
        };
        var officeTaken = false;
        foreach (var part in parts)
        {
            var latinName = random.Next(100) < (sketch.Latin ? 50 : 8);
            var english = random.Next(100) < (sketch.Latin ? 60 : 12);
            var (first, last) = Person();
            var contact = new Contact { AccountId = sketch.Account.Id, Role = Code(part), Status = ContactStatus.Active, JobTitle = Title(sketch, part, english) };
            contact.Rename(latinName ? $"{ToLatin(first)} {ToLatin(last)}" : $"{first} {last}");

            var emails = new List<string?>();
            if (part == BuyingRoles.Gatekeeper && sketch.Account.Domain is { } office && !officeTaken && random.Next(100) < 60
                && _emails.Add($"office@{office}"))
            {
                emails.Add($"office@{office}");
                officeTaken = true;
            }
            else if (random.Next(100) >= 4)
            {
                emails.Add(Email(first, last, sketch.Account.Domain));
            }

            if (emails.Count > 0 && random.Next(100) < 10)
            {
                emails.Add(Email(first, last, null));
            }

            var phones = new List<string?>();
            if (random.Next(100) >= 8)
            {
                phones.Add(part == BuyingRoles.Gatekeeper ? sketch.Landline : Mobile());
                if (part is BuyingRoles.DecisionMaker or BuyingRoles.Signatory && random.Next(100) < 25)
                {
                    phones.Add(sketch.Landline);
                }
            }

            contact.SetEmails(emails);
            contact.SetPhones(phones);
            sketch.People.Add((contact, part));
            _plan.Contacts.Add(contact);
        }
    }

    /// <summary>The buying role a contact gets: the one wanted while the organisation has it active, else its default.</summary>
    private string Code(string part) => roles.Find(part) is { Archived: false } ? part : roles.Default;

    private string Title(Sketch sketch, string part, bool english) => part switch
    {
        BuyingRoles.DecisionMaker when sketch.SoleTrader => "Собственик",
        BuyingRoles.DecisionMaker when ReferenceEquals(sketch.Industry, Legal) => english ? "Managing Partner" : "Управляващ съдружник",
        BuyingRoles.DecisionMaker => Fitting(DecisionMakers, english),
        BuyingRoles.Signatory => Fitting(Signatories, english),
        BuyingRoles.Influencer => Fitting(sketch.Industry.Influencers, english),
        BuyingRoles.User => Fitting(sketch.Industry.Users, english),
        _ => Fitting(Gatekeepers, english),
    };

    /// <summary>A title in English or in Bulgarian, as wanted, from those there are.</summary>
    private string Fitting(string[] titles, bool english)
    {
        var fitting = titles.Where(t => t.All(char.IsAscii) == english).ToArray();
        return Pick(fitting.Length > 0 ? fitting : titles);
    }

    private (string First, string Last) Person()
    {
        var female = random.Next(2) == 0;
        var first = Pick(female ? Bulgarians.Female : Bulgarians.Male);
        var last = Pick(Bulgarians.Surnames);
        return (first, female ? last + "а" : last);
    }

    /// <summary>An address at the company's domain as people there write theirs, or at a free mail service without one.</summary>
    private string Email(string first, string last, string? domain)
    {
        var (f, l) = (Slug(first), Slug(last));
        var local = domain is null
            ? random.Next(2) == 0 ? $"{f}.{l}" : $"{f}{l}"
            : random.Next(100) switch { < 60 => $"{f}.{l}", < 80 => $"{f[0]}.{l}", < 90 => f, _ => $"{f[0]}{l}" };
        var host = domain ?? Pick(FreeMail);
        for (var n = 0; ; n++)
        {
            var address = n == 0 ? $"{local}@{host}" : string.Create(CultureInfo.InvariantCulture, $"{local}{n + 1}@{host}");
            if (domain is null && n == 0)
            {
                // Free mail addresses are rarely the bare name: most carry a year or a number.
                address = string.Create(CultureInfo.InvariantCulture, $"{local}{random.Next(70, 100)}@{host}");
            }

            if (_emails.Add(address))
            {
                return address;
            }
        }
    }

    private string Mobile() => string.Create(CultureInfo.InvariantCulture,
        $"+359 {Pick(MobilePrefixes)} {random.Next(100, 1000)} {random.Next(10_000):D4}");

    private string Landline(DemoRegion region) => region.AreaCode.Length switch
    {
        1 => string.Create(CultureInfo.InvariantCulture, $"+359 {region.AreaCode} {random.Next(800, 1000)} {random.Next(10_000):D4}"),
        2 => string.Create(CultureInfo.InvariantCulture, $"+359 {region.AreaCode} {random.Next(600, 1000)} {random.Next(1000):D3}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"+359 {region.AreaCode} {random.Next(20, 100)} {random.Next(1000):D3}"),
    };
}
