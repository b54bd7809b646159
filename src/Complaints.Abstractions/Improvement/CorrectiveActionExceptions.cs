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
