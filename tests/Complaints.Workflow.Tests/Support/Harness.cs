using System.Text.Json;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Support;

/// <summary>A service over an in-memory store, the test policy and a fake clock, with helpers to drive a case.</summary>
internal sealed class Harness
{
    /// <summary>Monday 2 March 2026, 09:30 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public Harness(Ports.IBusinessCalendar? calendar = null)
    {
        Service = new ComplaintService(Store, new PolicyCatalog(Policy), calendar ?? new WeekdayCalendar(), Time, Microsoft.Extensions.Options.Options.Create(Options));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryComplaintStore Store { get; } = new();

    public TestPolicy Policy { get; } = new();

    public ComplaintsOptions Options { get; } = new();

    public ComplaintService Service { get; }

    /// <summary>A general complaint about Wang of sales, by email, claiming 500 CNY.</summary>
    public static ComplaintIntake Intake(
        Channel channel = Channel.Email,
        decimal? claim = 500,
        ComplaintFlags flags = ComplaintFlags.None,
        ComplaintSubject? subject = null,
        Complainant? complainant = null) =>
        new(
            ComplaintKind.Complaint,
            channel,
            complainant ?? new Complainant("Liu Yang", new ContactDetails(Phone: "+86 138 0000 0000")),
            subject ?? new ComplaintSubject(SubjectKind.StaffMember, "Wang", Sales, Accused.Id),
            "The salesman was rude and refused to honour the quoted price.",
            Category: "service-attitude",
            DesiredRemedy: "An apology and the quoted price",
            ClaimedAmount: claim is { } c ? new Money(c, "CNY") : null,
            Flags: flags);

    /// <summary>A complaint about a product, with no staff member accused.</summary>
    public static ComplaintIntake ProductIntake(decimal? claim = 500, ComplaintFlags flags = ComplaintFlags.None) =>
        Intake(claim: claim, subject: new ComplaintSubject(SubjectKind.Product, "Brake pads", ServiceDept, Reference: "BP-1")) with { Flags = flags };

    public async Task<ComplaintId> Receive(ComplaintIntake? intake = null, Actor? by = null) =>
        (await Service.ReceiveAsync(by ?? Receiver, intake ?? Intake())).Complaint.Id;

    public async Task<Complaint> Do(ComplaintId id, Actor actor, ComplaintCommand command) =>
        (await Service.ExecuteAsync(id, actor, command)).Complaint;

    /// <summary>Whether <paramref name="actor"/> may read the case.</summary>
    public async Task<bool> Sees(ComplaintId id, Actor actor)
    {
        try
        {
            await Service.GetAsync(id, actor);
            return true;
        }
        catch (NotPermittedException)
        {
            return false;
        }
    }

    public async Task<Complaint> Stored(ComplaintId id) => (await Store.LoadAsync(id))!;

    public async Task<IReadOnlyList<JournalEntry>> Journal(ComplaintId id) => await Store.ReadJournalAsync(id);

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, ComplaintsJson.Options);

    /// <summary>The remedy the happy path proposes: 5,000 CNY, which needs a manager's approval.</summary>
    public static readonly RemedyProposal Compensation = new(RemedyKind.Compensation, "Refund the price difference", new Money(5_000, "CNY"));

    /// <summary>Receives a complaint and drives it along the happy path (or a side path) to <paramref name="target"/>.</summary>
    public async Task<ComplaintId> DriveTo(ComplaintState target, ComplaintIntake? intake = null, Actor? by = null)
    {
        var id = await Receive(intake, by);
        switch (target)
        {
            case ComplaintState.Received:
                return id;
            case ComplaintState.Rejected:
                await Do(id, Coordinator, new Reject("Already filed in court."));
                return id;
            case ComplaintState.Redirected:
                await Do(id, Coordinator, new Redirect("the consumer association", "Not our product."));
                return id;
            case ComplaintState.Withdrawn:
                await Do(id, Coordinator, new Withdraw("Settled privately."));
                return id;
        }

        foreach (var (state, actor, command) in HappyPath(await Stored(id)))
        {
            if ((await Stored(id)).State == target)
            {
                break;
            }

            await Do(id, actor, command);
            _ = state;
        }

        var reached = (await Stored(id)).State;
        if (reached != target)
        {
            throw new InvalidOperationException($"The happy path does not reach {target}; it stopped at {reached}.");
        }

        return id;
    }

    private static IEnumerable<(ComplaintState After, Actor Actor, ComplaintCommand Command)> HappyPath(Complaint c)
    {
        yield return (ComplaintState.Triaged, Coordinator, new Triage());
        yield return (ComplaintState.Assigned, Coordinator, new Assign(Handler));
        yield return (ComplaintState.Investigating, Handler, new StartInvestigation());
        if (c.Intake.Subject.StaffId is not null)
        {
            yield return (ComplaintState.Investigating, Handler, new HearAccused("I was polite; the price had changed."));
        }

        yield return (ComplaintState.Investigating, Handler, new RecordFindings(new Findings(FindingOutcome.PartlySubstantiated, RootCause.StaffError, "The old price was quoted in writing.")));
        if (c.Intake.Flags.HasFlag(ComplaintFlags.SafetyRisk))
        {
            yield return (ComplaintState.Investigating, Manager, new RecordEmergencyMeeting(["GM", "Service manager"], "Recall the batch."));
        }

        yield return (ComplaintState.AwaitingApproval, Handler, new ProposeRemedy(Compensation));
        yield return (ComplaintState.Approved, Manager, new Approve("Agreed."));
        if (c.Intake.Flags.HasFlag(ComplaintFlags.SafetyRisk))
        {
            yield return (ComplaintState.Approved, GeneralManager, new Approve("Agreed."));
        }

        yield return (ComplaintState.AwaitingCustomer, Handler, new CommunicateDecision(Channel.Phone, "We will refund the difference."));
        yield return (ComplaintState.Implementing, Handler, new RecordCustomerAcceptance("Fine."));
        yield return (ComplaintState.FollowUp, Handler, new CompleteImplementation("Refunded."));
        yield return (ComplaintState.FollowUp, Handler, new RecordFollowUp(Satisfaction.Satisfied));
        yield return (ComplaintState.Closed, Coordinator, new Close("Resolved; sales team briefed on honouring quotes."));
    }
}
