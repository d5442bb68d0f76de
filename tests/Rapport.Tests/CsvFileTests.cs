using System.Text;
using Rapport.ClientBase.Import;

namespace Rapport.Tests;

public sealed class CsvFileTests
{
    private static readonly Encoding Windows1251 = CodePages1251();

    private static CsvFile Open(string text, Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        return CsvFile.Open(new MemoryStream(bytes));
    }

    private static Encoding CodePages1251()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_reads_without_the_mark()
    {
        var file = Open("Име,ЕИК\r\nАкме ООД,121212121\r\n", bom: true);

        Assert.Equal("UTF-8", file.EncodingName);
        Assert.Equal(["Име", "ЕИК"], file.Headers);
        Assert.Equal(["Акме ООД", "121212121"], Assert.Single(file.Records()).Cells);
    }

    [Fact]
    public void A_file_that_is_not_valid_utf8_is_read_as_windows_1251()
    {
        var file = Open("Име;Град\nБългарска роза;София\n", Windows1251);

        Assert.Equal("Windows-1251", file.EncodingName);
        Assert.Equal(["Име", "Град"], file.Headers);
        Assert.Equal(["Българска роза", "София"], Assert.Single(file.Records()).Cells);
    }

    [Fact]
    public void Plain_ascii_is_utf8()
    {
        Assert.Equal("UTF-8", Open("name,eik\nAcme,1\n").EncodingName);
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3", ';')]
    [InlineData("a,b,c\n1,2,3", ',')]
    [InlineData("a;b,c\n1;2,3", ',')]
    [InlineData("\"x;y;z\",b\n1,2", ',')]
    [InlineData("name\nAcme", ',')]
    public void The_separator_is_the_one_the_header_line_has_more_of(string text, char separator) =>
        Assert.Equal(separator, Open(text).Separator);

    [Fact]
    public void Quoted_cells_hold_separators_doubled_quotes_and_line_breaks()
    {
        var file = Open("name;note;city\n\"Acme; Ltd\";\"He said \"\"hi\"\"\";\"Sofia\r\nCentre\"\nBeta;;Varna\n");

        var records = file.Records().ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(["Acme; Ltd", "He said \"hi\"", "Sofia\r\nCentre"], records[0].Cells);
        Assert.Equal(2, records[0].Row);
        Assert.Equal(["Beta", "", "Varna"], records[1].Cells);
        Assert.Equal(4, records[1].Row);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n")]
    [InlineData("a,b\n1,2\n3,4")]
    [InlineData("a,b\r1,2\r3,4\r")]
    public void Every_line_ending_separates_records(string text)
    {
        var records = Open(text).Records().ToList();
        Assert.Equal([["1", "2"], ["3", "4"]], records.Select(r => r.Cells));
        Assert.Equal([2, 3], records.Select(r => r.Row));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_trailing_empty_cells_ignored()
    {
        var records = Open("a,b\n\n1,2,,\n;\n,\n3,4\n").Records().ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "2"], records[0].Cells);
        Assert.NotNull(records[1].Error);
        Assert.Equal(4, records[1].Row);
        Assert.Equal(["3", "4"], records[2].Cells);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_an_error_and_the_next_line_still_reads()
    {
        var records = Open("a,b\n1,2 \"inch\"\n3,4\n").Records().ToList();

        Assert.Equal(2, records[0].Row);
        Assert.NotNull(records[0].Error);
        Assert.Null(records[1].Error);
        Assert.Equal(["3", "4"], records[1].Cells);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var record = Open("a,b\n\"1\"x,2\n").Records().Single();
        Assert.NotNull(record.Error);
    }

    [Fact]
    public void A_line_with_a_wrong_number_of_cells_is_an_error_naming_both_counts()
    {
        var record = Open("a,b,c\n1,2\n").Records().Single();
        Assert.Contains("3", record.Error, StringComparison.Ordinal);
        Assert.Contains("2", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_stops_reading_at_the_line_it_starts_on()
    {
        var records = Open("a,b\n1,2\n\"3,4\n5,6\n7,8\n").Records().ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(3, records[1].Row);
        Assert.NotNull(records[1].Error);
    }

    [Fact]
    public void An_endless_line_stops_reading_instead_of_filling_memory()
    {
        var text = "a,b\n\"" + new string('x', CsvFile.MaxRecordLength + 10) + "\",1\n2,3\n";
        var record = Assert.Single(Open(text).Records());
        Assert.NotNull(record.Error);
    }

    [Fact]
    public void Records_can_be_read_again_from_the_start()
    {
        var file = Open("a\n1\n2\n");
        Assert.Equal(2, file.Records().Count());
        Assert.Equal(2, file.Records().Count());
    }

    [Fact]
    public void An_empty_file_has_no_headers()
    {
        var file = Open("");
        Assert.Empty(file.Headers);
        Assert.Empty(file.Records());
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_refused() =>
        Assert.Throws<ArgumentException>(() => CsvFile.Open(new ForwardOnlyStream()));

    private sealed class ForwardOnlyStream : MemoryStream
    {
        public override bool CanSeek => false;
    }

    public static TheoryData<string, byte[], CsvContent> Contents => new()
    {
        { "UTF-8 text", Encoding.UTF8.GetBytes("Име,ЕИК\r\nАкме,121212121\r\n"), CsvContent.Text },
        { "Windows-1251 text with a tab and a form feed", CodePages1251().GetBytes("Име\tГрад\f\nРоза\tСофия\n"), CsvContent.Text },
        { "an XLSX workbook", [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0], CsvContent.Workbook },
        { "an old Excel workbook", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], CsvContent.Workbook },
        { "a PNG image", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], CsvContent.Binary },
        { "UTF-16", Encoding.Unicode.GetBytes("Name\nАкме\n"), CsvContent.Binary },
        { "a NUL inside text", [(byte)'a', (byte)',', (byte)'b', 0, (byte)'\n'], CsvContent.Binary },
        { "neither UTF-8 nor Windows-1251", [(byte)'N', (byte)'\n', 0xE5, 0x98, (byte)'\n'], CsvContent.Binary },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void A_file_is_text_or_says_what_it_is_instead(string what, byte[] bytes, CsvContent expected)
    {
        var file = CsvFile.Open(new MemoryStream(bytes));

        Assert.True(expected == file.Content, what);
        Assert.Equal(expected == CsvContent.Text, file.NotTextMessage is null);
        if (expected != CsvContent.Text)
        {
            Assert.Empty(file.Headers);
            Assert.Empty(file.Records());
        }
    }
}
