using System.Globalization;
using System.Text.RegularExpressions;

namespace Complaints.Analysis.Reports;

/// <summary>
/// A report of a <see cref="PeriodAnalysis"/> that people look at: rendered as Markdown (<see cref="ToMarkdown"/>), as
/// one self-contained HTML page with SVG charts (<see cref="ToHtml"/>: the page a quality manager takes to the meeting,
/// printable on A4) and as CSV for spreadsheets (<see cref="ToCsv"/>: one file per table). Every format holds the same
/// tables; the words come from <see cref="Labels"/>. Like the analysis, a report holds counts and durations, never a
/// complainant's identity; every text from the data (categories, department ids) is escaped in every format.
/// </summary>
/// <remarks>
/// The sections, in order: summary; cases received over time (trend); breakdowns by state, category, department,
/// severity tier, channel and finding; root causes (Pareto); recurrence; deadlines kept per kind; time to acknowledge
/// and to resolve (median and 90th percentile); escalations; remedies and their cost; satisfaction at follow-up;
/// rewards and sanctions; per-department figures for the weekly meeting; corrective actions (when
/// <see cref="CorrectiveActions"/> is set); then <see cref="Sections"/>.
/// </remarks>
public sealed partial record PeriodReport
{
    /// <summary>The report's title (the page's heading).</summary>
    public required string Title { get; init; }

    /// <summary>The organisation the report is for, shown under the title; <see langword="null"/> for none.</summary>
    public string? Organisation { get; init; }

    /// <summary>When the report was made (from the host's <see cref="TimeProvider"/>; shown in the query's offset).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The figures.</summary>
    public required PeriodAnalysis Analysis { get; init; }

    /// <summary>The words of the report.</summary>
    /// <value>The default value is <see cref="ReportLabels.English"/>.</value>
    public ReportLabels Labels { get; init; } = ReportLabels.English;

    /// <summary>
    /// The corrective and preventive actions of the period (<see cref="Workflow.ComplaintAnalysis.CorrectiveActionsAsync"/>),
    /// rendered as the section "Corrective actions" after the per-department figures: where the actions stand (with a bar
    /// of the running ones in HTML), per department, and the list of open and overdue actions. <see langword="null"/>
    /// (the default, e.g. when the host keeps no actions) leaves the section out. The figures must be for the period,
    /// filter and as-of time of <see cref="Analysis"/> (compute both with the same query), or rendering is refused.
    /// </summary>
    public Improvement.CorrectiveActionFigures? CorrectiveActions { get; init; }

    /// <summary>
    /// Sections after the built-in ones (a host's own figures); every format renders them.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>A report of <paramref name="analysis"/> made now.</summary>
    /// <param name="analysis">The figures.</param>
    /// <param name="timeProvider">The clock that says when the report was made.</param>
    /// <param name="labels">The words; <see langword="null"/> for <see cref="ReportLabels.English"/>.</param>
    /// <param name="title">The title; <see langword="null"/> for the labels' <c>report.title</c>.</param>
    /// <param name="organisation">The organisation, if any.</param>
    /// <returns>The report.</returns>
    public static PeriodReport Create(PeriodAnalysis analysis, TimeProvider timeProvider, ReportLabels? labels = null, string? title = null, string? organisation = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(timeProvider);
        labels ??= ReportLabels.English;
        return new PeriodReport
        {
            Title = title ?? labels["report.title"],
            Organisation = organisation,
            GeneratedAt = timeProvider.GetUtcNow(),
            Analysis = analysis,
            Labels = labels,
        };
    }

    /// <summary>The report as Markdown (GitHub-flavoured tables), for a wiki, an issue or an e-mail.</summary>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ComplaintValidationException">A section of <see cref="Sections"/> is malformed, or <see cref="CorrectiveActions"/> is for another period, filter or as-of time than <see cref="Analysis"/> (the error names it).</exception>
    public string ToMarkdown() => MarkdownRenderer.Render(ReportContent.Build(this));

    /// <summary>
    /// The report as one self-contained HTML page (well-formed XHTML syntax): inline CSS, no script and no external
    /// resource (a Content-Security-Policy says so), inline SVG charts (the trend, the root-cause Pareto with its
    /// cumulative line, the on-time rate by department), each with a title and a description and the table of its
    /// figures beside it; A4 print styles.
    /// </summary>
    /// <returns>The page, to be written as UTF-8.</returns>
    /// <exception cref="ComplaintValidationException">A section of <see cref="Sections"/> is malformed, or <see cref="CorrectiveActions"/> is for another period, filter or as-of time than <see cref="Analysis"/> (the error names it).</exception>
    public string ToHtml() => HtmlRenderer.Render(ReportContent.Build(this));

    /// <summary>
    /// The report as CSV, one RFC 4180 file per table (a header row, then a record per row, every record of a file with
    /// the same fields): figures as plain invariant-culture numbers (shares in percent, durations in hours, as the
    /// headers say); a field holding a comma, a quote or a line break is quoted; a text field starting with <c>=</c>,
    /// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe so that a spreadsheet does not
    /// run it as a formula.
    /// </summary>
    /// <returns>The files, in the order of the report's tables.</returns>
    /// <exception cref="ComplaintValidationException">A section of <see cref="Sections"/> is malformed, or <see cref="CorrectiveActions"/> is for another period, filter or as-of time than <see cref="Analysis"/> (the error names it).</exception>
    public IReadOnlyList<CsvFile> ToCsv() => CsvRenderer.Render(ReportContent.Build(this));

    /// <summary>Checks the extra sections (names well formed and unique, one cell per column) and that the corrective action figures are for the analysis' query.</summary>
    internal void Validate(IEnumerable<string> builtInNames)
    {
        var errors = new List<ValidationError>();
        if (CorrectiveActions is { Query: var actions } && Analysis?.Query is { } cases &&
            (actions.From != cases.From || actions.To != cases.To || actions.AsOf != cases.AsOf || actions.Pack != cases.Pack ||
             actions.Department != cases.Department || actions.Category != cases.Category))
        {
            errors.Add(new ValidationError(
                "CorrectiveActions.Query",
                "The corrective action figures are for another period, filter or as-of time than the analysis: compute both with the same AnalysisQuery."));
        }

        var names = new HashSet<string>(builtInNames, StringComparer.Ordinal);
        for (var s = 0; s < Sections.Count; s++)
        {
            var section = Sections[s];
            if (section is null)
            {
                errors.Add(new ValidationError($"Sections[{s}]", "The section is null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(section.Title))
            {
                errors.Add(new ValidationError($"Sections[{s}].Title", "Give the section a title."));
            }

            for (var t = 0; t < (section.Tables?.Count ?? 0); t++)
            {
                var table = section.Tables![t];
                var field = $"Sections[{s}].Tables[{t}]";
                if (table?.Columns is null || table.Rows is null)
                {
                    errors.Add(new ValidationError(field, "The table, its columns and its rows must not be null."));
                    continue;
                }

                if (table.Name is null || !TableName().IsMatch(table.Name))
                {
                    errors.Add(new ValidationError(field + ".Name", $"'{table.Name}' is not a table name: use lower-case ASCII letters, digits and hyphens (it names the CSV file)."));
                }
                else if (!names.Add(table.Name))
                {
                    errors.Add(new ValidationError(field + ".Name", $"'{table.Name}' is the name of another table of the report: table names are unique (they name the CSV files)."));
                }

                if (table.Columns.Count == 0)
                {
                    errors.Add(new ValidationError(field + ".Columns", "A table needs at least one column."));
                }

                for (var r = 0; r < table.Rows.Count; r++)
                {
                    if (table.Rows[r] is not { } row || row.Count != table.Columns.Count || row.Any(c => c is null))
                    {
                        errors.Add(new ValidationError($"{field}.Rows[{r}]", string.Create(CultureInfo.InvariantCulture, $"The row needs one cell per column ({table.Columns.Count}), none null.")));
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ComplaintValidationException(errors);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
