using System.Reflection;
using Complaints.Demo;

namespace Complaints.Desk;

/// <summary>One of the demo's organisations and its people, who may sign in to the desk.</summary>
public sealed record Organisation(string Id, string Pack, IReadOnlyList<Actor> People);

/// <summary>The demo's organisations and people (samples/Complaints.Demo's Organisations.cs and Hospital.cs, linked).</summary>
public static class People
{
    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        Of("city-hospital", typeof(Hospital)),
        Of("dealership", typeof(Dealership)),
        Of("tobacco-company", typeof(Tobacco)),
        Of("food-distributor", typeof(Canteens)),
        Of("furniture-shop", typeof(Shop)),
    ];

    /// <summary>The person with id <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static Actor? Find(string? id) => Organisations.SelectMany(o => o.People).FirstOrDefault(p => p.Id.Value == id);

    /// <summary>The organisation <paramref name="person"/> works for.</summary>
    public static Organisation OrganisationOf(ActorId person) => Organisations.First(o => o.People.Any(p => p.Id == person));

    /// <summary>The organisation with id <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static Organisation? FindOrganisation(string? id) => Organisations.FirstOrDefault(o => o.Id == id);

    /// <summary>Every <see cref="Actor"/> the demo's class for the organisation declares, in declaration order.</summary>
    private static Organisation Of(string id, Type people) => new(id, Cases.Organisations[id],
        [.. people.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Actor)).Select(f => (Actor)f.GetValue(null)!)]);
}
