using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Workflow.Improvement;

namespace Complaints.Testing.Stores;

/// <summary>
/// Writes an action's history by hand, one journal entry per step, applied with <see cref="CorrectiveActionReplay"/>: what
/// <see cref="CorrectiveActionStoreContract"/> saves, and what a store's own tests can use. Immutable: each step returns a
/// new history, so a test can branch a stale copy. Each step is one hour after the last.
/// </summary>
public sealed class CorrectiveActionHistory
{
    /// <summary>Monday 2 March 2026, 09:30 UTC.</summary>
    public static readonly DateTimeOffset Start = ComplaintBuilder.DefaultReceivedAt;

    private static readonly Actor Owner = A.Handler("owner-1", "after-sales");
    private static readonly Actor Approver = A.GeneralManager();
    private static readonly Actor Coordinator = A.Coordinator();

    private CorrectiveActionHistory(CorrectiveAction action, IReadOnlyList<CorrectiveActionJournalEntry> entries)
    {
        Action = action;
        Entries = entries;
    }

    /// <summary>The action as of the last step.</summary>
    public CorrectiveAction Action { get; }

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<CorrectiveActionJournalEntry> Entries { get; }

    /// <summary>Proposes an action at <paramref name="at"/>: awaiting approval if <paramref name="approvalRole"/> is set, else open.</summary>
    /// <param name="at">When it is proposed.</param>
    /// <param name="approvalRole">The role that must approve it; none if <see langword="null"/>.</param>
    /// <param name="id">Its id; a new one if <see langword="null"/>.</param>
    /// <param name="title">What is to change.</param>
    /// <param name="cause">The root cause.</param>
    /// <param name="owner">The owner; <c>owner-1</c> if <see langword="null"/>.</param>
    /// <param name="department">The department; <c>after-sales</c> if <see langword="null"/>.</param>
    /// <param name="cases">The cases it arises from; one new case id if <see langword="null"/>.</param>
    /// <param name="dueIn">How long until it is due.</param>
    /// <param name="kind">Corrective or preventive.</param>
    /// <returns>The history with the proposal.</returns>
    public static CorrectiveActionHistory Propose(
        DateTimeOffset at,
        string? approvalRole = null,
        CorrectiveActionId? id = null,
        string title = "复核送货等待时间 — check waiting times at every delivery",
        RootCause cause = RootCause.ProcessGap,
        ActorId? owner = null,
        DepartmentId? department = null,
        IReadOnlyList<ComplaintId>? cases = null,
        TimeSpan? dueIn = null,
        CorrectiveActionKind kind = CorrectiveActionKind.Corrective)
    {
        var due = at + (dueIn ?? TimeSpan.FromDays(14));
        var terms = new CorrectiveActionTerms(approvalRole, 10, 2, 60, ["test.terms"]);
        var proposed = new CorrectiveActionProposed(
            kind, title, cause, "Drivers wait with no one to call.", cases ?? [ComplaintId.New(at)], owner ?? Owner.Id,
            department ?? new DepartmentId("after-sales"), "service-quality", new PolicyRef("generic", "1.0.0"), terms,
            new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Completion, due, due - TimeSpan.FromDays(2), "cn"));
        var entry = new CorrectiveActionJournalEntry(
            id ?? CorrectiveActionId.New(at), 1, at, Coordinator, null,
            approvalRole is null ? CorrectiveActionState.Open : CorrectiveActionState.AwaitingApproval, proposed);
        return new CorrectiveActionHistory(CorrectiveActionReplay.Apply(null, entry), [entry]);
    }

    /// <summary>The approver approves; the completion deadline is counted again from then.</summary>
    /// <returns>The history with the approval.</returns>
    public CorrectiveActionHistory Approve()
    {
        var at = Next;
        var due = at + TimeSpan.FromDays(14);
        return Then(Approver, CorrectiveActionState.Open, new CorrectiveActionApproved(
            Action.Approval?.Role ?? "general-manager", "同意", new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Completion, due, due - TimeSpan.FromDays(2), "cn")));
    }

    /// <summary>The approver declines.</summary>
    /// <returns>The history with the refusal.</returns>
    public CorrectiveActionHistory Decline() => Then(Approver, CorrectiveActionState.Declined, new CorrectiveActionDeclined("Not now."));

    /// <summary>The owner records progress.</summary>
    /// <param name="note">What was done.</param>
    /// <returns>The history with the note.</returns>
    public CorrectiveActionHistory Progress(string note) => Then(Owner, Action.State, new CorrectiveActionProgressRecorded(note));

    /// <summary>The owner completes the action; verification is due 30 days later.</summary>
    /// <returns>The history with the completion.</returns>
    public CorrectiveActionHistory Complete()
    {
        var due = Next + TimeSpan.FromDays(30);
        return Then(Owner, CorrectiveActionState.Completed, new CorrectiveActionCompleted(
            "Done.", new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Verification, due, due - TimeSpan.FromDays(2), "cn")));
    }

    /// <summary>The coordinator verifies the action.</summary>
    /// <param name="effective">The judgement.</param>
    /// <returns>The history with the verification.</returns>
    public CorrectiveActionHistory Verify(bool effective) => Then(
        Coordinator,
        effective ? CorrectiveActionState.Verified : CorrectiveActionState.Ineffective,
        new CorrectiveActionVerified(new CorrectiveActionVerification(
            effective, effective ? 0 : 1, effective ? [] : [ComplaintId.New(Next)], "Checked.", Coordinator.Id, Next)));

    /// <summary>The coordinator cancels the action.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The history with the cancellation.</returns>
    public CorrectiveActionHistory Cancel(string reason) => Then(Coordinator, CorrectiveActionState.Cancelled, new CorrectiveActionCancelled(reason));

    /// <summary>The deadline worker records the running deadline's warning.</summary>
    /// <returns>The history with the warning.</returns>
    public CorrectiveActionHistory Warn() => Then(Actor.System, Action.State, new CorrectiveActionDeadlineWarned(Action.RunningDeadline!.Kind));

    /// <summary>The deadline worker records the running deadline's breach.</summary>
    /// <returns>The history with the breach.</returns>
    public CorrectiveActionHistory Breach() => Then(Actor.System, Action.State, new CorrectiveActionDeadlineBreached(Action.RunningDeadline!.Kind));

    /// <summary>Saves the history's entries one save per step, as a service would.</summary>
    /// <param name="store">The store.</param>
    /// <returns>A task that completes when every step is saved.</returns>
    public async Task SaveEachAsync(ICorrectiveActionStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        CorrectiveAction? action = null;
        foreach (var entry in Entries)
        {
            action = CorrectiveActionReplay.Apply(action, entry);
            await store.SaveAsync(new CorrectiveActionChange(action, [entry], entry.Sequence - 1)).ConfigureAwait(false);
        }
    }

    /// <summary>The save of the last step alone (based on the version before it).</summary>
    /// <returns>The change.</returns>
    public CorrectiveActionChange LastChange() => new(Action, [Entries[^1]], Action.Version - 1);

    /// <summary>The save of the last step alone, with notifications about the action caused by it, one per kind and recipient given.</summary>
    /// <param name="notices">The kind and recipient of each notification, in order.</param>
    /// <returns>The change, its notifications with stable ids (<see cref="Notification.StableId(CorrectiveActionId, long, NotificationKind, string)"/>).</returns>
    public CorrectiveActionChange LastChange(params (NotificationKind Kind, string Recipient)[] notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var entry = Entries[^1];
        var notifications = notices
            .Select(n => new Notification(
                Notification.StableId(Action.Id, entry.Sequence, n.Kind, n.Recipient), null, entry.Sequence, n.Kind, n.Recipient,
                $"{n.Kind}: {Action.Title}", $"{n.Kind} about corrective action {Action.Id} \"{Action.Title}\".", entry.At, Action.Id))
            .ToArray();
        return new(Action, [entry], Action.Version - 1, notifications);
    }

    private DateTimeOffset Next => Entries[^1].At + TimeSpan.FromHours(1);

    private CorrectiveActionHistory Then(Actor actor, CorrectiveActionState to, CorrectiveActionEvent e)
    {
        var entry = new CorrectiveActionJournalEntry(Action.Id, Action.Version + 1, Next, actor, Action.State, to, e);
        return new CorrectiveActionHistory(CorrectiveActionReplay.Apply(Action, entry), [.. Entries, entry]);
    }
}
