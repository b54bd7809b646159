namespace Complaints.Workflow.Permissions;

/// <summary>How a person stands to a case, for permissions that depend on the case rather than a role.</summary>
[Flags]
public enum ActorRelation
{
    /// <summary>No relation.</summary>
    None = 0,

    /// <summary>Any person at all.</summary>
    Anyone = 1,

    /// <summary>The owner: the named handler, or until there is one, the first receiver.</summary>
    Owner = 2,

    /// <summary>The named handler.</summary>
    Assignee = 4,

    /// <summary>A holder of the role the pending approval step needs.</summary>
    PendingApprover = 8,
}
