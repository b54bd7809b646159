using System.Security.Claims;

namespace Complaints.AspNetCore;

/// <summary>
/// Makes the <see cref="Actor"/> a request acts as from its signed-in user. Register your own to read other claims or
/// to look the person up; the default is <see cref="ClaimsActorMapper"/>.
/// </summary>
public interface IComplaintActorMapper
{
    /// <summary>The actor <paramref name="user"/> is, or <see langword="null"/> if they are not signed in or cannot be mapped (the request is answered 401).</summary>
    /// <param name="user">The request's user (<c>HttpContext.User</c>).</param>
    /// <returns>The actor, or <see langword="null"/>.</returns>
    Actor? Map(ClaimsPrincipal user);
}

/// <summary>The claim types <see cref="ClaimsActorMapper"/> reads; for each, the first type the user has a claim of wins.</summary>
public sealed class ClaimsActorMapperOptions
{
    /// <summary>The actor's id: <see cref="ClaimTypes.NameIdentifier"/>, else <c>sub</c>. A user without one is not mapped (401).</summary>
    public IList<string> IdClaimTypes { get; } = [ClaimTypes.NameIdentifier, "sub"];

    /// <summary>The actor's display name: <see cref="ClaimTypes.Name"/>, else <c>name</c>; the id when the user has neither.</summary>
    public IList<string> NameClaimTypes { get; } = [ClaimTypes.Name, "name"];

    /// <summary>The actor's roles (every claim of the first type present): <see cref="ClaimTypes.Role"/>, else <c>role</c>.</summary>
    public IList<string> RoleClaimTypes { get; } = [ClaimTypes.Role, "role"];

    /// <summary>The actor's department: <c>department</c>. None when the user has no such claim.</summary>
    public string DepartmentClaimType { get; set; } = "department";
}

/// <summary>The default <see cref="IComplaintActorMapper"/>: the actor from the user's claims (<see cref="ClaimsActorMapperOptions"/>).</summary>
/// <param name="options">The claim types to read.</param>
public sealed class ClaimsActorMapper(Microsoft.Extensions.Options.IOptions<ClaimsActorMapperOptions> options) : IComplaintActorMapper
{
    private readonly ClaimsActorMapperOptions _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public Actor? Map(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || First(user, _options.IdClaimTypes) is not { } id)
        {
            return null;
        }

        var name = First(user, _options.NameClaimTypes) ?? id;
        string[] roles = [];
        foreach (var type in _options.RoleClaimTypes)
        {
            roles = [.. user.FindAll(type).Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase)];
            if (roles.Length > 0)
            {
                break;
            }
        }

        var department = user.FindFirst(_options.DepartmentClaimType)?.Value;
        return new Actor(new ActorId(id), name, roles, string.IsNullOrWhiteSpace(department) ? null : new DepartmentId(department));
    }

    private static string? First(ClaimsPrincipal user, IList<string> types)
    {
        foreach (var type in types)
        {
            if (user.FindFirst(type)?.Value is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
