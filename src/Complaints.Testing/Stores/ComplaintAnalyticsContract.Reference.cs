using System.Globalization;
using Complaints.Analysis;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>The store's figures equal the reference computation's over the same cases, for every kind of query.</summary>
public abstract partial class ComplaintAnalyticsContract
{
    /// <summary>Analyse, every kind of query over the fixture: equals the reference computation.</summary>
    [Fact]
    public async Task Analyse_EveryKindOfQueryOverTheFixture_EqualsTheReference()
    {
        var (analytics, seeded) = await FixtureAsync();
        var eight = TimeSpan.FromHours(8);
        var queries = new Dictionary<string, AnalysisQuery>
        {
            ["month by week"] = MarchQuery,
            ["by day"] = MarchQuery with { Interval = TrendInterval.Day },
            ["by month"] = MarchQuery with { Interval = TrendInterval.Month },
            ["by day at +8"] = MarchQuery with { Interval = TrendInterval.Day, Offset = eight },
            ["by week at +8"] = MarchQuery with { Offset = eight },
            ["by week at -9:30"] = MarchQuery with { Offset = new TimeSpan(-9, -30, 0) },
            ["pack generic"] = MarchQuery with { Pack = "generic" },
            ["pack hospital"] = MarchQuery with { Pack = "hospital" },
            ["department logistics"] = MarchQuery with { Department = new DepartmentId("logistics") },
            ["category delivery"] = MarchQuery with { Category = "delivery" },
            ["severity serious"] = MarchQuery with { Severity = Severity.Serious },
            ["channel email"] = MarchQuery with { Channel = Channel.Email },
            ["every filter"] = MarchQuery with { Pack = "generic", Department = new DepartmentId("after-sales"), Category = "product-quality", Severity = Severity.Serious, Channel = Channel.Phone },
            ["as of the start"] = MarchQuery with { AsOf = March },
            ["as of next year"] = MarchQuery with { AsOf = March.AddYears(1) },
            ["look back a day"] = MarchQuery with { RecurrenceDays = 1 },
            ["look back ten years"] = MarchQuery with { RecurrenceDays = 3650 },
            ["the quarter"] = MarchQuery with { From = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Interval = TrendInterval.Month, Offset = eight },
            ["the winter"] = MarchQuery with { From = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), To = March },
            ["an empty year"] = MarchQuery with { From = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            ["one tick"] = MarchQuery with { From = At(3, 2, 9), To = At(3, 2, 9).AddTicks(1) },
        };

        foreach (var (name, query) in queries)
        {
            await ShouldEqualReferenceAsync(analytics, seeded, query, name);
        }
    }

    /// <summary>
    /// Analyse, the fixture written through the store's bulk saves (<see cref="IBulkComplaintStore.SaveManyAsync"/>, one
    /// change per call, as an import that resumes writes them): equals the reference computation — a bulk save writes
    /// every column a save writes, the reward of a closing change among them.
    /// </summary>
    [Fact]
    public async Task Analyse_FixtureWrittenThroughBulkSaves_EqualsTheReference()
    {
        var store = await CreateEmptyStoreAsync();
        if (store is not IBulkComplaintStore bulk)
        {
            Assert.Skip("The store has no bulk saves (IBulkComplaintStore).");
            return;
        }

        var seeded = await SeedFixtureAsync(new SavingInBulk(store, bulk));
        var analytics = AnalyticsOf(store);

        await ShouldEqualReferenceAsync(analytics, seeded, MarchQuery, "month by week, written in bulk");
        await ShouldEqualReferenceAsync(analytics, seeded, MarchQuery with { From = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero) }, "from December, written in bulk");
        (await analytics.AnalyseAsync(MarchQuery)).Rewards.Should().Be(new RewardFigures(2, 1), "the closures' rewards are written by bulk saves too");
    }

    /// <summary>A store whose saves go through <see cref="IBulkComplaintStore.SaveManyAsync"/>.</summary>
    private sealed class SavingInBulk(IComplaintStore inner, IBulkComplaintStore bulk) : IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) => bulk.SaveManyAsync([change], cancellationToken);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
    }

    /// <summary>Analyse, cases driven through the workflow with the generic pack: equals the reference computation.</summary>
    [Fact]
    public async Task Analyse_CasesDrivenThroughTheWorkflow_EqualTheReference()
    {
        var store = await CreateEmptyStoreAsync();
        var h = new StoreHarness(store);
        var ids = new List<ComplaintId>();
        async Task<ComplaintId> Drive(ComplaintState state, ComplaintBuilder? complaint = null, RemedyProposal? remedy = null)
        {
            var id = await h.DriveToAsync(state, complaint, remedy: remedy);
            ids.Add(id);
            h.Time.Advance(TimeSpan.FromHours(7));
            return id;
        }

        var closed = await Drive(ComplaintState.Closed);
        var report = await Drive(ComplaintState.Closed, A.Complaint().OfKind(ComplaintKind.Report).Via(Channel.OnlineForm).From("Sun Li", new ContactDetails(Email: "sun@example.cn")).AboutStaff("clerk-4", "finance"));
        await h.DoAsync(report, StoreHarness.GeneralManager, new AssessAccountability(A.Handler("clerk-4", "finance"), Misconduct.LateHandling));
        await Drive(ComplaintState.Investigating, A.Complaint().Via(Channel.Phone).AboutProduct("Brake pads"));
        h.Time.Advance(TimeSpan.FromDays(3));
        var large = await Drive(ComplaintState.Closed, A.Complaint().AboutProduct("brake pads").Claiming(20_000), A.Remedy(RemedyKind.Refund, 6_000));
        await Drive(ComplaintState.Rejected, A.Complaint().Anonymous());
        await Drive(ComplaintState.Withdrawn);
        await Drive(ComplaintState.Redirected, A.Complaint().Via(Channel.Letter));
        var waiting = await Drive(ComplaintState.AwaitingCustomer, A.Complaint().From("Zhou Min", new ContactDetails(Phone: "139 1111 2222")));
        await h.DoAsync(waiting, StoreHarness.Coordinator, new Escalate("Called the hotline twice."));
        await Drive(ComplaintState.FollowUp, A.Complaint().Via(Channel.Hotline).AboutService("Delivery"));
        h.Time.Advance(TimeSpan.FromDays(10));
        await Drive(ComplaintState.Triaged, A.Complaint().AboutService("Delivery"));
        await h.DoAsync(closed, StoreHarness.Coordinator, new Reopen("The customer called again."));
        await h.DriveOnAsync(closed, ComplaintState.Closed);
        await h.DoAsync(large, StoreHarness.Coordinator, new Reopen("The refund did not arrive."));
        h.Time.Advance(TimeSpan.FromDays(20));

        var cases = new List<Complaint>();
        var journals = new Dictionary<ComplaintId, IReadOnlyList<JournalEntry>>();
        foreach (var id in ids)
        {
            cases.Add(await h.StoredAsync(id));
            journals[id] = await h.JournalAsync(id);
        }

        var seeded = new Seeded(cases, journals);
        var now = h.Time.GetUtcNow();
        var all = new AnalysisQuery { From = StoreHarness.Start, To = now, AsOf = now };
        cases.Should().Contain(c => c.Deadlines.Any(d => d.MetAt == null) && !c.IsFinal, "some deadlines are missed");
        journals.Values.SelectMany(j => j).Select(e => e.Event).Should().Contain(e => e is AccountabilityAssessed).And.Contain(e => e is ComplaintClosed && ((ComplaintClosed)e).Reward != null);
        var analytics = AnalyticsOf(store);
        foreach (var (name, query) in new Dictionary<string, AnalysisQuery>
        {
            ["all by week"] = all,
            ["all by day at +8"] = all with { Interval = TrendInterval.Day, Offset = TimeSpan.FromHours(8) },
            ["as of the start"] = all with { AsOf = StoreHarness.Start },
            ["the first three days"] = all with { To = StoreHarness.Start.AddDays(3), Interval = TrendInterval.Day },
            ["pack generic"] = all with { Pack = "generic" },
            ["channel email"] = all with { Channel = Channel.Email },
        })
        {
            await ShouldEqualReferenceAsync(analytics, seeded, query, name);
        }
    }

    /// <summary>Analyse, two hundred generated cases: equals the reference computation for every kind of query.</summary>
    [Fact]
    public async Task Analyse_GeneratedCases_EqualTheReference()
    {
        var store = await CreateEmptyStoreAsync();
        var seeded = await SeedGeneratedAsync(store, seed: 17, count: 200);
        var analytics = AnalyticsOf(store);
        var winter = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var spring = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var quarter = new AnalysisQuery { From = winter, To = spring, AsOf = new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero) };
        var queries = new Dictionary<string, AnalysisQuery>
        {
            ["quarter by week"] = quarter,
            ["quarter by month at +8, generic"] = quarter with { Interval = TrendInterval.Month, Offset = TimeSpan.FromHours(8), Pack = "generic" },
            ["February by day at -5, finance, 30 days back"] = quarter with
            {
                From = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), To = March, Interval = TrendInterval.Day, Offset = TimeSpan.FromHours(-5),
                Department = new DepartmentId("finance"), RecurrenceDays = 30,
            },
            ["quarter, billing, general"] = quarter with { Category = "billing", Severity = Severity.General },
            ["quarter, by phone"] = quarter with { Channel = Channel.Phone },
            ["everything by month, ten years back"] = quarter with
            {
                From = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
                Interval = TrendInterval.Month, RecurrenceDays = 3650, AsOf = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
            },
            ["a day at +5:45, a day back"] = quarter with { From = March, To = March.AddDays(1), Interval = TrendInterval.Day, Offset = new TimeSpan(5, 45, 0), RecurrenceDays = 1 },
            ["hospital, as of the end"] = quarter with { Pack = "hospital", AsOf = spring },
        };

        foreach (var (name, query) in queries)
        {
            await ShouldEqualReferenceAsync(analytics, seeded, query, name);
        }
    }

    private static async Task ShouldEqualReferenceAsync(IComplaintAnalytics analytics, Seeded seeded, AnalysisQuery query, string name)
    {
        var expected = seeded.Reference(query);

        var actual = await analytics.AnalyseAsync(query);

        actual.Query.Should().Be(query, "the figures of query '{0}' say which query they answer", name);
        Lines(actual).Should().Equal(Lines(expected), "the figures of query '{0}' are the reference's", name);
    }

    // The figures as lines of text, one fact a line: compared line by line, a difference names the figure. Shares and
    // rates are rounded to 12 significant digits, amounts written without trailing zeros, durations in ticks, bucket
    // starts with their offset.
    private static List<string> Lines(PeriodAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var lines = new List<string> { $"Received {a.Received}", $"Open {a.Open}", $"Closed {a.Closed}", $"Escalated {a.Escalated}" };
        lines.AddRange(a.Trend.Select(p => $"Trend {p.Start:O} {p.Received}"));
        void Rows(string name, IReadOnlyList<CountRow> rows) => lines.AddRange(rows.Select(r => $"{name} {r.Key ?? "(none)"} {r.Count}"));
        Rows("ByState", a.ByState);
        Rows("ByCategory", a.ByCategory);
        Rows("ByDepartment", a.ByDepartment);
        Rows("BySeverity", a.BySeverity);
        Rows("ByChannel", a.ByChannel);
        Rows("ByFinding", a.ByFinding);
        lines.AddRange(a.RootCauses.Select(r => $"RootCause {r.Cause} {r.Count} {D(r.Share)} {D(r.CumulativeShare)}"));
        lines.Add($"Recurrence {a.Recurrence.Days} complainant {a.Recurrence.SameComplainant} subject {a.Recurrence.SameSubject} cause {a.Recurrence.SameCause}");
        lines.AddRange(a.Deadlines.Select(d => $"Deadline {d.Kind} on time {d.MetOnTime} late {d.MetLate} missed {d.Missed} pending {d.Pending} dropped {d.Dropped} rate {D(d.OnTimeRate)}"));
        lines.Add($"TimeToAcknowledge {T(a.TimeToAcknowledge)}");
        lines.Add($"TimeToResolve {T(a.TimeToResolve)}");
        lines.AddRange(a.Remedies.Select(r => $"Remedy {r.Kind} {r.Count} {M(r.Totals)}"));
        lines.Add($"Satisfaction surveyed {a.Satisfaction.Surveyed} share {D(a.Satisfaction.SatisfiedShare)}");
        lines.AddRange(a.Satisfaction.ByLevel.Select(l => $"Satisfaction {l.Level} {l.Count}"));
        lines.Add($"Rewards decided {a.Rewards.Decided} eligible {a.Rewards.Eligible}");
        lines.AddRange(a.Sanctions.Select(s => $"Sanction {s.Kind} {s.Count} {M(s.Totals)}"));
        lines.AddRange(a.Departments.Select(d =>
            $"Department {d.Department?.Value ?? "(none)"} received {d.Received} open {d.Open} closed {d.Closed} overdue {d.Overdue} rate {D(d.OnTimeRate)} median {d.MedianTimeToResolve?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
        return lines;

        static string D(double? value) => value?.ToString("G12", CultureInfo.InvariantCulture) ?? "-";
        static string T(DurationFigures d) => string.Create(CultureInfo.InvariantCulture, $"{d.Count} median {d.Median?.Ticks} p90 {d.P90?.Ticks}");
        static string M(IReadOnlyList<Money> totals) => string.Join(", ", totals.Select(m => m.Amount.ToString("0.############", CultureInfo.InvariantCulture) + " " + m.Currency));
    }

    // ---- Generated cases ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Saves <paramref name="count"/> cases generated from <paramref name="seed"/> into <paramref name="store"/>, each in two
    /// saves (as received, then as it ends up with the rest of its journal): received from
    /// November 2025 to April 2026 (some at the same instant, some on the queries' bounds, in three offsets), of three packs, with a few
    /// complainants and subjects written in several ways, any state, findings, remedy, deadlines, follow-ups, closures
    /// with and without rewards, and assessments in force and proposed.
    /// </summary>
    private static async Task<Seeded> SeedGeneratedAsync(IComplaintStore store, int seed, int count)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        bool Chance(double p) => random.NextDouble() < p;

        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] bounds =
        [
            new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
            new(2026, 2, 1, 5, 0, 0, TimeSpan.Zero), March, new(2026, 2, 28, 18, 15, 0, TimeSpan.Zero), new(2026, 1, 4, 23, 59, 59, TimeSpan.Zero),
        ];
        Complainant[] complainants =
        [
            Complainant.Anonymous,
            new("A", new ContactDetails(Phone: "+86 138 0000 0000")), new("A again", new ContactDetails(Phone: "8613800000000")),
            new("B", new ContactDetails(Email: "b@example.cn")), new("B again", new ContactDetails(Email: " B@Example.CN ", Phone: "555 0101")),
            new("C", new ContactDetails(), "C-1"), new("C again", new ContactDetails(Email: "c@example.cn"), " C-1 "),
            new("D", new ContactDetails(Phone: "123")), new("E", new ContactDetails(), StaffId: new ActorId("staff-1")),
            new("F", new ContactDetails(Phone: "555 0101")),
        ];
        ComplaintSubject[] subjects =
        [
            new(SubjectKind.Product, "Brake pads"), new(SubjectKind.Product, " brake PADS"), new(SubjectKind.Service, "Delivery"),
            new(SubjectKind.StaffMember, "Nurse Li", StaffId: new ActorId("nurse-7")), new(SubjectKind.StaffMember, "Li Na", StaffId: new ActorId("NURSE-7")),
            new(SubjectKind.Other, "Parking"), new(SubjectKind.Department, "Finance", new DepartmentId("finance")), new(SubjectKind.Service, "Brake pads"),
        ];
        PolicyRef[] packs = [Generic, new("generic", "1.1.0"), Hospital, new("food", "1.0.0")];
        string?[] categories = [null, "billing", "delivery", "Billing", "conduct"];
        string?[] departments = [null, "finance", "logistics", "after-sales"];
        var states = Enum.GetValues<ComplaintState>().Where(s => s != ComplaintState.Open).ToArray();
        string[] currencies = ["CNY", "USD"];
        TimeSpan[] offsets = [TimeSpan.Zero, TimeSpan.FromHours(8), TimeSpan.FromHours(-5)];
        string[] people = ["a", "b", "A "];
        string[] misconduct = ["x", "y"];

        var cases = new List<Complaint>();
        var journals = new Dictionary<ComplaintId, IReadOnlyList<JournalEntry>>();
        Money? Amount(double p) => Chance(p) ? new Money(random.Next(0, 500_000) / 100m, Pick(currencies)) : null;
        DateTimeOffset Hours(DateTimeOffset from, int max) => from.AddMinutes(random.Next(0, max * 60));

        for (var i = 0; i < count; i++)
        {
            var received = Chance(0.05) ? Pick(bounds)
                : Chance(0.05) && cases.Count > 0 ? Pick(cases).ReceivedAt
                : start.AddMinutes(random.Next(0, 180 * 24 * 60));
            received = received.ToOffset(Pick(offsets)); // the same instant written in another offset: stores compare instants
            var state = Pick(states);
            var department = Pick(departments);
            var intake = new ComplaintIntake(Pick(Enum.GetValues<ComplaintKind>()), Pick(Enum.GetValues<Channel>()), Pick(complainants), Pick(subjects), ComplaintBuilder.DefaultDescription);
            var deadlines = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
            {
                var due = Hours(received, 400);
                DateTimeOffset? met = Chance(0.4) ? null : Chance(0.15) ? due : Hours(received, 500);
                return Due(Pick(Enum.GetValues<DeadlineKind>()), due, met);
            }).ToArray();
            var followUps = new List<FollowUpContact>();
            for (var f = random.Next(0, 4); f > 0; f--)
            {
                followUps.Add(Said(followUps.Count > 0 && Chance(0.3) ? followUps[^1].At : Hours(received, 300), Pick(Enum.GetValues<Satisfaction>())));
            }

            var complaint = new Complaint
            {
                Id = new ComplaintId(new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))])),
                Version = 1,
                State = state,
                Intake = intake,
                ReceivedAt = received,
                ReceivedBy = A.Receiver(),
                Policy = Pick(packs),
                Category = Pick(categories),
                Severity = Chance(0.2) ? null : Pick(Enum.GetValues<Severity>()),
                Department = department is null ? null : new DepartmentId(department),
                Findings = Chance(0.5) ? null : new Findings(Pick(Enum.GetValues<FindingOutcome>()), Pick(Enum.GetValues<RootCause>()), "Found."),
                Remedy = Chance(0.4) ? null : new RemedyProposal(Pick(Enum.GetValues<RemedyKind>()), "Put right.", Amount(0.6)),
                EscalationLevel = random.Next(0, 3),
                Deadlines = deadlines,
                FollowUps = followUps,
                ClosedAt = state == ComplaintState.Closed || Chance(0.1) ? Hours(received, 1000) : null,
                UpdatedAt = received,
            };

            var events = new List<ComplaintEvent>();
            for (var c = random.Next(0, 3); c > 0; c--)
            {
                events.Add(ClosedWith(Chance(0.3) ? null : Chance(0.5)));
                if (c > 1)
                {
                    events.Add(new ComplaintReopened("Again."));
                }
            }

            for (var s = random.Next(0, 4); s > 0; s--)
            {
                var sanctions = Enumerable.Range(0, random.Next(0, 3))
                    .Select(_ => new Sanction(Pick(Enum.GetValues<SanctionKind>()), Amount(0.5), "rule"))
                    .ToArray();
                events.Add(Assessed(Pick(people), Pick(misconduct), Chance(0.3) ? "general-manager" : null, sanctions));
            }

            var (final, journal) = await SaveAsync(store, complaint, events, oneSaveAfterReceipt: true).ConfigureAwait(false);
            cases.Add(final);
            journals[final.Id] = journal;
        }

        return new Seeded(cases, journals);
    }
}
