using System.Security.Claims;
using Complaints.AspNetCore;

namespace Complaints.Desk;

/// <summary>
/// The signed-in person, both ways: the claims the sign-in cookie carries for a demo person, and the
/// <see cref="Actor"/> the request's user is, read by Complaints.AspNetCore's <see cref="IComplaintActorMapper"/> (the
/// same mapper the <c>/api/complaints</c> endpoints use, so the pages and the API see the same person).
/// </summary>
internal static class SignedInActor
{
    /// <summary>The claims of <paramref name="actor"/> for the sign-in cookie, of the types the mapper reads by default.</summary>
    public static ClaimsPrincipal ToPrincipal(Actor actor, string authenticationType)
    {
        var types = new ClaimsActorMapperOptions();
        var claims = new List<Claim> { new(types.IdClaimTypes[0], actor.Id.Value), new(types.NameClaimTypes[0], actor.Name) };
        claims.AddRange(actor.Roles.Select(r => new Claim(types.RoleClaimTypes[0], r)));
        if (actor.Department is { } department)
        {
            claims.Add(new Claim(types.DepartmentClaimType, department.Value));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The actor the request's signed-in user is.</summary>
    /// <exception cref="InvalidOperationException">No one is signed in (the pages require sign-in, so this is a bug).</exception>
    public static Actor From(HttpContext http) =>
        http.RequestServices.GetRequiredService<IComplaintActorMapper>().Map(http.User)
        ?? throw new InvalidOperationException("No one is signed in: the request's user maps to no actor.");
}
