using Complaints.Workflow.Import;

namespace Complaints.Workflow.Tests.Import;

/// <summary>Reading CSV as RFC 4180 writes it, with each record's starting line, and malformed records reported rather than dropped.</summary>
public sealed class CsvReaderTests
{
    [Fact]
    public void Read_QuotedCommasQuotesAndLineBreaks_AreOneFieldAndLinesCountPhysicalLines()
    {
        var text = "\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n2,,\"\"\n3,last,\"one\ntwo\nthree\"";

        var records = CsvReader.Read(new StringReader(text)).ToArray();

        records.Select(r => r.Line).Should().Equal(1, 2, 5, 6);
        records[0].Fields.Should().Equal("a", "b", "c");
        records[1].Fields.Should().Equal("1", "x, \"y\"", "two\r\nlines");
        records[2].Fields.Should().Equal("2", "", "");
        records[3].Fields.Should().Equal("3", "last", "one\ntwo\nthree");
        records.Should().OnlyContain(r => r.Error == null);
    }

    [Theory]
    [InlineData("1,ab\"c\",2\nnext,ok,3", "a quote inside unquoted field 2")]
    [InlineData("1,\"ab\"c,2\nnext,ok,3", "text after the closing quote of field 2")]
    public void Read_MalformedRecord_IsReportedWithItsLineAndReadingGoesOn(string text, string error)
    {
        var records = CsvReader.Read(new StringReader(text)).ToArray();

        records.Should().HaveCount(2);
        records[0].Error.Should().Be($"line 1: {error}" + (error.StartsWith("a quote", StringComparison.Ordinal) ? "; quote the whole field and double the quote" : "; a quote inside a quoted field is written \"\""));
        records[1].Should().Match<CsvRecord>(r => r.Line == 2 && r.Error == null);
        records[1].Fields.Should().Equal("next", "ok", "3");
    }

    [Fact]
    public void Read_QuoteLeftOpen_IsOneRecordWithAnErrorNamingTheLineItStarts()
    {
        var records = CsvReader.Read(new StringReader("h1,h2\n1,ok\n2,\"never closed\n3,x\n")).ToArray();

        records.Should().HaveCount(3);
        records[2].Line.Should().Be(3);
        records[2].Error.Should().Be("line 3: a quoted field (field 2) is not closed before the end of the file");
    }

    [Fact]
    public void Read_BeyondTheReadersBuffer_KeepsEveryRecord()
    {
        var text = "id,text\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},\"row {i}\nsecond line\"\n"));

        var records = CsvReader.Read(new StringReader(text)).Skip(1).ToArray();

        records.Should().HaveCount(20_000);
        records[^1].Line.Should().Be(2 + (2 * 19_999));
        records[^1].Fields.Should().Equal("20000", "row 20000\nsecond line");
    }
}
