using Complaints.Commands;

namespace Complaints;

/// <summary>Base of every error the complaints library raises on purpose. The stored case is never changed by a failed command.</summary>
public abstract class ComplaintException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="inner">The underlying error, if any.</param>
    protected ComplaintException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>One invalid field.</summary>
/// <param name="Field">The field's path, e.g. <c>Intake.ClaimedAmount.Currency</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record ValidationError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The input is invalid; <see cref="Errors"/> names every field at fault.</summary>
public sealed class ComplaintValidationException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every invalid field.</param>
    public ComplaintValidationException(IReadOnlyList<ValidationError> errors)
        : base("The input is invalid: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every invalid field.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}

/// <summary>The command is not allowed in the case's current state; <see cref="Allowed"/> lists what is.</summary>
public sealed class InvalidTransitionException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="state">Its current state.</param>
    /// <param name="action">What was attempted.</param>
    /// <param name="allowed">What is allowed now.</param>
    /// <param name="unmetConditions">Why the action is not allowed even though the state permits it, if that is the reason.</param>
    public InvalidTransitionException(
        ComplaintId complaintId,
        ComplaintState state,
        ComplaintAction action,
        IReadOnlyList<ComplaintAction> allowed,
        IReadOnlyList<string> unmetConditions)
        : base(BuildMessage(complaintId, state, action, allowed, unmetConditions))
    {
        ComplaintId = complaintId;
        State = state;
        Action = action;
        Allowed = allowed;
        UnmetConditions = unmetConditions;
    }

    /// <summary>The case.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Its current state.</summary>
    public ComplaintState State { get; }

    /// <summary>What was attempted.</summary>
    public ComplaintAction Action { get; }

    /// <summary>What is allowed now.</summary>
    public IReadOnlyList<ComplaintAction> Allowed { get; }

    /// <summary>The conditions not met, when the state permits the action but the case is not ready for it.</summary>
    public IReadOnlyList<string> UnmetConditions { get; }

    private static string BuildMessage(
        ComplaintId id, ComplaintState state, ComplaintAction action, IReadOnlyList<ComplaintAction> allowed, IReadOnlyList<string> unmet)
    {
        var why = unmet.Count > 0
            ? $"it needs: {string.Join("; ", unmet)}"
            : $"it is not allowed in state {state}";
        var now = allowed.Count > 0 ? string.Join(", ", allowed) : "nothing (the case is final)";
        return $"Cannot {action} complaint {id}: {why}. Allowed now: {now}.";
    }
}

/// <summary>The actor may not issue this command on this case.</summary>
public sealed class NotPermittedException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The case, if it exists yet.</param>
    /// <param name="actor">Who tried.</param>
    /// <param name="action">What they tried.</param>
    /// <param name="reason">Why not, and who may.</param>
    public NotPermittedException(ComplaintId? complaintId, ActorId actor, ComplaintAction action, string reason)
        : base($"{actor} may not {action}{(complaintId is { } id ? $" complaint {id}" : "")}: {reason}")
    {
        ComplaintId = complaintId;
        Actor = actor;
        Action = action;
        Reason = reason;
    }

    /// <summary>The case.</summary>
    public ComplaintId? ComplaintId { get; }

    /// <summary>Who tried.</summary>
    public ActorId Actor { get; }

    /// <summary>What they tried.</summary>
    public ComplaintAction Action { get; }

    /// <summary>Why not.</summary>
    public string Reason { get; }
}

/// <summary>Someone else changed the case since it was read; reload it and try again.</summary>
public sealed class ConcurrencyException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="expectedVersion">The version the command was based on.</param>
    /// <param name="actualVersion">The version stored now.</param>
    public ConcurrencyException(ComplaintId complaintId, long expectedVersion, long actualVersion)
        : base($"Complaint {complaintId} was changed by someone else (expected version {expectedVersion}, stored {actualVersion}). Reload it and issue the command again.")
    {
        ComplaintId = complaintId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The case.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>The version the command was based on.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored now.</summary>
    public long ActualVersion { get; }
}

/// <summary>No case has this id.</summary>
public sealed class ComplaintNotFoundException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The id asked for.</param>
    public ComplaintNotFoundException(ComplaintId complaintId)
        : base($"No complaint with id {complaintId} exists. Check the id, or query the cases you may see.")
    {
        ComplaintId = complaintId;
    }

    /// <summary>The id asked for.</summary>
    public ComplaintId ComplaintId { get; }
}

/// <summary>A person has a conflict of interest on the case and may not handle or approve it (回避).</summary>
public sealed class RecusalRequiredException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="person">The conflicted person.</param>
    /// <param name="reason">The conflict.</param>
    /// <param name="rules">The policy rules that found it.</param>
    public RecusalRequiredException(ComplaintId complaintId, ActorId person, string reason, IReadOnlyList<string> rules)
        : base($"{person} must recuse from complaint {complaintId}: {reason}{(rules.Count > 0 ? $" (rule {string.Join(", ", rules)})" : "")}. Choose someone without a conflict of interest.")
    {
        ComplaintId = complaintId;
        Person = person;
        Reason = reason;
        Rules = rules;
    }

    /// <summary>The case.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>The conflicted person.</summary>
    public ActorId Person { get; }

    /// <summary>The conflict.</summary>
    public string Reason { get; }

    /// <summary>The policy rules that found it.</summary>
    public IReadOnlyList<string> Rules { get; }
}
