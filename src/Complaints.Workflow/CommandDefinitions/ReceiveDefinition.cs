using Complaints.Commands;
using Complaints.Workflow.Permissions;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// <see cref="ComplaintAction.Receive"/>: recording a new complaint, which <c>ComplaintService.ReceiveAsync</c> does
/// (not a <see cref="ComplaintCommand"/>: there is no case yet, and no trigger; the case starts in Received).
/// </summary>
internal sealed class ReceiveDefinition : ActionDefinition
{
    public override ComplaintAction Action => ComplaintAction.Receive;

    public override PermissionRule Permission => new([], ActorRelation.Anyone);
}
