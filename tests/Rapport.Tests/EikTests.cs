using Rapport.ClientBase;

namespace Rapport.Tests;

public sealed class EikTests
{
    // 1·1+2·2+…+8·8 = 204, 204 mod 11 = 6: the check digit of 12345678_ is 6.
    [Theory]
    [InlineData("123456786")]
    [InlineData("000000000")]
    public void A_nine_digit_code_with_the_right_check_digit_is_valid(string eik) => Assert.True(Eik.IsValid(eik));

    [Theory]
    [InlineData("123456787")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678A")]
    [InlineData("")]
    public void Wrong_length_digits_or_check_digit_are_invalid(string eik) => Assert.False(Eik.IsValid(eik));

    [Fact]
    public void A_remainder_of_ten_retries_with_the_second_weights()
    {
        // 2,0,0,0,0,0,0,1 with weights 1..8: 2 + 8 = 10, so weights 3..10 decide: 2·3 + 1·10 = 16, mod 11 = 5.
        Assert.True(Eik.IsValid("200000015"));
        Assert.False(Eik.IsValid("200000010"));
    }

    [Fact]
    public void A_thirteen_digit_branch_code_checks_both_digits()
    {
        // Base 123456786, then digits 8..11 = 6,0,0,1 with weights 2,7,3,5: 12 + 5 = 17 mod 11 = 6.
        Assert.True(Eik.IsValid("1234567860016"));
        Assert.False(Eik.IsValid("1234567860017"));
        Assert.False(Eik.IsValid("1234567870016"));
    }

    [Theory]
    [InlineData("BG 123 456 786", "123456786")]
    [InlineData(" 123-456-786 ", "123456786")]
    [InlineData("  ", null)]
    [InlineData("BG", null)]
    public void Registration_numbers_are_compared_as_digits(string typed, string? expected) =>
        Assert.Equal(expected, Eik.Normalize(typed));

    [Theory]
    [InlineData("https://www.Acme.bg/about?x=1", "acme.bg")]
    [InlineData("ACME.BG", "acme.bg")]
    [InlineData("www.acme.bg", "acme.bg")]
    [InlineData(" ", null)]
    public void Domains_are_compared_without_scheme_www_or_path(string typed, string? expected) =>
        Assert.Equal(expected, Domains.Normalize(typed));
}
