namespace Complaints.Testing;

/// <summary>Entry points for builders whose noun starts with a vowel: <c>An.Actor("li").WithRoles("manager").Build()</c>.</summary>
public static class An
{
    /// <summary>Starts a person; see <see cref="ActorBuilder"/> for the defaults.</summary>
    /// <param name="id">The person's id.</param>
    /// <returns>A builder.</returns>
    public static ActorBuilder Actor(string id) => new(id);
}
