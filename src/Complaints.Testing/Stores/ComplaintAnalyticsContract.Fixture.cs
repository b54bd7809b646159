using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;

namespace Complaints.Testing.Stores;

/// <summary>
/// The fixture the hand-counted tests read: March 2026 (UTC) with twelve cases in the period (C0 … C11), six before it
/// for recurrence (P1 … P7) and one just after it (N1). Each case is saved as a store gets it from the workflow: first
/// as received, then one save per journal entry that follows, the last carrying the case as it ends up.
/// </summary>
public abstract partial class ComplaintAnalyticsContract
{
    // The start of the fixture's period: Sunday 1 March 2026, 00:00 UTC.
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // The end of the fixture's period (exclusive): 1 April 2026, 00:00 UTC.
    private static readonly DateTimeOffset April = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    // The fixture's as-of time: 31 March 2026, 12:00 UTC.
    private static readonly DateTimeOffset AsOf = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    private static readonly PolicyRef Generic = new("generic", "1.0.0");
    private static readonly PolicyRef Hospital = new("hospital", "1.2.0");
    private static readonly PolicyExplanation Explained = new(Generic, []);
    private static readonly ActorId Desk = new("desk");

    /// <summary>Cases saved into a store, with the journals saved with them: what the reference computation is given.</summary>
    private sealed record Seeded(IReadOnlyList<Complaint> Cases, IReadOnlyDictionary<ComplaintId, IReadOnlyList<JournalEntry>> Journals)
    {
        /// <summary>The reference figures of <paramref name="query"/> over these cases.</summary>
        public Analysis.PeriodAnalysis Reference(Analysis.AnalysisQuery query) => Analysis.PeriodAnalysis.Compute(query, Cases, id => Journals[id]);
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static Deadline Due(DeadlineKind kind, DateTimeOffset due, DateTimeOffset? met = null) => new(kind, due, "rule-" + kind.ToString().ToLowerInvariant(), "cn", met);

    private static FollowUpContact Said(DateTimeOffset at, Satisfaction satisfaction) => new(at, Desk, satisfaction, null);

    private static ComplaintClosed ClosedWith(bool? eligible) => new(
        "Closed.",
        eligible is { } e ? new RewardDecision(e, e ? RewardBasis.Recovered : RewardBasis.None, 10, 20, null, null, e, Explained) : null);

    private static AccountabilityAssessed Assessed(string person, string misconduct, string? awaitingConfirmationBy, params Sanction[] sanctions) =>
        new(new ActorId(person), misconduct, new PenaltyDecision(sanctions, Explained)) { AwaitingConfirmationBy = awaitingConfirmationBy };

    private static Sanction Sanctioned(SanctionKind kind, decimal? amount = null, string currency = "CNY") =>
        new(kind, amount is { } a ? new Money(a, currency) : null, "rule-" + kind.ToString().ToLowerInvariant());

    /// <summary>Saves the fixture into <paramref name="store"/>, an empty store.</summary>
    private static async Task<Seeded> SeedFixtureAsync(IComplaintStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cases = new List<(Complaint Case, ComplaintEvent[] Events)>
        {
            // ---- Before the period: only recurrence looks at them --------------------------------------------------
            // P1: Zhang (customer C-100) about brake pads, after-sales found a product defect; 45 days before C1.
            (A.Complaint().ReceivedAt(At(1, 15, 10)).UnderPolicy(Generic).Via(Channel.Email).From("Zhang Wei", customerId: "C-100")
                .AboutProduct("Brake pads").Classified("product-quality", Severity.Serious).RoutedTo("after-sales")
                .WithFindings(FindingOutcome.Substantiated, RootCause.ProductDefect).WithRemedy(A.Remedy(RemedyKind.Repair)).InState(ComplaintState.Closed).Build()
                with { ClosedAt = At(1, 20, 10) },
                [ClosedWith(null), Assessed("fitter-3", Misconduct.LateHandling, null, Sanctioned(SanctionKind.Dismissal))]),

            // P2: Wang (e-mail) about delivery, logistics found a process gap: exactly 90 days before C2.
            (A.Complaint().ReceivedAt(new DateTimeOffset(2025, 12, 3, 14, 0, 0, TimeSpan.Zero)).UnderPolicy(Generic).From("Wang Fang", new ContactDetails(Email: "wang@example.cn"))
                .AboutService("Delivery").Classified("delivery", Severity.General).RoutedTo("logistics")
                .WithFindings(FindingOutcome.PartlySubstantiated, RootCause.ProcessGap).InState(ComplaintState.Closed).Build()
                with { ClosedAt = new DateTimeOffset(2025, 12, 5, 14, 0, 0, TimeSpan.Zero) },
                [ClosedWith(null)]),

            // P3: Chen (customer C-300) under the hospital pack, about a ward round; 26 days before C7.
            (A.Complaint().ReceivedAt(At(2, 20, 10)).UnderPolicy(Hospital).Via(Channel.WalkIn).From("Chen Jie", customerId: "C-300")
                .AboutService("Ward round").Classified("general", Severity.Minor).RoutedTo("nursing").InState(ComplaintState.Closed).Build()
                with { ClosedAt = At(2, 21, 10) },
                [ClosedWith(null)]),

            // P4: Wu (customer C-500) about installation, one hour before the period (and before C0).
            (A.Complaint().ReceivedAt(At(2, 28, 23)).UnderPolicy(Generic).Via(Channel.Letter).From("Wu Lei", customerId: "C-500")
                .AboutService("Installation").Classified("general", Severity.Minor).RoutedTo("customer-service").InState(ComplaintState.Closed).Build()
                with { ClosedAt = At(3, 1, 0).AddMinutes(-10) },
                [ClosedWith(null)]),

            // P6: Sun (e-mail) about the website: 90 days and one tick before C8, so just out of reach.
            (A.Complaint().ReceivedAt(new DateTimeOffset(2025, 12, 23, 10, 0, 0, TimeSpan.Zero).AddTicks(-1)).UnderPolicy(Generic).From("Sun Li", new ContactDetails(Email: "sun@example.cn"))
                .About(new ComplaintSubject(SubjectKind.Other, "Website")).Classified("general", Severity.Minor).RoutedTo("customer-service").InState(ComplaintState.Closed).Build()
                with { ClosedAt = new DateTimeOffset(2025, 12, 24, 10, 0, 0, TimeSpan.Zero) },
                [ClosedWith(null)]),

            // P7: "Old Li" with a four-digit phone (too short to be a key) about tea.
            (A.Complaint().ReceivedAt(At(2, 25, 9)).UnderPolicy(Generic).Via(Channel.WalkIn).From("Old Li", new ContactDetails(Phone: "1234"))
                .AboutService("Tea").Classified("general", Severity.Minor).RoutedTo("customer-service").InState(ComplaintState.Withdrawn).Build(),
                []),

            // ---- In the period: the cohort ---------------------------------------------------------------------------
            // C0: at exactly the start of the period (included); Wu again, about installation; redirected.
            (A.Complaint().ReceivedAt(At(3, 1, 0)).UnderPolicy(Generic).Via(Channel.Letter).From("Wu Lei (new address)", new ContactDetails(Address: "Elsewhere"), customerId: "C-500")
                .AboutService(" Installation").Classified("general", Severity.Minor).RoutedTo("customer-service").InState(ComplaintState.Redirected).Build(),
                []),

            // C1: Zhang again about brake pads: closed after 7 days, resolved late, escalated once.
            (A.Complaint().ReceivedAt(At(3, 2, 9)).UnderPolicy(Generic).Via(Channel.Phone).From("Zhang Wei", new ContactDetails(Phone: "+86 138 0000 0001"), customerId: "C-100")
                .AboutProduct("brake pads ").Classified("product-quality", Severity.Serious).RoutedTo("after-sales")
                .WithFindings(FindingOutcome.Substantiated, RootCause.ProductDefect).WithRemedy(A.Remedy(RemedyKind.Replacement, 800)).EscalatedTo(1)
                .InState(ComplaintState.Closed).Build() with
                {
                    ClosedAt = At(3, 9, 9),
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(3, 3, 9), At(3, 2, 10)), Due(DeadlineKind.Resolve, At(3, 6, 9), At(3, 9, 9))],
                    FollowUps = [Said(At(3, 12, 9), Satisfaction.Satisfied), Said(At(3, 10, 9), Satisfaction.Dissatisfied)],
                },
                [ClosedWith(null)]),

            // C2: Wang again (the e-mail differently written) about delivery, 90 days after P2: closed in 2 days.
            (A.Complaint().ReceivedAt(At(3, 3, 14)).UnderPolicy(Generic).Via(Channel.Email).From("Wang Fang", new ContactDetails(Email: " Wang@Example.CN "))
                .AboutService("Delivery").Classified("delivery", Severity.General).RoutedTo("logistics")
                .WithFindings(FindingOutcome.PartlySubstantiated, RootCause.ProcessGap).WithRemedy(A.Remedy(RemedyKind.Compensation, 300))
                .InState(ComplaintState.Closed).Build() with
                {
                    ClosedAt = At(3, 5, 14),
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(3, 4, 14), At(3, 3, 15)), Due(DeadlineKind.Resolve, At(3, 6, 14), At(3, 5, 14))],
                    FollowUps = [Said(At(3, 7, 10), Satisfaction.Dissatisfied), Said(At(3, 7, 10), Satisfaction.VerySatisfied)],
                },
                [ClosedWith(null)]),

            // C3: anonymous, about nurse-7; triaged, acknowledgement missed, resolution pending.
            (A.Complaint().ReceivedAt(At(3, 4, 8)).UnderPolicy(Generic).Via(Channel.SuggestionBox).Anonymous()
                .AboutStaff("nurse-7", name: "Nurse Li").Classified("conduct", Severity.Minor).RoutedTo("customer-service").InState(ComplaintState.Triaged).Build() with
                {
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(3, 5, 8)), Due(DeadlineKind.Resolve, At(4, 10, 8))],
                },
                []),

            // C4: anonymous again, about the same nurse (by id, under another name); withdrawn, resolution dropped.
            (A.Complaint().ReceivedAt(At(3, 10, 10)).UnderPolicy(Generic).Via(Channel.SuggestionBox).Anonymous()
                .AboutStaff("NURSE-7 ", name: "Li Na").Classified("conduct", Severity.General).RoutedTo("customer-service")
                .WithFindings(FindingOutcome.NotSubstantiated, RootCause.CustomerMisunderstanding).InState(ComplaintState.Withdrawn).Build() with
                {
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(3, 11, 10), At(3, 10, 11)), Due(DeadlineKind.Resolve, At(3, 13, 10))],
                },
                []),

            // C5: Zhang's report about a repair: closed, reopened, closed again with a reward; a sanction proposed, then confirmed.
            (A.Complaint().ReceivedAt(At(3, 11, 9)).UnderPolicy(Generic).OfKind(ComplaintKind.Report).Via(Channel.Phone)
                .From("Zhang San", new ContactDetails(Email: "zs@example.cn"), customerId: "C-100 ")
                .AboutService("Repair").Classified("repair-quality", Severity.Serious).RoutedTo("after-sales")
                .WithFindings(FindingOutcome.Substantiated, RootCause.ProductDefect).WithRemedy(A.Remedy(RemedyKind.Refund, 1200.50m)).EscalatedTo(2).Reopened(1)
                .InState(ComplaintState.Closed).Build() with
                {
                    ClosedAt = At(3, 20, 9),
                    Deadlines =
                    [
                        Due(DeadlineKind.Acknowledge, At(3, 12, 9), At(3, 11, 9, 30)), Due(DeadlineKind.Resolve, At(3, 18, 9), At(3, 20, 9)),
                        Due(DeadlineKind.NotifyResult, At(3, 22, 9)), Due(DeadlineKind.Acknowledge, At(3, 16, 9), At(3, 15, 9)),
                    ],
                    FollowUps = [Said(At(3, 21, 9), Satisfaction.Neutral)],
                },
                [
                    ClosedWith(false), new ComplaintReopened("Called again."), ClosedWith(true),
                    Assessed("tech-1", Misconduct.LateHandling, "general-manager", Sanctioned(SanctionKind.Warning)),
                    Assessed("tech-1", Misconduct.LateHandling, null, Sanctioned(SanctionKind.Warning), Sanctioned(SanctionKind.Fine, 200)),
                ]),

            // C6: Zhou (phone) about delivery, 9 days after C2; in follow-up, acknowledged late, follow-up missed.
            (A.Complaint().ReceivedAt(At(3, 12, 16)).UnderPolicy(Generic).Via(Channel.Hotline).From("Zhou Min", new ContactDetails(Phone: "+86 139 1111 2222"))
                .AboutService(" delivery").Classified("delivery", Severity.General).RoutedTo("logistics")
                .WithFindings(FindingOutcome.Substantiated, RootCause.ProcessGap).WithRemedy(A.Remedy(RemedyKind.Apology))
                .InState(ComplaintState.FollowUp).Build() with
                {
                    Deadlines =
                    [
                        Due(DeadlineKind.Acknowledge, At(3, 13, 16), At(3, 13, 17)), Due(DeadlineKind.Resolve, At(3, 17, 16), At(3, 16, 10)),
                        Due(DeadlineKind.FollowUp, At(3, 27, 16)),
                    ],
                },
                []),

            // C7: Chen under the hospital pack, about brake pads (only generic cases were): not routed, acknowledgement missed.
            (A.Complaint().ReceivedAt(At(3, 18, 11)).UnderPolicy(Hospital).Via(Channel.WalkIn).From("Chen Jie", customerId: "C-300")
                .AboutProduct("Brake pads").Classified("general", Severity.Minor).InState(ComplaintState.Received).Build() with
                {
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(3, 19, 11))],
                },
                []),

            // C8: Sun's report about cashier-2, 90 days and one tick after P6: closed with no reward due; sanctions in force on two people, one proposal unconfirmed.
            (A.Complaint().ReceivedAt(At(3, 23, 10)).UnderPolicy(Generic).OfKind(ComplaintKind.Report).Via(Channel.OnlineForm).From("Sun Li", new ContactDetails(Email: "sun@example.cn"))
                .AboutStaff("cashier-2", "finance", "Cashier").Classified("billing", Severity.Major).RoutedTo("finance")
                .WithFindings(FindingOutcome.NotSubstantiated, RootCause.Undetermined).InState(ComplaintState.Closed).Build() with
                {
                    ClosedAt = At(3, 30, 10),
                    Deadlines =
                    [
                        Due(DeadlineKind.Acknowledge, At(3, 24, 10), At(3, 23, 12)), Due(DeadlineKind.Resolve, At(3, 30, 10), At(3, 30, 10)),
                        Due(DeadlineKind.NotifyResult, At(3, 31, 10), At(3, 30, 11)),
                    ],
                    FollowUps = [Said(At(3, 31, 9), Satisfaction.Unreachable)],
                },
                [
                    ClosedWith(false),
                    Assessed("cashier-2", Misconduct.Obstruction, null, Sanctioned(SanctionKind.Demerit), Sanctioned(SanctionKind.Fine, 500)),
                    Assessed("clerk-9", Misconduct.Obstruction, null, Sanctioned(SanctionKind.Fine, 100, "USD")),
                    Assessed("clerk-10", Misconduct.IdentityLeak, "general-manager", Sanctioned(SanctionKind.Dismissal)),
                    Assessed("CASHIER-2 ", Misconduct.Obstruction, null, Sanctioned(SanctionKind.Demerit), Sanctioned(SanctionKind.Fine, 500)),
                ]),

            // C9: Zhou again (the phone's digits without spaces) about brake pads, 13 days after C6; cause undetermined; investigating.
            // Received at 17:00 in China: the same instant as 09:00 UTC.
            (A.Complaint().ReceivedAt(At(3, 25, 9).ToOffset(TimeSpan.FromHours(8))).UnderPolicy(Generic).Via(Channel.Email).From("Zhou Min", new ContactDetails(Phone: "8613911112222"))
                .AboutProduct("Brake pads").Classified("product-quality", Severity.General).RoutedTo("after-sales")
                .WithFindings(FindingOutcome.Substantiated, RootCause.Undetermined).WithRemedy(A.Remedy(RemedyKind.Compensation, 99.99m, "USD")).EscalatedTo(1)
                .InState(ComplaintState.Investigating).Build() with
                {
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(3, 26, 9), At(3, 25, 9, 15)), Due(DeadlineKind.Resolve, At(4, 2, 9))],
                },
                []),

            // C10: Qian about parking, at 23:30 UTC on the last day (already 1 April in China); acknowledgement due after the as-of time.
            (A.Complaint().ReceivedAt(At(3, 31, 23, 30)).UnderPolicy(Generic).Via(Channel.Chat).From("Qian Yu", customerId: " C-777 ")
                .About(new ComplaintSubject(SubjectKind.Other, "Parking")).Classified("general", Severity.General).RoutedTo("customer-service")
                .InState(ComplaintState.Triaged).Build() with
                {
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(4, 1, 23, 30))],
                },
                []),

            // C11: Old Li again (the short phone never matches) about parking: settled with an apology in 30 minutes;
            // a reward decided at a first closure, none at the last.
            (A.Complaint().ReceivedAt(At(3, 20, 12)).UnderPolicy(Generic).Via(Channel.WalkIn).From("Old Li", new ContactDetails(Phone: "1234"))
                .About(new ComplaintSubject(SubjectKind.Other, "parking")).Classified("general", Severity.Minor).RoutedTo("customer-service")
                .WithRemedy(A.Remedy(RemedyKind.Apology)).InState(ComplaintState.Closed).Build() with
                {
                    ClosedAt = At(3, 20, 12, 30),
                },
                [ClosedWith(true), new ComplaintReopened("Wrong summary."), ClosedWith(null)]),

            // ---- After the period -----------------------------------------------------------------------------------
            // N1: at exactly the end of the period (excluded).
            (A.Complaint().ReceivedAt(April).UnderPolicy(Generic).Via(Channel.Phone).From("Zhang Wei", customerId: "C-100")
                .AboutProduct("Brake pads").Classified("product-quality", Severity.Serious).RoutedTo("after-sales").InState(ComplaintState.Triaged).Build() with
                {
                    Deadlines = [Due(DeadlineKind.Acknowledge, At(4, 2, 0))],
                },
                []),
        };

        var seeded = new List<Complaint>();
        var journals = new Dictionary<ComplaintId, IReadOnlyList<JournalEntry>>();
        foreach (var (complaint, events) in cases)
        {
            var (final, journal) = await SaveAsync(store, complaint, events).ConfigureAwait(false);
            seeded.Add(final);
            journals[final.Id] = journal;
        }

        return new Seeded(seeded, journals);
    }

    /// <summary>
    /// Saves <paramref name="complaint"/> as the workflow would: first as received, then one save per later journal entry
    /// (findings first when it has them, then <paramref name="events"/>), the case as it ends up on each — or, when
    /// <paramref name="oneSaveAfterReceipt"/>, all of them in one save, as one command writing several entries does.
    /// </summary>
    private static async Task<(Complaint Final, IReadOnlyList<JournalEntry> Journal)> SaveAsync(
        IComplaintStore store, Complaint complaint, IReadOnlyList<ComplaintEvent> events, bool oneSaveAfterReceipt = false)
    {
        var received = new Complaint
        {
            Id = complaint.Id,
            Version = 1,
            State = ComplaintState.Received,
            Intake = complaint.Intake,
            ReceivedAt = complaint.ReceivedAt,
            ReceivedBy = complaint.ReceivedBy,
            Policy = complaint.Policy,
            UpdatedAt = complaint.ReceivedAt,
        };
        var journal = new List<JournalEntry> { Entry(received, 1, new ComplaintReceived(complaint.Intake, complaint.Policy), ComplaintState.Received) };
        await store.SaveAsync(new CaseChange(received, [journal[0]], 0)).ConfigureAwait(false);

        var later = new List<ComplaintEvent>();
        if (complaint.Findings is { } findings)
        {
            later.Add(new FindingsRecorded(findings));
        }

        later.AddRange(events);
        if (later.Count == 0)
        {
            later.Add(new InvestigationStarted());
        }

        if (oneSaveAfterReceipt)
        {
            var last = complaint with { Version = later.Count + 1, UpdatedAt = complaint.ReceivedAt.AddMinutes(1) };
            var entries = later.Select((e, i) => Entry(last, i + 2, e, ComplaintState.Received)).ToArray();
            journal.AddRange(entries);
            await store.SaveAsync(new CaseChange(last, entries, 1)).ConfigureAwait(false);
            return (last, journal);
        }

        var current = received;
        for (var i = 0; i < later.Count; i++)
        {
            var version = i + 2;
            var updatedAt = complaint.ReceivedAt.AddMinutes(version);
            var next = complaint with { Version = version, UpdatedAt = updatedAt };
            var entry = Entry(next, version, later[i], current.State) with { To = complaint.State };
            journal.Add(entry);
            await store.SaveAsync(new CaseChange(next, [entry], version - 1)).ConfigureAwait(false);
            current = next;
        }

        return (current, journal);
    }

    private static JournalEntry Entry(Complaint complaint, long sequence, ComplaintEvent what, ComplaintState from) =>
        new(complaint.Id, sequence, complaint.UpdatedAt, StoreHarness.Coordinator, from, complaint.State, what, Guid.NewGuid());
}
