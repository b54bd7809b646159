using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// What a matched rule's line in an explanation says it contributed, for every kind of decision: the text an
/// auditor reads next to the rule's name, so it names outcomes, roles, amounts and parts as the pack states them.
/// </summary>
public sealed class RuleOutputTextTests
{
    private static readonly Actor Reader = new(new ActorId("li"), "Li", ["handler"], new DepartmentId("front"));

    // Loaded by each test, not once for the class: a rule's text is composed when its pack is loaded.
    private readonly PolicyPack _pack = new SyntheticPack()
        .Rule("admissibility", "redirect", "true", """{ "outcome": "redirect", "redirectTo": "the bureau", "reason": "Theirs." }""")
        .Rule("admissibility", "reject", "true", """{ "outcome": "reject", "reason": "In court." }""")
        .Rule("severity", "all", "true", """{ "category": "billing", "tier": "serious", "reason": "big" }""")
        .Rule("severity", "tier", "true", """{ "tier": "minor" }""")
        .Rule("severity", "category", "true", """{ "category": "food" }""")
        .Rule("routing", "with-role", "true", """{ "department": "front", "role": "manager" }""")
        .Rule("routing", "without-role", "true", """{ "department": "front" }""")
        .Rule("deadlines", "extendable", "true", """{ "kind": "resolve", "amount": 7, "unit": "working-days", "extendableTo": 10, "extensionApprovedBy": "general-manager" }""")
        .Rule("deadlines", "extendable-by-anyone", "true", """{ "kind": "propose", "amount": 2, "unit": "calendar-days", "extendableTo": 4 }""")
        .Rule("deadlines", "fixed", "true", """{ "kind": "follow-up", "amount": 15, "unit": "calendar-days" }""")
        .Rule("approval", "two", "true", """{ "steps": [ "manager", "general-manager" ] }""")
        .Rule("confidentiality", "parts", "true", """{ "reason": "whistle-blower", "withhold": "description, evidence" }""")
        .Rule("confidentiality", "identity-only", "true", """{ "reason": "accused" }""")
        .Rule("recusal", "plain", "true", """{ "reason": "neighbour" }""")
        .Rule("escalation", "notify", "true", """{ "reason": "press", "notifyRole": "general-manager" }""")
        .Rule("escalation", "quiet", "true", """{ "reason": "rounds" }""")
        .Rule("rewards", "fine", "true", """{ "basis": "fine", "minPercent": 20, "maxPercent": 50 }""")
        .Rule("rewards", "seriousness", "true", """{ "basis": "seriousness", "minAmount": 100, "maxAmount": 500 }""")
        .Rule("rewards", "none", "true", """{ "basis": "none" }""")
        .Rule("penalties", "both", "true", """{ "sanctions": [ { "kind": "warning" }, { "kind": "fine", "amount": 100 } ] }""")
        .Rule("guidance", "advice", "true", """{ "advice": "Listen first." }""")
        .Load();

    private static readonly Complaint Case = SyntheticPack.Case();

    [Fact]
    public void Admissibility_SaysTheOutcome_WhereTo_AndWhy()
    {
        Details(_pack.DecideAdmissibility(Case).Explanation).Should().Equal("Redirect to the bureau: Theirs.", "Reject: In court.");
    }

    [Fact]
    public void Severity_SaysOnlyWhatTheRuleSets()
    {
        Details(_pack.Classify(Case).Explanation).Should().Equal("category billing; tier Serious; big", "tier Minor", "category food");
    }

    [Fact]
    public void Routing_SaysTheDepartment_AndTheRoleWhenNamed()
    {
        Details(_pack.Route(Case).Explanation).Should().Equal("to front (manager)", "to front");
    }

    [Fact]
    public void Deadlines_SayTheTime_AndWhoMayExtendItHowFar()
    {
        Details(_pack.SetDeadlines(Case).Explanation).Should().Equal(
            "Resolve within 7 WorkingDays, extendable to 10 by general-manager",
            "Propose within 2 CalendarDays, extendable to 4 by an approver",
            "FollowUp within 15 CalendarDays");
    }

    [Fact]
    public void Approval_ConfidentialityAndRecusal_SayTheStepsPartsAndReasons()
    {
        Details(_pack.RequireApproval(Case, SyntheticPack.Refund(10)).Explanation).Should().Equal("needs manager then general-manager");
        Details(_pack.CheckConfidentiality(Case, Reader).Explanation).Should().Equal("whistle-blower; withhold Description, Evidence", "accused");
        Details(_pack.CheckRecusal(Case, Reader).Explanation).Should().Equal("neighbour");
    }

    [Fact]
    public void Escalation_SaysWhyAndWhomToNotify()
    {
        Details(_pack.CheckEscalation(Case, EscalationTrigger.Requested).Explanation).Should().Equal("press; notify general-manager", "rounds");
    }

    [Fact]
    public void Rewards_Penalties_AndGuidance_SayTheShareTheSanctionsAndTheAdvice()
    {
        Details(_pack.DecideReward(Case).Explanation).Should().Equal("20–50 % of the fine", "by seriousness, 100–500", "no reward");
        Details(_pack.AssessPenalty(Case, Reader, Misconduct.LateHandling).Explanation).Should().Equal("Warning + Fine 100");
        Details(_pack.AdviseHandling(Case).Explanation).Should().Equal("Listen first.");
    }

    private static IEnumerable<string?> Details(PolicyExplanation explanation) => explanation.Rules.Select(r => r.Detail);
}
