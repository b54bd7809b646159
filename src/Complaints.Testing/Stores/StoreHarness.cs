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
/// A real <see cref="ComplaintService"/> (the generic pack accepting any intake attributes, its <c>cn</c> calendar, a fake clock) over the store under
/// test, with helpers that drive cases along the lifecycle: what <see cref="ComplaintStoreContract"/>'s tests run on, and
/// what a store's own tests (races between nodes, migrations) can use to fill a store with real cases.
/// </summary>
public sealed class StoreHarness
{
    /// <summary>Monday 2 March 2026, 09:30 UTC.</summary>
    public static readonly DateTimeOffset Start = ComplaintBuilder.DefaultReceivedAt;

    // Hostile and edge-of-limit attributes are what the contract stores, so the pack's intake schema is not applied.
    private static readonly Lazy<IComplaintPolicy> Generic = new(() => new AnyAttributesPolicy(PolicyPacks.LoadBuiltIn("generic")));

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

    /// <summary>Handler <c>handler-1</c>, the default handler of <see cref="DriveToAsync"/>.</summary>
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
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new case's id.</returns>
    public async Task<ComplaintId> ReceiveAsync(ComplaintBuilder? complaint = null, Actor? receiver = null, CancellationToken cancellationToken = default) =>
        (await Service.ReceiveAsync(receiver ?? A.Receiver(), (complaint ?? A.Complaint()).BuildIntake(), cancellationToken).ConfigureAwait(false)).Complaint.Id;

    /// <summary>Issues <paramref name="command"/> on a case through the service.</summary>
    /// <param name="id">The case.</param>
    /// <param name="actor">Who issues it.</param>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The case after it, as the actor sees it.</returns>
    public async Task<Complaint> DoAsync(ComplaintId id, Actor actor, ComplaintCommand command, CancellationToken cancellationToken = default) =>
        (await Service.ExecuteAsync(id, actor, command, cancellationToken: cancellationToken).ConfigureAwait(false)).Complaint;

    /// <summary>The case as the store has it.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored case.</returns>
    /// <exception cref="InvalidOperationException">The store has no such case.</exception>
    public async Task<Complaint> StoredAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        await Store.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Complaint {id} is not stored.");

    /// <summary>The case's journal as the store has it.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its entries in order.</returns>
    public Task<IReadOnlyList<JournalEntry>> JournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => Store.ReadJournalAsync(id, cancellationToken);

    /// <summary>
    /// Receives <paramref name="complaint"/> and drives it along the happy path to <paramref name="target"/> with a
    /// <see cref="CaseDriver"/> (<see cref="Driver"/>); the side ends (Rejected, Redirected, Withdrawn) come from the
    /// coordinator's own commands.
    /// </summary>
    /// <param name="target">Where the case should end up.</param>
    /// <param name="complaint">What is received; a default complaint if <see langword="null"/>.</param>
    /// <param name="handler">Who is assigned; <see cref="Handler"/> if <see langword="null"/>.</param>
    /// <param name="remedy">The remedy proposed; a 300 CNY compensation if <see langword="null"/>.</param>
    /// <param name="receiver">Who receives it; a front-desk receiver if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>The new case's id.</returns>
    /// <exception cref="InvalidOperationException">The happy path does not lead to <paramref name="target"/>.</exception>
    public async Task<ComplaintId> DriveToAsync(
        ComplaintState target, ComplaintBuilder? complaint = null, Actor? handler = null, RemedyProposal? remedy = null, Actor? receiver = null, CancellationToken cancellationToken = default)
    {
        var driven = await Driver(handler, remedy).DriveToAsync((complaint ?? A.Complaint()).BuildIntake(), target, receiver, cancellationToken).ConfigureAwait(false);
        return driven.Id;
    }

    /// <summary>Drives a stored case on along the happy path until it is in <paramref name="target"/>.</summary>
    /// <param name="id">The case.</param>
    /// <param name="target">Where the case should end up.</param>
    /// <param name="handler">Who is assigned, if the case is not assigned yet; <see cref="Handler"/> if <see langword="null"/>.</param>
    /// <param name="remedy">The remedy proposed; a 300 CNY compensation if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>A task that completes when the case is in <paramref name="target"/>.</returns>
    /// <exception cref="InvalidOperationException">The happy path does not lead there from where the case stands.</exception>
    public async Task DriveOnAsync(ComplaintId id, ComplaintState target, Actor? handler = null, RemedyProposal? remedy = null, CancellationToken cancellationToken = default) =>
        await Driver(handler, remedy).DriveOnAsync(await StoredAsync(id, cancellationToken).ConfigureAwait(false), target, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The driver <see cref="DriveToAsync"/> and <see cref="DriveOnAsync"/> use: this harness's coordinator, the handler,
    /// <see cref="Manager"/> and <see cref="GeneralManager"/> approving by role, the general manager chairing the
    /// emergency meeting, and a short script with <paramref name="remedy"/>.
    /// </summary>
    /// <param name="handler">Who is assigned; <see cref="Handler"/> if <see langword="null"/>.</param>
    /// <param name="remedy">The remedy proposed; a 300 CNY compensation if <see langword="null"/>.</param>
    /// <returns>The driver.</returns>
    public CaseDriver Driver(Actor? handler = null, RemedyProposal? remedy = null) =>
        new(
            Service,
            new CaseCast
            {
                Receiver = A.Receiver(),
                Coordinator = Coordinator,
                Handler = handler ?? Handler,
                Approvers = [Manager, GeneralManager],
                MeetingChair = GeneralManager,
            },
            HarnessScript with { Remedy = remedy ?? HarnessScript.Remedy });

    /// <summary>What the harness's drives record: brief notes, findings of a process gap, a 300 CNY compensation.</summary>
    private static readonly CaseScript HarnessScript = new()
    {
        Findings = new Findings(FindingOutcome.PartlySubstantiated, RootCause.ProcessGap, "The process let it happen."),
        MeetingAttendees = ["General manager", "Quality"],
        MeetingMinutes = "Hold the batch.",
        Remedy = A.Remedy(RemedyKind.Compensation, 300),
        DecisionMessage = "We will put it right.",
        Implementation = "Done.",
        FollowUpComment = "Happy now.",
        ClosingSummary = "Resolved.",
    };
}
