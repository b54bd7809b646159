using System.Security.Claims;

namespace Complaints.Desk;

/// <summary>
/// The signed-in person as the complaint service's <see cref="Actor"/>, and back: the claims the sign-in cookie carries
/// (<see cref="ClaimTypes.NameIdentifier"/> the actor id, <see cref="ClaimTypes.Name"/> the display name, one
/// <see cref="ClaimTypes.Role"/> per role, <c>department</c> the department id). To be replaced by the
/// Complaints.AspNetCore package's ClaimsPrincipal-to-Actor mapper, which reads the same claims.
/// </summary>
internal static class SignedInActor
{
    public const string DepartmentClaim = "department";

    /// <summary>The claims of <paramref name="actor"/> for the sign-in cookie.</summary>
    public static ClaimsPrincipal ToPrincipal(Actor actor, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.Id.Value), new(ClaimTypes.Name, actor.Name) };
        claims.AddRange(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (actor.Department is { } department)
        {
            claims.Add(new Claim(DepartmentClaim, department.Value));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The actor the signed-in <paramref name="user"/> is.</summary>
    /// <exception cref="InvalidOperationException">No one is signed in (the pages require sign-in, so this is a bug).</exception>
    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("No one is signed in: the claim " + ClaimTypes.NameIdentifier + " is missing.");
        var department = user.FindFirstValue(DepartmentClaim);
        return new Actor(new ActorId(id), user.FindFirstValue(ClaimTypes.Name) ?? id, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            department is null ? null : new DepartmentId(department));
    }
}
