using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>The report as Markdown: headings, a list of the period's particulars, GitHub-flavoured tables.</summary>
internal static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var s = new StringBuilder();
        s.Append("# ").Append(Escape.Markdown(document.Title)).Append('\n').Append('\n');
        foreach (var (label, value) in document.Meta)
        {
            s.Append("- **").Append(Escape.Markdown(label)).Append(":** ").Append(Escape.Markdown(value)).Append('\n');
        }

        s.Append('\n');
        foreach (var note in document.Notes)
        {
            s.Append('_').Append(Escape.Markdown(note)).Append('_').Append('\n');
        }

        foreach (var part in document.Parts)
        {
            s.Append(s[^2] == '\n' ? "" : "\n").Append("## ").Append(Escape.Markdown(part.Title)).Append('\n').Append('\n');
            if (part.Text is { } text)
            {
                s.Append(Escape.Markdown(text)).Append('\n').Append('\n');
            }

            if (part.Empty is { } empty)
            {
                s.Append(Escape.Markdown(empty)).Append('\n').Append('\n');
            }

            foreach (var table in part.Tables)
            {
                if (table.Title != part.Title)
                {
                    s.Append("### ").Append(Escape.Markdown(table.Title)).Append('\n').Append('\n');
                }

                if (table.Rows.Count == 0)
                {
                    if (part.Empty is null)
                    {
                        s.Append('–').Append('\n').Append('\n');
                    }

                    continue;
                }

                s.Append('|');
                foreach (var column in table.Columns)
                {
                    s.Append(' ').Append(Escape.Markdown(column.Header)).Append(" |");
                }

                s.Append('\n').Append('|');
                foreach (var column in table.Columns)
                {
                    s.Append(column.Numeric ? " ---: |" : " :--- |");
                }

                s.Append('\n');
                foreach (var row in table.Rows)
                {
                    s.Append('|');
                    foreach (var cell in row)
                    {
                        s.Append(' ').Append(Escape.Markdown(cell.Text)).Append(" |");
                    }

                    s.Append('\n');
                }

                s.Append('\n');
            }
        }

        // Line ends are LF on every platform, so that the text is the same wherever it is made.
        return s.ToString();
    }
}
