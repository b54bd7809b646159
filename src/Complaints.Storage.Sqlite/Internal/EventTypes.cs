using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Complaints.Journal;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>An event's type as its JSON discriminator names it (<c>triaged</c>, <c>remedy-approved</c> …), for the journal's event_type column.</summary>
internal static class EventTypes
{
    private static readonly Dictionary<Type, string> Names = typeof(ComplaintEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Where(a => a.TypeDiscriminator is string)
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    private static readonly ConcurrentDictionary<Type, string> Others = new();

    public static string Of(ComplaintEvent @event) =>
        Names.TryGetValue(@event.GetType(), out var name) ? name : Others.GetOrAdd(@event.GetType(), t => t.Name);
}
