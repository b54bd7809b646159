using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Access;
using Complaints.Workflow.CommandDefinitions;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Diagnostics;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;
using Complaints.Workflow.Permissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow;

/// <summary>
/// The command and query API of the complaint workflow. Each command loads the case, checks that the lifecycle
/// allows it and that the actor may issue it, asks the policy where a decision is needed, fires the lifecycle,
/// appends journal entries and saves with the expected version. A command that fails changes nothing.
/// </summary>
public sealed partial class ComplaintService
{
    private readonly IComplaintStore _store;
    private readonly PolicyCatalog _policies;
    private readonly IBusinessCalendar _calendar;
    private readonly Calendars.BusinessCalendarRegistry _calendars;
    private readonly TimeProvider _time;
    private readonly ComplaintsOptions _options;
    private readonly CaseAccess _access;
    private readonly IAuditLog _audit;
    private readonly ComplaintsTelemetry _telemetry;
    private readonly ILogger<ComplaintService> _logger;

    /// <summary>Creates the service. Hosts normally get it from <c>services.AddComplaints()</c>.</summary>
    /// <param name="store">Where cases live.</param>
    /// <param name="policies">The policies that make every decision: the current one for new cases, and the versions older cases were opened under.</param>
    /// <param name="calendar">The business calendar deadlines are computed on when the policy names none.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">The workflow's settings.</param>
    /// <param name="calendars">The calendars policies may name; the built-in ones if <see langword="null"/>.</param>
    /// <param name="audit">
    /// Where identity reads and refusals are put on record; the store itself if <see langword="null"/> (the built-in
    /// stores implement <see cref="IAuditLog"/>).
    /// </param>
    /// <param name="telemetry">Where commands are counted and traced (docs/operations.md); the process-wide <see cref="ComplaintsTelemetry.MeterName"/> meter if <see langword="null"/>.</param>
    /// <param name="logger">
    /// Where accepted commands (Debug) and received cases, state changes, recorded deadline breaches and escalations
    /// (Information) are logged, with the EventIds docs/operations.md lists; nothing if <see langword="null"/>.
    /// </param>
    /// <exception cref="InvalidOperationException">No audit log is given and the store does not implement <see cref="IAuditLog"/>.</exception>
    public ComplaintService(
        IComplaintStore store,
        PolicyCatalog policies,
        IBusinessCalendar calendar,
        TimeProvider time,
        IOptions<ComplaintsOptions> options,
        Calendars.BusinessCalendarRegistry? calendars = null,
        IAuditLog? audit = null,
        ComplaintsTelemetry? telemetry = null,
        ILogger<ComplaintService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _policies = policies ?? throw new ArgumentNullException(nameof(policies));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
        _calendars = calendars ?? new Calendars.BusinessCalendarRegistry(_options.CalendarWeekdayFallback, _options.StrictCalendarHorizon);
        _access = new CaseAccess(_options, _policies);
        _telemetry = telemetry ?? ComplaintsTelemetry.Shared;
        _logger = logger ?? NullLogger<ComplaintService>.Instance;
        _audit = audit ?? store as IAuditLog ?? throw new InvalidOperationException(
            $"The complaint store {store.GetType().Name} does not implement IAuditLog, where reads of a confidential complainant and refused commands are put on record. Implement it on the store, or register an IAuditLog.");
    }

    /// <summary>The policies this service decides under: those new cases are opened under (chosen by the catalog's selector, if any), and every version loaded for the cases opened under it.</summary>
    public PolicyCatalog Policies => _policies;

    /// <summary>Records a new complaint (受理). The receiver owns it until a handler is named.</summary>
    /// <param name="receiver">Who received it.</param>
    /// <param name="intake">What was recorded.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new case and its first journal entry.</returns>
    /// <exception cref="ComplaintValidationException">The intake is invalid (against the intake schema of the pack chosen for it); nothing was stored.</exception>
    /// <exception cref="PolicySelectionException">The <see cref="PolicyCatalog.Selector"/> failed or chose a pack that is not loaded; nothing was stored.</exception>
    public Task<CommandResult> ReceiveAsync(Actor receiver, ComplaintIntake intake, CancellationToken cancellationToken = default) =>
        _telemetry.CommandsObserved
            ? ObservedReceiveAsync(receiver, intake, cancellationToken)
            : ReceiveCoreAsync(receiver, intake, null, cancellationToken);

    // Its own method, so that the closure is made only while something listens.
    private Task<CommandResult> ObservedReceiveAsync(Actor receiver, ComplaintIntake intake, CancellationToken cancellationToken) =>
        ObservedAsync(ComplaintAction.Receive, null, observation => ReceiveCoreAsync(receiver, intake, observation, cancellationToken));

    private async Task<CommandResult> ReceiveCoreAsync(Actor receiver, ComplaintIntake intake, CommandObservation? observation, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var actorCheck = new Validation().Actor(receiver, "Actor");
        actorCheck.ThrowIfAny();
        InputValidator.Intake(intake, now);
        var policy = _policies.Select(intake, receiver);
        InputValidator.Attributes(intake, policy, _policies.Selector);
        EnsurePermitted(null, receiver, ComplaintAction.Receive, LifecycleSettings.Default);

        var id = new ComplaintId(Version7.New(now));
        var normalized = intake.Evidence is null ? intake with { Evidence = [] } : intake;
        var (statusKey, secret) = Status.StatusKeys.Issue();
        var entry = new JournalEntry(
            id, 1, now, receiver, ComplaintState.Received, ComplaintState.Received,
            new ComplaintReceived(normalized, policy.Identity) { StatusKey = statusKey }, Version7.New(now));
        var complaint = ComplaintReplay.Apply(null, entry);
        if (observation is not null)
        {
            observation.CaseId = id;
            observation.Policy = policy.Identity;
            observation.To = complaint.State;
        }

        await SaveAsync(CaseChanges.Of(complaint, [entry], 0, ObservedPolicy.Of(policy, _telemetry, _time), _options.NoticeTemplates), cancellationToken).ConfigureAwait(false);
        LogReceived(complaint, entry);

        var view = _access.ViewOf(complaint, receiver);
        return new CommandResult(view.Apply(complaint), view.Apply(complaint, [entry])) { ComplainantAccess = new(id.ToString(), secret) };
    }

    /// <summary>Issues a command on a case.</summary>
    /// <param name="id">The case.</param>
    /// <param name="actor">Who issues it.</param>
    /// <param name="command">The command.</param>
    /// <param name="expectedVersion">The version the actor based the command on; if given and stale, the command fails with <see cref="ConcurrencyException"/>.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is saved).</param>
    /// <returns>The case after the command and the journal entries it wrote.</returns>
    /// <exception cref="ComplaintValidationException">The command's fields are invalid.</exception>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="InvalidTransitionException">The case's state does not allow the command now.</exception>
    /// <exception cref="NotPermittedException">The actor may not issue it, or the policy does not allow it.</exception>
    /// <exception cref="RecusalRequiredException">The handler or approver has a conflict of interest.</exception>
    /// <exception cref="ConcurrencyException">Someone else changed the case first.</exception>
    /// <exception cref="PolicyVersionNotLoadedException">The pack version the case was opened under is not loaded and <see cref="ComplaintsOptions.PolicyVersionFallback"/> does not allow another.</exception>
    public Task<CommandResult> ExecuteAsync(
        ComplaintId id,
        Actor actor,
        ComplaintCommand command,
        long? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        // Unknown or missing commands have no action to count under: they only fail validation.
        if (_telemetry.CommandsObserved && command is not null && CommandTable.Find(command) is { } known)
        {
            return ObservedExecuteAsync(known.Action, id, actor, command, expectedVersion, cancellationToken);
        }

        return ExecuteCoreAsync(id, actor, command, expectedVersion, null, cancellationToken);
    }

    // Its own method, so that the closure is made only while something listens, not on every command.
    private Task<CommandResult> ObservedExecuteAsync(
        ComplaintAction action, ComplaintId id, Actor actor, ComplaintCommand command, long? expectedVersion, CancellationToken cancellationToken) =>
        ObservedAsync(action, id, observation => ExecuteCoreAsync(id, actor, command, expectedVersion, observation, cancellationToken));

    /// <summary>Runs a command while something listens, and records its outcome, duration and activity.</summary>
    private async Task<CommandResult> ObservedAsync(ComplaintAction action, ComplaintId? id, Func<CommandObservation, Task<CommandResult>> run)
    {
        // Started in this async method, so the activity is current for the command only, never for the caller after it.
        var observation = new CommandObservation(_time, action, id, ComplaintsTelemetry.StartCommand(action, id));
        CommandResult result;
        try
        {
            result = await run(observation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _telemetry.CommandDone(observation, TelemetryNames.OutcomeOf(e), e);
            throw;
        }

        _telemetry.CommandDone(observation, TelemetryNames.Ok, null);
        return result;
    }

    /// <summary>Saves a command's change; timed and traced (<c>complaints.store.save</c>) while something listens.</summary>
    private Task SaveAsync(CaseChange change, CancellationToken cancellationToken) =>
        _telemetry.SavesObserved ? ObservedSaveAsync(change, cancellationToken) : _store.SaveAsync(change, cancellationToken);

    private async Task ObservedSaveAsync(CaseChange change, CancellationToken cancellationToken)
    {
        var save = ComplaintsTelemetry.StartSave(_time);
        try
        {
            await _store.SaveAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _telemetry.SaveDone(save, _time, e);
            throw;
        }

        _telemetry.SaveDone(save, _time, null);
    }

    private async Task<CommandResult> ExecuteCoreAsync(
        ComplaintId id, Actor actor, ComplaintCommand? command, long? expectedVersion, CommandObservation? observation, CancellationToken cancellationToken)
    {
        var v = new Validation().Actor(actor, "Actor");
        v.ThrowIfAny();
        var definition = InputValidator.Command(command, v); // the same (error-free) validation goes on with the command's fields
        var retries = expectedVersion is null && _options.RetryOnConflict.Contains(definition.Action) ? Math.Max(0, _options.ConflictRetries) : 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ExecuteOnceAsync(id, actor, command!, definition, expectedVersion, observation, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyException) when (attempt < retries)
            {
                // Someone saved first: decide again on the case as it now is.
            }
        }
    }

    private async ValueTask<CommandResult> ExecuteOnceAsync(
        ComplaintId id, Actor actor, ComplaintCommand command, CommandDefinition definition, long? expectedVersion, CommandObservation? observation, CancellationToken cancellationToken)
    {
        // The in-memory store answers at once: asked directly, a load costs no task.
        var complaint = (_store is InMemory.InMemoryComplaintStore memory ? memory.Load(id, cancellationToken) : await _store.LoadAsync(id, cancellationToken).ConfigureAwait(false))
            ?? throw new ComplaintNotFoundException(id);
        if (observation is not null)
        {
            observation.Policy = complaint.Policy;
            observation.From = complaint.State;
        }

        var now = _time.GetUtcNow();
        IComplaintPolicy policy;
        IReadOnlyList<Step> steps;
        DecisionContext context;
        try
        {
            // Acting needs seeing: someone who may not read the case learns nothing of it from a command either.
            _access.EnsureVisible(complaint, actor, definition.Action);
            // After the visibility check: a conflict tells the current version, which is not for those who may not see the case.
            if (expectedVersion is { } expected && expected != complaint.Version)
            {
                throw new ConcurrencyException(id, expected, complaint.Version);
            }

            policy = _policies.Resolve(complaint.Policy, complaint.Id);
            if (observation is not null)
            {
                observation.Policy = policy.Identity;
            }

            EnsureLifecycleAllows(complaint, definition, now, policy.Lifecycle);
            EnsurePermitted(complaint, actor, definition.Action, policy.Lifecycle);
            // While something listens, each decision the command asks is timed and traced (complaints.policy.decide).
            policy = ObservedPolicy.Of(policy, _telemetry, _time);
            context = new DecisionContext(policy, complaint, actor, now, _calendar, _calendars, _options.ReopenWindow);
            steps = definition.Decide(context, command);
        }
        catch (ComplaintException refused) when (refused is NotPermittedException or RecusalRequiredException)
        {
            var shown = ForActor(refused, complaint, actor);
            await AuditAsync(AuditKind.Refused, actor, definition.Action, complaint.Id, AuditReason(shown), cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(shown, refused))
            {
                throw;
            }

            throw shown;
        }

        var (updated, entries) = Fire(complaint, actor, definition.Action, steps, now, policy.Lifecycle);
        (updated, entries) = StartPendingDeadlines(updated, entries, context);
        await SaveAsync(CaseChanges.Of(updated, entries, complaint.Version, policy, _options.NoticeTemplates), cancellationToken).ConfigureAwait(false);
        LogSaved(definition.Action, updated, entries);

        if (observation is not null)
        {
            observation.To = updated.State;
        }

        // One view serves both the case and its entries.
        var view = _access.ViewOf(updated, actor);
        return new CommandResult(view.Apply(updated), view.Apply(updated, entries));
    }

    /// <summary>
    /// The refusal as <paramref name="actor"/> may see it: a conflict of interest the policy found can say who
    /// complained ("they filed it themselves"), so for someone who may not see the identity its reason and rules are
    /// withheld — for every such conflict alike, so that which one it was cannot be told apart either.
    /// </summary>
    private ComplaintException ForActor(ComplaintException refused, Complaint complaint, Actor actor) =>
        refused is RecusalRequiredException recusal && recusal.Reason != AccusedReason && !_access.ViewOf(complaint, actor).Identity
            ? new RecusalRequiredException(recusal.ComplaintId, recusal.Person, WithheldConflict, [])
            : refused;

    /// <summary>The reason an audit record keeps: what anyone may read, never what identifies the complainant.</summary>
    private static string AuditReason(ComplaintException shown) => shown switch
    {
        RecusalRequiredException r when r.Reason != AccusedReason => "a conflict of interest (" + WithheldConflict + ")",
        RecusalRequiredException r => "a conflict of interest (" + r.Reason + ")",
        NotPermittedException n when n.Reason.StartsWith(RecusedPrefix, StringComparison.Ordinal) => RecusedPrefix + ".",
        NotPermittedException n => n.Reason,
        _ => shown.GetType().Name,
    };

    /// <summary>The reason a refusal gives when the person complained about would act or be named handler: anyone may read it.</summary>
    internal const string AccusedReason = "they are the person complained about";
    private const string RecusedPrefix = "they are recused from this case";
    private const string WithheldConflict =
        "a conflict of interest the policy found; its details are withheld, as they could identify the complainant (someone who may see the complainant is told them when they try the same)";

    private Task AuditAsync(AuditKind kind, Actor actor, ComplaintAction action, ComplaintId? id, string? reason, CancellationToken cancellationToken) =>
        _audit.AppendAuditAsync(Record(kind, actor, action, id, reason), cancellationToken);

    private AuditRecord Record(AuditKind kind, Actor actor, ComplaintAction action, ComplaintId? id, string? reason)
    {
        var now = _time.GetUtcNow();
        return new AuditRecord(Version7.New(now), now, actor.Id, kind, action, id, reason);
    }

    /// <summary>Throws unless one of the action's triggers can fire on the case now.</summary>
    private void EnsureLifecycleAllows(Complaint complaint, ActionDefinition definition, DateTimeOffset now, LifecycleSettings settings)
    {
        var machine = LifecycleMachine.For(complaint, now, _options.ReopenWindow, settings);
        List<string>? unmet = null;
        foreach (var trigger in definition.Triggers)
        {
            if (machine.CanFire(trigger, out var conditions))
            {
                return;
            }

            (unmet ??= []).AddRange(conditions);
        }

        throw new InvalidTransitionException(complaint.Id, complaint.State, definition.Action, machine.AllowedActions(), unmet?.Distinct().ToArray() ?? []);
    }

    private (Complaint Updated, JournalEntry[] Entries) Fire(
        Complaint complaint, Actor actor, ComplaintAction action, IReadOnlyList<Step> steps, DateTimeOffset now, LifecycleSettings settings)
    {
        var entries = new JournalEntry[steps.Count];
        var commandId = Version7.New(now);
        var current = complaint;
        for (var i = 0; i < steps.Count; i++)
        {
            var machine = LifecycleMachine.For(current, now, _options.ReopenWindow, settings);
            if (!machine.CanFire(steps[i].Trigger, out var unmet))
            {
                throw new InvalidTransitionException(current.Id, current.State, action, machine.AllowedActions(), unmet);
            }

            var from = current.State;
            var to = machine.Fire(steps[i].Trigger);
            entries[i] = new JournalEntry(current.Id, current.Version + 1, now, actor, from, to, steps[i].Event, commandId);
            current = ComplaintReplay.Apply(current, entries[i]);
        }

        return (current, entries);
    }

    /// <summary>
    /// The same save plans the case's pending deadlines whose clocks the entries started (<see cref="DeadlineRule.StartsAt"/>):
    /// one <see cref="DeadlinesStarted"/> entry per starting event, after the command's own, so the deadline worker's
    /// alarms see them at once. A case sent back to <see cref="ComplaintState.Received"/> starts none: its triage will.
    /// </summary>
    private static (Complaint Updated, JournalEntry[] Entries) StartPendingDeadlines(Complaint updated, JournalEntry[] entries, in DecisionContext context)
    {
        if (updated.PendingDeadlines.Count == 0 || updated.State == ComplaintState.Received)
        {
            return (updated, entries);
        }

        List<JournalEntry>? all = null;
        var current = updated;
        foreach (var entry in entries)
        {
            if (DeadlineClocks.StartedBy(entry) is { } started && DeadlineClocks.Start(current, started, context.Calendar(), context.Now) is { } planned)
            {
                var last = all is null ? entries[^1] : all[^1];
                var next = new JournalEntry(current.Id, current.Version + 1, last.At, last.Actor, current.State, current.State, planned, last.CommandId);
                (all ??= [.. entries]).Add(next);
                current = ComplaintReplay.Apply(current, next);
            }
        }

        return all is null ? (updated, entries) : (current, [.. all]);
    }

    /// <summary>
    /// Who may take <paramref name="action"/> on a case under a policy's lifecycle <paramref name="settings"/>: the
    /// workflow's rule, except that a policy naming its triage roles grants triage to those roles instead of the rule's,
    /// and a policy naming the role that confirms sanctions grants that role the assessment too.
    /// </summary>
    private PermissionRule PermissionFor(ComplaintAction action, LifecycleSettings settings)
    {
        var rule = _options.Permissions[action];
        return action switch
        {
            ComplaintAction.Triage when settings.TriageRoles is { } roles => rule with { Roles = roles },
            ComplaintAction.AssessAccountability when settings.PenaltiesConfirmedBy is { } confirmer => rule with { Roles = [.. rule.Roles, confirmer] },
            _ => rule,
        };
    }

    private void EnsurePermitted(Complaint? complaint, Actor actor, ComplaintAction action, LifecycleSettings settings)
    {
        if (complaint is not null)
        {
            if (complaint.IsAccused(actor.Id))
            {
                throw new NotPermittedException(complaint.Id, actor.Id, action, "they are the person complained about, and the accused may not act on the case.");
            }

            for (var recusalIndex = 0; recusalIndex < complaint.Recusals.Count; recusalIndex++)
            {
                var recusal = complaint.Recusals[recusalIndex];
                if (recusal.Actor == actor.Id)
                {
                    throw new NotPermittedException(complaint.Id, actor.Id, action, $"{RecusedPrefix} ({recusal.Reason}).");
                }
            }
        }

        var rule = PermissionFor(action, settings);
        if (!rule.Grants(actor, complaint))
        {
            var held = actor.Roles.Count > 0 ? string.Join(", ", actor.Roles) : "none";
            throw new NotPermittedException(complaint?.Id, actor.Id, action, $"it needs {rule.Describe()} (their roles: {held}).");
        }
    }
}
