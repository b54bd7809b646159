namespace Complaints.Workflow.Permissions;

/// <summary>Who may take an action: anyone holding one of <see cref="Roles"/>, or standing in one of <see cref="Relations"/> to the case.</summary>
/// <param name="Roles">Roles that grant the action.</param>
/// <param name="Relations">Relations to the case that grant the action.</param>
public sealed record PermissionRule(IReadOnlyList<string> Roles, ActorRelation Relations = ActorRelation.None)
{
    /// <summary>Whether <paramref name="actor"/> may act on <paramref name="complaint"/> under this rule.</summary>
    /// <param name="actor">The person.</param>
    /// <param name="complaint">The case; <see langword="null"/> before it exists.</param>
    /// <returns><see langword="true"/> if granted.</returns>
    public bool Grants(Actor actor, Complaint? complaint)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Relations.HasFlag(ActorRelation.Anyone))
        {
            return true;
        }

        for (var i = 0; i < Roles.Count; i++)
        {
            if (actor.HasRole(Roles[i]))
            {
                return true;
            }
        }

        if (complaint is null)
        {
            return false;
        }

        return (Relations.HasFlag(ActorRelation.Owner) && complaint.Owner == actor.Id)
            || (Relations.HasFlag(ActorRelation.Assignee) && complaint.Assignee?.Id == actor.Id)
            || (Relations.HasFlag(ActorRelation.PendingApprover) && complaint.PendingApproval is { } step && actor.HasRole(step.Role));
    }

    /// <summary>Describes who is granted, for error messages.</summary>
    /// <returns>E.g. "the assignee or a coordinator".</returns>
    public string Describe()
    {
        var parts = new List<string>();
        if (Relations.HasFlag(ActorRelation.Anyone))
        {
            parts.Add("anyone");
        }

        if (Relations.HasFlag(ActorRelation.Owner))
        {
            parts.Add("the case's owner");
        }

        if (Relations.HasFlag(ActorRelation.Assignee))
        {
            parts.Add("the assigned handler");
        }

        if (Relations.HasFlag(ActorRelation.PendingApprover))
        {
            parts.Add("a holder of the pending approval step's role");
        }

        if (Roles.Count > 0)
        {
            parts.Add("role " + string.Join(" or ", Roles));
        }

        return parts.Count == 0 ? "nobody" : string.Join(", or ", parts);
    }
}
