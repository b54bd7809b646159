using System.Text.Json.Serialization;
using Complaints.Ports;

namespace Complaints.Improvement;

/// <summary>What happened to a corrective or preventive action. Each subtype carries the details an auditor needs.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CorrectiveActionProposed), "proposed")]
[JsonDerivedType(typeof(CorrectiveActionApproved), "approved")]
[JsonDerivedType(typeof(CorrectiveActionDeclined), "declined")]
[JsonDerivedType(typeof(CorrectiveActionProgressRecorded), "progress-recorded")]
[JsonDerivedType(typeof(CorrectiveActionCompleted), "completed")]
[JsonDerivedType(typeof(CorrectiveActionVerified), "verified")]
[JsonDerivedType(typeof(CorrectiveActionCancelled), "cancelled")]
[JsonDerivedType(typeof(CorrectiveActionDeadlineWarned), "deadline-warned")]
[JsonDerivedType(typeof(CorrectiveActionDeadlineBreached), "deadline-breached")]
public abstract record CorrectiveActionEvent;

/// <summary>The action was proposed, with the terms the policy set.</summary>
/// <param name="Kind">Corrective or preventive.</param>
/// <param name="Title">What is to change.</param>
/// <param name="RootCause">The root cause it addresses.</param>
/// <param name="CauseDescription">The cause in words.</param>
/// <param name="Cases">The cases it arises from, by id.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Department">The department that carries it out, if one.</param>
/// <param name="Category">The complaint category it is about, if one.</param>
/// <param name="Policy">The policy whose terms apply.</param>
/// <param name="Terms">The terms the policy set (approval, working days, rules).</param>
/// <param name="Due">The completion deadline computed from the terms on the pack's calendar.</param>
public sealed record CorrectiveActionProposed(
    CorrectiveActionKind Kind,
    string Title,
    RootCause RootCause,
    string CauseDescription,
    IReadOnlyList<ComplaintId> Cases,
    ActorId Owner,
    DepartmentId? Department,
    string? Category,
    PolicyRef Policy,
    CorrectiveActionTerms Terms,
    CorrectiveActionDeadline Due) : CorrectiveActionEvent;

/// <summary>The required approval was given; the action is open and its completion deadline counts from now.</summary>
/// <param name="Role">The role the approver approved in.</param>
/// <param name="Note">What the approver added, if anything.</param>
/// <param name="Due">The completion deadline, counted again from the approval.</param>
public sealed record CorrectiveActionApproved(string Role, string? Note, CorrectiveActionDeadline Due) : CorrectiveActionEvent;

/// <summary>The approver declined the action.</summary>
/// <param name="Reason">Why.</param>
public sealed record CorrectiveActionDeclined(string Reason) : CorrectiveActionEvent;

/// <summary>The owner (or a coordinator) recorded progress.</summary>
/// <param name="Note">What was done.</param>
public sealed record CorrectiveActionProgressRecorded(string Note) : CorrectiveActionEvent;

/// <summary>The action was carried out; its effectiveness is due to be checked.</summary>
/// <param name="Summary">What was done.</param>
/// <param name="VerifyDue">The verification deadline computed on the pack's calendar.</param>
public sealed record CorrectiveActionCompleted(string Summary, CorrectiveActionDeadline VerifyDue) : CorrectiveActionEvent;

/// <summary>Its effectiveness was checked.</summary>
/// <param name="Verification">The count of recurrences and the judgement.</param>
public sealed record CorrectiveActionVerified(CorrectiveActionVerification Verification) : CorrectiveActionEvent;

/// <summary>The action was withdrawn before completion.</summary>
/// <param name="Reason">Why.</param>
public sealed record CorrectiveActionCancelled(string Reason) : CorrectiveActionEvent;

/// <summary>A deadline of the action is near (recorded by the deadline worker).</summary>
/// <param name="Deadline">Which.</param>
public sealed record CorrectiveActionDeadlineWarned(CorrectiveActionDeadlineKind Deadline) : CorrectiveActionEvent;

/// <summary>A deadline of the action passed unmet (recorded by the deadline worker).</summary>
/// <param name="Deadline">Which.</param>
public sealed record CorrectiveActionDeadlineBreached(CorrectiveActionDeadlineKind Deadline) : CorrectiveActionEvent;

/// <summary>
/// One line of an action's append-only journal: what happened, who did it, when, and the state before and after.
/// Replaying an action's journal in order rebuilds the action exactly.
/// </summary>
/// <param name="ActionId">The action.</param>
/// <param name="Sequence">1, 2, 3 … with no gap; the action's <see cref="CorrectiveAction.Version"/> is the last one.</param>
/// <param name="At">When, from the workflow's <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who issued the command, with the roles and department they had then.</param>
/// <param name="From">The state before; <see langword="null"/> for the proposal.</param>
/// <param name="To">The state after.</param>
/// <param name="Event">What happened.</param>
public sealed record CorrectiveActionJournalEntry(
    CorrectiveActionId ActionId,
    long Sequence,
    DateTimeOffset At,
    Actor Actor,
    CorrectiveActionState? From,
    CorrectiveActionState To,
    CorrectiveActionEvent Event);

/// <summary>A deadline alarm of an action that is due (see <see cref="CorrectiveActionAlarms"/>).</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Deadline">Completion or verification.</param>
/// <param name="Alarm">Warning or breach.</param>
/// <param name="DueAt">When the alarm became due.</param>
public sealed record DueCorrectiveActionAlarm(CorrectiveActionId ActionId, CorrectiveActionDeadlineKind Deadline, DeadlineAlarm Alarm, DateTimeOffset DueAt);
