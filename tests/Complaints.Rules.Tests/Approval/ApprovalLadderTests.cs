using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Approval;

/// <summary>
/// How a pack's approval rules become the steps of an approval: each role once, in the order of the pack's
/// role ladder, whatever order and spelling the rules use; and whether one person may approve several steps.
/// </summary>
public sealed class ApprovalLadderTests
{
    private const string FourStepLadder = """
        {
          "id": "ladder", "version": "1.0.0", "name": "Ladder", "currency": "CNY",
          "roles": [
            { "id": "handler", "name": "H", "approvalLimit": 100 }, { "id": "supervisor", "name": "S", "approvalLimit": 500 },
            { "id": "manager", "name": "M", "approvalLimit": 1000 }, { "id": "general-manager", "name": "GM" } ],
          "departments": [ { "id": "front", "name": "Front" } ],
          "defaultDepartment": "front", "defaultTier": "general", "defaultCategory": "misc"%SETTINGS%
        }
        """;

    private static PolicyPack Pack(bool onePersonMayApproveSeveralSteps = false) => new SyntheticPack()
        .WithManifest(FourStepLadder.Replace("%SETTINGS%", onePersonMayApproveSeveralSteps ? """, "settings": { "onePersonMayApproveSeveralSteps": 1 }""" : "", StringComparison.Ordinal))
        .Rule("approval", "big", "remedy.Amount > pack.Limit(\"manager\")", """{ "steps": [ "general-manager", "Manager" ] }""")
        .Rule("approval", "medium", "remedy.Amount > pack.Limit(\"handler\")", """{ "steps": [ "manager", "supervisor" ] }""")
        .Load();

    [Fact]
    public void Steps_RulesNameRolesOutOfOrderAndInAnotherCase_EachRoleOnceInLadderOrder_FirstSpellingKept()
    {
        var decision = Pack().RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(5_000));

        decision.Steps.Should().Equal("supervisor", "Manager", "general-manager");
        decision.WithinHandlerAuthority.Should().BeFalse();
        decision.Explanation.MatchedRules.Should().Equal("big", "medium");
    }

    [Fact]
    public void Steps_OneRuleMatches_ItsStepsInLadderOrder()
    {
        Pack().RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(600)).Steps.Should().Equal("supervisor", "manager");
    }

    [Fact]
    public void Steps_ClaimInAnotherCurrency_TopOfTheLadderIsAddedOnce()
    {
        var foreign = SyntheticPack.Case() with { Intake = SyntheticPack.Case().Intake with { ClaimedAmount = new Money(50, "USD") } };

        Pack().RequireApproval(foreign, SyntheticPack.Refund(5_000)).Steps.Should().Equal("supervisor", "Manager", "general-manager");
        Pack().RequireApproval(foreign, SyntheticPack.Refund(10)).Steps.Should().Equal("general-manager");
    }

    [Fact]
    public void OnePersonMayApproveSeveralSteps_IsThePacksSetting_WhetherOrNotARuleMatched()
    {
        var strict = Pack();
        var lenient = Pack(onePersonMayApproveSeveralSteps: true);

        strict.RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(5_000)).OnePersonMayApproveSeveralSteps.Should().BeFalse();
        strict.RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(10)).OnePersonMayApproveSeveralSteps.Should().BeFalse();
        lenient.RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(5_000)).OnePersonMayApproveSeveralSteps.Should().BeTrue();
        lenient.RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(10)).Should()
            .Match<ApprovalDecision>(d => d.OnePersonMayApproveSeveralSteps && d.WithinHandlerAuthority);
    }

    [Fact]
    public void RemedyInAnotherCurrency_TheErrorSaysWhichCurrencyToUse()
    {
        var act = () => Pack().RequireApproval(SyntheticPack.Case(), SyntheticPack.Refund(10, "EUR"));

        var error = act.Should().Throw<ComplaintValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("Remedy.Amount.Currency");
        error.Message.Should().Contain("is EUR").And.Contain("ladder@1.0.0").And.Contain("propose the amount in CNY");
    }

    [Fact]
    public void NoRemedyOrNoCase_IsAnArgumentError()
    {
        var pack = Pack();

        pack.Invoking(p => p.RequireApproval(SyntheticPack.Case(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("remedy");
        pack.Invoking(p => p.RequireApproval(null!, SyntheticPack.Refund(10))).Should().Throw<ArgumentNullException>().WithParameterName("complaint");
        pack.Invoking(p => p.Classify(null!)).Should().Throw<ArgumentNullException>().WithParameterName("complaint");
    }
}
