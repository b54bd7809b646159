using Complaints.Rules.NRules;
using NRules.Fluent.Dsl;

namespace Complaints.NRulesSample;

// Any rule that fires recuses the person; the first to fire gives the reason, so the priorities keep the pack's order.

/// <summary>The person complained about never handles or approves their own case.</summary>
[Name("is-the-accused"), Priority(40)]
[Description("The person is the staff member complained about")]
public sealed class IsTheAccused : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        RecusalRequest request = null!;
        When().Match(() => request, r => r.IsAccused);
        Then().Do(_ => request.Recuse("they are the person complained about"));
    }
}

/// <summary>A member of staff who filed the complaint does not decide it.</summary>
[Name("filed-it-themselves"), Priority(30)]
[Description("The person filed this complaint")]
public sealed class FiledItThemselves : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        RecusalRequest request = null!;
        When().Match(() => request, r => r.IsComplainant);
        Then().Do(_ => request.Recuse("they filed this complaint themselves"));
    }
}

/// <summary>A declared conflict of interest (attribute <c>declared-conflicts</c>, ids separated by <c>|</c>).</summary>
[Name("declared-conflict"), Priority(20)]
[Description("The person's id is among the declared conflicts of interest")]
public sealed class DeclaredConflict : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        RecusalRequest request = null!;
        When().Match(() => request, r => DeclaredConflicts(r).Contains(r.Person.Id.Value, StringComparer.OrdinalIgnoreCase));
        Then().Do(_ => request.Recuse("a conflict of interest was declared (relative or friend of the customer or of the person complained about, earlier involvement)"));
    }

    private static string[] DeclaredConflicts(RecusalRequest r) =>
        (r.Attribute("declared-conflicts") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Once stepped aside, always aside.</summary>
[Name("stepped-aside-before"), Priority(10)]
[Description("The person was recused from this case before")]
public sealed class SteppedAsideBefore : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        RecusalRequest request = null!;
        When().Match(() => request, r => r.WasRecused);
        Then().Do(_ => request.Recuse("they stepped aside from this case before"));
    }
}
