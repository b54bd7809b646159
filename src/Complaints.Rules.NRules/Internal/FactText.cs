using System.Globalization;
using Complaints.Policy;

namespace Complaints.Rules.NRules.Internal;

/// <summary>
/// A fact a rule matched, in words, for an explanation: what the library's own types print (never who complained);
/// numbers, flags and enums as they are; anything else (a host's own fact, a string that could be anything) by its
/// type only.
/// </summary>
internal static class FactText
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        PolicyRequest request => request.ToString(),
        Complaint complaint => complaint.ToString(),
        Actor actor => $"{actor.Id} [{string.Join(", ", actor.Roles)}]{(actor.Department is { } d ? " in " + d : "")}",
        RemedyProposal remedy => $"remedy {remedy.Kind}{(remedy.Amount is { } a ? " " + a : "")}",
        Money money => money.ToString(),
        PolicySettings => "settings",
        Enum e => e.ToString(),
        bool or int or long or decimal or double or float or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        _ => $"a {value.GetType().Name}",
    };
}
