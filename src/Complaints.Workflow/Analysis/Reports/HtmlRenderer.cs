using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>
/// The report as one self-contained page in XHTML syntax (it parses as XML): inline CSS, inline SVG, no script and no
/// external resource; A4 print styles.
/// </summary>
internal static class HtmlRenderer
{
    /// <summary>Tables beside a chart longer than this are folded into a details element.</summary>
    internal const int FoldAfter = 16;

    private const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
               color: #1f2933; background: #fff; margin: 24px auto; max-width: 980px; padding: 0 16px; line-height: 1.4; font-size: 14px; }
        h1 { font-size: 24px; margin: 0 0 10px; }
        h2 { font-size: 18px; border-bottom: 2px solid #1f5f99; padding-bottom: 2px; margin: 28px 0 8px; }
        h3, caption { font-size: 14px; font-weight: 600; text-align: left; padding: 4px 0; }
        dl.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 6px 18px; margin: 0 0 8px; }
        dl.meta dt { font-size: 11px; color: #52606d; text-transform: uppercase; letter-spacing: .03em; }
        dl.meta dd { margin: 0; font-weight: 600; }
        .note { color: #52606d; font-size: 12px; margin: 2px 0; }
        .empty { color: #52606d; font-style: italic; }
        table { border-collapse: collapse; margin: 6px 0 14px; font-variant-numeric: tabular-nums; }
        th, td { border-bottom: 1px solid #d5dbe1; padding: 3px 10px; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #9aa5b1; font-size: 12px; color: #3e4c59; }
        tbody th { font-weight: normal; }
        .num { text-align: right; white-space: nowrap; }
        .tables { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0 24px; align-items: start; }
        .tables > .wide { grid-column: 1 / -1; justify-self: start; }
        details > summary { cursor: pointer; color: #1f5f99; font-size: 12px; margin: 4px 0; }
        figure { margin: 8px 0; }
        svg.chart { display: block; width: 100%; max-width: 900px; height: auto; }
        footer { margin-top: 32px; color: #52606d; font-size: 12px; border-top: 1px solid #d5dbe1; padding-top: 6px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; }
          section, figure, table { break-inside: avoid; }
        }
        """;

    public static string Render(ReportDocument document)
    {
        var s = new StringBuilder(32 * 1024);
        s.Append("<!DOCTYPE html>\n");
        s.Append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").Append(Escape.Xml(document.Language)).Append("\">\n<head>\n");
        s.Append("<meta charset=\"utf-8\" />\n");
        // Says what the page is: nothing loads from anywhere and nothing runs, whatever the data held.
        s.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\" />\n");
        s.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        s.Append("<title>").Append(Escape.Xml(document.Title)).Append(" · ").Append(Escape.Xml(document.Period)).Append("</title>\n");
        s.Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<header>\n");
        s.Append("<h1>").Append(Escape.Xml(document.Title)).Append("</h1>\n<dl class=\"meta\">\n");
        foreach (var (label, value) in document.Meta)
        {
            s.Append("<div><dt>").Append(Escape.Xml(label)).Append("</dt><dd>").Append(Escape.Xml(value)).Append("</dd></div>\n");
        }

        s.Append("</dl>\n");
        foreach (var note in document.Notes)
        {
            s.Append("<p class=\"note\">").Append(Escape.Xml(note)).Append("</p>\n");
        }

        s.Append("</header>\n<main>\n");
        foreach (var part in document.Parts)
        {
            var id = Escape.Xml(part.Id);
            s.Append("<section id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-heading\">\n");
            s.Append("<h2 id=\"").Append(id).Append("-heading\">").Append(Escape.Xml(part.Title)).Append("</h2>\n");
            if (part.Text is { } text)
            {
                s.Append("<p>").Append(Escape.Xml(text)).Append("</p>\n");
            }

            if (part.Empty is { } empty)
            {
                s.Append("<p class=\"empty\">").Append(Escape.Xml(empty)).Append("</p>\n");
            }

            if (part.Svg is { } svg)
            {
                s.Append("<figure>\n").Append(svg).Append("\n</figure>\n");
            }

            var grid = part.Tables.Count > 1;
            if (grid)
            {
                s.Append("<div class=\"tables\">\n");
            }

            foreach (var table in part.Tables)
            {
                // A long table beside a chart (a quarter by day) is folded: the chart shows it; the table is a click away.
                var fold = part.Svg is not null && ReferenceEquals(table, part.Tables[0]) && table.Rows.Count > FoldAfter;
                if (fold)
                {
                    s.Append("<details><summary>").Append(Escape.Xml(document.ShowTable)).Append("</summary>\n");
                }

                Table(s, part, table, grid);
                if (fold)
                {
                    s.Append("</details>\n");
                }
            }

            if (grid)
            {
                s.Append("</div>\n");
            }

            s.Append("</section>\n");
        }

        s.Append("</main>\n<footer>").Append(Escape.Xml(document.Title));
        foreach (var (label, value) in document.Meta)
        {
            s.Append(" · ").Append(Escape.Xml(label)).Append(": ").Append(Escape.Xml(value));
        }

        s.Append("</footer>\n</body>\n</html>\n");
        return s.ToString();
    }

    private static void Table(StringBuilder s, ReportPart part, ReportTable table, bool grid)
    {
        var caption = table.Title != part.Title || grid ? table.Title : null;
        if (table.Rows.Count == 0)
        {
            if (part.Empty is null)
            {
                s.Append("<div>");
                if (caption is not null)
                {
                    s.Append("<h3>").Append(Escape.Xml(caption)).Append("</h3>");
                }

                s.Append("<p class=\"empty\">–</p></div>\n");
            }

            return;
        }

        // In a grid of tables, a wide one (a list) takes the whole width.
        s.Append("<table id=\"").Append(Escape.Xml(table.Name)).Append(grid && table.Columns.Count > 4 ? "\" class=\"wide\">\n" : "\">\n");
        if (caption is not null)
        {
            s.Append("<caption>").Append(Escape.Xml(caption)).Append("</caption>\n");
        }

        s.Append("<thead><tr>");
        foreach (var column in table.Columns)
        {
            s.Append(column.Numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(Escape.Xml(column.Header)).Append("</th>");
        }

        s.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            s.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var numeric = table.Columns[i].Numeric;
                var tag = i == 0 && !numeric ? "th" : "td";
                s.Append('<').Append(tag);
                if (tag == "th")
                {
                    s.Append(" scope=\"row\"");
                }

                if (numeric)
                {
                    s.Append(" class=\"num\"");
                }

                s.Append('>').Append(Escape.Xml(row[i].Text)).Append("</").Append(tag).Append('>');
            }

            s.Append("</tr>\n");
        }

        s.Append("</tbody>\n</table>\n");
    }
}
