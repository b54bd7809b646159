using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Microsoft.Extensions.Options;

namespace Complaints.Benchmarks.Workloads;

/// <summary>A clock that stands still unless moved: the benchmarks' <see cref="TimeProvider"/>.</summary>
public sealed class BenchClock : TimeProvider
{
    /// <summary>Monday 2 March 2026, 09:30 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The time it reads.</summary>
    public DateTimeOffset Now { get; set; } = Start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A complaint's whole life, intake to closure, as thirteen commands (receive, triage, assign, start the
/// investigation, hear the accused, record findings, propose a 5,000 CNY remedy, the manager's approval,
/// communicate, customer accepts, implement, follow up, close) under the generic pack's rules, driven by
/// Complaints.Testing's <see cref="CaseDriver"/>.
/// </summary>
public static class CaseLife
{
    /// <summary>The number of commands in one life, the receipt included.</summary>
    public const int Commands = 13;

    /// <summary>The sales department, where the accused works.</summary>
    public static readonly DepartmentId Sales = new("sales");

    /// <summary>The coordinator who triages, assigns and closes.</summary>
    public static readonly Actor Coordinator = new(new ActorId("coord"), "Chen (customer relations)", [ComplaintRoles.Coordinator], new DepartmentId("customer-relations"));

    /// <summary>The desk clerk who receives.</summary>
    public static readonly Actor Receiver = new(new ActorId("desk"), "Desk clerk", [ComplaintRoles.Staff], new DepartmentId("front-desk"));

    /// <summary>The handler.</summary>
    public static readonly Actor Handler = new(new ActorId("han"), "Han (service)", [ComplaintRoles.Handler], new DepartmentId("service"));

    /// <summary>The approving manager.</summary>
    public static readonly Actor Manager = new(new ActorId("mgr"), "Service manager", [ComplaintRoles.Manager], new DepartmentId("service"));

    /// <summary>The accused member of staff.</summary>
    public static readonly ActorId Accused = new("wang");

    /// <summary>The remedy proposed: above the handler's limit, within the manager's, so one approval step.</summary>
    public static readonly RemedyProposal Remedy = new(RemedyKind.Compensation, "Refund the price difference", new Money(5_000, "CNY"));

    /// <summary>Complaint number <paramref name="i"/>: a rude salesman, a 500 CNY claim, an email, variations in wording.</summary>
    /// <param name="i">Which one.</param>
    /// <returns>The intake.</returns>
    public static ComplaintIntake Intake(int i) => new(
        ComplaintKind.Complaint,
        Channel.Email,
        new Complainant($"Customer {i}", new ContactDetails(Email: $"customer{i}@example.com")),
        new ComplaintSubject(SubjectKind.StaffMember, "Wang", Sales, Accused),
        i % 2 == 0 ? "The salesman was rude and refused to honour the quoted price." : "I was overcharged: the invoice is not the price I was quoted.",
        Category: null,
        DesiredRemedy: "An apology and the quoted price",
        ClaimedAmount: new Money(500 + (i % 7), "CNY"));

    /// <summary>
    /// Who issues each command of a life: the coordinator, the handler and the manager approving the one step a
    /// 5,000 CNY remedy needs; what they record is <see cref="CaseScript"/>'s default story, <see cref="Remedy"/> included.
    /// </summary>
    public static readonly CaseCast Cast = new() { Receiver = Receiver, Coordinator = Coordinator, Handler = Handler, Approvers = [Manager] };

    /// <summary>A service over <paramref name="store"/> with <paramref name="policy"/>, the weekday calendar and default options.</summary>
    /// <param name="store">The store.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="calendars">Calendars, shared between services so they are built once.</param>
    /// <returns>The service.</returns>
    public static ComplaintService Service(Ports.IComplaintStore store, IComplaintPolicy policy, TimeProvider clock, BusinessCalendarRegistry calendars) =>
        new(store, new PolicyCatalog(policy), new WeekdayCalendar(), clock, Options.Create(new ComplaintsOptions()), calendars);

    /// <summary>
    /// The driver that runs lives through <paramref name="service"/>: it chooses each command from the case the previous
    /// one returned, so a life reads nothing from the store beyond what the commands themselves read. Make one per
    /// service, outside the measured code (it makes its commands once).
    /// </summary>
    /// <param name="service">The service.</param>
    /// <returns>The driver.</returns>
    public static CaseDriver Driver(ComplaintService service) => new(service, Cast, LifeScript);

    private static readonly CaseScript LifeScript = new() { Remedy = Remedy };

    /// <summary>Runs one whole life and returns the closed case's version (13 when every command went through).</summary>
    /// <param name="driver">The driver, from <see cref="Driver"/>.</param>
    /// <param name="i">Which complaint.</param>
    /// <returns>The final version.</returns>
    public static async Task<long> RunAsync(CaseDriver driver, int i)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var closed = await driver.DriveToAsync(Intake(i), ComplaintState.Closed).ConfigureAwait(false);
        return closed.Version;
    }

    /// <summary>Runs lives <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1 synchronously (the in-memory store completes synchronously).</summary>
    /// <param name="driver">The driver, from <see cref="Driver"/>.</param>
    /// <param name="from">The first complaint's number.</param>
    /// <param name="count">How many.</param>
    /// <returns>The sum of the final versions.</returns>
    public static long Run(CaseDriver driver, int from, int count)
    {
        long sum = 0;
        for (var i = from; i < from + count; i++)
        {
            sum += RunAsync(driver, i).GetAwaiter().GetResult();
        }

        return sum;
    }
}
