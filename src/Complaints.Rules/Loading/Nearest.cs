using Complaints.Policy;

namespace Complaints.Rules.Loading;

/// <summary>What a misspelt name in a pack was probably meant to be, for load errors (<see cref="NearestName"/>, shared with intake errors).</summary>
internal static class Nearest
{
    /// <summary><c>" (did you mean 'x'?)"</c> when a valid name is near, else <c>""</c>.</summary>
    public static string Hint(string name, IEnumerable<string> valid) => NearestName.Of(name, valid) is { } near ? $" (did you mean '{near}'?)" : "";
}
