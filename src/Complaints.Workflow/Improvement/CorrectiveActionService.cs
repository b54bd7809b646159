using Complaints.Improvement;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Internal;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Improvement;

/// <summary>
/// The command and query API of corrective and preventive actions (纠正预防措施): propose from one or more cases (or from
/// analysis), approve or decline where the policy requires approval, record progress, complete, verify effectiveness
/// (the service counts the recurrences), cancel; deadlines warned and breached by the deadline worker. Each command loads
/// the action, checks the lifecycle and the actor's permission, appends journal entries and saves with the expected
/// version. A command that fails stores nothing. Actions refer to cases by id and never carry a complainant's identity.
/// The notifications a command causes go in the same save, to the outbox of a store that has one: an approval request
/// to the approval role when an action that needs approval is proposed, a deadline warning to the owner, a deadline
/// breach to the owner and the approval role.
/// </summary>
public sealed partial class CorrectiveActionService
{
    private readonly ICorrectiveActionStore _actions;
    private readonly IComplaintStore _complaints;
    private readonly PolicyCatalog _policies;
    private readonly IBusinessCalendar _calendar;
    private readonly BusinessCalendarRegistry _calendars;
    private readonly TimeProvider _time;
    private readonly CorrectiveActionPermissions _permissions;
    private readonly Notifications.NoticeTemplates _templates;

    /// <summary>Creates the service. Hosts normally get it from <c>services.AddComplaints()</c>.</summary>
    /// <param name="actions">Where actions live.</param>
    /// <param name="complaints">Where the cases live: read to check the cases an action arises from and to count recurrences.</param>
    /// <param name="policies">The policies whose <see cref="IComplaintPolicy.CorrectiveActions"/> settings apply.</param>
    /// <param name="calendar">The business calendar deadlines count on when the policy names none.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">The workflow's settings (<see cref="ComplaintsOptions.CorrectiveActionPermissions"/>).</param>
    /// <param name="calendars">The calendars policies may name; the built-in ones if <see langword="null"/>.</param>
    public CorrectiveActionService(
        ICorrectiveActionStore actions,
        IComplaintStore complaints,
        PolicyCatalog policies,
        IBusinessCalendar calendar,
        TimeProvider time,
        IOptions<ComplaintsOptions> options,
        BusinessCalendarRegistry? calendars = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _actions = actions ?? throw new ArgumentNullException(nameof(actions));
        _complaints = complaints ?? throw new ArgumentNullException(nameof(complaints));
        _policies = policies ?? throw new ArgumentNullException(nameof(policies));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _permissions = options.Value.CorrectiveActionPermissions;
        _templates = options.Value.NoticeTemplates;
        _calendars = calendars ?? new BusinessCalendarRegistry(options.Value.CalendarWeekdayFallback, options.Value.StrictCalendarHorizon);
    }

    /// <summary>
    /// Proposes an action. Its terms come from the policy of its first case (or the current policy when it arises from
    /// analysis alone): if the policy names an approval role the action awaits that approval, else it is open at once;
    /// its completion deadline is counted in working days on the policy's calendar.
    /// </summary>
    /// <param name="actor">Who proposes it.</param>
    /// <param name="command">What is to change, the cause, the owner and the cases.</param>
    /// <param name="cancellationToken">Cancels the command (nothing is saved).</param>
    /// <returns>The new action and its first journal entry.</returns>
    /// <exception cref="ComplaintValidationException">A field is invalid, or a case does not exist (<c>Cases[i]</c>); nothing was stored.</exception>
    /// <exception cref="CorrectiveActionNotPermittedException">The actor may not propose actions.</exception>
    public async Task<CorrectiveActionResult> ProposeAsync(Actor actor, ProposeCorrectiveAction command, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        Validate(actor, command);
        // Refused before the cases are read: an actor who may not propose learns nothing of which case ids exist.
        Permit(CorrectiveActionOperation.Propose, actor, null);
        var cases = await LoadCasesAsync(command.Cases, cancellationToken).ConfigureAwait(false);

        var policy = cases.Count > 0 ? _policies.Resolve(cases[0].Policy) : _policies.Current;
        var terms = policy.CorrectiveActions.Terms(policy.Identity);
        var calendar = CalendarOf(policy);
        var proposed = new CorrectiveActionProposed(
            command.Kind, command.Title.Trim(), command.RootCause, command.CauseDescription.Trim(), [.. command.Cases], command.Owner,
            command.Department ?? (cases.Count > 0 ? cases[0].Department : null), command.Category?.Trim(), policy.Identity, terms,
            Deadline(CorrectiveActionDeadlineKind.Completion, now, terms.DueWorkingDays, terms.WarningWorkingDays, calendar));
        var id = new CorrectiveActionId(Version7.New(now));
        var entry = new CorrectiveActionJournalEntry(id, 1, now, actor, null, CorrectiveActionMachine.Initial(terms.ApprovalRole is not null), proposed);
        var action = CorrectiveActionReplay.Apply(null, entry);
        await _actions.SaveAsync(new CorrectiveActionChange(action, [entry], 0, CorrectiveActionNotificationPlanner.Plan(action, [entry], _templates, policy.Culture)), cancellationToken).ConfigureAwait(false);
        return new CorrectiveActionResult(action, [entry]);
    }

    /// <summary>Gives the approval the policy requires; the action is open and its completion deadline counts from now.</summary>
    /// <param name="id">The action.</param>
    /// <param name="actor">The approver: holds the role the policy names, and is not the action's owner.</param>
    /// <param name="note">What the approver adds, if anything.</param>
    /// <param name="expectedVersion">The version the approver saw; if given and stale, nothing is saved (<see cref="CorrectiveActionConcurrencyException"/>).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it.</returns>
    /// <exception cref="CorrectiveActionNotFoundException">There is no such action.</exception>
    /// <exception cref="CorrectiveActionTransitionException">It is not awaiting approval.</exception>
    /// <exception cref="CorrectiveActionNotPermittedException">The actor does not hold the approval role, or owns the action.</exception>
    public Task<CorrectiveActionResult> ApproveAsync(CorrectiveActionId id, Actor actor, string? note = null, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, CorrectiveActionOperation.Approve, expectedVersion, v => v.Text(note, ComplaintLimits.ReasonLength, "Note"), (action, now) =>
        {
            if (action.Owner == actor.Id)
            {
                throw Refused(action, actor, CorrectiveActionOperation.Approve, "the owner of an action may not approve it; another holder of the role must.");
            }

            var calendar = CalendarOf(PolicyOf(action));
            return new CorrectiveActionApproved(
                action.Approval!.Role, Trimmed(note), Deadline(CorrectiveActionDeadlineKind.Completion, now, action.DueWorkingDays, action.WarningWorkingDays, calendar));
        }, cancellationToken);

    /// <summary>Refuses the approval; the action ends as declined.</summary>
    /// <param name="id">The action.</param>
    /// <param name="actor">The approver.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="expectedVersion">The version the approver saw, if the command must fail when it is stale.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it.</returns>
    public Task<CorrectiveActionResult> DeclineAsync(CorrectiveActionId id, Actor actor, string reason, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, CorrectiveActionOperation.Decline, expectedVersion, v => v.RequiredText(reason, ComplaintLimits.ReasonLength, "Reason", "The reason for declining"),
            (_, _) => new CorrectiveActionDeclined(reason.Trim()), cancellationToken);

    /// <summary>Records progress on a running action.</summary>
    /// <param name="id">The action.</param>
    /// <param name="actor">The owner or a coordinator.</param>
    /// <param name="note">What was done; required.</param>
    /// <param name="expectedVersion">The version the actor saw, if the command must fail when it is stale.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it.</returns>
    public Task<CorrectiveActionResult> RecordProgressAsync(CorrectiveActionId id, Actor actor, string note, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, CorrectiveActionOperation.RecordProgress, expectedVersion, v => v.RequiredText(note, ComplaintLimits.TextLength, "Note", "The progress note"),
            (_, _) => new CorrectiveActionProgressRecorded(note.Trim()), cancellationToken);

    /// <summary>Records the action as carried out; its effectiveness is due to be checked after the policy's verification period.</summary>
    /// <param name="id">The action.</param>
    /// <param name="actor">The owner.</param>
    /// <param name="summary">What was done; required.</param>
    /// <param name="expectedVersion">The version the owner saw, if the command must fail when it is stale.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it.</returns>
    public Task<CorrectiveActionResult> CompleteAsync(CorrectiveActionId id, Actor actor, string summary, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, CorrectiveActionOperation.Complete, expectedVersion, v => v.RequiredText(summary, ComplaintLimits.TextLength, "Summary", "What was done"), (action, now) =>
        {
            var calendar = CalendarOf(PolicyOf(action));
            return new CorrectiveActionCompleted(
                summary.Trim(), Deadline(CorrectiveActionDeadlineKind.Verification, now, action.VerifyAfterWorkingDays, action.WarningWorkingDays, calendar));
        }, cancellationToken);

    /// <summary>Withdraws a running action before completion.</summary>
    /// <param name="id">The action.</param>
    /// <param name="actor">A coordinator or the general manager.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="expectedVersion">The version the actor saw, if the command must fail when it is stale.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it.</returns>
    public Task<CorrectiveActionResult> CancelAsync(CorrectiveActionId id, Actor actor, string reason, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, CorrectiveActionOperation.Cancel, expectedVersion, v => v.RequiredText(reason, ComplaintLimits.ReasonLength, "Reason", "The reason for cancelling"),
            (_, _) => new CorrectiveActionCancelled(reason.Trim()), cancellationToken);

    /// <summary>
    /// Records a due deadline alarm as <see cref="Actor.System"/> (the deadline worker calls it): the warning or breach of the
    /// running deadline, once. An alarm no longer due (recorded already, the deadline met, the action ended) records nothing.
    /// </summary>
    /// <param name="alarm">The alarm, from <see cref="ICorrectiveActionStore.ReadDueAlarmsAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it, or <see langword="null"/> if the alarm was no longer due.</returns>
    public async Task<CorrectiveActionResult?> RecordDeadlineAlarmAsync(DueCorrectiveActionAlarm alarm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var action = await _actions.LoadAsync(alarm.ActionId, cancellationToken).ConfigureAwait(false) ?? throw new CorrectiveActionNotFoundException(alarm.ActionId);
        if (CorrectiveActionAlarms.Due(action, _time.GetUtcNow()) is not { } due || due.Deadline != alarm.Deadline || due.Alarm != alarm.Alarm)
        {
            return null;
        }

        var operation = alarm.Alarm == DeadlineAlarm.Breach ? CorrectiveActionOperation.RecordDeadlineBreach : CorrectiveActionOperation.RecordDeadlineWarning;
        return await RunAsync(action.Id, Actor.System, operation, action.Version, null, (_, _) => alarm.Alarm == DeadlineAlarm.Breach
            ? new CorrectiveActionDeadlineBreached(alarm.Deadline)
            : new CorrectiveActionDeadlineWarned(alarm.Deadline), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CorrectiveActionResult> RunAsync(
        CorrectiveActionId id,
        Actor actor,
        CorrectiveActionOperation operation,
        long? expectedVersion,
        Action<Validation>? validate,
        Func<CorrectiveAction, DateTimeOffset, CorrectiveActionEvent> decide,
        CancellationToken cancellationToken)
    {
        var check = new Validation().Actor(actor, "Actor");
        validate?.Invoke(check);
        check.ThrowIfAny();
        var action = await _actions.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new CorrectiveActionNotFoundException(id);
        if (expectedVersion is { } expected && expected != action.Version)
        {
            throw new CorrectiveActionConcurrencyException(id, expected, action.Version);
        }

        // The state first, then who may, then the event: a decision may rely on the state (an approval on the approval step).
        var machine = new CorrectiveActionMachine(action.State);
        if (!machine.Machine.CanFire(operation))
        {
            throw new CorrectiveActionTransitionException(action.Id, action.State, operation, machine.Allowed());
        }

        Permit(operation, actor, action);
        var now = _time.GetUtcNow();
        var e = decide(action, now);
        machine.Effective = e is CorrectiveActionVerified { Verification.Effective: true };
        var to = machine.Target(operation)!.Value;
        var entry = new CorrectiveActionJournalEntry(id, action.Version + 1, now, actor, action.State, to, e);
        var updated = CorrectiveActionReplay.Apply(action, entry);
        await _actions.SaveAsync(new CorrectiveActionChange(updated, [entry], action.Version, CorrectiveActionNotificationPlanner.Plan(updated, [entry], _templates, PolicyOf(updated).Culture)), cancellationToken).ConfigureAwait(false);
        return new CorrectiveActionResult(updated, [entry]);
    }

    private void Permit(CorrectiveActionOperation operation, Actor actor, CorrectiveAction? action)
    {
        if (!_permissions.Grants(operation, actor, action))
        {
            throw Refused(action, actor, operation, $"it needs {_permissions.Describe(operation, action)}.");
        }
    }

    private static CorrectiveActionNotPermittedException Refused(CorrectiveAction? action, Actor actor, CorrectiveActionOperation operation, string reason) =>
        new(action?.Id, actor.Id, operation, reason);

    // The policy the action was proposed under, for its calendar; the current one if that version is no longer loaded.
    private IComplaintPolicy PolicyOf(CorrectiveAction action) => _policies.TryResolve(action.Policy, null) ?? _policies.Current;

    private IBusinessCalendar CalendarOf(IComplaintPolicy policy) => policy.CalendarName is { } name ? _calendars.Get(name) : _calendar;

    private static CorrectiveActionDeadline Deadline(CorrectiveActionDeadlineKind kind, DateTimeOffset from, int workingDays, int warningDays, IBusinessCalendar calendar)
    {
        var due = calendar.Add(from, workingDays, DeadlineUnit.WorkingDays);
        DateTimeOffset? warn = warningDays > 0 && warningDays < workingDays ? calendar.Add(from, workingDays - warningDays, DeadlineUnit.WorkingDays) : null;
        return new CorrectiveActionDeadline(kind, due, warn, calendar.Name);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
