using System.Text.Json;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Testing.Stores;

/// <summary>
/// A real <see cref="ComplaintService"/> (the generic pack, its <c>cn</c> calendar, a fake clock) over the store under
/// test, with helpers that drive cases along the lifecycle: what <see cref="ComplaintStoreContract"/>'s tests run on, and
/// what a store's own tests (races between nodes, migrations) can use to fill a store with real cases.
/// </summary>
public sealed class StoreHarness
{
    /// <summary>Monday 2 March 2026, 09:30 UTC.</summary>
    public static readonly DateTimeOffset Start = ComplaintBuilder.DefaultReceivedAt;

    private static readonly Lazy<PolicyPack> Generic = new(() => PolicyPacks.LoadBuiltIn("generic"));

    /// <summary>Wires a service over <paramref name="store"/>.</summary>
    /// <param name="store">The store under test.</param>
    /// <param name="start">Where the fake clock starts; <see cref="Start"/> if <see langword="null"/>.</param>
    /// <param name="time">The clock the service reads, if not <see cref="Time"/> (e.g. a clock shared by several harnesses).</param>
    public StoreHarness(IComplaintStore store, DateTimeOffset? start = null, TimeProvider? time = null)
    {
        Store = store;
        Time = new FakeTimeProvider(start ?? Start);
        var options = new ComplaintsOptions();
        Service = new ComplaintService(
            store, new PolicyCatalog(Generic.Value), new WeekdayCalendar(), time ?? Time, OptionsFactory.Create(options),
            new BusinessCalendarRegistry(options.CalendarWeekdayFallback));
    }

    /// <summary>The store under test.</summary>
    public IComplaintStore Store { get; }

    /// <summary>The harness's own fake clock; advance it to make deadlines fall due.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The service over the store, with the generic pack.</summary>
    public ComplaintService Service { get; }

    /// <summary>A complaints coordinator: triages, assigns, closes.</summary>
    public static Actor Coordinator { get; } = A.Coordinator();

    /// <summary>A manager: approves remedies up to the manager's limit.</summary>
    public static Actor Manager { get; } = A.Manager();

    /// <summary>The general manager: approves what is above the manager's limit.</summary>
    public static Actor GeneralManager { get; } = A.GeneralManager();

    /// <summary>Handler <c>handler-1</c>, the default handler of <see cref="DriveTo"/>.</summary>
    public static Actor Handler { get; } = A.Handler("handler-1");

    /// <summary>Handler <c>handler-2</c> of the after-sales department.</summary>
    public static Actor OtherHandler { get; } = A.Handler("handler-2", "after-sales");

    /// <summary>The JSON a store keeps of <paramref name="value"/>: compare two cases or entries byte for byte.</summary>
    /// <typeparam name="T">What is serialised.</typeparam>
    /// <param name="value">A case, entry, notification ….</param>
    /// <returns>Its JSON with <see cref="ComplaintsJson.Options"/>.</returns>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, ComplaintsJson.Options);

    /// <summary>Receives a complaint through the service.</summary>
    /// <param name="complaint">What is received; a default complaint if <see langword="null"/>.</param>
    /// <param name="receiver">Who receives it; a front-desk receiver if <see langword="null"/>.</param>
    /// <returns>The new case's id.</returns>
    public async Task<ComplaintId> Receive(ComplaintBuilder? complaint = null, Actor? receiver = null) =>
        (await Service.ReceiveAsync(receiver ?? A.Receiver(), (complaint ?? A.Complaint()).BuildIntake())).Complaint.Id;

    /// <summary>Issues <paramref name="command"/> on a case through the service.</summary>
    /// <param name="id">The case.</param>
    /// <param name="actor">Who issues it.</param>
    /// <param name="command">The command.</param>
    /// <returns>The case after it, as the actor sees it.</returns>
    public async Task<Complaint> Do(ComplaintId id, Actor actor, ComplaintCommand command) =>
        (await Service.ExecuteAsync(id, actor, command)).Complaint;

    /// <summary>The case as the store has it.</summary>
    /// <param name="id">The case.</param>
    /// <returns>The stored case.</returns>
    /// <exception cref="InvalidOperationException">The store has no such case.</exception>
    public async Task<Complaint> Stored(ComplaintId id) =>
        await Store.LoadAsync(id) ?? throw new InvalidOperationException($"Complaint {id} is not stored.");

    /// <summary>The case's journal as the store has it.</summary>
    /// <param name="id">The case.</param>
    /// <returns>Its entries in order.</returns>
    public Task<IReadOnlyList<JournalEntry>> Journal(ComplaintId id) => Store.ReadJournalAsync(id);

    /// <summary>
    /// Receives <paramref name="complaint"/> and drives it along the happy path to <paramref name="target"/>; the
    /// ended states come from their own commands (Rejected and Redirected need a builder the pack finds inadmissible).
    /// </summary>
    public async Task<ComplaintId> DriveTo(ComplaintState target, ComplaintBuilder? complaint = null, Actor? handler = null, RemedyProposal? remedy = null, Actor? receiver = null)
    {
        var id = await Receive(complaint, receiver);
        await DriveOn(id, target, handler, remedy);
        return id;
    }

    /// <summary>Drives an existing case along the happy path until it is in <paramref name="target"/>.</summary>
    public async Task DriveOn(ComplaintId id, ComplaintState target, Actor? handler = null, RemedyProposal? remedy = null)
    {
        handler ??= Handler;
        remedy ??= A.Remedy(RemedyKind.Compensation, 300);
        if (target == ComplaintState.Withdrawn)
        {
            await Do(id, Coordinator, new Withdraw("Settled privately."));
            return;
        }

        for (var guard = 0; guard < 30; guard++)
        {
            var c = await Stored(id);
            if (c.State == target)
            {
                return;
            }

            ComplaintCommand? command = null;
            var actor = handler;
            switch (c.State)
            {
                case ComplaintState.Received when c.Intake.Channel.IsOral() && c.ReadBack is null:
                    (actor, command) = (Coordinator, new ConfirmReadBack());
                    break;
                case ComplaintState.Received:
                    (actor, command) = (Coordinator, new Triage());
                    break;
                case ComplaintState.Triaged:
                    (actor, command) = (Coordinator, new Assign(handler));
                    break;
                case ComplaintState.Assigned:
                    command = new StartInvestigation();
                    break;
                case ComplaintState.Investigating when c.Findings is null:
                    command = new RecordFindings(new Findings(FindingOutcome.PartlySubstantiated, RootCause.ProcessGap, "The process let it happen."));
                    break;
                case ComplaintState.Investigating when c.Severity == Severity.Major && c.EmergencyMeeting is null:
                    (actor, command) = (GeneralManager, new RecordEmergencyMeeting(["General manager", "Quality"], "Hold the batch."));
                    break;
                case ComplaintState.Investigating:
                    command = new ProposeRemedy(remedy);
                    break;
                case ComplaintState.AwaitingApproval:
                    actor = string.Equals(c.PendingApproval?.Role, ComplaintRoles.GeneralManager, StringComparison.OrdinalIgnoreCase) ? GeneralManager : Manager;
                    command = new Approve("Agreed.");
                    break;
                case ComplaintState.Approved:
                    command = new CommunicateDecision(Channel.Phone, "We will put it right.");
                    break;
                case ComplaintState.AwaitingCustomer:
                    command = new RecordCustomerAcceptance("Fine.");
                    break;
                case ComplaintState.Implementing:
                    command = new CompleteImplementation("Done.");
                    break;
                case ComplaintState.FollowUp when c.FollowUps.Count == 0:
                    command = new RecordFollowUp(Satisfaction.Satisfied, "Happy now.");
                    break;
                case ComplaintState.FollowUp:
                    (actor, command) = (Coordinator, new Close("Resolved."));
                    break;
                default:
                    throw new InvalidOperationException($"The happy path does not reach {target}; it stopped at {c.State}.");
            }

            await Do(id, actor, command);
        }

        throw new InvalidOperationException($"Case {id} did not reach {target}.");
    }
}
