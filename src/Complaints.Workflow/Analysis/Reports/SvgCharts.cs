using System.Globalization;
using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>
/// The report's charts as small inline SVG (no library: see docs/improvement.md): a trend line, a Pareto of bars
/// with a cumulative line, horizontal bars of a rate per department, and one bar of the running corrective actions split
/// by where they stand. Each has a <c>title</c> and a <c>desc</c>
/// (role="img", labelled by them) and every text is escaped; bar lengths are proportional to the values on one scale
/// from zero, and each bar carries its value in <c>data-value</c>.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 760;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const string Ink = "#1f2933";
    private const string Grid = "#d5dbe1";
    private const string Blue = "#1f5f99";
    private const string Red = "#b03a2e";

    /// <summary>A line of the values over time, with an area under it; points marked (with their figure as a tooltip) up to 60 of them.</summary>
    public static string Trend(string id, string title, string description, IReadOnlyList<(string Label, int Value)> points)
    {
        const int height = 280, left = 52, right = 20, top = 16, bottom = 44;
        const double plotWidth = Width - left - right, plotHeight = height - top - bottom;
        var (max, step) = Scale(points.Count == 0 ? 0 : points.Max(p => p.Value));
        var s = Open(id, title, description, height);
        YAxis(s, left, top, plotWidth, plotHeight, max, step, v => N(v));

        double X(int i) => points.Count == 1 ? left + (plotWidth / 2) : left + (i * plotWidth / (points.Count - 1));
        double Y(int v) => top + plotHeight - (v / max * plotHeight);

        var line = string.Join(" ", points.Select((p, i) => string.Create(Invariant, $"{N(X(i))},{N(Y(p.Value))}")));
        if (points.Count > 1)
        {
            s.Append(Invariant, $"<polygon points=\"{N(X(0))},{N(top + plotHeight)} {line} {N(X(points.Count - 1))},{N(top + plotHeight)}\" fill=\"#dbe7f3\" />");
        }

        s.Append(Invariant, $"<polyline class=\"line\" points=\"{line}\" fill=\"none\" stroke=\"{Blue}\" stroke-width=\"2\" stroke-linejoin=\"round\" />");
        if (points.Count <= 60)
        {
            for (var i = 0; i < points.Count; i++)
            {
                s.Append(Invariant, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(points[i].Value))}\" r=\"3\" fill=\"{Blue}\" data-value=\"{N(points[i].Value)}\"><title>{Escape.Xml(points[i].Label)}: {N(points[i].Value)}</title></circle>");
            }
        }

        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        for (var i = 0; i < points.Count; i += every)
        {
            // The first and last labels keep inside the plot's width.
            var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
            s.Append(Invariant, $"<text x=\"{N(X(i))}\" y=\"{N(top + plotHeight + 18)}\" text-anchor=\"{anchor}\">{Escape.Xml(points[i].Label)}</text>");
        }

        return Close(s);
    }

    /// <summary>A Pareto: bars of the counts (left axis), the cumulative share as a line (right axis, 0–100%), dashed at 80%.</summary>
    public static string Pareto(string id, string title, string description, IReadOnlyList<(string Label, int Count, double Cumulative)> rows)
    {
        const int height = 300, left = 52, right = 56, top = 16, bottom = 60;
        const double plotWidth = Width - left - right, plotHeight = height - top - bottom;
        var (max, step) = Scale(rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        var s = Open(id, title, description, height);
        YAxis(s, left, top, plotWidth, plotHeight, max, step, v => N(v));
        for (var p = 0; p <= 100; p += 20)
        {
            var y = top + plotHeight - (p / 100.0 * plotHeight);
            s.Append(Invariant, $"<text x=\"{N(left + plotWidth + 6)}\" y=\"{N(y)}\" dy=\"0.35em\" fill=\"{Red}\">{p}%</text>");
        }

        var eighty = top + (0.2 * plotHeight);
        s.Append(Invariant, $"<line x1=\"{left}\" y1=\"{N(eighty)}\" x2=\"{N(left + plotWidth)}\" y2=\"{N(eighty)}\" stroke=\"{Red}\" stroke-dasharray=\"4 4\" stroke-width=\"1\" />");

        var slot = rows.Count == 0 ? plotWidth : plotWidth / rows.Count;
        var barWidth = Math.Min(72, slot * 0.6);
        var points = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, count, cumulative) = rows[i];
            var h = count / max * plotHeight;
            var x = left + (i * slot) + ((slot - barWidth) / 2);
            var centre = left + (i * slot) + (slot / 2);
            s.Append(Invariant, $"<rect class=\"bar\" x=\"{N(x)}\" y=\"{N(top + plotHeight - h)}\" width=\"{N(barWidth)}\" height=\"{N(h)}\" fill=\"{Blue}\" data-value=\"{N(count)}\"><title>{Escape.Xml(label)}: {N(count)}</title></rect>");
            s.Append(Invariant, $"<text x=\"{N(centre)}\" y=\"{N(top + plotHeight - h - 4)}\" text-anchor=\"middle\">{N(count)}</text>");
            Label(s, label, centre, top + plotHeight + 16);
            points.Add(string.Create(Invariant, $"{N(centre)},{N(top + (plotHeight * (1 - cumulative)))}"));
        }

        if (points.Count > 0)
        {
            s.Append(Invariant, $"<polyline class=\"cumulative\" points=\"{string.Join(" ", points)}\" fill=\"none\" stroke=\"{Red}\" stroke-width=\"2\" />");
            for (var i = 0; i < rows.Count; i++)
            {
                var xy = points[i].Split(',');
                s.Append(Invariant, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{Red}\" data-value=\"{N(rows[i].Cumulative)}\"><title>{Escape.Xml(rows[i].Label)}: {N(rows[i].Cumulative * 100)}%</title></circle>");
            }
        }

        return Close(s);
    }

    /// <summary>Horizontal bars of a rate (0–1) per row, on a 0–100% scale; a row without a rate says <paramref name="none"/>.</summary>
    public static string RateBars(string id, string title, string description, IReadOnlyList<(string Label, double? Rate)> rows, string none)
    {
        const int rowHeight = 26, left = 170, right = 70, top = 24, bottom = 12;
        const double plotWidth = Width - left - right;
        var height = top + (rows.Count * rowHeight) + bottom;
        var s = Open(id, title, description, height);
        for (var p = 0; p <= 100; p += 25)
        {
            var x = left + (p / 100.0 * plotWidth);
            s.Append(Invariant, $"<line x1=\"{N(x)}\" y1=\"{top}\" x2=\"{N(x)}\" y2=\"{height - bottom}\" stroke=\"{Grid}\" stroke-width=\"1\" />");
            s.Append(Invariant, $"<text x=\"{N(x)}\" y=\"{top - 8}\" text-anchor=\"middle\">{p}%</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, rate) = rows[i];
            var y = top + (i * rowHeight) + 5;
            const double barHeight = rowHeight - 10;
            var shown = label.Length > 24 ? $"<title>{Escape.Xml(label)}</title>{Escape.Xml(label[..23])}…" : Escape.Xml(label);
            s.Append(Invariant, $"<text x=\"{left - 8}\" y=\"{N(y + (barHeight / 2))}\" dy=\"0.35em\" text-anchor=\"end\">{shown}</text>");
            if (rate is { } r)
            {
                var w = Math.Clamp(r, 0, 1) * plotWidth;
                var colour = r >= 0.9 ? "#2e7d32" : r >= 0.7 ? "#b7791f" : Red;
                s.Append(Invariant, $"<rect class=\"bar\" x=\"{left}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(barHeight)}\" fill=\"{colour}\" data-value=\"{N(r)}\"><title>{Escape.Xml(label)}: {N(r * 100)}%</title></rect>");
                s.Append(Invariant, $"<text x=\"{N(left + w + 6)}\" y=\"{N(y + (barHeight / 2))}\" dy=\"0.35em\">{N(r * 100)}%</text>");
            }
            else
            {
                s.Append(Invariant, $"<text x=\"{left + 6}\" y=\"{N(y + (barHeight / 2))}\" dy=\"0.35em\" fill=\"#6b7785\" font-style=\"italic\">{Escape.Xml(none)}</text>");
            }
        }

        return Close(s);
    }

    /// <summary>
    /// One horizontal bar split into segments proportional to their counts (of their sum), each segment carrying its count
    /// where it fits, with a legend of every segment's label and count below (so the colour is never the only cue).
    /// </summary>
    public static string StackedBar(string id, string title, string description, IReadOnlyList<(string Label, int Count, string Colour)> segments)
    {
        const int left = 10, right = 10, top = 8, barHeight = 30, legendTop = top + barHeight + 22;
        const double plotWidth = Width - left - right;
        var columns = Math.Max(1, segments.Count);
        var height = legendTop + 14;
        var s = Open(id, title, description, height);
        var total = segments.Sum(g => g.Count);
        var x = (double)left;
        foreach (var (label, count, colour) in segments)
        {
            if (count <= 0 || total == 0)
            {
                continue;
            }

            var w = count * plotWidth / total;
            s.Append(Invariant, $"<rect class=\"bar\" x=\"{N(x)}\" y=\"{top}\" width=\"{N(w)}\" height=\"{barHeight}\" fill=\"{colour}\" data-value=\"{count}\"><title>{Escape.Xml(label)}: {count}</title></rect>");
            if (w >= 24)
            {
                s.Append(Invariant, $"<text x=\"{N(x + (w / 2))}\" y=\"{top + (barHeight / 2)}\" dy=\"0.35em\" text-anchor=\"middle\" fill=\"#fff\" font-weight=\"600\">{count}</text>");
            }

            x += w;
        }

        if (total == 0)
        {
            s.Append(Invariant, $"<rect x=\"{left}\" y=\"{top}\" width=\"{N(plotWidth)}\" height=\"{barHeight}\" fill=\"none\" stroke=\"{Grid}\" />");
        }

        var slot = plotWidth / columns;
        for (var i = 0; i < segments.Count; i++)
        {
            var (label, count, colour) = segments[i];
            var lx = left + (i * slot);
            s.Append(Invariant, $"<rect x=\"{N(lx)}\" y=\"{legendTop - 9}\" width=\"10\" height=\"10\" fill=\"{colour}\" />");
            s.Append(Invariant, $"<text x=\"{N(lx + 14)}\" y=\"{legendTop}\">{Escape.Xml(label)}: {count}</text>");
        }

        return Close(s);
    }

    /// <summary>A top of the scale above <paramref name="max"/> and a step of 1, 2 or 5 times a power of ten (at least 1: counts are whole), about four steps.</summary>
    internal static (double Max, double Step) Scale(int max)
    {
        var m = Math.Max(1, max);
        var rough = m / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var norm = rough / magnitude;
        var step = Math.Max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude);
        return (Math.Ceiling(m / step) * step, step);
    }

    private static StringBuilder Open(string id, string title, string description, int height) =>
        new StringBuilder(4096).Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif\" font-size=\"11\" fill=\"{Ink}\">" +
            $"<title id=\"{id}-title\">{Escape.Xml(title)}</title><desc id=\"{id}-desc\">{Escape.Xml(description)}</desc>");

    private static string Close(StringBuilder s) => s.Append("</svg>").ToString();

    private static void YAxis(StringBuilder s, int left, int top, double plotWidth, double plotHeight, double max, double step, Func<double, string> label)
    {
        for (var v = 0.0; v <= max + (step / 2); v += step)
        {
            var y = top + plotHeight - (v / max * plotHeight);
            s.Append(Invariant, $"<line x1=\"{left}\" y1=\"{N(y)}\" x2=\"{N(left + plotWidth)}\" y2=\"{N(y)}\" stroke=\"{(v == 0 ? Ink : Grid)}\" stroke-width=\"1\" />");
            s.Append(Invariant, $"<text x=\"{left - 6}\" y=\"{N(y)}\" dy=\"0.35em\" text-anchor=\"end\">{label(v)}</text>");
        }
    }

    /// <summary>A label under a bar, on two lines when it is long and has a space.</summary>
    private static void Label(StringBuilder s, string label, double x, double y)
    {
        var split = label.Length > 14 ? label.LastIndexOf(' ', label.Length / 2 + 3) : -1;
        if (split <= 0)
        {
            s.Append(Invariant, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"middle\">{Escape.Xml(label)}</text>");
            return;
        }

        s.Append(Invariant, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"middle\"><tspan x=\"{N(x)}\">{Escape.Xml(label[..split])}</tspan><tspan x=\"{N(x)}\" dy=\"1.2em\">{Escape.Xml(label[(split + 1)..])}</tspan></text>");
    }

    /// <summary>A coordinate or figure in invariant culture, at most two decimals.</summary>
    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
