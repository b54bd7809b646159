using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.Time.Testing;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Testing;

/// <summary>
/// A <see cref="ComplaintService"/> wired for tests: an <see cref="InMemoryComplaintStore"/>, a
/// <see cref="FakeTimeProvider"/> you move with <see cref="Time"/>, a business calendar and a policy, with helpers
/// that drive a case and read back what the workflow stored and decided. Build one per test.
/// </summary>
/// <example>
/// <code>
/// var harness = ComplaintsHarness.ForPack("generic");
/// var received = await harness.ReceiveAsync(A.Complaint().InCategory("billing"));
/// var triaged = await harness.TriageAsync(received.Complaint.Id);
/// triaged.Complaint.Department.Should().Be(new DepartmentId("finance"));
/// </code>
/// </example>
public sealed class ComplaintsHarness
{
    /// <summary>Creates a harness deciding with <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy: a <see cref="PolicyPack"/> or the host's own implementation.</param>
    /// <param name="calendar">
    /// The business calendar every deadline is counted on, whatever calendar the policy names. If
    /// <see langword="null"/>, deadlines count as in production: on the calendar the policy names (a pack's
    /// <c>calendar</c>, e.g. <c>cn</c>) from <see cref="Calendars"/>, or on a UTC <see cref="WeekdayCalendar"/> if it names none.
    /// </param>
    /// <param name="start">Where the clock starts; <see cref="ComplaintBuilder.DefaultReceivedAt"/> (a Monday morning) if <see langword="null"/>.</param>
    /// <param name="options">The workflow's settings (permissions, reopen window); the defaults if <see langword="null"/>.</param>
    public ComplaintsHarness(IComplaintPolicy policy, IBusinessCalendar? calendar = null, DateTimeOffset? start = null, ComplaintsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policies = new PolicyCatalog(policy);
        Calendar = calendar ?? new WeekdayCalendar();
        Time = new FakeTimeProvider(start ?? ComplaintBuilder.DefaultReceivedAt);
        Options = options ?? new ComplaintsOptions();
        Calendars = new BusinessCalendarRegistry(Options.CalendarWeekdayFallback, Options.StrictCalendarHorizon);
        if (calendar is not null && policy.CalendarName is { } name)
        {
            // A calendar given by the test wins over the one the pack names.
            Calendars.Register(name, calendar);
        }

        Service = new ComplaintService(Store, Policies, Calendar, Time, OptionsFactory.Create(Options), Calendars);
    }

    /// <summary>A harness deciding with a built-in pack (<c>generic</c>, <c>hospital</c> …), loaded and validated now.</summary>
    /// <param name="packId">The pack id, one of <see cref="PolicyPacks.BuiltIn"/>.</param>
    /// <param name="overrideFolder">A folder with the host's overrides of the pack, if any.</param>
    /// <returns>The harness.</returns>
    public static ComplaintsHarness ForPack(string packId, string? overrideFolder = null) =>
        new(PolicyPacks.LoadBuiltIn(packId, overrideFolder));

    /// <summary>A harness deciding with the pack in <paramref name="folder"/>: the host's own pack.</summary>
    /// <param name="folder">The folder holding <c>pack.json</c> and the decision files.</param>
    /// <returns>The harness.</returns>
    public static ComplaintsHarness ForPackFolder(string folder) => new(PolicyPacks.LoadFolder(folder));

    /// <summary>A harness deciding with any policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The harness.</returns>
    public static ComplaintsHarness ForPolicy(IComplaintPolicy policy) => new(policy);

    /// <summary>The service under test.</summary>
    public ComplaintService Service { get; }

    /// <summary>The store, for reading cases and journals without the service's visibility rules.</summary>
    public InMemoryComplaintStore Store { get; } = new();

    /// <summary>The clock. Move it with <c>Time.Advance(TimeSpan.FromDays(3))</c> to pass deadlines.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The business calendar deadlines are counted on when the policy names none (or the one given, for every policy).</summary>
    public IBusinessCalendar Calendar { get; }

    /// <summary>The calendars a policy may name (<c>cn</c>, <c>weekdays</c> and any you register).</summary>
    public BusinessCalendarRegistry Calendars { get; }

    /// <summary>The policies; <see cref="PolicyCatalog.Load"/> a newer version to test cases that keep their old one.</summary>
    public PolicyCatalog Policies { get; }

    /// <summary>The policy new cases are opened under.</summary>
    public IComplaintPolicy Policy => Policies.Current;

    /// <summary>The workflow's settings; change permissions here before the first command.</summary>
    public ComplaintsOptions Options { get; }

    /// <summary>Receives a complaint.</summary>
    /// <param name="intake">What was recorded.</param>
    /// <param name="receiver">Who received it; <see cref="A.Receiver"/> if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new case as the receiver sees it, and its journal entry.</returns>
    public Task<CommandResult> ReceiveAsync(ComplaintIntake intake, Actor? receiver = null, CancellationToken cancellationToken = default) =>
        Service.ReceiveAsync(receiver ?? A.Receiver(), intake, cancellationToken);

    /// <summary>Receives the intake of a built complaint (what it says about triage, findings or state is not used).</summary>
    /// <param name="complaint">The builder.</param>
    /// <param name="receiver">Who received it; <see cref="A.Receiver"/> if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new case as the receiver sees it, and its journal entry.</returns>
    public Task<CommandResult> ReceiveAsync(ComplaintBuilder complaint, Actor? receiver = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return ReceiveAsync(complaint.BuildIntake(), receiver, cancellationToken);
    }

    /// <summary>Issues a command on a case.</summary>
    /// <param name="id">The case.</param>
    /// <param name="actor">Who issues it.</param>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The case as the actor sees it after the command, and the entries it wrote.</returns>
    public Task<CommandResult> ExecuteAsync(ComplaintId id, Actor actor, ComplaintCommand command, CancellationToken cancellationToken = default) =>
        Service.ExecuteAsync(id, actor, command, cancellationToken: cancellationToken);

    /// <summary>Triages a case as a coordinator, first confirming the read-back an oral complaint needs.</summary>
    /// <param name="id">The case.</param>
    /// <param name="coordinator">Who triages; <see cref="A.Coordinator"/> if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>The result of the triage: accepted and routed, rejected or redirected.</returns>
    public async Task<CommandResult> TriageAsync(ComplaintId id, Actor? coordinator = null, CancellationToken cancellationToken = default)
    {
        coordinator ??= A.Coordinator();
        var stored = await StoredAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored.Intake.Channel.IsOral() && stored.ReadBack is null)
        {
            await ExecuteAsync(id, coordinator, new ConfirmReadBack(), cancellationToken).ConfigureAwait(false);
        }

        return await ExecuteAsync(id, coordinator, new Triage(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case's whole journal, unredacted, in order.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    public Task<IReadOnlyList<JournalEntry>> JournalAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        Store.ReadJournalAsync(id, cancellationToken);

    /// <summary>The case as stored, unredacted.</summary>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The case.</returns>
    /// <exception cref="InvalidOperationException">No such case is stored.</exception>
    public async Task<Complaint> StoredAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        await Store.LoadAsync(id, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"No complaint {id} is stored in this harness ({Store.Count} are). Receive it with ReceiveAsync first.");

    /// <summary>Every decision of type <typeparamref name="TDecision"/> the journal of a case records, oldest first.</summary>
    /// <typeparam name="TDecision">The decision type, e.g. <see cref="RoutingDecision"/>; <see cref="PolicyDecision"/> for all.</typeparam>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The decisions.</returns>
    public async Task<IReadOnlyList<TDecision>> DecisionsAsync<TDecision>(ComplaintId id, CancellationToken cancellationToken = default)
        where TDecision : PolicyDecision
    {
        var journal = await JournalAsync(id, cancellationToken).ConfigureAwait(false);
        return journal.SelectMany(e => JournalDecisions.Of(e.Event)).OfType<TDecision>().ToArray();
    }

    /// <summary>The latest decision of type <typeparamref name="TDecision"/> recorded on a case, to assert on with <c>Should()</c>.</summary>
    /// <typeparam name="TDecision">The decision type, e.g. <see cref="RoutingDecision"/>.</typeparam>
    /// <param name="id">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidOperationException">The journal records no such decision.</exception>
    public async Task<TDecision> LastDecisionAsync<TDecision>(ComplaintId id, CancellationToken cancellationToken = default)
        where TDecision : PolicyDecision
    {
        var journal = await JournalAsync(id, cancellationToken).ConfigureAwait(false);
        var decisions = journal.SelectMany(e => JournalDecisions.Of(e.Event)).ToArray();
        return decisions.OfType<TDecision>().LastOrDefault()
            ?? throw new InvalidOperationException(
                $"The journal of complaint {id} records no {typeof(TDecision).Name}; it records {(decisions.Length == 0 ? "no decisions" : string.Join(", ", decisions.Select(d => d.GetType().Name)))}. " +
                $"Events: {string.Join(", ", journal.Select(e => e.Event.GetType().Name))}.");
    }
}
