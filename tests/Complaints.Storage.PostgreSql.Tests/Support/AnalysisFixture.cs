using Complaints.Analysis;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Testing;

namespace Complaints.Storage.PostgreSql.Tests.Support;

/// <summary>
/// Random but reproducible cases for comparing the store's analysis with the reference (<see cref="PeriodAnalysis.Compute"/>):
/// ties in receipt and follow-up times, times finer than a microsecond, keys differing only in case, two packs, cases
/// without department, category or findings, remedies in two currencies or none, rewards decided twice (reopened and
/// closed again) and sanctions proposed, confirmed and reassessed.
/// </summary>
internal sealed class AnalysisFixture
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Packs = ["pack-a", "pack-b"];
    private static readonly string?[] Categories = [null, "billing", "Billing", "quality", "délai"];
    private static readonly string?[] Departments = [null, "dept-a", "alpha", "dept-b", "zeta"];
    private static readonly string[] Subjects = ["brake pads", "Brake Pads ", "delivery", "ward 3"];
    private static readonly string[] Currencies = ["CNY", "USD"];
    private static readonly Actor Clerk = A.Receiver();
    private readonly Random _random;
    private readonly List<Complaint> _cases = [];
    private readonly Dictionary<ComplaintId, List<JournalEntry>> _journals = [];

    public AnalysisFixture(int seed) => _random = new Random(seed);

    public IReadOnlyList<Complaint> Cases => _cases;

    public IReadOnlyList<JournalEntry> Journal(ComplaintId id) => _journals[id];

    /// <summary>Writes <paramref name="count"/> cases to <paramref name="store"/>, some in two saves.</summary>
    public async Task SeedAsync(IComplaintStore store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (first, entries, second, more) = Next(i);
            await store.SaveAsync(new CaseChange(first, entries, 0));
            _cases.Add(first);
            _journals[first.Id] = [.. entries];
            if (second is not null)
            {
                await store.SaveAsync(new CaseChange(second, more, first.Version));
                _cases[^1] = second;
                _journals[first.Id].AddRange(more);
            }
        }
    }

    /// <summary>Queries over the fixture's span with every filter, offset and interval.</summary>
    public static IEnumerable<AnalysisQuery> Queries()
    {
        var asOf = Start.AddDays(60);
        var all = new AnalysisQuery { From = Start.AddDays(-1), To = Start.AddDays(130), AsOf = asOf, Interval = TrendInterval.Month };
        yield return all;
        yield return all with { From = Start.AddDays(40), To = Start.AddDays(75), Interval = TrendInterval.Week, Offset = TimeSpan.FromHours(8), RecurrenceDays = 20 };
        yield return all with { From = Start.AddDays(30).AddHours(-5.5), To = Start.AddDays(45), Interval = TrendInterval.Day, Offset = TimeSpan.FromHours(-5.5), RecurrenceDays = 3 };
        yield return all with { Pack = "pack-b", RecurrenceDays = 15 };
        yield return all with { Department = new DepartmentId("dept-a") };
        yield return all with { Category = "billing", Interval = TrendInterval.Week };
        yield return all with { Severity = Severity.Serious };
        yield return all with { Channel = Channel.Email, AsOf = Start.AddDays(200) };
        yield return all with { From = Start.AddDays(500), To = Start.AddDays(510) };

        // Periods shorter than the look-back (the store seeks per case rather than passing over the look-back).
        yield return all with { From = Start.AddDays(50), To = Start.AddDays(70), RecurrenceDays = 60, Interval = TrendInterval.Day };
        yield return all with { From = Start.AddDays(90), To = Start.AddDays(120), Department = new DepartmentId("dept-b"), Offset = TimeSpan.FromHours(8) };
    }

    private (Complaint First, JournalEntry[] Entries, Complaint? Second, JournalEntry[] More) Next(int i)
    {
        var r = _random;
        var id = new ComplaintId(Guid.CreateVersion7(Start.AddSeconds(i)));

        // Every fifth case shares its receipt time with the one before; some times carry ticks below a microsecond.
        var received = i % 5 == 4 && _cases.Count > 0
            ? _cases[^1].ReceivedAt
            : Start.AddMinutes(r.Next(0, 120 * 24 * 60)).AddTicks(r.Next(0, 3) * 7);
        var intake = A.Complaint()
            .Via(Pick(Enum.GetValues<Channel>()))
            .BuildIntake() with
            {
                Complainant = r.Next(6) switch
                {
                    0 => Complainant.Anonymous,
                    1 => new Complainant("Named", new ContactDetails(), CustomerId: $" c{r.Next(4)}"),
                    2 => new Complainant("Named", new ContactDetails(Email: r.Next(2) == 0 ? "Li@Example.com " : "li@example.com")),
                    3 => new Complainant("Named", new ContactDetails(Phone: r.Next(2) == 0 ? "+86 138-0000-0000" : "8613800000000")),
                    4 => new Complainant("Named", new ContactDetails(Phone: "12")),
                    _ => new Complainant("Named", new ContactDetails(), CustomerId: "c1"),
                },
                Subject = r.Next(5) == 0
                    ? new ComplaintSubject(SubjectKind.StaffMember, "Dr Wang", StaffId: new ActorId($"staff-{r.Next(2)}"))
                    : new ComplaintSubject(SubjectKind.Product, Pick(Subjects)),
            };
        var state = Pick(Enum.GetValues<ComplaintState>().Where(s => s != ComplaintState.Open).ToArray());
        var policy = new PolicyRef(Pick(Packs), "1.0.0");
        var deadlines = Enumerable.Range(0, r.Next(0, 4)).Select(_ =>
        {
            var due = received.AddHours(r.Next(1, 24 * 20)).AddTicks(r.Next(0, 2) * 3);
            DateTimeOffset? met = r.Next(3) switch
            {
                0 => null,
                1 => due.AddHours(-r.Next(0, 5)),
                _ => due.AddTicks(r.Next(0, 2) == 0 ? 1 : TimeSpan.TicksPerHour * r.Next(1, 30)),
            };
            return new Deadline(Pick(Enum.GetValues<DeadlineKind>()), due, "rule", "calendar", met);
        }).ToArray();
        var followAt = received.AddDays(r.Next(1, 5));
        var followUps = Enumerable.Range(0, r.Next(0, 3))
            .Select(k => new FollowUpContact(r.Next(2) == 0 ? followAt : followAt.AddHours(k), new ActorId("caller"), Pick(Enum.GetValues<Satisfaction>()), null))
            .ToArray();
        var complaint = A.Complaint().WithId(id).UnderPolicy(policy).ReceivedAt(received).Build() with
        {
            Intake = intake,
            State = state,
            Version = 1,
            Category = Pick(Categories),
            Severity = r.Next(5) == 0 ? null : Pick(Enum.GetValues<Severity>()),
            Department = Pick(Departments) is { } department ? new DepartmentId(department) : null,
            Findings = r.Next(3) == 0 ? null : new Findings(Pick(Enum.GetValues<FindingOutcome>()), Pick(Enum.GetValues<RootCause>()), "found"),
            Remedy = r.Next(3) == 0 ? null : new RemedyProposal(
                Pick(Enum.GetValues<RemedyKind>()), "remedy", r.Next(3) == 0 ? null : new Money(r.Next(1, 100_000) / 100m, Pick(Currencies))),
            EscalationLevel = r.Next(3) == 0 ? r.Next(1, 3) : 0,
            Deadlines = deadlines,
            FollowUps = followUps,
            ClosedAt = state == ComplaintState.Closed || r.Next(8) == 0 ? received.AddHours(r.Next(1, 24 * 30)).AddTicks(r.Next(0, 9)) : null,
            UpdatedAt = received,
        };

        var entries = new List<JournalEntry> { Entry(complaint, 1, new ComplaintReceived(complaint.Intake, policy)) };
        if (r.Next(3) == 0)
        {
            entries.Add(Entry(complaint, entries.Count + 1, new ComplaintClosed("closed", Reward())));
        }

        for (var k = r.Next(0, 3); k > 0; k--)
        {
            entries.Add(Entry(complaint, entries.Count + 1, Assessed()));
        }

        complaint = complaint with { Version = entries.Count };
        if (r.Next(4) != 0)
        {
            return (complaint, [.. entries], null, []);
        }

        // A second save: reopened and closed again (the reward follows the last closure), or only a follow-up (it stays).
        var more = new List<JournalEntry>();
        if (r.Next(2) == 0)
        {
            more.Add(Entry(complaint, entries.Count + 1, new ComplaintReopened("again")));
            more.Add(Entry(complaint, entries.Count + 2, new ComplaintClosed("closed again", Reward())));
        }
        else
        {
            more.Add(Entry(complaint, entries.Count + 1, new FollowUpRecorded(Satisfaction.Neutral, null)));
        }

        more.Add(Entry(complaint, entries.Count + more.Count + 1, Assessed()));
        var second = complaint with
        {
            Version = entries.Count + more.Count,
            FollowUps = [.. complaint.FollowUps, new FollowUpContact(received.AddDays(9), new ActorId("caller"), Satisfaction.Neutral, null)],
        };
        return (complaint, [.. entries], second, [.. more]);
    }

    private RewardDecision? Reward() => _random.Next(3) switch
    {
        0 => null,
        var n => new RewardDecision(n == 1, RewardBasis.Fine, 1, 5, null, null, false, Explanation()),
    };

    private AccountabilityAssessed Assessed()
    {
        var r = _random;
        var sanctions = Enumerable.Range(0, r.Next(0, 3))
            .Select(_ => new Sanction(Pick(Enum.GetValues<SanctionKind>()), r.Next(2) == 0 ? null : new Money(r.Next(1, 5000) / 10m, Pick(Currencies)), "rule"))
            .ToArray();
        return new AccountabilityAssessed(new ActorId($"staff-{r.Next(2)}"), r.Next(2) == 0 ? Misconduct.LateHandling : Misconduct.CausedLoss, new PenaltyDecision(sanctions, Explanation()))
        {
            AwaitingConfirmationBy = r.Next(3) == 0 ? "general-manager" : null,
        };
    }

    private static PolicyExplanation Explanation() => new(new PolicyRef("pack-a", "1.0.0"), []);

    private static JournalEntry Entry(Complaint c, int sequence, ComplaintEvent @event) =>
        new(c.Id, sequence, c.ReceivedAt.AddMinutes(sequence), Clerk, ComplaintState.Received, c.State, @event, Guid.NewGuid());

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
