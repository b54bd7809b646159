using System.Globalization;

namespace Complaints.Analysis.Reports;

/// <summary>
/// A section of a <see cref="PeriodReport"/> beyond the built-in ones (e.g. corrective actions): a heading, an optional
/// paragraph and tables. Every format renders it after the built-in sections: a Markdown heading and tables, an HTML
/// section and tables, and one CSV file per table.
/// </summary>
/// <param name="Title">The heading.</param>
/// <param name="Tables">The tables, in order.</param>
public sealed record ReportSection(string Title, IReadOnlyList<ReportTable> Tables)
{
    /// <summary>A paragraph under the heading (plain text; every format escapes it).</summary>
    public string? Text { get; init; }
}

/// <summary>A table of a report: the same rows in every format.</summary>
/// <param name="Name">
/// The table's name: lower-case ASCII letters, digits and hyphens (e.g. <c>corrective-actions</c>), unique in the report;
/// the CSV file is <c>NAME.csv</c> and the HTML table's id is <c>NAME</c>.
/// </param>
/// <param name="Title">The caption shown above the table.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Header">The header shown in Markdown and HTML.</param>
/// <param name="Numeric">Whether the column holds figures (right-aligned).</param>
/// <param name="CsvHeader">The header in CSV when it differs, e.g. with the unit of the plain values (<c>Median (hours)</c>).</param>
public sealed record ReportColumn(string Header, bool Numeric = false, string? CsvHeader = null);

/// <summary>A cell of a <see cref="ReportTable"/>.</summary>
/// <param name="Text">What Markdown and HTML show, e.g. <c>83.3%</c> or <c>2.5 d</c>.</param>
/// <param name="Value">
/// What CSV holds when it differs: a plain invariant-culture number a spreadsheet reads (<c>83.3</c>, <c>60.0</c>), or
/// empty; <see langword="null"/> for <paramref name="Text"/>.
/// </param>
public sealed record ReportCell(string Text, string? Value = null)
{
    /// <summary>A text cell (a name, a label).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static ReportCell Of(string text) => new(text ?? string.Empty);

    /// <summary>A count: <c>1,234</c> shown, <c>1234</c> in CSV.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The cell.</returns>
    public static ReportCell Count(int count) =>
        new(count.ToString("N0", CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture));

    /// <summary>A share: <c>83.3%</c> shown, <c>83.3</c> (percent) in CSV; <c>–</c> and empty when there is none.</summary>
    /// <param name="share">The share, 0 to 1, or <see langword="null"/>.</param>
    /// <returns>The cell.</returns>
    public static ReportCell Percent(double? share) => share is { } s
        ? new(string.Create(CultureInfo.InvariantCulture, $"{s * 100:0.0}%"), string.Create(CultureInfo.InvariantCulture, $"{s * 100:0.0}"))
        : new("–", string.Empty);

    /// <summary>
    /// A duration in units people read: hours below two days (<c>5.5 h</c>), days from then on (<c>3.2 d</c>), with the
    /// units of <paramref name="labels"/>; hours in CSV (<c>5.5</c>, <c>76.8</c>); <c>–</c> and empty when there is none.
    /// Durations are elapsed time, not working time.
    /// </summary>
    /// <param name="duration">The duration, or <see langword="null"/>.</param>
    /// <param name="labels">The labels (for the units).</param>
    /// <returns>The cell.</returns>
    public static ReportCell Duration(TimeSpan? duration, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (duration is not { } d)
        {
            return new("–", string.Empty);
        }

        var hours = string.Create(CultureInfo.InvariantCulture, $"{d.TotalHours:0.0}");
        var text = d.TotalHours < 48
            ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalHours:0.0} {labels["unit.hours"]}")
            : string.Create(CultureInfo.InvariantCulture, $"{d.TotalDays:0.0} {labels["unit.days"]}");
        return new(text, hours);
    }

    /// <summary>Sums of money, one per currency: <c>1,200.00 CNY; 50.00 EUR</c> shown, <c>1200.00 CNY; 50.00 EUR</c> in CSV; <c>–</c> and empty when none.</summary>
    /// <param name="totals">The sums.</param>
    /// <returns>The cell.</returns>
    public static ReportCell Amounts(IReadOnlyList<Money> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Count == 0)
        {
            return new("–", string.Empty);
        }

        return new(
            string.Join("; ", totals.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Amount:N2} {m.Currency}"))),
            string.Join("; ", totals.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Amount:0.00} {m.Currency}"))));
    }

    /// <summary>What CSV holds: <see cref="Value"/>, else <see cref="Text"/>.</summary>
    internal string CsvText => Value ?? Text;
}

/// <summary>One CSV file of a report (<see cref="PeriodReport.ToCsv"/>).</summary>
/// <param name="Name">The file name: the table's name and <c>.csv</c>, e.g. <c>root-causes.csv</c>.</param>
/// <param name="Content">
/// RFC 4180 text: a header row, then one record per row, CRLF line ends. Write it as UTF-8 with a byte-order mark so
/// that spreadsheet programs read non-ASCII text (e.g. Chinese labels) correctly.
/// </param>
public sealed record CsvFile(string Name, string Content);
