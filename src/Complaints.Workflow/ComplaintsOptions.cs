using Complaints.Workflow.Permissions;

namespace Complaints.Workflow;

/// <summary>Settings of the complaint workflow.</summary>
public sealed class ComplaintsOptions
{
    /// <summary>How long after closing a case may be reopened.</summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Who may take each action.</summary>
    public ComplaintPermissions Permissions { get; } = new();

    /// <summary>
    /// Roles that see every case. Everyone else sees the cases they received or handle, those of their
    /// department, and those waiting for an approval by a role they hold.
    /// </summary>
    /// <value>The default value is coordinator, general-manager and auditor.</value>
    public ISet<string> SeeAllRoles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ComplaintRoles.Coordinator,
        ComplaintRoles.GeneralManager,
        ComplaintRoles.Auditor,
    };
}
