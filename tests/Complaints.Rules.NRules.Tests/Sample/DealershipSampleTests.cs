using Complaints.NRulesSample;
using Complaints.Policy;
using Complaints.Testing;

namespace Complaints.Rules.NRules.Tests.Sample;

/// <summary>
/// The sample's C# rules (samples/Complaints.NRulesSample) decide approval, recusal and penalties like the
/// auto-dealership pack, with the same rules matched, over a grid of representative cases.
/// </summary>
public sealed class DealershipSampleTests
{
    private static readonly NRulesPolicy Rules = DealershipPolicy.Build();
    private static readonly PolicyPack Pack = PolicyPacks.LoadBuiltIn("auto-dealership");

    private static readonly Severity?[] Tiers = [null, Severity.Minor, Severity.General, Severity.Serious, Severity.Major];

    public static TheoryData<RemedyKind, int?> Remedies => new()
    {
        { RemedyKind.Apology, null }, { RemedyKind.CorrectiveAction, null }, { RemedyKind.Repair, 0 }, { RemedyKind.Refund, 200 },
        { RemedyKind.Refund, 201 }, { RemedyKind.Compensation, 5000 }, { RemedyKind.Replacement, 250_000 },
    };

    [Theory]
    [MemberData(nameof(Remedies))]
    public void Approval_SameStepsAndRulesAsThePack(RemedyKind kind, int? amount)
    {
        foreach (var tier in Tiers)
        {
            var builder = A.Complaint().AboutService("repair", "service");
            var complaint = (tier is { } t ? builder.Classified("repair-quality", t) : builder).Build();
            var remedy = A.Remedy(kind, amount);

            var mine = Rules.RequireApproval(complaint, remedy);
            var pack = Pack.RequireApproval(complaint, remedy);

            mine.Steps.Should().Equal(pack.Steps, "tier {0}, {1} {2}", tier, kind, amount);
            mine.Explanation.MatchedRules.Should().BeEquivalentTo(pack.Explanation.MatchedRules);
        }
    }

    [Theory]
    [InlineData("li")]
    [InlineData("wang")]
    [InlineData("zhao")]
    [InlineData("chen")]
    [InlineData("sun")]
    [InlineData("zhou")]
    public void Recusal_SameOutcomeReasonAndRulesAsThePack(string person)
    {
        var complaint = A.Complaint().AboutStaff("li", "service").FiledByStaff("chen").WithAttribute("declared-conflicts", "wang | ZHAO")
            .WithRecusal("sun").WithRecusal("li").Build();
        var actor = An.Actor(person).WithRoles("manager").InDepartment("service").Build();

        var mine = Rules.CheckRecusal(complaint, actor);
        var pack = Pack.CheckRecusal(complaint, actor);

        (mine.MustRecuse, mine.Reason).Should().Be((pack.MustRecuse, pack.Reason));
        mine.Explanation.MatchedRules.Should().BeEquivalentTo(pack.Explanation.MatchedRules);
    }

    [Theory]
    [InlineData(Misconduct.CausedLoss)]
    [InlineData(Misconduct.LateHandling)]
    [InlineData(Misconduct.IdentityLeak)]
    public void Penalties_SameSanctionsInTheSameOrderAsThePack(string misconduct)
    {
        foreach (var role in new[] { "handler", "manager" })
        {
            foreach (var claim in new decimal?[] { null, 5000, 5000.01m, 50_000, 50_001 })
            {
                foreach (var escalation in new[] { 0, 1 })
                {
                    var builder = A.Complaint().EscalatedTo(escalation);
                    var complaint = (claim is { } c ? builder.Claiming(c) : builder).Build();
                    var person = An.Actor("staff-1").WithRoles(role).InDepartment("service").Build();

                    var mine = Rules.AssessPenalty(complaint, person, misconduct);
                    var pack = Pack.AssessPenalty(complaint, person, misconduct);

                    mine.Sanctions.Should().Equal(pack.Sanctions, "{0} by a {1}, claim {2}, escalation {3}", misconduct, role, claim, escalation);
                }
            }
        }
    }

    [Fact]
    public void OneRuleOfTheSample_InIsolation()
    {
        var policy = NRulesPolicy.Build(o =>
        {
            o.Settings = DealershipPolicy.Settings;
            o.Rules(typeof(GeneralManagerApprovesEveryRemedy));
        });

        policy.RequireApproval(A.Complaint().Build(), A.Remedy(RemedyKind.Apology))
            .Should().RequireApprovalBy("general-manager").And.HaveMatched("general-manager-approves-every-remedy");
    }

    [Fact]
    public void TheSample_FindsItsFourteenRules_InItsAssembly()
    {
        Rules.Rules.Should().HaveCount(14);
        Rules.CompileTime.Should().BePositive();
    }
}
