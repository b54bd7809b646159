using Complaints.Demo.Cfpb;

namespace Complaints.Demo.Tests.Cfpb;

public sealed class CsvTests
{
    private static string[][] Read(string text) => Csv.Read(new StringReader(text)).ToArray();

    [Fact]
    public void Read_QuotedFields_KeepCommasAndDoubledQuotes()
    {
        var rows = Read("a,\"EQUIFAX, INC.\",\"she said \"\"no\"\"\",\n");

        rows.Should().ContainSingle().Which.Should().Equal("a", "EQUIFAX, INC.", "she said \"no\"", "");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Read_EmbeddedLineBreaks_StayInTheField(string newline)
    {
        var rows = Read($"id,text{newline}1,\"first line{newline}second, line\"{newline}2,plain{newline}");

        rows.Should().HaveCount(3);
        rows[1].Should().Equal("1", $"first line{newline}second, line");
        rows[2].Should().Equal("2", "plain");
    }

    [Fact]
    public void Read_NoFinalNewlineAndBlankLines_LastRecordKeptBlankLinesSkipped()
    {
        var rows = Read("a,b\n\n\nc,\"\"");

        rows.Should().HaveCount(2);
        rows[1].Should().Equal("c", "");
    }

    [Fact]
    public void Read_UnclosedQuote_FormatExceptionNamingTheLine()
    {
        var read = () => Read("a,b\nc,\"open\nstill open");

        read.Should().Throw<FormatException>().WithMessage("Line 2: a quoted field is not closed*");
    }

    [Theory]
    [InlineData("a,b\"c\n", "*quote inside an unquoted field*")]
    [InlineData("a,\"b\"c\n", "*text after the closing quote*")]
    public void Read_StrayQuote_FormatException(string text, string message)
    {
        var read = () => Read(text);

        read.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void ReadFile_RealSample_2067RowsOf18FieldsWithUniqueIds()
    {
        using var reader = new StreamReader(CfpbRows.SamplePath);
        var records = Csv.Read(reader).ToArray();

        records.Should().HaveCount(2_068, "a header and 2,067 complaints");
        records.Should().OnlyContain(r => r.Length == 18);
        var rows = CfpbFile.Read(CfpbRows.SamplePath);
        rows.Should().HaveCount(2_067);
        rows.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
        rows.Where(r => r.Narrative.Contains('\n', StringComparison.Ordinal)).Should().NotBeEmpty("narratives with line breaks are read whole");
        rows.Count(r => r.SubmittedVia == "Web").Should().Be(2_000);
        rows.Count(r => r.CompanyResponse == "In progress").Should().Be(616);
    }

    [Fact]
    public void ReadFile_HeaderWithoutCfpbColumns_FormatException()
    {
        var read = () => CfpbFile.Read(new StringReader("name,age\nLi,3\n"));

        read.Should().Throw<FormatException>().WithMessage("Not a CFPB complaints export*'Date received'*");
    }

    [Fact]
    public void ReadFile_RowOfTheWrongWidth_FormatExceptionNamingTheRow()
    {
        var read = () => CfpbFile.Read(new StringReader(CfpbRows.Header + "\n2023-08-25,too,few\n"));

        read.Should().Throw<FormatException>().WithMessage("Row 1: 3 fields where the header has 18.");
    }
}
