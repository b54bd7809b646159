using System.Globalization;
using Complaints.Analysis;
using Complaints.Policy;
using Complaints.Ports;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// The analytics contract: what every store's <see cref="IComplaintAnalytics"/> must compute, as xunit v3 tests. The
/// figures of a fixture are checked against numbers counted by hand from it (each with a comment saying why), and the
/// store's figures against the reference computation <see cref="PeriodAnalysis.Compute"/> for many queries, for cases
/// driven through a real <see cref="Workflow.ComplaintService"/> and for a few hundred generated cases. The built-in
/// stores (in memory, SQLite, PostgreSQL) all pass it.
/// </summary>
/// <remarks>
/// To run it against your own store, derive a class from it in an xunit v3 test project that references
/// Complaints.Testing, and override <see cref="CreateEmptyStoreAsync"/> to return a new, empty store (the test class
/// disposes of what it made). The store computes the figures if it implements <see cref="IComplaintAnalytics"/>;
/// otherwise override <see cref="AnalyticsOf"/>.
/// </remarks>
public abstract partial class ComplaintAnalyticsContract
{
    /// <summary>A new store with no case in it; the test class disposes what it made when the test ends.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IComplaintStore> CreateEmptyStoreAsync();

    /// <summary>What computes the figures of <paramref name="store"/>: the store itself by default.</summary>
    /// <param name="store">A store made by <see cref="CreateEmptyStoreAsync"/>.</param>
    /// <returns>Its analytics.</returns>
    protected virtual IComplaintAnalytics AnalyticsOf(IComplaintStore store) =>
        store as IComplaintAnalytics ?? throw new InvalidOperationException(
            $"{store?.GetType().Name} does not implement IComplaintAnalytics: implement it, or override AnalyticsOf to say what computes its figures.");

    // The fixture's month as a query: March 2026 UTC by week, as of 31 March 12:00, no filter.
    private static AnalysisQuery MarchQuery => new() { From = March, To = April, AsOf = AsOf };

    private async Task<(IComplaintAnalytics Analytics, Seeded Seeded)> FixtureAsync()
    {
        var store = await CreateEmptyStoreAsync();
        var seeded = await SeedFixtureAsync(store);
        return (AnalyticsOf(store), seeded);
    }

    private static double? R(double? value) => value is { } v ? Math.Round(v, 12) : null;

    // ---- Hand-counted figures of the fixture ----------------------------------------------------------------------

    /// <summary>Analyse, the fixture's month: counts the cohort and breaks it down by state, category, department, tier, channel and finding.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_CountsAndBreaksDownTheCohort()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        a.Query.Should().Be(MarchQuery);

        // C0 … C11: C0 at exactly From is in, N1 at exactly To and P1 … P7 before the period are out.
        a.Received.Should().Be(12);

        // Closed: C1, C2, C5, C8, C11. Final also: C0 (redirected) and C4 (withdrawn); open: C3, C6, C7, C9, C10.
        a.Closed.Should().Be(5);
        a.Open.Should().Be(5);

        // Count descending, then key ordinally.
        a.ByState.Should().Equal(
            new CountRow("Closed", 5), new CountRow("Triaged", 2), new CountRow("FollowUp", 1), new CountRow("Investigating", 1),
            new CountRow("Received", 1), new CountRow("Redirected", 1), new CountRow("Withdrawn", 1));

        // general: C0, C7, C10, C11; conduct: C3, C4; delivery: C2, C6; product-quality: C1, C9; billing: C8; repair-quality: C5.
        a.ByCategory.Should().Equal(
            new CountRow("general", 4), new CountRow("conduct", 2), new CountRow("delivery", 2), new CountRow("product-quality", 2),
            new CountRow("billing", 1), new CountRow("repair-quality", 1));

        // customer-service: C0, C3, C4, C10, C11; after-sales: C1, C5, C9; logistics: C2, C6; finance: C8; C7 not routed, last.
        a.ByDepartment.Should().Equal(
            new CountRow("customer-service", 5), new CountRow("after-sales", 3), new CountRow("logistics", 2), new CountRow("finance", 1), new CountRow(null, 1));

        // General: C2, C4, C6, C9, C10; Minor: C0, C3, C7, C11; Serious: C1, C5; Major: C8.
        a.BySeverity.Should().Equal(new CountRow("General", 5), new CountRow("Minor", 4), new CountRow("Serious", 2), new CountRow("Major", 1));

        // Two each by e-mail (C2, C9), phone (C1, C5), suggestion box (C3, C4), walk-in (C7, C11); one each by chat, hotline, letter, online form.
        a.ByChannel.Should().Equal(
            new CountRow("Email", 2), new CountRow("Phone", 2), new CountRow("SuggestionBox", 2), new CountRow("WalkIn", 2),
            new CountRow("Chat", 1), new CountRow("Hotline", 1), new CountRow("Letter", 1), new CountRow("OnlineForm", 1));

        // Substantiated: C1, C5, C6, C9; not: C4, C8; partly: C2; no findings (last, though the largest): C0, C3, C7, C10, C11.
        a.ByFinding.Should().Equal(
            new CountRow("Substantiated", 4), new CountRow("NotSubstantiated", 2), new CountRow("PartlySubstantiated", 1), new CountRow(null, 5));

        // C1, C5 (level 2) and C9.
        a.Escalated.Should().Be(3);
    }

    /// <summary>Analyse, the fixture's month by week: one point per week from the Monday before the first day, empty weeks included.</summary>
    [Fact]
    public async Task Analyse_FixtureMonthByWeek_TrendHasEveryWeekFromMonday()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // 1 March 2026 is a Sunday: its week starts on Monday 23 February. The last instant (31 March) is in the week of 30 March.
        a.Trend.Should().Equal(
            new TrendPoint(new DateTimeOffset(2026, 2, 23, 0, 0, 0, TimeSpan.Zero), 1), // C0
            new TrendPoint(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 3),  // C1, C2, C3
            new TrendPoint(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), 3),  // C4, C5, C6
            new TrendPoint(new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.Zero), 2), // C7, C11
            new TrendPoint(new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.Zero), 2), // C8, C9
            new TrendPoint(new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), 1)); // C10
    }

    /// <summary>Analyse, the fixture's month by month in China's time: buckets start at local midnight and carry the offset.</summary>
    [Fact]
    public async Task Analyse_FixtureMonthByMonthAtPlusEight_BucketsStartAtLocalMidnight()
    {
        var (analytics, _) = await FixtureAsync();
        var eight = TimeSpan.FromHours(8);

        var a = await analytics.AnalyseAsync(MarchQuery with { Interval = TrendInterval.Month, Offset = eight });

        // From is 08:00 on 1 March in China, the last instant 07:59 on 1 April. C10 (23:30 UTC on 31 March) is in April there;
        // P4 (23:00 UTC on 28 February, 07:00 on 1 March in China) falls in March's bucket but is not in the cohort.
        a.Trend.Should().Equal(new TrendPoint(new DateTimeOffset(2026, 3, 1, 0, 0, 0, eight), 11), new TrendPoint(new DateTimeOffset(2026, 4, 1, 0, 0, 0, eight), 1));
        a.Trend.Should().OnlyContain(p => p.Start.Offset == eight);
        a.Received.Should().Be(12);
    }

    /// <summary>Analyse, one UTC day by day in China's time: spans two local days, the first empty.</summary>
    [Fact]
    public async Task Analyse_OneDayByDayAtPlusEight_SpansTwoLocalDays()
    {
        var (analytics, _) = await FixtureAsync();
        var eight = TimeSpan.FromHours(8);

        var a = await analytics.AnalyseAsync(MarchQuery with { From = At(3, 31, 0), Interval = TrendInterval.Day, Offset = eight });

        // [31 March 00:00, 1 April 00:00) UTC is 08:00 on 31 March to 07:59 on 1 April in China; only C10 (07:30 on 1 April there).
        a.Received.Should().Be(1);
        a.Trend.Should().Equal(new TrendPoint(new DateTimeOffset(2026, 3, 31, 0, 0, 0, eight), 0), new TrendPoint(new DateTimeOffset(2026, 4, 1, 0, 0, 0, eight), 1));
    }

    /// <summary>Analyse, the fixture's month: the root-cause Pareto orders causes by count, then name, with exact shares.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_RootCauseParetoOrdersByCountThenName()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // Seven cases have findings: ProductDefect C1, C5; ProcessGap C2, C6; Undetermined C8, C9; CustomerMisunderstanding C4.
        // Ties of two in ordinal order of the name: "ProcessGap" < "ProductDefect" < "Undetermined".
        a.RootCauses.Select(r => (r.Cause, r.Count, R(r.Share), R(r.CumulativeShare))).Should().Equal(
            (RootCause.ProcessGap, 2, R(2.0 / 7), R(2.0 / 7)),
            (RootCause.ProductDefect, 2, R(2.0 / 7), R(4.0 / 7)),
            (RootCause.Undetermined, 2, R(2.0 / 7), R(6.0 / 7)),
            (RootCause.CustomerMisunderstanding, 1, R(1.0 / 7), 1.0));
    }

    /// <summary>Analyse, the fixture's month: recurrence finds earlier cases of the same pack by complainant, subject and cause within 90 days.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_RecurrenceLooksBackNinetyDaysWithinThePack()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // Complainant: C0 (Wu, P4 an hour before), C1 (Zhang, P1 46 days before), C2 (Wang's e-mail in other case and spaces, P2
        // exactly 90 days before), C5 (Zhang's customer id with a trailing space, C1), C7 (Chen, P3 of the same hospital pack),
        // C9 (Zhou's phone digits, C6). Not: C8 (P6 is 90 days and a tick before), C11 (a four-digit phone is no key), C3/C4 (anonymous).
        // Subject: C0 (P4's installation), C1 (P1's brake pads), C2 (P2's delivery), C4 (nurse-7 by staff id, C3), C6 (delivery, C2),
        // C9 (brake pads, C1), C10 (parking, C11 earlier in the period). Not C7: brake pads only under the generic pack.
        // Cause: C1 (after-sales product defect, P1), C2 (logistics process gap, P2), C5 (after-sales product defect, C1), C6
        // (logistics process gap, C2). Not C9 nor C8: an undetermined cause never matches.
        a.Recurrence.Should().Be(new RecurrenceFigures(90, 6, 7, 4));
    }

    /// <summary>Analyse, the fixture's month with shorter look-backs: fewer earlier cases are in reach.</summary>
    [Fact]
    public async Task Analyse_FixtureMonthWithShorterLookBacks_FindsOnlyTheCasesInReach()
    {
        var (analytics, _) = await FixtureAsync();

        var thirty = await analytics.AnalyseAsync(MarchQuery with { RecurrenceDays = 30 });
        var one = await analytics.AnalyseAsync(MarchQuery with { RecurrenceDays = 1 });

        // 30 days: complainant C0 (1 h), C5 (9 d), C7 (26 d), C9 (13 d); subject C0, C4 (6 d), C6 (9 d), C9 (23 d), C10 (11.5 d);
        // cause C5 (9 d), C6 (9 d). C1 (46 d) and C2 (90 d) are out of reach.
        thirty.Recurrence.Should().Be(new RecurrenceFigures(30, 4, 5, 2));

        // One day: only C0, an hour after P4, by complainant and subject.
        one.Recurrence.Should().Be(new RecurrenceFigures(1, 1, 1, 0));
    }

    /// <summary>Analyse, the fixture's month: every deadline kind has a row, met on time, late, missed, pending or dropped.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_CountsHowEachKindOfDeadlineWasKept()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        a.Deadlines.Select(d => (d.Kind, d.MetOnTime, d.MetLate, d.Missed, d.Pending, d.Dropped, R(d.OnTimeRate))).Should().Equal(
            // On time: C1, C2, C4, C5 (twice: it was reopened), C8, C9; late: C6 (25 h for 24); missed: C3, C7; pending: C10 (due after the as-of time).
            (DeadlineKind.Acknowledge, 7, 1, 2, 1, 0, R(7.0 / 10)),
            (DeadlineKind.Propose, 0, 0, 0, 0, 0, (double?)null),
            // On time: C2, C6, C8 (met at the very time due); late: C1, C5; pending: C3, C9; dropped: C4 (withdrawn).
            (DeadlineKind.Resolve, 3, 2, 0, 2, 1, R(3.0 / 5)),
            // On time: C8; dropped: C5 (closed without it). N1's acknowledgement after the period is not counted.
            (DeadlineKind.NotifyResult, 1, 0, 0, 0, 1, 1.0),
            // Missed: C6 (still in follow-up).
            (DeadlineKind.FollowUp, 0, 0, 1, 0, 0, 0.0));
    }

    /// <summary>Analyse, the fixture's month: times to acknowledge and to resolve have nearest-rank medians and 90th percentiles.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_TimesToAcknowledgeAndResolveAreNearestRank()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // Acknowledged: C9 15 min, C5 30 min (its earliest of two), C1 1 h, C2 1 h, C4 1 h, C8 2 h, C6 25 h: 7 cases;
        // the median is rank ⌈3.5⌉ = 4 (1 h), the 90th percentile rank ⌈6.3⌉ = 7 (25 h).
        a.TimeToAcknowledge.Should().Be(new DurationFigures(7, TimeSpan.FromHours(1), TimeSpan.FromHours(25)));

        // Closed: C11 30 min, C2 2 d, C1 7 d, C8 7 d, C5 9 d: median rank ⌈2.5⌉ = 3 (7 d), 90th percentile rank ⌈4.5⌉ = 5 (9 d).
        a.TimeToResolve.Should().Be(new DurationFigures(5, TimeSpan.FromDays(7), TimeSpan.FromDays(9)));
    }

    /// <summary>Analyse, the fixture's month: remedies by kind with their totals per currency.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_SumsRemediesPerKindAndCurrency()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // Apology: C6, C11 (no amount); replacement: C1 800 CNY; refund: C5 1,200.50 CNY; compensation: C2 300 CNY, C9 99.99 USD.
        a.Remedies.Select(r => (r.Kind, r.Count)).Should().Equal(
            (RemedyKind.Apology, 2), (RemedyKind.Replacement, 1), (RemedyKind.Refund, 1), (RemedyKind.Compensation, 2));
        a.Remedies[0].Totals.Should().BeEmpty();
        a.Remedies[1].Totals.Should().Equal(new Money(800, "CNY"));
        a.Remedies[2].Totals.Should().Equal(new Money(1200.50m, "CNY"));
        a.Remedies[3].Totals.Should().Equal(new Money(300, "CNY"), new Money(99.99m, "USD"));
    }

    /// <summary>Analyse, the fixture's month: satisfaction is each case's last follow-up by time, the later in the list on a tie.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_SatisfactionIsEachCasesLastFollowUp()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // C1: satisfied on 12 March (listed before the dissatisfied call of 10 March); C2: two calls at the same time, the
        // later in the list very satisfied; C5 neutral; C8 unreachable.
        a.Satisfaction.Surveyed.Should().Be(4);
        a.Satisfaction.ByLevel.Should().Equal(
            new SatisfactionCount(Satisfaction.VeryDissatisfied, 0), new SatisfactionCount(Satisfaction.Dissatisfied, 0),
            new SatisfactionCount(Satisfaction.Neutral, 1), new SatisfactionCount(Satisfaction.Satisfied, 1),
            new SatisfactionCount(Satisfaction.VerySatisfied, 1), new SatisfactionCount(Satisfaction.Unreachable, 1));

        // Reached: 3 (not C8); satisfied or very: C1, C2.
        a.Satisfaction.SatisfiedShare.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    /// <summary>Analyse, the fixture's month: rewards are read from each case's last closure, sanctions from the assessments in force.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_CountsRewardsOfLastClosuresAndSanctionsInForce()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        // C5: first closure not eligible, last eligible; C8: not eligible. C11's first closure had a reward, its last none.
        a.Rewards.Should().Be(new RewardFigures(2, 1));

        // C5: tech-1's proposal (a warning) is replaced by its confirmation (a warning and a 200 CNY fine). C8: cashier-2 assessed
        // twice (the id differently written) counts once — a demerit and a 500 CNY fine; clerk-9 a 100 USD fine; clerk-10's
        // dismissal is only proposed. P1's dismissal is before the period.
        a.Sanctions.Select(s => (s.Kind, s.Count)).Should().Equal((SanctionKind.Warning, 1), (SanctionKind.Demerit, 1), (SanctionKind.Fine, 3));
        a.Sanctions[0].Totals.Should().BeEmpty();
        a.Sanctions[1].Totals.Should().BeEmpty();
        a.Sanctions[2].Totals.Should().Equal(new Money(700, "CNY"), new Money(100, "USD"));
    }

    /// <summary>Analyse, the fixture's month: one row per department for the weekly meeting, the cases not routed last.</summary>
    [Fact]
    public async Task Analyse_FixtureMonth_GivesEachDepartmentsFigures()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery);

        a.Departments.Select(d => (d.Department?.Value, d.Received, d.Open, d.Closed, d.Overdue, R(d.OnTimeRate), d.MedianTimeToResolve)).Should().Equal(
            // C0 redirected, C3 and C10 open, C4 withdrawn, C11 closed in 30 min. Overdue: C3 (acknowledgement missed; C10's is
            // pending). Deadlines: C4's acknowledgement on time, C3's missed (pending and dropped ones are not due).
            ("customer-service", 5, 2, 1, 1, 0.5, (TimeSpan?)TimeSpan.FromMinutes(30)),
            // C1 and C5 closed (7 d, 9 d: median rank 1), C9 open with nothing missed. On time 4 (three acknowledgements and C9's), late 2 (C1's and C5's resolution).
            ("after-sales", 3, 1, 2, 0, R(4.0 / 6), TimeSpan.FromDays(7)),
            // C2 closed in 2 d, C6 open with its follow-up missed. On time 3 (C2 twice, C6's resolution), late 1, missed 1.
            ("logistics", 2, 1, 1, 1, 0.6, TimeSpan.FromDays(2)),
            // C8 closed in 7 d, its three deadlines on time.
            ("finance", 1, 0, 1, 0, 1.0, TimeSpan.FromDays(7)),
            // C7, not routed: open, its acknowledgement missed.
            ((string?)null, 1, 1, 0, 1, 0.0, (TimeSpan?)null));
    }

    // ---- Filters ---------------------------------------------------------------------------------------------------

    /// <summary>Analyse, each filter: selects the cohort, while recurrence still looks outside the filter.</summary>
    [Fact]
    public async Task Analyse_EachFilter_SelectsTheCohortButRecurrenceLooksOutsideIt()
    {
        var (analytics, _) = await FixtureAsync();

        var afterSales = await analytics.AnalyseAsync(MarchQuery with { Department = new DepartmentId("After-Sales") });
        var hospital = await analytics.AnalyseAsync(MarchQuery with { Pack = "hospital" });
        var phone = await analytics.AnalyseAsync(MarchQuery with { Channel = Channel.Phone });
        var conduct = await analytics.AnalyseAsync(MarchQuery with { Category = "conduct" });
        var minor = await analytics.AnalyseAsync(MarchQuery with { Severity = Severity.Minor });
        var both = await analytics.AnalyseAsync(MarchQuery with { Pack = "generic", Severity = Severity.Minor, Channel = Channel.WalkIn });
        var nothing = await analytics.AnalyseAsync(MarchQuery with { Category = "CONDUCT" });

        // C1, C5, C9; C9's complainant repeats C6 of logistics, outside the filter. Subject: C1, C9; cause: C1, C5.
        afterSales.Received.Should().Be(3);
        afterSales.Recurrence.Should().Be(new RecurrenceFigures(90, 3, 2, 2));
        afterSales.Departments.Should().ContainSingle().Which.Department.Should().Be(new DepartmentId("after-sales"));
        afterSales.Sanctions.Select(s => (s.Kind, s.Count)).Should().Equal((SanctionKind.Warning, 1), (SanctionKind.Fine, 1));

        // C7 only: Chen repeats P3 of the same pack; brake pads were complained of only under the generic pack.
        hospital.Received.Should().Be(1);
        hospital.Recurrence.Should().Be(new RecurrenceFigures(90, 1, 0, 0));
        hospital.ByDepartment.Should().Equal(new CountRow(null, 1));

        // C1 and C5: both escalated; C5's reward eligible.
        phone.Received.Should().Be(2);
        phone.Escalated.Should().Be(2);
        phone.Rewards.Should().Be(new RewardFigures(1, 1));

        // C3 (open) and C4 (withdrawn): C3's resolution pending, C4's dropped.
        conduct.Received.Should().Be(2);
        conduct.Open.Should().Be(1);
        conduct.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).Should().Be(new DeadlineFigures(DeadlineKind.Resolve, 0, 0, 0, 1, 1));

        // C0, C3, C7, C11: only C11 closed, in 30 minutes.
        minor.Received.Should().Be(4);
        minor.TimeToResolve.Should().Be(new DurationFigures(1, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)));

        // Generic, minor, walk-in: C11 only (C7 is walk-in and minor but of the hospital pack).
        both.Received.Should().Be(1);
        both.ByState.Should().Equal(new CountRow("Closed", 1));

        // Categories are compared ordinally.
        nothing.Received.Should().Be(0);
    }

    /// <summary>Analyse, a period without cases: zeros, empty rows, and a trend of empty buckets.</summary>
    [Fact]
    public async Task Analyse_EmptyPeriod_GivesZerosAndEmptyBuckets()
    {
        var (analytics, _) = await FixtureAsync();
        var from = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var a = await analytics.AnalyseAsync(new AnalysisQuery { From = from, To = from.AddMonths(1), AsOf = from });

        a.Received.Should().Be(0);
        a.Open.Should().Be(0);
        a.Closed.Should().Be(0);

        // Friday 1 January 2027 is in the week of Monday 28 December; Sunday 31 January in the week of 25 January.
        a.Trend.Select(p => (p.Start.Month, p.Start.Day, p.Received)).Should().Equal((12, 28, 0), (1, 4, 0), (1, 11, 0), (1, 18, 0), (1, 25, 0));
        a.ByState.Should().BeEmpty();
        a.ByCategory.Should().BeEmpty();
        a.ByDepartment.Should().BeEmpty();
        a.BySeverity.Should().BeEmpty();
        a.ByChannel.Should().BeEmpty();
        a.ByFinding.Should().BeEmpty();
        a.RootCauses.Should().BeEmpty();
        a.Recurrence.Should().Be(new RecurrenceFigures(90, 0, 0, 0));
        a.Deadlines.Should().Equal(Enum.GetValues<DeadlineKind>().Select(k => new DeadlineFigures(k, 0, 0, 0, 0, 0)));
        a.Deadlines.Should().OnlyContain(d => d.OnTimeRate == null);
        a.TimeToAcknowledge.Should().Be(new DurationFigures(0, null, null));
        a.TimeToResolve.Should().Be(new DurationFigures(0, null, null));
        a.Escalated.Should().Be(0);
        a.Remedies.Should().BeEmpty();
        a.Satisfaction.Surveyed.Should().Be(0);
        a.Satisfaction.ByLevel.Should().Equal(Enum.GetValues<Satisfaction>().Select(l => new SatisfactionCount(l, 0)));
        a.Satisfaction.SatisfiedShare.Should().BeNull();
        a.Rewards.Should().Be(new RewardFigures(0, 0));
        a.Sanctions.Should().BeEmpty();
        a.Departments.Should().BeEmpty();
    }

    /// <summary>Analyse, an empty store: every figure is empty.</summary>
    [Fact]
    public async Task Analyse_EmptyStore_HasNoCases()
    {
        var store = await CreateEmptyStoreAsync();

        var a = await AnalyticsOf(store).AnalyseAsync(MarchQuery);

        a.Received.Should().Be(0);
        a.Trend.Should().HaveCount(6).And.OnlyContain(p => p.Received == 0);
        a.Departments.Should().BeEmpty();
    }

    // ---- Validation --------------------------------------------------------------------------------------------------

    /// <summary>Analyse, an invalid query: throws a validation error naming the field.</summary>
    /// <param name="field">The field at fault.</param>
    [Theory]
    [InlineData("AnalysisQuery.To")]
    [InlineData("AnalysisQuery.RecurrenceDays")]
    [InlineData("AnalysisQuery.Interval")]
    [InlineData("AnalysisQuery.Offset")]
    [InlineData("AnalysisQuery.Severity")]
    [InlineData("AnalysisQuery.Channel")]
    [InlineData("AnalysisQuery.Pack")]
    [InlineData("AnalysisQuery.Category")]
    [InlineData("AnalysisQuery.From")]
    public async Task Analyse_InvalidQuery_ThrowsNamingTheField(string field)
    {
        var analytics = AnalyticsOf(await CreateEmptyStoreAsync());
        var query = field switch
        {
            "AnalysisQuery.To" => MarchQuery with { To = March },
            "AnalysisQuery.RecurrenceDays" => MarchQuery with { RecurrenceDays = 0 },
            "AnalysisQuery.Interval" => MarchQuery with { Interval = (TrendInterval)7 },
            "AnalysisQuery.Offset" => MarchQuery with { Offset = TimeSpan.FromHours(5.5).Add(TimeSpan.FromSeconds(1)) },
            "AnalysisQuery.Severity" => MarchQuery with { Severity = (Severity)42 },
            "AnalysisQuery.Channel" => MarchQuery with { Channel = (Channel)42 },
            "AnalysisQuery.Pack" => MarchQuery with { Pack = " " },
            "AnalysisQuery.Category" => MarchQuery with { Category = "" },
            _ => MarchQuery with { From = DateTimeOffset.MinValue },
        };

        var act = () => analytics.AnalyseAsync(query);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
    }

    /// <summary>Analyse, limits: the most buckets, the longest look-back and the widest offsets are allowed; one more is not.</summary>
    [Fact]
    public async Task Analyse_AtTheLimits_IsAllowedAndBeyondIsRefused()
    {
        var analytics = AnalyticsOf(await CreateEmptyStoreAsync());
        var thousandDays = MarchQuery with { To = March.AddDays(AnalysisQuery.MaxBuckets), Interval = TrendInterval.Day };

        (await analytics.AnalyseAsync(thousandDays)).Trend.Should().HaveCount(AnalysisQuery.MaxBuckets);
        (await analytics.AnalyseAsync(MarchQuery with { RecurrenceDays = 3650, Offset = TimeSpan.FromHours(14) })).Trend.Should().HaveCount(6);
        (await analytics.AnalyseAsync(MarchQuery with { Offset = TimeSpan.FromHours(-14) })).Trend[0].Start.Offset.Should().Be(TimeSpan.FromHours(-14));

        var tooMany = () => analytics.AnalyseAsync(thousandDays with { To = thousandDays.To.AddTicks(1) });
        var tooFar = () => analytics.AnalyseAsync(MarchQuery with { RecurrenceDays = 3651 });
        var tooWide = () => analytics.AnalyseAsync(MarchQuery with { Offset = TimeSpan.FromHours(14).Add(TimeSpan.FromMinutes(1)) });

        var error = (await tooMany.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("AnalysisQuery.Interval");
        error.Message.Should().Contain("1001").And.Contain(AnalysisQuery.MaxBuckets.ToString(CultureInfo.InvariantCulture));
        (await tooFar.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Single().Field.Should().Be("AnalysisQuery.RecurrenceDays");
        (await tooWide.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Single().Field.Should().Be("AnalysisQuery.Offset");
    }

    /// <summary>Analyse, a query with a pack that has no case: refers to no other pack's cases.</summary>
    [Fact]
    public async Task Analyse_UnknownPack_IsEmpty()
    {
        var (analytics, _) = await FixtureAsync();

        var a = await analytics.AnalyseAsync(MarchQuery with { Pack = "Generic" });

        a.Received.Should().Be(0, "packs are compared ordinally");
        a.Recurrence.Should().Be(new RecurrenceFigures(90, 0, 0, 0));
    }
}
