using System.Collections.Concurrent;
using System.Reflection;
using Complaints.Journal;
using Complaints.Policy;

namespace Complaints.Testing;

/// <summary>Finds the policy decisions a journal event carries, whatever the event type, so new events need no change here.</summary>
internal static class JournalDecisions
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<PolicyDecision> Of(ComplaintEvent @event)
    {
        var properties = Properties.GetOrAdd(
            @event.GetType(),
            t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => typeof(PolicyDecision).IsAssignableFrom(p.PropertyType))
                .ToArray());
        foreach (var property in properties)
        {
            if (property.GetValue(@event) is PolicyDecision decision)
            {
                yield return decision;
            }
        }
    }
}
