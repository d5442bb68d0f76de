using Rapport.ClientBase;

namespace Rapport.Tests;

/// <summary>How a contact's e-mail addresses and phone numbers are read, checked and kept.</summary>
public sealed class ContactChannelsTests
{
    [Fact]
    public void A_cell_of_emails_splits_on_commas_semicolons_spaces_and_line_breaks()
    {
        Assert.Equal(["a@x.bg", "b@y.bg", "c@z.bg", "d@w.bg"], ContactChannels.SplitEmails(" a@x.bg, b@y.bg;c@z.bg\n d@w.bg ;"));
        Assert.Empty(ContactChannels.SplitEmails("  ; , "));
        Assert.Empty(ContactChannels.SplitEmails(null));
    }

    [Fact]
    public void A_cell_of_phones_keeps_the_spaces_inside_a_number()
    {
        Assert.Equal(["+359 2 981 11 22", "0888 123 456", "(02) 4-5"], ContactChannels.SplitPhones("+359 2 981 11 22, 0888 123 456;\r\n(02) 4-5"));
    }

    [Theory]
    [InlineData("ivan@firma.bg", true)]
    [InlineData("Ivan.Petrov+sales@firma.co.uk", true)]
    [InlineData("ivan", false)]
    [InlineData("ivan@", false)]
    [InlineData("@firma.bg", false)]
    [InlineData("ivan @firma.bg", false)]
    [InlineData("Ivan <ivan@firma.bg>", false)]
    [InlineData("ivan@firma.bg, maria@firma.bg", false)]
    public void An_email_is_one_address_and_nothing_else(string text, bool valid) =>
        Assert.Equal(valid, ContactChannels.IsEmail(text));

    [Fact]
    public void Each_bad_address_is_reported_at_its_place_and_blanks_are_no_problem()
    {
        var problems = ContactChannels.CheckEmails(["ok@x.bg", "", "bad", "OK@x.bg ", null, new string('a', 252) + "@x.bg"]);

        Assert.Equal([2, 3, 5], problems.Select(p => p.Index));
        Assert.Contains("bad", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("OK@x.bg", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("256", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_is_a_problem_of_the_list()
    {
        var problems = ContactChannels.CheckEmails([.. Enumerable.Range(1, 6).Select(i => $"p{i}@x.bg"), ""]);

        var problem = Assert.Single(problems);
        Assert.Null(problem.Index);
        Assert.Empty(ContactChannels.CheckEmails([.. Enumerable.Range(1, 5).Select(i => $"p{i}@x.bg"), "", " "]));
    }

    [Fact]
    public void A_phone_needs_digits_and_two_spellings_of_one_number_are_one_number()
    {
        var problems = ContactChannels.CheckPhones(["n/a", "02 981 11 22", "(02) 981-11-22", new string('1', 41)]);

        Assert.Equal([0, 2, 3], problems.Select(p => p.Index));
        Assert.Contains("n/a", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("(02) 981-11-22", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_emails_keeps_them_in_order_in_lower_case_once_and_the_first_is_the_primary()
    {
        var contact = new Contact();

        Assert.True(contact.SetEmails([" Ivan@Firma.bg ", null, "ivan@firma.bg", "ivan@home.example"]));

        Assert.Equal("ivan@firma.bg", contact.Email);
        Assert.Equal(["ivan@firma.bg", "ivan@home.example"], contact.EmailAddresses());
        Assert.All(contact.Emails, e => Assert.Equal(contact.Id, e.ContactId));
        Assert.False(contact.SetEmails(["ivan@firma.bg", "ivan@home.example"]));
    }

    [Fact]
    public void Reordering_keeps_the_rows_and_moves_the_primary()
    {
        var contact = new Contact();
        contact.SetEmails(["a@x.bg", "b@x.bg", "c@x.bg"]);
        var b = contact.Emails.Single(e => e.Address == "b@x.bg");

        Assert.True(contact.SetEmails(["b@x.bg", "a@x.bg"]));

        Assert.Equal("b@x.bg", contact.Email);
        Assert.Same(b, contact.Emails[0]);
        Assert.Equal(["b@x.bg", "a@x.bg"], contact.EmailAddresses());
        Assert.True(contact.SetEmails([]));
        Assert.Null(contact.Email);
        Assert.Empty(contact.Emails);
    }

    [Fact]
    public void Phones_are_told_apart_by_their_digits_and_take_the_spelling_given()
    {
        var contact = new Contact();
        contact.SetPhones(["02 981 11 22", "0888 123 456", "(02) 981-11-22"]);

        Assert.Equal(["02 981 11 22", "0888 123 456"], contact.PhoneNumbers());
        Assert.Equal(("02 981 11 22", "029811122"), (contact.Phone, contact.PhoneDigits));

        Assert.True(contact.SetPhones(["0888-123-456"]));
        Assert.Equal(["0888-123-456"], contact.PhoneNumbers());
        Assert.Equal("0888123456", contact.PhoneDigits);
    }

    [Fact]
    public void Adding_keeps_what_the_contact_has_first_and_adds_only_what_is_new()
    {
        var contact = new Contact();
        contact.SetEmails(["first@x.bg", "second@x.bg"]);
        contact.SetPhones(["02 111"]);

        Assert.False(contact.AddEmails(["SECOND@x.bg"]));
        Assert.True(contact.AddEmails(["third@x.bg", "first@x.bg"]));
        Assert.False(contact.AddPhones(["(02) 111"]));
        Assert.True(contact.AddPhones(["0888 1"]));

        Assert.Equal(["first@x.bg", "second@x.bg", "third@x.bg"], contact.EmailAddresses());
        Assert.Equal(["02 111", "0888 1"], contact.PhoneNumbers());
        Assert.Equal("first@x.bg", contact.Email);
    }
}
