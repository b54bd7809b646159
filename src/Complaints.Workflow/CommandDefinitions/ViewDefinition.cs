using Complaints.Commands;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ComplaintAction.View"/>: reading a case or its journal, named in the refusals and audit records of reads.
/// Not a command: who may read is decided by who may see the case (<c>CaseAccess</c>), so the permissions table
/// grants it to nobody.
/// </summary>
internal sealed class ViewDefinition : ActionDefinition
{
    public override ComplaintAction Action => ComplaintAction.View;

    public override PermissionRule Permission => new([]);
}
