using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Data;
using Rapport.Shared;

namespace Rapport.ClientBase;

/// <summary>
/// The e-mail addresses and phone numbers of a contact. Rows beside the contact hold all of them and are indexed by
/// address and by digits, for the import's natural key, search and duplicates; the contact keeps its primary ones
/// (the first of each) in <see cref="Email"/> and <see cref="Phone"/> for lists and for clients that know only one.
/// </summary>
public sealed partial class Contact
{
    /// <summary>Every e-mail address, in order; loaded only when included, and always before it is changed.</summary>
    public List<ContactEmail> Emails { get; } = [];

    /// <summary>Every phone number, in order; loaded only when included, and always before it is changed.</summary>
    public List<ContactPhone> Phones { get; } = [];

    /// <summary>The addresses as they stand: these, normalised and each once, the first as the primary. True if anything changed.</summary>
    public bool SetEmails(IEnumerable<string?> addresses)
    {
        var wanted = ContactChannels.DistinctEmails(addresses);
        var changed = Emails.RemoveAll(e => !wanted.Contains(e.Address, StringComparer.Ordinal)) > 0;
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = Emails.Find(e => e.Address == wanted[i]);
            if (existing is null)
            {
                Emails.Add(new ContactEmail { ContactId = Id, Address = wanted[i], Position = i });
                changed = true;
            }
            else if (existing.Position != i)
            {
                existing.Position = i;
                changed = true;
            }
        }

        Emails.Sort((a, b) => a.Position.CompareTo(b.Position));
        Email = wanted.Count > 0 ? wanted[0] : null;
        return changed;
    }

    /// <summary>The numbers as they stand: these, each once by their digits, the first as the primary. True if anything changed.</summary>
    public bool SetPhones(IEnumerable<string?> numbers)
    {
        var wanted = ContactChannels.DistinctPhones(numbers);
        var changed = Phones.RemoveAll(p => !wanted.Any(w => w.Digits == p.Digits)) > 0;
        for (var i = 0; i < wanted.Count; i++)
        {
            var (number, digits) = wanted[i];
            var existing = Phones.Find(p => p.Digits == digits);
            if (existing is null)
            {
                Phones.Add(new ContactPhone { ContactId = Id, Number = number, Digits = digits, Position = i });
                changed = true;
            }
            else if (existing.Position != i || existing.Number != number)
            {
                (existing.Position, existing.Number) = (i, number);
                changed = true;
            }
        }

        Phones.Sort((a, b) => a.Position.CompareTo(b.Position));
        Phone = wanted.Count > 0 ? wanted[0].Number : null;
        PhoneDigits = wanted.Count > 0 ? wanted[0].Digits : null;
        return changed;
    }

    /// <summary>Adds the addresses the contact does not have yet after those it has; removes none.</summary>
    public bool AddEmails(IEnumerable<string?> addresses) => SetEmails([.. EmailAddresses(), .. addresses]);

    /// <summary>Adds the numbers whose digits the contact does not have yet after those it has; removes none.</summary>
    public bool AddPhones(IEnumerable<string?> numbers) => SetPhones([.. PhoneNumbers(), .. numbers]);

    /// <summary>The addresses in their order (a loaded collection comes in any order).</summary>
    public IEnumerable<string> EmailAddresses() => Emails.OrderBy(e => e.Position).Select(e => e.Address);

    /// <summary>The numbers in their order (a loaded collection comes in any order).</summary>
    public IEnumerable<string> PhoneNumbers() => Phones.OrderBy(p => p.Position).Select(p => p.Number);
}

/// <summary>One e-mail address of a contact, in lower case; position 0 is the primary, <see cref="Contact.Email"/>.</summary>
public sealed class ContactEmail
{
    public Guid ContactId { get; init; }

    public required string Address { get; init; }

    public int Position { get; set; }
}

/// <summary>One phone number of a contact as written, with its digits; position 0 is the primary, <see cref="Contact.Phone"/>.</summary>
public sealed class ContactPhone
{
    public Guid ContactId { get; init; }

    public required string Number { get; set; }

    /// <summary>The digits of the number: what tells two numbers apart, and what search and duplicates compare.</summary>
    public required string Digits { get; init; }

    public int Position { get; set; }
}

/// <summary>A problem with one entry of a list of addresses or numbers (by its place in the list), or with the whole list.</summary>
public sealed record ChannelProblem(int? Index, string Message);

/// <summary>Reads and checks the e-mail addresses and phone numbers of a contact, the same way for forms, the API and the import.</summary>
public static class ContactChannels
{
    public const int MaxEmails = 5;

    public const int MaxPhones = 5;

    public const int MaxEmailLength = 256;

    public const int MaxPhoneLength = 40;

    private static readonly char[] EmailSeparators = [',', ';', ' ', '\t', '\r', '\n'];

    // A phone number is written with spaces in it, so only commas, semicolons and line breaks part two of them.
    private static readonly char[] PhoneSeparators = [',', ';', '\r', '\n'];

    /// <summary>The addresses in a text that may hold several, separated by commas, semicolons, spaces or line breaks.</summary>
    public static List<string> SplitEmails(string? text) => Split(text, EmailSeparators);

    /// <summary>The numbers in a text that may hold several, separated by commas, semicolons or line breaks.</summary>
    public static List<string> SplitPhones(string? text) => Split(text, PhoneSeparators);

    /// <summary>An address as stored and compared: trimmed, in lower case.</summary>
    public static string NormalizeEmail(string address) => address.Trim().ToLowerInvariant();

    /// <summary>The digits of a phone number, which search and duplicate detection compare.</summary>
    public static string DigitsOf(string number) => new([.. number.Where(char.IsAsciiDigit)]);

    /// <summary>Whether the text is one e-mail address and nothing else.</summary>
    public static bool IsEmail(string address) =>
        new EmailAddressAttribute().IsValid(address)
        && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;

    /// <summary>
    /// The problems of addresses as entered: each a valid address within the length, none twice, at most
    /// <see cref="MaxEmails"/>. Blank entries are no problem and count for nothing, but keep their place.
    /// </summary>
    public static List<ChannelProblem> CheckEmails(IReadOnlyList<string?> entries)
    {
        var problems = new List<ChannelProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                continue;
            }

            var address = entries[i]!.Trim();
            if (address.Length > MaxEmailLength)
            {
                problems.Add(new(i, Format(Texts.ValidationMaxLength, Texts.FieldEmail, MaxEmailLength)));
            }
            else if (!IsEmail(address))
            {
                problems.Add(new(i, Format(Texts.ValidationEmail, address)));
            }
            else if (!seen.Add(NormalizeEmail(address)))
            {
                problems.Add(new(i, Format(Texts.ValidationListedTwice, address)));
            }
        }

        if (entries.Count(e => !string.IsNullOrWhiteSpace(e)) > MaxEmails)
        {
            problems.Add(new(null, Format(Texts.ValidationTooManyEmails, MaxEmails)));
        }

        return problems;
    }

    /// <summary>
    /// The problems of phone numbers as entered: each within the length and with digits, no two with the same digits,
    /// at most <see cref="MaxPhones"/>. Blank entries are no problem and count for nothing, but keep their place.
    /// </summary>
    public static List<ChannelProblem> CheckPhones(IReadOnlyList<string?> entries)
    {
        var problems = new List<ChannelProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                continue;
            }

            var number = entries[i]!.Trim();
            var digits = DigitsOf(number);
            if (number.Length > MaxPhoneLength)
            {
                problems.Add(new(i, Format(Texts.ValidationMaxLength, Texts.FieldPhone, MaxPhoneLength)));
            }
            else if (digits.Length == 0)
            {
                problems.Add(new(i, Format(Texts.ValidationPhoneDigits, number)));
            }
            else if (!seen.Add(digits))
            {
                problems.Add(new(i, Format(Texts.ValidationListedTwice, number)));
            }
        }

        if (entries.Count(e => !string.IsNullOrWhiteSpace(e)) > MaxPhones)
        {
            problems.Add(new(null, Format(Texts.ValidationTooManyPhones, MaxPhones)));
        }

        return problems;
    }

    /// <summary>The addresses normalised, blanks left out, each once, in the order given.</summary>
    internal static List<string> DistinctEmails(IEnumerable<string?> addresses) =>
        [.. addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => NormalizeEmail(a!)).Distinct(StringComparer.Ordinal)];

    /// <summary>The numbers trimmed, blanks left out, each once by its digits (the first spelling wins), in the order given.</summary>
    internal static List<(string Number, string Digits)> DistinctPhones(IEnumerable<string?> numbers) =>
        [.. numbers.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => (Number: n!.Trim(), Digits: DigitsOf(n)))
            .DistinctBy(p => p.Digits, StringComparer.Ordinal)];

    private static List<string> Split(string? text, char[] separators) =>
        text is null ? [] : [.. text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}

/// <summary>
/// The addresses and numbers an input asks a contact to have, each with the input field it came from, so that a
/// problem shows beside its entry. Lists, when given, are the whole of them; a single primary (the field of clients
/// written before contacts had several) replaces the first and keeps the others.
/// </summary>
internal sealed class ContactChannelInput
{
    private readonly List<(string? Value, string Field)> _emails;
    private readonly List<(string? Value, string Field)> _phones;
    private readonly string _emailsField;
    private readonly string _phonesField;
    private readonly bool _active;
    private readonly HashSet<string> _had;

    private ContactChannelInput(
        List<(string? Value, string Field)> emails, string emailsField, List<(string? Value, string Field)> phones, string phonesField,
        bool active, HashSet<string> had) =>
        (_emails, _emailsField, _phones, _phonesField, _active, _had) = (emails, emailsField, phones, phonesField, active, had);

    /// <summary>The checks of lists that can be made without the database, for an input's own validation.</summary>
    public static IEnumerable<ValidationResult> Check(List<string?>? emails, List<string?>? phones, string emailsField, string phonesField) =>
        [.. Results(emails, emailsField, ContactChannels.CheckEmails), .. Results(phones, phonesField, ContactChannels.CheckPhones)];

    /// <summary>What an edit of <paramref name="contact"/> (whose addresses and numbers are loaded) asks for.</summary>
    public static ContactChannelInput Of(
        Contact contact, List<string?>? emails, string? email, string emailsField, string emailField,
        List<string?>? phones, string? phone, string phonesField, string phoneField) => new(
            Entries(emails, email, contact.EmailAddresses(), emailsField, emailField), emailsField,
            Entries(phones, phone, contact.PhoneNumbers(), phonesField, phoneField), phonesField,
            contact.Status == ContactStatus.Active, [.. contact.Emails.Select(e => e.Address)]);

    /// <summary>What a new record asks for: these lists, or failing them the single values, or failing those the defaults.</summary>
    public static ContactChannelInput New(
        List<string?>? emails, string? email, IEnumerable<string> defaultEmails, string emailsField, string emailField,
        List<string?>? phones, string? phone, IEnumerable<string> defaultPhones, string phonesField, string phoneField) => new(
            emails is null && email is null ? [.. defaultEmails.Select(e => ((string?)e, emailsField))] : Entries(emails, email, [], emailsField, emailField), emailsField,
            phones is null && phone is null ? [.. defaultPhones.Select(p => ((string?)p, phonesField))] : Entries(phones, phone, [], phonesField, phoneField), phonesField,
            active: true, []);

    /// <summary>
    /// The problems of the entries, and the addresses that would be new to the contact but already belong to another
    /// active contact (<paramref name="contactId"/> aside): among active contacts an address is one person's, as the
    /// import's natural key needs. A contact that has moved on keeps its addresses whoever has them now.
    /// </summary>
    public async Task<Error[]> CheckAsync(RapportDb db, Guid contactId, CancellationToken ct)
    {
        var errors = new List<Error>();
        errors.AddRange(ContactChannels.CheckEmails([.. _emails.Select(e => e.Value)])
            .Select(p => Error.Invalid(p.Index is { } i ? _emails[i].Field : _emailsField, p.Message)));
        errors.AddRange(ContactChannels.CheckPhones([.. _phones.Select(p => p.Value)])
            .Select(p => Error.Invalid(p.Index is { } i ? _phones[i].Field : _phonesField, p.Message)));
        if (errors.Count > 0 || !_active)
        {
            return [.. errors];
        }

        var added = _emails.Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .Select(e => (Address: ContactChannels.NormalizeEmail(e.Value!), e.Field)).Where(e => !_had.Contains(e.Address)).ToList();
        if (added.Count == 0)
        {
            return [];
        }

        var addresses = added.Select(a => a.Address).ToList();
        var taken = await (from e in db.Set<ContactEmail>()
                           join c in db.Contacts on e.ContactId equals c.Id
                           where addresses.Contains(e.Address) && c.Id != contactId && c.Status == ContactStatus.Active
                           select e.Address).Distinct().ToListAsync(ct);
        return [.. added.Where(a => taken.Contains(a.Address)).Select(a => Error.Invalid(a.Field, Texts.ValidationContactEmailTaken))];
    }

    /// <summary>Gives the contact these addresses and numbers; true if anything changed.</summary>
    public bool ApplyTo(Contact contact) => contact.SetEmails(_emails.Select(e => e.Value)) | contact.SetPhones(_phones.Select(p => p.Value));

    private static List<(string? Value, string Field)> Entries(
        List<string?>? list, string? single, IEnumerable<string> current, string listField, string singleField) =>
        list is not null
            ? [.. list.Select((value, i) => (value, $"{listField}[{i}]"))]
            : [(single, singleField), .. current.Skip(1).Select(value => ((string?)value, listField))];

    private static IEnumerable<ValidationResult> Results(
        List<string?>? entries, string field, Func<IReadOnlyList<string?>, List<ChannelProblem>> check) =>
        entries is null
            ? []
            : check(entries).Select(p => new ValidationResult(p.Message, [p.Index is { } i ? $"{field}[{i}]" : field]));
}

internal sealed class ContactChannelConfiguration : IEntityTypeConfiguration<ContactEmail>, IEntityTypeConfiguration<ContactPhone>
{
    public void Configure(EntityTypeBuilder<ContactEmail> builder)
    {
        builder.ToTable("ContactEmails");
        builder.Property(x => x.Address).HasMaxLength(ContactChannels.MaxEmailLength);

        // An address is a contact's once; the index on the address alone finds its contacts for the import and duplicates.
        builder.HasKey(x => new { x.ContactId, x.Address });
        builder.HasOne<Contact>().WithMany(c => c.Emails).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.Address);
    }

    public void Configure(EntityTypeBuilder<ContactPhone> builder)
    {
        builder.ToTable("ContactPhones");
        builder.Property(x => x.Number).HasMaxLength(ContactChannels.MaxPhoneLength);
        builder.Property(x => x.Digits).HasMaxLength(ContactChannels.MaxPhoneLength);
        builder.HasKey(x => new { x.ContactId, x.Digits });
        builder.HasOne<Contact>().WithMany(c => c.Phones).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.Digits);
    }
}
