using Rapport.ClientBase;

namespace Rapport.Tests;

/// <summary>When two company or person names are taken for one, exactly or with a typo.</summary>
public sealed class MatchKeysTests
{
    [Theory]
    [InlineData("Техно Строй ООД")]
    [InlineData("ТЕХНОСТРОЙ ООД")]
    [InlineData("„Технострой“ ООД")]
    [InlineData("«Технострой» ЕООД")]
    [InlineData("\"Технострой\" АД")]
    [InlineData("Технострой О.О.Д.")]
    [InlineData("Технострой е.о.о.д.")]
    [InlineData("Технострой ЕАД")]
    [InlineData("ЕТ Технострой")]
    [InlineData("ЕТ „Технострой“")]
    [InlineData("Технострой СД")]
    [InlineData("Технострой КДА")]
    [InlineData("ДЗЗД Технострой")]
    [InlineData("Техно-Строй, ООД")]
    [InlineData("Технострой")]
    [InlineData("Tehnostroy OOD")]
    [InlineData("Tehnostroi EOOD")]
    [InlineData("Tehnostroj AD")]
    [InlineData("Technostroy Ltd")]
    [InlineData("Technostroy Ltd.")]
    [InlineData("TECHNO STROY L.L.C.")]
    [InlineData("Tekhnostroy JSC")]
    [InlineData("Technostroy GmbH")]
    [InlineData("Технострой ГмбХ")]
    [InlineData("Technostroy E.O.O.D.")]
    public void Names_that_differ_only_by_spaces_punctuation_case_quotes_legal_form_or_script_share_a_key(string name) =>
        Assert.Equal(MatchKeys.ForAccount("Технострой ООД"), MatchKeys.ForAccount(name));

    [Fact]
    public void The_key_is_the_name_in_latin_letters_without_spaces() =>
        Assert.Equal("tehnostroi", MatchKeys.ForAccount("Технострой ООД"));

    [Theory]
    [InlineData("Технострой 2005 ООД", "Технострой 2006 ООД")]
    [InlineData("Технострой - Варна", "Технострой - Бургас")]
    [InlineData("Агротрейд", "Агростил")]
    [InlineData("Алфа ООД", "Омега ООД")]
    public void Different_names_have_different_keys(string a, string b) =>
        Assert.NotEqual(MatchKeys.ForAccount(a), MatchKeys.ForAccount(b));

    [Theory]
    [InlineData("ООД")]
    [InlineData("Ltd")]
    public void A_name_that_is_only_a_legal_form_keeps_it(string name) =>
        Assert.NotEqual("", MatchKeys.ForAccount(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— „“ …")]
    public void A_name_without_letters_or_digits_has_no_key(string? name) => Assert.Equal("", MatchKeys.ForAccount(name));

    [Fact]
    public void Legal_forms_go_only_from_the_start_and_the_end()
    {
        Assert.NotEqual(MatchKeys.ForAccount("Техно АД Строй"), MatchKeys.ForAccount("Техно Строй"));
        Assert.Equal(MatchKeys.ForAccount("ООД Технострой ЕООД"), MatchKeys.ForAccount("Технострой"));
    }

    [Fact]
    public void Person_keys_keep_legal_form_letters_and_meet_across_scripts()
    {
        Assert.Equal(MatchKeys.ForPerson("Иван Петров"), MatchKeys.ForPerson("IVAN  PETROV"));
        Assert.Equal(MatchKeys.ForPerson("Йордан Цветков"), MatchKeys.ForPerson("Yordan Tsvetkov"));
        Assert.NotEqual(MatchKeys.ForPerson("Ана Ет"), MatchKeys.ForPerson("Ана"));
    }

    [Theory]
    [InlineData("Технострой", "Текнострой")] // a letter replaced
    [InlineData("Технострой", "Технострооой")] // doubled letters are one
    [InlineData("Технострой", "Техностро")] // one left out at the end
    [InlineData("Технострой", "Технострхой")] // one added
    [InlineData("Технострой", "Технотсрой")] // two neighbours swapped
    [InlineData("Technostroy Ltd", "Технострой ООД")] // transliterated, then equal
    [InlineData("Агроинвест", "Agroinvset")]
    public void Names_one_letter_apart_are_near(string a, string b)
    {
        var (x, y) = (MatchKeys.ForAccount(a), MatchKeys.ForAccount(b));
        Assert.True(x == y || MatchKeys.AreNear(x, y), $"{x} / {y}");
    }

    [Theory]
    [InlineData("tehnostroi", "tiknostroi")] // two letters apart
    [InlineData("tehnostroi", "dehnostroi")] // the typo is in the prefix candidates are found by
    [InlineData("tehnostroi2005", "tehnostroi2006")] // digits tell companies apart
    [InlineData("tehnostroi", "tehnostroi1")]
    [InlineData("alfatrei", "alfatre")] // the shorter has fewer than eight letters
    [InlineData("alfa", "alva")]
    [InlineData("tehnostroi", "tehnostroi")] // the same key is no typo: it is the same name
    public void Keys_further_apart_or_short_are_not_near(string a, string b)
    {
        Assert.False(MatchKeys.AreNear(a, b));
        Assert.False(MatchKeys.AreNear(b, a));
    }

    [Fact]
    public void Eight_letters_are_enough_for_a_typo() => Assert.True(MatchKeys.AreNear("alfatrei", "alfatrai"));

    [Fact]
    public void Near_keys_share_a_variant_hash_and_far_keys_seldom_do()
    {
        static HashSet<ulong> Variants(string key)
        {
            var hashes = new ulong[key.Length + 1];
            return [.. hashes[..MatchKeys.VariantHashes(key, hashes)]];
        }

        foreach (var (a, b) in new[] { ("tehnostroi", "teknostroi"), ("tehnostroi", "tehnostro"), ("tehnostroi", "tehnotsroi"), ("agroinvest", "agroinvests") })
        {
            Assert.True(MatchKeys.AreNear(a, b));
            Assert.True(Variants(a).Overlaps(Variants(b)), $"{a} / {b}");
        }

        Assert.False(Variants("tehnostroi").Overlaps(Variants("agroinvest")));
        Assert.Equal(1 + "tehnostroi".Length - MatchKeys.NearPrefixLength, Variants("tehnostroi").Count);

        // Digits are never left out: a typo is never in them.
        Assert.Equal(Variants("tehnostroi").Count, Variants("tehnostroi2005").Count);
    }
}
