using System.Text.Json;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Testing;
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

    public Harness(
        Ports.IBusinessCalendar? calendar = null,
        Complaints.Workflow.Diagnostics.ComplaintsTelemetry? telemetry = null,
        Microsoft.Extensions.Logging.ILogger<ComplaintService>? logger = null)
    {
        Service = new ComplaintService(
            Store, new PolicyCatalog(Policy), calendar ?? new WeekdayCalendar(), Time, Microsoft.Extensions.Options.Options.Create(Options), telemetry: telemetry, logger: logger);
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
    public static readonly RemedyProposal Compensation = new CaseScript().Remedy;

    /// <summary>
    /// Drives cases along the happy path with the test cast: the coordinator, Han handling, the service manager and the
    /// general manager approving by role, the manager chairing the emergency meeting; what it records is the default script.
    /// </summary>
    public CaseDriver Driver => _driver ??= new CaseDriver(
        Service,
        new CaseCast { Receiver = Receiver, Coordinator = Coordinator, Handler = Handler, Approvers = [Manager, GeneralManager], MeetingChair = Manager });

    private CaseDriver? _driver;

    /// <summary>Receives a complaint and drives it along the happy path (or to a side end) to <paramref name="target"/>.</summary>
    public async Task<ComplaintId> DriveTo(ComplaintState target, ComplaintIntake? intake = null, Actor? by = null) =>
        (await Driver.DriveToAsync(intake ?? Intake(), target, by)).Id;
}
