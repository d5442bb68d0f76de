using Rapport.Shared;

namespace Rapport.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ИВАН Петров", "иван петров")]
    [InlineData("IVAN", "ivan")]
    [InlineData("Iván  Müller", "ivan muller")]
    [InlineData("  Йордан  ", "йордан")]
    [InlineData("ЙОРДАНОВА", "йорданова")]
    public void Folds_case_accents_and_spaces(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void Keeps_the_bulgarian_short_i_apart_from_i() =>
        Assert.NotEqual(SearchText.Fold("Бойко"), SearchText.Fold("Боико"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_text_folds_to_empty(string? text) => Assert.Equal("", SearchText.Fold(text));

    [Fact]
    public void Like_pattern_escapes_wildcards() =>
        Assert.Equal("%50\\%\\_off\\\\%", SearchText.LikeContains("50%_off\\"));
}
