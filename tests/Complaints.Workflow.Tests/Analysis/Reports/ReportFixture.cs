using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Complaints.Policy;

namespace Complaints.Workflow.Tests.Analysis.Reports;

/// <summary>
/// A quarter's figures built by hand (Q1 2026 in China's offset), with the numbers the tests expect worked out in the
/// comments: 40 cases, 28 with findings, categories from users that try to inject HTML and spreadsheet formulas.
/// </summary>
internal static class ReportFixture
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public const string ScriptCategory = "<script>alert(1)</script>";

    public const string FormulaCategory = "=HYPERLINK(\"http://x\",\"pay\")";

    public static AnalysisQuery Quarter => new()
    {
        From = new DateTimeOffset(2026, 1, 1, 0, 0, 0, China),
        To = new DateTimeOffset(2026, 4, 1, 0, 0, 0, China),
        AsOf = new DateTimeOffset(2026, 4, 1, 9, 0, 0, China),
        Pack = "hospital",
        Interval = TrendInterval.Month,
        Offset = China,
    };

    public static PeriodAnalysis Analysis() => new()
    {
        Query = Quarter,
        Received = 40,
        Open = 6,
        Closed = 30,
        Trend =
        [
            new TrendPoint(new DateTimeOffset(2026, 1, 1, 0, 0, 0, China), 12),
            new TrendPoint(new DateTimeOffset(2026, 2, 1, 0, 0, 0, China), 8),
            new TrendPoint(new DateTimeOffset(2026, 3, 1, 0, 0, 0, China), 20),
        ],
        ByState = [new("Closed", 30), new("Investigating", 4), new("Withdrawn", 4), new("AwaitingApproval", 2)],
        ByCategory = [new("billing, fees", 18), new("service attitude", 12), new(FormulaCategory, 2), new(ScriptCategory, 1), new(null, 7)],
        ByDepartment = [new("finance", 20), new("medical-affairs", 13), new(null, 7)],
        BySeverity = [new("General", 25), new("Serious", 8), new(null, 7)],
        ByChannel = [new("Phone", 20), new("Email", 12), new("WalkIn", 8)],
        ByFinding = [new("Substantiated", 20), new("NotSubstantiated", 8), new(null, 12)],
        // 28 cases with findings: 14/28 = 50%, 7/28 = 25% (75%), 4/28 = 14.3% (89.3%), 3/28 = 10.7% (100%).
        RootCauses =
        [
            new ParetoRow(RootCause.StaffError, 14, 0.5, 0.5),
            new ParetoRow(RootCause.ProcessGap, 7, 0.25, 0.75),
            new ParetoRow(RootCause.ProductDefect, 4, 4 / 28.0, 25 / 28.0),
            new ParetoRow(RootCause.CustomerMisunderstanding, 3, 3 / 28.0, 1.0),
        ],
        Recurrence = new RecurrenceFigures(90, SameComplainant: 3, SameSubject: 5, SameCause: 2),
        // On time: 38/40 = 95.0%; none due; 27/(27+3+2) = 84.4%; none; 10/(10+0+1) = 90.9%. All kinds: 75/83 = 90.4%.
        Deadlines =
        [
            new DeadlineFigures(DeadlineKind.Acknowledge, 38, 2, 0, 0, 0),
            new DeadlineFigures(DeadlineKind.Propose, 0, 0, 0, 0, 0),
            new DeadlineFigures(DeadlineKind.Resolve, 27, 3, 2, 4, 4),
            new DeadlineFigures(DeadlineKind.NotifyResult, 0, 0, 0, 0, 0),
            new DeadlineFigures(DeadlineKind.FollowUp, 10, 0, 1, 2, 0),
        ],
        TimeToAcknowledge = new DurationFigures(40, TimeSpan.FromHours(3), TimeSpan.FromHours(20)),
        // 108 h = 4.5 days; 288 h = 12 days.
        TimeToResolve = new DurationFigures(30, TimeSpan.FromHours(108), TimeSpan.FromDays(12)),
        Escalated = 3,
        Remedies =
        [
            new RemedyFigures(RemedyKind.Apology, 10, []),
            new RemedyFigures(RemedyKind.Refund, 6, [new Money(1200.50m, "CNY")]),
            new RemedyFigures(RemedyKind.Compensation, 2, [new Money(3000m, "CNY"), new Money(50m, "EUR")]),
        ],
        // Reached: 20 - 2 unreachable = 18; satisfied or very: 12 → 66.7%.
        Satisfaction = new SatisfactionFigures(20,
        [
            new(Satisfaction.VeryDissatisfied, 1), new(Satisfaction.Dissatisfied, 2), new(Satisfaction.Neutral, 3),
            new(Satisfaction.Satisfied, 8), new(Satisfaction.VerySatisfied, 4), new(Satisfaction.Unreachable, 2),
        ]),
        Rewards = new RewardFigures(Decided: 2, Eligible: 1),
        Sanctions = [new SanctionFigures(SanctionKind.Warning, 1, []), new SanctionFigures(SanctionKind.Fine, 2, [new Money(300m, "CNY")])],
        Departments =
        [
            new DepartmentFigures(new DepartmentId("finance"), 20, 3, 16, 1, 0.9, TimeSpan.FromHours(72)),
            new DepartmentFigures(new DepartmentId("medical-affairs"), 13, 2, 9, 1, 0.6, TimeSpan.FromHours(30)),
            new DepartmentFigures(null, 7, 1, 5, 0, null, null),
        ],
    };

    /// <summary>A period without a case: every count zero, the trend's buckets empty.</summary>
    public static PeriodAnalysis Empty() => new()
    {
        Query = Quarter,
        Received = 0,
        Open = 0,
        Closed = 0,
        Trend =
        [
            new TrendPoint(new DateTimeOffset(2026, 1, 1, 0, 0, 0, China), 0),
            new TrendPoint(new DateTimeOffset(2026, 2, 1, 0, 0, 0, China), 0),
            new TrendPoint(new DateTimeOffset(2026, 3, 1, 0, 0, 0, China), 0),
        ],
        ByState = [],
        ByCategory = [],
        ByDepartment = [],
        BySeverity = [],
        ByChannel = [],
        ByFinding = [],
        RootCauses = [],
        Recurrence = new RecurrenceFigures(90, 0, 0, 0),
        Deadlines = [.. Enum.GetValues<DeadlineKind>().Select(k => new DeadlineFigures(k, 0, 0, 0, 0, 0))],
        TimeToAcknowledge = new DurationFigures(0, null, null),
        TimeToResolve = new DurationFigures(0, null, null),
        Escalated = 0,
        Remedies = [],
        Satisfaction = new SatisfactionFigures(0, [.. Enum.GetValues<Satisfaction>().Select(s => new SatisfactionCount(s, 0))]),
        Rewards = new RewardFigures(0, 0),
        Sanctions = [],
        Departments = [],
    };

    public static PeriodReport Report(PeriodAnalysis? analysis = null, ReportLabels? labels = null) => new()
    {
        Title = "Q1 2026 complaints",
        Organisation = "City Hospital",
        GeneratedAt = new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero),
        Analysis = analysis ?? Analysis(),
        Labels = labels ?? ReportLabels.English,
    };
}
