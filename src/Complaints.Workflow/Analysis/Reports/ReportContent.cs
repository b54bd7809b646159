using System.Globalization;
using Complaints.Improvement;
using Complaints.Policy;

namespace Complaints.Analysis.Reports;

/// <summary>A part of the report: a heading, a paragraph, an optional chart (SVG, for HTML only) and tables.</summary>
internal sealed record ReportPart(string Id, string Title, string? Text, IReadOnlyList<ReportTable> Tables, string? Svg = null, string? Empty = null);

/// <summary>What every renderer renders: the heading lines and the parts, with every word already chosen.</summary>
internal sealed record ReportDocument(
    string Title,
    string Language,
    string Period,
    string ShowTable,
    IReadOnlyList<(string Label, string Value)> Meta,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ReportPart> Parts);

/// <summary>Turns a <see cref="PeriodReport"/> into the tables every format shows, so the formats cannot disagree.</summary>
internal static class ReportContent
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ReportDocument Build(PeriodReport report)
    {
        ArgumentNullException.ThrowIfNull(report.Analysis);
        var a = report.Analysis;
        var l = report.Labels ?? ReportLabels.English;
        var q = a.Query;

        var parts = new List<ReportPart>
        {
            Summary(a, l),
            Trend(a, l),
            Breakdowns(a, l),
            RootCauses(a, l),
            Recurrence(a, l),
            Deadlines(a, l),
            Times(a, l),
            Escalations(a, l),
            Remedies(a, l),
            Satisfaction(a, l),
            Rewards(a, l),
            Departments(a, l),
        };
        if (report.CorrectiveActions is { } actions)
        {
            parts.Add(CorrectiveActions(actions, l));
        }

        report.Validate(parts.SelectMany(p => p.Tables).Select(t => t.Name));
        for (var i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            parts.Add(new ReportPart(string.Create(Invariant, $"section-{i + 1}"), section.Title, section.Text, section.Tables ?? []));
        }

        var meta = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(report.Organisation))
        {
            meta.Add((l["meta.organisation"], report.Organisation));
        }

        meta.Add((l["meta.pack"], q.Pack ?? l["meta.allPacks"]));
        meta.Add((l["meta.period"], Period(q)));
        var filters = new List<string>();
        if (q.Department is { } department)
        {
            filters.Add($"{l["filter.department"]} {department.Value}");
        }

        if (q.Category is { } category)
        {
            filters.Add($"{l["filter.category"]} {category}");
        }

        if (q.Severity is { } severity)
        {
            filters.Add($"{l["filter.severity"]} {l.Of(severity)}");
        }

        if (q.Channel is { } channel)
        {
            filters.Add($"{l["filter.channel"]} {l.Of(channel)}");
        }

        if (filters.Count > 0)
        {
            meta.Add((l["meta.filter"], string.Join(", ", filters)));
        }

        meta.Add((l["meta.interval"], l.Of(q.Interval)));
        meta.Add((l["meta.asOf"], Instant(q.AsOf, q.Offset)));
        meta.Add((l["meta.generatedAt"], Instant(report.GeneratedAt, q.Offset)));

        var notes = new List<string> { l["meta.privacy"], l["meta.durations"] };
        return new ReportDocument(report.Title ?? l["report.title"], l.Language, Period(q), l["chart.showTable"], meta, notes, parts);
    }

    /// <summary>The period in the query's offset: dates (the end inclusive) when both ends are local midnights, else times.</summary>
    public static string Period(AnalysisQuery q)
    {
        var from = q.From.ToOffset(q.Offset);
        var to = q.To.ToOffset(q.Offset);
        return from.TimeOfDay == TimeSpan.Zero && to.TimeOfDay == TimeSpan.Zero && to > from
            ? string.Create(Invariant, $"{from:yyyy-MM-dd} – {to.AddDays(-1):yyyy-MM-dd}")
            : string.Create(Invariant, $"{from:yyyy-MM-dd HH:mm} – {to:yyyy-MM-dd HH:mm} ({Utc(q.Offset)})");
    }

    public static string Instant(DateTimeOffset instant, TimeSpan offset) =>
        string.Create(Invariant, $"{instant.ToOffset(offset):yyyy-MM-dd HH:mm} {Utc(offset)}");

    private static string Utc(TimeSpan offset) => offset == TimeSpan.Zero
        ? "UTC"
        : string.Create(Invariant, $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}");

    /// <summary>A trend bucket's label: its start date, or its month.</summary>
    public static string Bucket(TrendPoint point, TrendInterval interval) => interval == TrendInterval.Month
        ? point.Start.ToString("yyyy-MM", Invariant)
        : point.Start.ToString("yyyy-MM-dd", Invariant);

    private static double? Share(int part, int whole) => whole > 0 ? (double)part / whole : null;

    private static ReportCell[] Row(params ReportCell[] cells) => cells;

    private static ReportPart Summary(PeriodAnalysis a, ReportLabels l)
    {
        int onTime = 0, due = 0;
        foreach (var d in a.Deadlines)
        {
            onTime += d.MetOnTime;
            due += d.MetOnTime + d.MetLate + d.Missed;
        }

        var rows = new List<IReadOnlyList<ReportCell>>
        {
            Row(ReportCell.Of(l["summary.received"]), ReportCell.Count(a.Received), ReportCell.Percent(null)),
            Row(ReportCell.Of(l["summary.open"]), ReportCell.Count(a.Open), ReportCell.Percent(Share(a.Open, a.Received))),
            Row(ReportCell.Of(l["summary.closed"]), ReportCell.Count(a.Closed), ReportCell.Percent(Share(a.Closed, a.Received))),
            Row(ReportCell.Of(l["summary.escalated"]), ReportCell.Count(a.Escalated), ReportCell.Percent(Share(a.Escalated, a.Received))),
            Row(ReportCell.Of(l["summary.onTime"]), ReportCell.Count(onTime), ReportCell.Percent(Share(onTime, due))),
            Row(ReportCell.Of(l["summary.acknowledge"]), ReportCell.Duration(a.TimeToAcknowledge.Median, l), ReportCell.Percent(null)),
            Row(ReportCell.Of(l["summary.resolve"]), ReportCell.Duration(a.TimeToResolve.Median, l), ReportCell.Percent(null)),
            Row(ReportCell.Of(l["summary.satisfied"]), ReportCell.Percent(a.Satisfaction.SatisfiedShare), ReportCell.Percent(null)),
        };

        // The value column mixes counts, durations and shares: its CSV header says so by the figure's name.
        var table = new ReportTable("summary", l["summary.title"],
            [new ReportColumn(l["col.figure"]), new ReportColumn(l["col.value"], true), new ReportColumn(l["col.share"], true, l["col.percent"])],
            rows);
        return new ReportPart("summary", l["summary.title"], a.Received == 0 ? l["empty"] : null, [table]);
    }

    private static ReportPart Trend(PeriodAnalysis a, ReportLabels l)
    {
        var interval = l.Of(a.Query.Interval);
        var points = a.Trend.Select(p => (Label: Bucket(p, a.Query.Interval), Value: p.Received)).ToArray();
        var table = new ReportTable("trend", l["trend.title"],
            [new ReportColumn(l["col.start"]), new ReportColumn(l["col.cases"], true)],
            [.. points.Select(p => Row(ReportCell.Of(p.Label), ReportCell.Count(p.Value)))]);
        string? svg = null;
        if (points.Length > 0)
        {
            var top = points.MaxBy(p => p.Value);
            var description = string.Format(Invariant, l["trend.desc"], interval, points.Length, points[0].Label, points[^1].Label, top.Value, top.Label) + " " + l["chart.table"];
            svg = SvgCharts.Trend("chart-trend", string.Format(Invariant, l["trend.chart"], interval), description, points);
        }

        return new ReportPart("trend", l["trend.title"], null, [table], svg);
    }

    private static ReportPart Breakdowns(PeriodAnalysis a, ReportLabels l)
    {
        ReportTable Table(string name, string title, string column, IReadOnlyList<CountRow> rows, Func<string, string> label, string none) =>
            new(name, l[title], [new ReportColumn(l[column]), new ReportColumn(l["col.cases"], true), new ReportColumn(l["col.share"], true, l["col.percent"])],
                [.. rows.Select(r => Row(ReportCell.Of(r.Key is null ? l[none] : label(r.Key)), ReportCell.Count(r.Count), ReportCell.Percent(Share(r.Count, a.Received))))]);

        return new ReportPart("breakdowns", l["breakdowns.title"], null,
        [
            Table("by-state", "byState.title", "col.state", a.ByState, k => l.Named(nameof(ComplaintState), k), "none"),
            Table("by-category", "byCategory.title", "col.category", a.ByCategory, k => k, "none.category"),
            Table("by-department", "byDepartment.title", "col.department", a.ByDepartment, k => k, "none.department"),
            Table("by-severity", "bySeverity.title", "col.severity", a.BySeverity, k => l.Named(nameof(Severity), k), "none.severity"),
            Table("by-channel", "byChannel.title", "col.channel", a.ByChannel, k => l.Named(nameof(Channel), k), "none"),
            Table("by-finding", "byFinding.title", "col.finding", a.ByFinding, k => l.Named(nameof(FindingOutcome), k), "none.finding"),
        ]);
    }

    private static ReportPart RootCauses(PeriodAnalysis a, ReportLabels l)
    {
        var table = new ReportTable("root-causes", l["rootCauses.title"],
            [
                new ReportColumn(l["col.cause"]), new ReportColumn(l["col.cases"], true),
                new ReportColumn(l["col.share"], true, l["col.percent"]), new ReportColumn(l["col.cumulative"], true, l["col.cumulativePercent"]),
            ],
            [.. a.RootCauses.Select(r => Row(ReportCell.Of(l.Of(r.Cause)), ReportCell.Count(r.Count), ReportCell.Percent(r.Share), ReportCell.Percent(r.CumulativeShare)))]);
        string? svg = null;
        if (a.RootCauses.Count > 0)
        {
            var first = a.RootCauses[0];
            var description = string.Format(Invariant, l["rootCauses.desc"], l.Of(first.Cause), ReportCell.Percent(first.Share).Text) + " " + l["chart.table"];
            svg = SvgCharts.Pareto("chart-root-causes", l["rootCauses.title"], description,
                [.. a.RootCauses.Select(r => (l.Of(r.Cause), r.Count, r.CumulativeShare))]);
        }

        return new ReportPart("root-causes", l["rootCauses.title"], l["rootCauses.text"], [table], svg, a.RootCauses.Count == 0 ? l["rootCauses.empty"] : null);
    }

    private static ReportPart Recurrence(PeriodAnalysis a, ReportLabels l)
    {
        var r = a.Recurrence;
        var table = new ReportTable("recurrence", l["recurrence.title"],
            [new ReportColumn(l["col.repeat"]), new ReportColumn(l["col.cases"], true), new ReportColumn(l["col.share"], true, l["col.percent"])],
            [
                Row(ReportCell.Of(l["recurrence.complainant"]), ReportCell.Count(r.SameComplainant), ReportCell.Percent(Share(r.SameComplainant, a.Received))),
                Row(ReportCell.Of(l["recurrence.subject"]), ReportCell.Count(r.SameSubject), ReportCell.Percent(Share(r.SameSubject, a.Received))),
                Row(ReportCell.Of(l["recurrence.cause"]), ReportCell.Count(r.SameCause), ReportCell.Percent(Share(r.SameCause, a.Received))),
            ]);
        return new ReportPart("recurrence", l["recurrence.title"], string.Format(Invariant, l["recurrence.text"], r.Days), [table]);
    }

    private static ReportPart Deadlines(PeriodAnalysis a, ReportLabels l)
    {
        var table = new ReportTable("deadlines", l["deadlines.title"],
            [
                new ReportColumn(l["col.deadline"]), new ReportColumn(l["col.metOnTime"], true), new ReportColumn(l["col.metLate"], true),
                new ReportColumn(l["col.missed"], true), new ReportColumn(l["col.pending"], true), new ReportColumn(l["col.dropped"], true),
                new ReportColumn(l["col.onTimeRate"], true, l["col.onTimeRatePercent"]),
            ],
            [
                .. a.Deadlines.Select(d => Row(
                    ReportCell.Of(l.Of(d.Kind)), ReportCell.Count(d.MetOnTime), ReportCell.Count(d.MetLate), ReportCell.Count(d.Missed),
                    ReportCell.Count(d.Pending), ReportCell.Count(d.Dropped), ReportCell.Percent(d.OnTimeRate))),
            ]);
        return new ReportPart("deadlines", l["deadlines.title"], l["deadlines.text"], [table]);
    }

    private static ReportPart Times(PeriodAnalysis a, ReportLabels l)
    {
        ReportCell[] Line(string key, DurationFigures f) =>
            Row(ReportCell.Of(l[key]), ReportCell.Count(f.Count), ReportCell.Duration(f.Median, l), ReportCell.Duration(f.P90, l));

        var table = new ReportTable("times", l["times.title"],
            [
                new ReportColumn(l["col.measure"]), new ReportColumn(l["col.cases"], true),
                new ReportColumn(l["col.median"], true, l["col.medianHours"]), new ReportColumn(l["col.p90"], true, l["col.p90Hours"]),
            ],
            [Line("times.acknowledge", a.TimeToAcknowledge), Line("times.resolve", a.TimeToResolve)]);
        return new ReportPart("times", l["times.title"], l["meta.durations"], [table]);
    }

    private static ReportPart Escalations(PeriodAnalysis a, ReportLabels l)
    {
        var table = new ReportTable("escalations", l["escalations.title"],
            [new ReportColumn(l["col.figure"]), new ReportColumn(l["col.cases"], true), new ReportColumn(l["col.share"], true, l["col.percent"])],
            [Row(ReportCell.Of(l["escalations.escalated"]), ReportCell.Count(a.Escalated), ReportCell.Percent(Share(a.Escalated, a.Received)))]);
        return new ReportPart("escalations", l["escalations.title"], null, [table]);
    }

    private static ReportPart Remedies(PeriodAnalysis a, ReportLabels l)
    {
        var table = new ReportTable("remedies", l["remedies.title"],
            [new ReportColumn(l["col.remedy"]), new ReportColumn(l["col.cases"], true), new ReportColumn(l["col.total"], true)],
            [.. a.Remedies.Select(r => Row(ReportCell.Of(l.Of(r.Kind)), ReportCell.Count(r.Count), ReportCell.Amounts(r.Totals)))]);
        return new ReportPart("remedies", l["remedies.title"], null, [table], null, a.Remedies.Count == 0 ? l["remedies.empty"] : null);
    }

    private static ReportPart Satisfaction(PeriodAnalysis a, ReportLabels l)
    {
        var s = a.Satisfaction;
        var table = new ReportTable("satisfaction", l["satisfaction.title"],
            [new ReportColumn(l["col.level"]), new ReportColumn(l["col.cases"], true), new ReportColumn(l["col.share"], true, l["col.percent"])],
            [.. s.ByLevel.Select(r => Row(ReportCell.Of(l.Of(r.Level)), ReportCell.Count(r.Count), ReportCell.Percent(Share(r.Count, s.Surveyed))))]);
        var text = string.Format(Invariant, l["satisfaction.text"], s.Surveyed.ToString("N0", Invariant), ReportCell.Percent(s.SatisfiedShare).Text);
        return new ReportPart("satisfaction", l["satisfaction.title"], text, [table]);
    }

    private static ReportPart Rewards(PeriodAnalysis a, ReportLabels l)
    {
        var rewards = new ReportTable("rewards", l["rewards.table"],
            [new ReportColumn(l["col.figure"]), new ReportColumn(l["col.cases"], true)],
            [
                Row(ReportCell.Of(l["rewards.decided"]), ReportCell.Count(a.Rewards.Decided)),
                Row(ReportCell.Of(l["rewards.eligible"]), ReportCell.Count(a.Rewards.Eligible)),
            ]);
        var sanctions = new ReportTable("sanctions", l["sanctions.table"],
            [new ReportColumn(l["col.sanction"]), new ReportColumn(l["col.count"], true), new ReportColumn(l["col.total"], true)],
            [.. a.Sanctions.Select(s => Row(ReportCell.Of(l.Of(s.Kind)), ReportCell.Count(s.Count), ReportCell.Amounts(s.Totals)))]);
        return new ReportPart("rewards", l["rewards.title"], a.Sanctions.Count == 0 ? l["sanctions.empty"] : null, [rewards, sanctions]);
    }

    private static ReportPart Departments(PeriodAnalysis a, ReportLabels l)
    {
        string Name(DepartmentId? d) => d is { } id ? id.Value : l["none.department"];

        var table = new ReportTable("departments", l["departments.title"],
            [
                new ReportColumn(l["col.department"]), new ReportColumn(l["col.received"], true), new ReportColumn(l["col.open"], true),
                new ReportColumn(l["col.closed"], true), new ReportColumn(l["col.overdue"], true),
                new ReportColumn(l["col.onTimeRate"], true, l["col.onTimeRatePercent"]),
                new ReportColumn(l["col.medianResolve"], true, l["col.medianResolveHours"]),
            ],
            [
                .. a.Departments.Select(d => Row(
                    ReportCell.Of(Name(d.Department)), ReportCell.Count(d.Received), ReportCell.Count(d.Open), ReportCell.Count(d.Closed),
                    ReportCell.Count(d.Overdue), ReportCell.Percent(d.OnTimeRate), ReportCell.Duration(d.MedianTimeToResolve, l))),
            ]);
        string? svg = null;
        if (a.Departments.Count > 0)
        {
            var description = string.Format(Invariant, l["departments.desc"], a.Departments.Count) + " " + l["chart.table"];
            svg = SvgCharts.RateBars("chart-departments", l["departments.chart"], description,
                [.. a.Departments.Select(d => (Name(d.Department), d.OnTimeRate))], l["departments.noDeadlines"]);
        }

        return new ReportPart("departments", l["departments.title"], null, [table], svg);
    }

    private static ReportPart CorrectiveActions(CorrectiveActionFigures f, ReportLabels l)
    {
        string Name(DepartmentId? d) => d is { } id ? id.Value : l["none.department"];
        var offset = f.Query.Offset;

        var summary = new ReportTable("corrective-actions", l["capa.table"],
            [new ReportColumn(l["col.figure"]), new ReportColumn(l["capa.col.actions"], true)],
            [
                Row(ReportCell.Of(l["capa.proposed"]), ReportCell.Count(f.Proposed)),
                Row(ReportCell.Of(l["capa.awaitingApproval"]), ReportCell.Count(f.AwaitingApproval)),
                Row(ReportCell.Of(l["capa.inProgress"]), ReportCell.Count(f.InProgress)),
                Row(ReportCell.Of(l["capa.overdue"]), ReportCell.Count(f.Overdue)),
                Row(ReportCell.Of(l["capa.awaitingVerification"]), ReportCell.Count(f.AwaitingVerification)),
                Row(ReportCell.Of(l["capa.verificationOverdue"]), ReportCell.Count(f.VerificationOverdue)),
                Row(ReportCell.Of(l["capa.verified"]), ReportCell.Count(f.VerifiedEffective)),
                Row(ReportCell.Of(l["capa.ineffective"]), ReportCell.Count(f.FoundIneffective)),
                Row(ReportCell.Of(l["capa.declined"]), ReportCell.Count(f.Declined)),
                Row(ReportCell.Of(l["capa.cancelled"]), ReportCell.Count(f.Cancelled)),
            ]);
        var departments = new ReportTable("corrective-actions-departments", l["capa.departments"],
            [
                new ReportColumn(l["col.department"]), new ReportColumn(l["capa.col.proposed"], true), new ReportColumn(l["capa.col.open"], true),
                new ReportColumn(l["capa.col.overdue"], true), new ReportColumn(l["capa.col.awaitingVerification"], true),
                new ReportColumn(l["capa.col.verified"], true), new ReportColumn(l["capa.col.ineffective"], true),
            ],
            [
                .. f.Departments.Select(d => Row(
                    ReportCell.Of(Name(d.Department)), ReportCell.Count(d.Proposed), ReportCell.Count(d.Open), ReportCell.Count(d.Overdue),
                    ReportCell.Count(d.AwaitingVerification), ReportCell.Count(d.VerifiedEffective), ReportCell.Count(d.FoundIneffective))),
            ]);
        var list = new ReportTable("corrective-actions-open", l["capa.list"],
            [
                new ReportColumn(l["capa.col.title"]), new ReportColumn(l["col.cause"]), new ReportColumn(l["col.department"]),
                new ReportColumn(l["capa.col.owner"]), new ReportColumn(l["capa.col.state"]), new ReportColumn(l["capa.col.due"]),
                new ReportColumn(l["capa.col.overdueFlag"]),
            ],
            [
                .. f.Actions.Select(a => Row(
                    ReportCell.Of(a.Title), ReportCell.Of(l.Of(a.RootCause)), ReportCell.Of(Name(a.Department)), ReportCell.Of(a.Owner.Value),
                    ReportCell.Of(l.Of(a.State)),
                    new ReportCell(a.DueAt.ToOffset(offset).ToString("yyyy-MM-dd", Invariant), a.DueAt.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant)),
                    ReportCell.Of(a.Overdue ? l["capa.yes"] : l["capa.no"]))),
            ]);

        string? svg = null;
        var running = f.Open + f.AwaitingVerification;
        if (running > 0)
        {
            (string Label, int Count, string Colour)[] segments =
            [
                (l["capa.seg.onTime"], f.Open - f.Overdue, "#1f5f99"),
                (l["capa.seg.overdue"], f.Overdue, "#b03a2e"),
                (l["capa.seg.verification"], f.AwaitingVerification - f.VerificationOverdue, "#5b7f95"),
                (l["capa.seg.verificationOverdue"], f.VerificationOverdue, "#b7791f"),
            ];
            var description = string.Format(Invariant, l["capa.desc"], running, string.Join("; ", segments.Select(g => string.Create(Invariant, $"{g.Label} {g.Count}"))))
                + " " + l["chart.table"];
            svg = SvgCharts.StackedBar("chart-corrective-actions", l["capa.chart"], description, segments);
        }

        return new ReportPart("corrective-actions", l["capa.title"], l["capa.text"], [summary, departments, list], svg, f.IsEmpty ? l["capa.empty"] : null);
    }
}
