using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>The report as CSV: one RFC 4180 file per table.</summary>
internal static class CsvRenderer
{
    public static IReadOnlyList<CsvFile> Render(ReportDocument document) =>
        [.. document.Parts.SelectMany(p => p.Tables).Select(t => new CsvFile(t.Name + ".csv", Table(t)))];

    public static string Table(ReportTable table)
    {
        var s = new StringBuilder();
        Record(s, table.Columns.Select(c => c.CsvHeader ?? c.Header));
        foreach (var row in table.Rows)
        {
            Record(s, row.Select(c => c.CsvText));
        }

        return s.ToString();
    }

    private static void Record(StringBuilder s, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                s.Append(',');
            }

            first = false;
            s.Append(Field(field));
        }

        s.Append("\r\n");
    }

    /// <summary>
    /// One field: a text a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) gets
    /// a leading apostrophe, unless it is a plain number; a field with a comma, a quote or a line break is quoted, its
    /// quotes doubled.
    /// </summary>
    internal static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(text))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>An optional minus, digits, and optionally a point and digits.</summary>
    private static bool IsNumber(string text)
    {
        var i = text[0] == '-' ? 1 : 0;
        var digits = 0;
        var point = false;
        for (; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (text[i] == '.' && !point && digits > 0)
            {
                point = true;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
