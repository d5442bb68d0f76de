using System.Globalization;
using System.Text;
using Rapport.Shared;

namespace Rapport.ClientBase.Import;

/// <summary>What a file turned out to hold: text, or something no CSV reader can read.</summary>
public enum CsvContent
{
    Text,

    /// <summary>A spreadsheet workbook or another archive: the file the user meant to save as CSV.</summary>
    Workbook,

    /// <summary>An image, a PDF or any other file with bytes no text has.</summary>
    Binary,
}

/// <summary>One record of a CSV file: its cells, or why it could not be read. <see cref="Row"/> is the line it starts on.</summary>
public readonly record struct CsvRecord(int Row, string[] Cells, string? Error)
{
    public bool IsBlank => Error is null && Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A CSV file as spreadsheets write it: UTF-8 (with or without a byte-order mark) or, failing that, Windows-1251;
/// cells separated by commas or semicolons, whichever the header line has more of; RFC 4180 quoting, where a quoted
/// cell may hold separators, line breaks and doubled quotes. Records are read one at a time, so a file of any length
/// takes the memory of one record. The stream must be seekable: the file is read once to tell its encoding, then
/// from the start for each pass over the records.
/// </summary>
public sealed class CsvFile
{
    /// <summary>The longest record read; a longer one is almost always a quote that was never closed.</summary>
    public const int MaxRecordLength = 64 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly Encoding Windows1251 = LoadWindows1251();

    private readonly Stream _stream;

    /// <summary>Bytes that no text file holds, in UTF-8 or Windows-1251: control characters but tab, line breaks,
    /// form feeds and the old end-of-file mark.</summary>
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1C, 0x1D, 0x1E, 0x1F]);

    private CsvFile(Stream stream, Encoding encoding, char separator, IReadOnlyList<string> headers, CsvContent content)
    {
        _stream = stream;
        Encoding = encoding;
        Separator = separator;
        Headers = headers;
        Content = content;
    }

    public Encoding Encoding { get; }

    /// <summary>Whether the file is text at all; a file that is not has no headers and no records.</summary>
    public CsvContent Content { get; }

    /// <summary>Why the file cannot be read as CSV at all, in the current language; null for a text file.</summary>
    public string? NotTextMessage => Content switch
    {
        CsvContent.Workbook => Texts.ImportNotTextWorkbook,
        CsvContent.Binary => Texts.ImportNotText,
        _ => null,
    };

    public char Separator { get; }

    /// <summary>The cells of the header line, trimmed; empty if the file is empty.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>"UTF-8" or "Windows-1251", for people.</summary>
    public string EncodingName => Encoding.CodePage == 1251 ? "Windows-1251" : "UTF-8";

    /// <summary>Tells the encoding and separator of a file and reads its header line.</summary>
    public static CsvFile Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The CSV stream must be seekable.", nameof(stream));
        }

        var (encoding, content) = Inspect(stream);
        if (content != CsvContent.Text)
        {
            return new CsvFile(stream, encoding, ',', [], content);
        }

        stream.Position = 0;
        char separator;
        using (var reader = Reader(stream, encoding))
        {
            separator = DetectSeparator(reader);
        }

        var file = new CsvFile(stream, encoding, separator, [], content);
        var header = file.ReadAll().FirstOrDefault();
        var headers = header.Cells is { } cells && header.Error is null ? cells.Select(c => c.Trim()).ToArray() : [];
        return new CsvFile(stream, encoding, separator, headers, content);
    }

    /// <summary>The data records after the header line, with blank lines left out and wrong cell counts reported.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        if (Content != CsvContent.Text)
        {
            yield break;
        }

        var first = true;
        foreach (var record in ReadAll())
        {
            if (first)
            {
                first = false;
                continue;
            }

            if (record.Error is not null || record.IsBlank)
            {
                if (!record.IsBlank)
                {
                    yield return record;
                }

                continue;
            }

            // Spreadsheets sometimes end rows with empty cells past the last column; those are harmless.
            var cells = record.Cells;
            if (cells.Length > Headers.Count && cells.Skip(Headers.Count).All(string.IsNullOrWhiteSpace))
            {
                cells = cells[..Headers.Count];
            }

            yield return cells.Length == Headers.Count
                ? record with { Cells = cells }
                : record with { Error = string.Format(CultureInfo.CurrentCulture, Texts.ImportWrongCellCount, Headers.Count, cells.Length) };
        }
    }

    /// <summary>Every record from the start of the file, the header line included.</summary>
    private IEnumerable<CsvRecord> ReadAll()
    {
        _stream.Position = 0;
        using var reader = Reader(_stream, Encoding);
        var parser = new Parser(reader, Separator);
        while (parser.Next() is { } record)
        {
            yield return record;
            if (parser.Stopped)
            {
                yield break;
            }
        }
    }

    /// <summary>A reader that skips the UTF-8 byte-order mark; for Windows-1251 there is none to look for.</summary>
    private static StreamReader Reader(Stream stream, Encoding encoding) =>
        new(stream, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == Utf8.CodePage, bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>
    /// UTF-8 if every byte sequence is valid UTF-8 (a byte-order mark included), otherwise Windows-1251; and whether
    /// the bytes are text at all: a workbook or archive by its signature, anything else by a byte no text holds (a
    /// control character, or the one byte Windows-1251 leaves undefined in a file that is not UTF-8).
    /// </summary>
    private static (Encoding, CsvContent) Inspect(Stream stream)
    {
        stream.Position = 0;
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        var utf8 = true;
        var undefinedIn1251 = false;
        var first = true;
        int read;
        while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            var span = bytes.AsSpan(0, read);
            if (first && IsWorkbook(span))
            {
                return (Utf8, CsvContent.Workbook);
            }

            first = false;
            if (span.IndexOfAny(ControlBytes) >= 0)
            {
                return (Utf8, CsvContent.Binary);
            }

            undefinedIn1251 |= span.Contains((byte)0x98);
            if (utf8)
            {
                try
                {
                    decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    utf8 = false;
                }
            }
        }

        if (utf8)
        {
            try
            {
                decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                utf8 = false;
            }
        }

        return utf8 ? (Utf8, CsvContent.Text) : (Windows1251, undefinedIn1251 ? CsvContent.Binary : CsvContent.Text);
    }

    /// <summary>A ZIP archive (an XLSX or ODS workbook is one) or an old binary Excel workbook, by its first bytes.</summary>
    private static bool IsWorkbook(ReadOnlySpan<byte> start) =>
        start.StartsWith("PK\u0003\u0004"u8) || start.StartsWith("PK\u0005\u0006"u8)
        || start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>Counts commas and semicolons outside quotes on the header line; a tie goes to the comma.</summary>
    private static char DetectSeparator(StreamReader reader)
    {
        int commas = 0, semicolons = 0, c;
        var quoted = false;
        for (var read = 0; (c = reader.Read()) >= 0 && read < MaxRecordLength; read++)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static Encoding LoadWindows1251()
    {
        // .NET knows only the Unicode encodings until the code-page provider of the framework is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1251);
    }

    /// <summary>The RFC 4180 state machine, one character at a time over a buffered reader.</summary>
    private sealed class Parser(TextReader reader, char separator)
    {
        private readonly List<string> _cells = [];
        private readonly StringBuilder _cell = new();
        private int _line = 1;
        private int _peeked = -2;

        /// <summary>True after an error that leaves no way to find the next record (an unclosed quote, an endless line).</summary>
        public bool Stopped { get; private set; }

        public CsvRecord? Next()
        {
            _cells.Clear();
            _cell.Clear();
            var start = _line;
            var length = 0;
            var state = State.CellStart;
            string? error = null;
            while (true)
            {
                var c = Read();
                if (c >= 0 && ++length > MaxRecordLength)
                {
                    Stopped = true;
                    return new CsvRecord(start, [], string.Format(CultureInfo.CurrentCulture, Texts.ImportLineTooLong, MaxRecordLength));
                }

                switch (state)
                {
                    case State.CellStart when c < 0:
                        if (_cells.Count == 0 && length == 0)
                        {
                            return null;
                        }

                        return End(start, error);
                    case State.CellStart when c == '"':
                        state = State.Quoted;
                        break;
                    case State.CellStart or State.Unquoted or State.AfterQuote when c == separator:
                        EndCell();
                        state = State.CellStart;
                        break;
                    case State.CellStart or State.Unquoted or State.AfterQuote when c is '\r' or '\n' or -1:
                        EndLine(c);
                        return End(start, error);
                    case State.CellStart or State.Unquoted:
                        if (c == '"')
                        {
                            error ??= Texts.ImportStrayQuote;
                        }

                        _cell.Append((char)c);
                        state = State.Unquoted;
                        break;
                    case State.Quoted when c < 0:
                        Stopped = true;
                        return new CsvRecord(start, [], Texts.ImportUnclosedQuote);
                    case State.Quoted when c == '"':
                        if (Peek() == '"')
                        {
                            Read();
                            _cell.Append('"');
                        }
                        else
                        {
                            state = State.AfterQuote;
                        }

                        break;
                    case State.Quoted:
                        if (c == '\n' || (c == '\r' && Peek() != '\n'))
                        {
                            _line++;
                        }

                        _cell.Append((char)c);
                        break;
                    case State.AfterQuote:
                        error ??= Texts.ImportTextAfterQuote;
                        _cell.Append((char)c);
                        break;
                }
            }
        }

        private CsvRecord End(int start, string? error)
        {
            EndCell();
            return new CsvRecord(start, [.. _cells], error);
        }

        private void EndCell()
        {
            _cells.Add(_cell.ToString());
            _cell.Clear();
        }

        private void EndLine(int c)
        {
            if (c == '\r' && Peek() == '\n')
            {
                Read();
            }

            if (c >= 0)
            {
                _line++;
            }
        }

        private int Read()
        {
            if (_peeked != -2)
            {
                var c = _peeked;
                _peeked = -2;
                return c;
            }

            return reader.Read();
        }

        private int Peek()
        {
            if (_peeked == -2)
            {
                _peeked = reader.Read();
            }

            return _peeked;
        }

        private enum State
        {
            CellStart,
            Unquoted,
            Quoted,
            AfterQuote,
        }
    }
}
