using Rapport.Shared;

namespace Rapport.Tests;

public sealed class CursorTests
{
    [Fact]
    public void A_cursor_survives_the_round_trip_with_cyrillic_keys()
    {
        var cursor = new Cursor("иван петров", Guid.CreateVersion7());
        Assert.Equal(cursor, Cursor.Decode(cursor.Encode()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-base64!")]
    [InlineData("YWJj")]
    public void A_malformed_cursor_is_ignored_not_an_error(string? token) => Assert.Null(Cursor.Decode(token));

    [Theory]
    [InlineData(null, 50)]
    [InlineData(0, 1)]
    [InlineData(10_000, Cursor.MaxPageSize)]
    public void Page_size_is_clamped(int? requested, int expected) => Assert.Equal(expected, Cursor.ClampSize(requested));
}
