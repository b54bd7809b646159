using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>The report as Markdown: headings, a list of the period's particulars, GitHub-flavoured tables.</summary>
internal static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var s = new StringBuilder();
        s.Append("# ").AppendLine(Escape.Markdown(document.Title)).AppendLine();
        foreach (var (label, value) in document.Meta)
        {
            s.Append("- **").Append(Escape.Markdown(label)).Append(":** ").AppendLine(Escape.Markdown(value));
        }

        s.AppendLine();
        foreach (var note in document.Notes)
        {
            s.Append('_').Append(Escape.Markdown(note)).AppendLine("_");
        }

        foreach (var part in document.Parts)
        {
            s.AppendLine().Append("## ").AppendLine(Escape.Markdown(part.Title)).AppendLine();
            if (part.Text is { } text)
            {
                s.AppendLine(Escape.Markdown(text)).AppendLine();
            }

            if (part.Empty is { } empty)
            {
                s.AppendLine(Escape.Markdown(empty)).AppendLine();
            }

            foreach (var table in part.Tables)
            {
                if (table.Title != part.Title)
                {
                    s.Append("### ").AppendLine(Escape.Markdown(table.Title)).AppendLine();
                }

                if (table.Rows.Count == 0)
                {
                    if (part.Empty is null)
                    {
                        s.AppendLine("–").AppendLine();
                    }

                    continue;
                }

                s.Append('|');
                foreach (var column in table.Columns)
                {
                    s.Append(' ').Append(Escape.Markdown(column.Header)).Append(" |");
                }

                s.AppendLine().Append('|');
                foreach (var column in table.Columns)
                {
                    s.Append(column.Numeric ? " ---: |" : " :--- |");
                }

                s.AppendLine();
                foreach (var row in table.Rows)
                {
                    s.Append('|');
                    foreach (var cell in row)
                    {
                        s.Append(' ').Append(Escape.Markdown(cell.Text)).Append(" |");
                    }

                    s.AppendLine();
                }

                s.AppendLine();
            }
        }

        // Line ends are LF on every platform, so that the text is the same wherever it is made.
        return s.ToString().ReplaceLineEndings("\n");
    }
}
