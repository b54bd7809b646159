using Complaints.Policy;
using NRules.Fluent.Dsl;

namespace Complaints.Rules.NRules.Tests.Sample;

/// <summary>Reads the pack's <c>seriousLoss</c> setting: a fine of the claim, for obstruction above it.</summary>
[Name("obstruction-fined-above-serious-loss")]
internal sealed class UsesPackSettings : Rule
{
    public override void Define()
    {
        PenaltyRequest r = null!;
        When().Match(() => r, x => x.Misconduct == Misconduct.Obstruction, x => x.ClaimAmount > x.Settings.Setting("seriousLoss"));
        Then().Do(_ => r.Penalize(SanctionKind.Fine, r.ClaimAmount));
    }
}
