namespace Complaints.Improvement;

/// <summary>Another command changed the action first; reload it and try again. Nothing was written.</summary>
public sealed class CorrectiveActionConcurrencyException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionId">The action.</param>
    /// <param name="expectedVersion">The version the write was based on.</param>
    /// <param name="actualVersion">The version stored (0 if none).</param>
    public CorrectiveActionConcurrencyException(CorrectiveActionId actionId, long expectedVersion, long actualVersion)
        : base($"Corrective action {actionId} was changed by another command (expected version {expectedVersion}, stored {actualVersion}); reload it and try again.")
    {
        ActionId = actionId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The action.</summary>
    public CorrectiveActionId ActionId { get; }

    /// <summary>The version the write was based on.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored (0 if none).</summary>
    public long ActualVersion { get; }
}

/// <summary>There is no such corrective action.</summary>
public sealed class CorrectiveActionNotFoundException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionId">The action.</param>
    public CorrectiveActionNotFoundException(CorrectiveActionId actionId)
        : base($"Corrective action {actionId} does not exist; check the id (QueryCorrectiveActionsAsync lists them).")
    {
        ActionId = actionId;
    }

    /// <summary>The action.</summary>
    public CorrectiveActionId ActionId { get; }
}

/// <summary>The actor may not do this to the action; <see cref="Reason"/> says who may.</summary>
public sealed class CorrectiveActionNotPermittedException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionId">The action, if it exists yet.</param>
    /// <param name="actor">Who tried.</param>
    /// <param name="operation">What they tried.</param>
    /// <param name="reason">Why not, and who may (e.g. the role the approval needs).</param>
    public CorrectiveActionNotPermittedException(CorrectiveActionId? actionId, ActorId actor, CorrectiveActionOperation operation, string reason)
        : base($"{actor} may not {operation}{(actionId is { } id ? $" corrective action {id}" : " a corrective action")}: {reason}")
    {
        ActionId = actionId;
        Actor = actor;
        Operation = operation;
        Reason = reason;
    }

    /// <summary>The action.</summary>
    public CorrectiveActionId? ActionId { get; }

    /// <summary>Who tried.</summary>
    public ActorId Actor { get; }

    /// <summary>What they tried.</summary>
    public CorrectiveActionOperation Operation { get; }

    /// <summary>Why not, and who may.</summary>
    public string Reason { get; }
}

/// <summary>The action's state does not allow this now; <see cref="Allowed"/> lists what does.</summary>
public sealed class CorrectiveActionTransitionException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionId">The action.</param>
    /// <param name="state">Its current state.</param>
    /// <param name="operation">What was attempted.</param>
    /// <param name="allowed">What is allowed now.</param>
    public CorrectiveActionTransitionException(CorrectiveActionId actionId, CorrectiveActionState state, CorrectiveActionOperation operation, IReadOnlyList<CorrectiveActionOperation> allowed)
        : base($"Cannot {operation} corrective action {actionId}: it is not allowed in state {state}. Allowed now: {(allowed.Count > 0 ? string.Join(", ", allowed) : "nothing (the action has ended)")}.")
    {
        ActionId = actionId;
        State = state;
        Operation = operation;
        Allowed = allowed;
    }

    /// <summary>The action.</summary>
    public CorrectiveActionId ActionId { get; }

    /// <summary>Its current state.</summary>
    public CorrectiveActionState State { get; }

    /// <summary>What was attempted.</summary>
    public CorrectiveActionOperation Operation { get; }

    /// <summary>What is allowed now.</summary>
    public IReadOnlyList<CorrectiveActionOperation> Allowed { get; }
}
