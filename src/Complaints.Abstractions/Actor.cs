namespace Complaints;

/// <summary>
/// The person who issues a command or reads a case: who they are, the roles they hold and their
/// department. The workflow checks every command against the actor; queries redact what the actor may
/// not see.
/// </summary>
/// <param name="Id">The person's id in the host's directory.</param>
/// <param name="Name">A display name for timelines.</param>
/// <param name="Roles">The roles held, e.g. <see cref="ComplaintRoles.Coordinator"/>; packs may add their own.</param>
/// <param name="Department">The person's department, if any.</param>
public sealed record Actor(ActorId Id, string Name, IReadOnlyList<string> Roles, DepartmentId? Department = null)
{
    /// <summary>The library itself, acting for the deadline worker and other automatic steps.</summary>
    public static Actor System { get; } = new(new ActorId("system"), "System", [ComplaintRoles.System]);

    /// <summary>Whether this actor holds <paramref name="role"/> (case-insensitive).</summary>
    /// <param name="role">The role name.</param>
    /// <returns><see langword="true"/> if the role is held.</returns>
    public bool HasRole(string role)
    {
        for (var i = 0; i < Roles.Count; i++)
        {
            if (string.Equals(Roles[i], role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The role names the workflow's default permissions use. Packs may define more.</summary>
public static class ComplaintRoles
{
    /// <summary>Any staff member: may receive a complaint (refusing to receive one is itself a complaint).</summary>
    public const string Staff = "staff";

    /// <summary>Handles complaints: investigates, proposes remedies.</summary>
    public const string Handler = "handler";

    /// <summary>The complaint office / customer-relations manager: triages, assigns, communicates, closes.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>A department manager: approves remedies above a handler's authority.</summary>
    public const string Manager = "manager";

    /// <summary>The general manager: approves the largest remedies and major complaints.</summary>
    public const string GeneralManager = "general-manager";

    /// <summary>Reads every case for audit; issues no commands.</summary>
    public const string Auditor = "auditor";

    /// <summary>The library's own automatic actor (deadline worker).</summary>
    public const string System = "system";
}
