namespace Complaints.Testing;

/// <summary>
/// Builds an <see cref="Actor"/>: a person with roles and a department. Start one with <see cref="An.Actor"/>;
/// by default the person holds the <see cref="ComplaintRoles.Staff"/> role only and belongs to no department.
/// </summary>
public sealed class ActorBuilder
{
    private readonly string _id;
    private string _name;
    private readonly List<string> _roles = [];
    private DepartmentId? _department;

    /// <summary>Starts a person with the given id, named after it.</summary>
    /// <param name="id">The person's id in the host's directory.</param>
    public ActorBuilder(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _id = id;
        _name = id;
    }

    /// <summary>Sets the display name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public ActorBuilder Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        return this;
    }

    /// <summary>Adds roles (<c>handler</c>, <c>manager</c>, a pack's own roles …). Without any, the person is plain <c>staff</c>.</summary>
    /// <param name="roles">The roles.</param>
    /// <returns>This builder.</returns>
    public ActorBuilder WithRoles(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        _roles.AddRange(roles);
        return this;
    }

    /// <summary>Sets the person's department.</summary>
    /// <param name="department">The department's id.</param>
    /// <returns>This builder.</returns>
    public ActorBuilder InDepartment(string department)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        _department = new DepartmentId(department);
        return this;
    }

    /// <summary>The person.</summary>
    /// <returns>A new <see cref="Actor"/>.</returns>
    public Actor Build() => new(new ActorId(_id), _name, _roles.Count > 0 ? [.. _roles] : [ComplaintRoles.Staff], _department);
}
