using Complaints.Policy;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// How a pack turns matched rules into decisions, on a small synthetic pack: first match, highest tier, union of
/// approval steps in ladder order, first deadline per kind, defaults, reward arithmetic, explanations.
/// </summary>
public sealed class PolicyPackSemanticsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-semantics-").FullName;
    private readonly PolicyPack _pack;

    public PolicyPackSemanticsTests()
    {
        Write("pack.json", """
            {
              "id": "mini", "version": "2.1.0", "name": "Mini", "currency": "CNY",
              "roles": [ { "id": "handler", "name": "H", "approvalLimit": 100 }, { "id": "manager", "name": "M", "approvalLimit": 1000 }, { "id": "general-manager", "name": "GM" } ],
              "departments": [ { "id": "front", "name": "Front" }, { "id": "finance", "name": "Finance" } ],
              "defaultDepartment": "front", "defaultTier": "general", "defaultCategory": "misc",
              "settings": { "rounds": 2 }
            }
            """);
        Workflow("admissibility",
            Rule("court", "complaint.HasAttribute(\"in-court\")", """{ "outcome": "reject", "reason": "In court." }"""),
            Rule("elsewhere", "complaint.HasAttribute(\"in-court\") || complaint.HasAttribute(\"other-body\")", """{ "outcome": "redirect", "redirectTo": "the bureau", "reason": "Theirs." }"""));
        Workflow("severity",
            Rule("billing-words", "Text.ContainsAny(complaint.Description, \"charge|bill\")", """{ "category": "billing" }"""),
            Rule("serious-claim", "complaint.ClaimAmount > 500", """{ "tier": "serious", "reason": "big claim" }"""),
            Rule("major-risk", "complaint.SafetyRisk", """{ "tier": "major", "reason": "safety" }"""),
            Rule("also-billing-words", "Text.ContainsAny(complaint.Description, \"bill\")", """{ "category": "general-billing", "tier": "minor" }"""));
        Workflow("routing",
            Rule("billing", "complaint.Category == \"billing\"", """{ "department": "finance", "role": "manager" }"""),
            Rule("subject", "complaint.SubjectKind == \"department\"", """{ "department": "$subject-department" }"""));
        Workflow("deadlines",
            Rule("serious-resolve", "complaint.TierRank >= 2", """{ "kind": "resolve", "amount": 7, "unit": "working-days" }"""),
            Rule("resolve", "true", """{ "kind": "resolve", "amount": 3, "unit": "working-days" }"""),
            Rule("follow-up", "true", """{ "kind": "follow-up", "amount": 15, "unit": "calendar-days" }"""));
        Workflow("approval",
            Rule("above-manager", "remedy.Amount > pack.Limit(\"manager\")", """{ "steps": [ "general-manager" ] }"""),
            Rule("above-handler", "remedy.Amount > pack.Limit(\"handler\")", """{ "steps": "manager" }"""));
        Workflow("recusal", Rule("accused-department", "person.InAccusedDepartment", """{ "reason": "same department" }"""));
        Workflow("confidentiality", Rule("accused", "person.IsAccused", """{ "reason": "the accused" }"""));
        Workflow("escalation",
            Rule("rounds", "trigger == \"customer-rejected\" && complaint.CustomerRejections >= pack.Setting(\"rounds\")", """{ "reason": "too many rounds", "notifyRole": "general-manager" }"""));
        Workflow("rewards",
            Rule("fine-share", "complaint.Kind == \"report\" && complaint.FineAmount > 0", """{ "basis": "fine", "minPercent": 20, "maxPercent": 50, "maxAmount": 4000 }"""),
            Rule("by-seriousness", "complaint.Kind == \"report\"", """{ "basis": "seriousness", "minAmount": 100, "maxAmount": 500, "consentForPublicity": false }"""));
        Workflow("penalties",
            Rule("late", "misconduct == \"late-handling\"", """{ "sanctions": [ { "kind": "warning" }, { "kind": "fine", "amount": 100 } ] }"""),
            Rule("late-repeat", "misconduct == \"late-handling\" && person.IsHandler", """{ "sanctions": [ { "kind": "liability-for-losses" } ] }"""));
        Workflow("guidance",
            Rule("always", "true", """{ "advice": "Listen first." }"""),
            Rule("old-incident", "complaint.DaysFromIncidentToReceipt > 365 && Dates.DaysBetween(complaint.OccurredAt, complaint.ReceivedAt) > 365", """{ "advice": "Check the limitation period." }"""),
            Rule("claim-mostly-granted", "Amounts.Between(complaint.ClaimAmount, 1, 1000) && Amounts.Percent(complaint.ClaimAmount, 50) >= 400", """{ "advice": "Offer most of the claim." }"""),
            Rule("throws", "complaint.Attribute(\"x\").Substring(5) == \"y\"", """{ "advice": "never" }"""),
            Rule("throws-before-guard", "complaint.Attribute(\"x\").Substring(5) == \"y\" && complaint.Kind == \"report\"", """{ "advice": "never either" }"""));
        _pack = PolicyPacks.LoadFolder(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Admissibility_SeveralMatch_FirstRuleWinsAndAllAreExplained()
    {
        var decision = _pack.DecideAdmissibility(Case(attributes: ("in-court", "yes")));

        decision.Outcome.Should().Be(AdmissibilityOutcome.Reject);
        decision.Reason.Should().Be("In court.");
        decision.Explanation.MatchedRules.Should().Equal("court", "elsewhere");
        decision.Explanation.Policy.Should().Be(new PolicyRef("mini", "2.1.0"));
    }

    [Fact]
    public void Admissibility_NoneMatch_Accepts()
    {
        var decision = _pack.DecideAdmissibility(Case());

        decision.Outcome.Should().Be(AdmissibilityOutcome.Accept);
        decision.Explanation.Rules.Should().OnlyContain(r => !r.Matched);
    }

    [Fact]
    public void Severity_CategoryFromFirstMatchTierFromHighest()
    {
        var decision = _pack.Classify(Case("A double charge on my bill", claim: 800, flags: ComplaintFlags.SafetyRisk));

        decision.Category.Should().Be("billing");
        decision.Tier.Should().Be(Severity.Major);
        decision.Reasons.Should().Equal("big claim", "safety", "also-billing-words");
    }

    [Fact]
    public void Severity_NoneMatch_UsesIntakeCategoryAndDefaultTier()
    {
        var decision = _pack.Classify(Case("Nothing special here.", category: "service"));

        (decision.Category, decision.Tier).Should().Be(("service", Severity.General));
        decision.Reasons.Should().ContainSingle().Which.Should().Contain("default tier");
        _pack.Classify(Case("Nothing special here.")).Category.Should().Be("misc");
    }

    [Fact]
    public void Routing_FirstMatchOrSubjectDepartmentOrDefault()
    {
        var billing = _pack.Route(Case() with { Category = "billing" });
        (billing.Department.Value, billing.Role).Should().Be(("finance", "manager"));
        _pack.Route(Case(subject: new ComplaintSubject(SubjectKind.Department, "Stores", new DepartmentId("stores")))).Department.Value.Should().Be("stores");
        var fallback = _pack.Route(Case());
        (fallback.Department.Value, fallback.Role).Should().Be(("front", "handler"));
    }

    [Fact]
    public void Deadlines_FirstRulePerKindWins()
    {
        var serious = _pack.SetDeadlines(Case() with { Severity = Severity.Serious });
        var general = _pack.SetDeadlines(Case() with { Severity = Severity.General });

        serious.Deadlines.Should().Equal(
            new DeadlineRule(DeadlineKind.Resolve, 7, DeadlineUnit.WorkingDays, "serious-resolve"),
            new DeadlineRule(DeadlineKind.FollowUp, 15, DeadlineUnit.CalendarDays, "follow-up"));
        general.Deadlines[0].Should().Be(new DeadlineRule(DeadlineKind.Resolve, 3, DeadlineUnit.WorkingDays, "resolve"));
    }

    [Theory]
    [InlineData(50, new string[0])]
    [InlineData(500, new[] { "manager" })]
    [InlineData(5000, new[] { "manager", "general-manager" })]
    public void Approval_StepsAreTheUnionInLadderOrder(decimal amount, string[] steps)
    {
        var decision = _pack.RequireApproval(Case(), new RemedyProposal(RemedyKind.Refund, "Refund", new Money(amount, "CNY")));

        decision.Steps.Should().Equal(steps);
    }

    [Fact]
    public void Escalation_ReadsTriggerAndSettings()
    {
        _pack.CheckEscalation(Case() with { CustomerRejections = 2 }, EscalationTrigger.CustomerRejected)
            .Should().Match<EscalationDecision>(d => d.Escalate && d.NotifyRole == "general-manager");
        _pack.CheckEscalation(Case() with { CustomerRejections = 1 }, EscalationTrigger.CustomerRejected).Escalate.Should().BeFalse();
        _pack.CheckEscalation(Case() with { CustomerRejections = 5 }, EscalationTrigger.Requested).Escalate.Should().BeFalse();
    }

    [Fact]
    public void Reward_ShareOfTheFine_IsCappedAndInThePacksCurrency()
    {
        var report = Case(kind: ComplaintKind.Report) with { Findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Fee.", Fine: new Money(10_000, "CNY")) };

        var reward = _pack.DecideReward(report);

        reward.Should().Match<RewardDecision>(r => r.Eligible && r.Basis == RewardBasis.Fine && r.MinPercent == 20 && r.MaxPercent == 50);
        (reward.Min, reward.Max).Should().Be((new Money(2_000, "CNY"), new Money(4_000, "CNY")), "50 % of 10,000 is capped at 4,000");
    }

    [Fact]
    public void Reward_NothingFined_BySeriousness_AndNoneForComplaints()
    {
        var reward = _pack.DecideReward(Case(kind: ComplaintKind.Report));

        (reward.Basis, reward.Min, reward.Max, reward.ConsentNeededForPublicity).Should().Be((RewardBasis.Seriousness, new Money(100, "CNY"), new Money(500, "CNY"), false));
        _pack.DecideReward(Case()).Eligible.Should().BeFalse();
    }

    [Fact]
    public void Penalties_AllMatchedRulesAddTheirSanctions()
    {
        var handler = new Actor(new ActorId("han"), "Han", ["handler"]);
        var c = Case() with { Assignee = handler };

        var decision = _pack.AssessPenalty(c, handler, Misconduct.LateHandling);

        decision.Sanctions.Should().Equal(
            new Sanction(SanctionKind.Warning, null, "late"),
            new Sanction(SanctionKind.Fine, new Money(100, "CNY"), "late"),
            new Sanction(SanctionKind.LiabilityForLosses, null, "late-repeat"));
        _pack.AssessPenalty(c, handler, Misconduct.IdentityLeak).Sanctions.Should().BeEmpty();
    }

    [Fact]
    public void RecusalAndConfidentiality_SeeThePersonInRelationToTheCase()
    {
        var subject = new ComplaintSubject(SubjectKind.StaffMember, "Wang", new DepartmentId("front"), new ActorId("wang"));
        var c = Case(subject: subject);
        var colleague = new Actor(new ActorId("sun"), "Sun", ["handler"], new DepartmentId("front"));
        var accused = new Actor(new ActorId("wang"), "Wang", ["handler"], new DepartmentId("elsewhere"));

        _pack.CheckRecusal(c, colleague).Should().Match<RecusalDecision>(d => d.MustRecuse && d.Reason == "same department");
        _pack.CheckRecusal(c, accused).MustRecuse.Should().BeFalse();
        _pack.CheckConfidentiality(c, accused).MaySeeIdentity.Should().BeFalse();
        _pack.CheckConfidentiality(c, colleague).MaySeeIdentity.Should().BeTrue();
    }

    [Fact]
    public void Explanation_MatchedRuleSaysWhatItSaw_AndAThrowingRuleIsUnmatchedWithItsError()
    {
        var severity = _pack.Classify(Case(claim: 800));
        var guidance = _pack.AdviseHandling(Case(attributes: ("x", "ab")));

        severity.Explanation.Rules.Single(r => r.Rule == "serious-claim").Detail.Should().Be("tier Serious; big claim (saw complaint.ClaimAmount=800)");
        guidance.Advice.Should().Equal("Listen first.");
        guidance.Explanation.Rules.Single(r => r.Rule == "throws").Should().Match<RuleTrace>(r => !r.Matched && r.Detail!.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public void Guards_ConjunctsComparingAStringWithAConstant_AreFoundAndIndexed()
    {
        Guards(DecisionPoint.Routing, "billing").Should().Equal("complaint.Category == billing");
        Guards(DecisionPoint.Routing, "subject").Should().Equal("complaint.SubjectKind == department");
        Guards(DecisionPoint.Escalation, "rounds").Should().Equal("trigger == customer-rejected");
        Guards(DecisionPoint.Penalties, "late-repeat").Should().Equal("misconduct == late-handling");
        Guards(DecisionPoint.Guidance, "throws").Should().BeEmpty("a method's result is not a value the index can read");
        Guards(DecisionPoint.Severity, "serious-claim").Should().BeEmpty();

        _pack.Route(Case(category: "billing") with { Category = "billing" }).Department.Value.Should().Be("finance");
        _pack.Route(Case(category: "billing") with { Category = "Billing" }).Department.Value.Should().Be("front", "== is ordinal, as in RulesEngine");
        _pack.CheckEscalation(Case() with { CustomerRejections = 2 }, EscalationTrigger.CustomerRejected).Escalate.Should().BeTrue();
        _pack.CheckEscalation(Case() with { CustomerRejections = 2 }, EscalationTrigger.Requested).Escalate.Should().BeFalse();
    }

    [Fact]
    public void Explanation_ARuleSkippedByItsGuard_StillShowsTheErrorItsConditionThrowsBeforeTheGuard()
    {
        var guidance = _pack.AdviseHandling(Case(attributes: ("x", "ab")));

        guidance.Explanation.Rules.Single(r => r.Rule == "throws-before-guard")
            .Should().Match<RuleTrace>(r => !r.Matched && r.Detail!.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_ARuleSkippedByAGuardThatComesFirst_IsNotMatchedWithoutError_AndTheDecisionIsTheRulelessOne()
    {
        // "rounds" starts with its guard: skipped for another trigger, it could not have thrown.
        var first = _pack.CheckEscalation(Case() with { CustomerRejections = 2 }, EscalationTrigger.Requested);
        var second = _pack.CheckEscalation(Case(description: "Other.") with { CustomerRejections = 9 }, EscalationTrigger.DeadlineBreached);

        first.Explanation.Rules.Should().ContainSingle().Which.Should().Be(new RuleTrace("rounds", false));
        _pack.Compiled(DecisionPoint.Escalation).MayHideError(0).Should().BeFalse();
        second.Should().BeSameAs(first, "no rule matched or threw, whatever the case: one decision serves");
        _pack.Compiled(DecisionPoint.Guidance).MayHideError(4).Should().BeTrue("\"throws-before-guard\" reads an attribute before its guard");
    }

    private IEnumerable<string> Guards(DecisionPoint point, string rule) =>
        _pack.Compiled(point).Rules.Single(r => r.Name == rule).Guards
            .Select(g => $"{Rules.PolicyPack.Inputs(point)[g.Input].Name}{(g.Property is null ? "" : "." + g.Property.Name)} == {g.Value}");

    [Fact]
    public void Expressions_MayUseDateAndMoneyHelpers()
    {
        var old = Case(claim: 900) with { ReceivedAt = T0, Intake = Case().Intake with { OccurredAt = T0.AddDays(-400), ClaimedAmount = new Money(900, "CNY") } };

        _pack.AdviseHandling(old).Advice.Should().Equal("Listen first.", "Check the limitation period.", "Offer most of the claim.");
        _pack.AdviseHandling(Case(claim: 500)).Advice.Should().Equal("Listen first.");
    }

    private static Complaint Case(
        string description = "Something went wrong.",
        decimal? claim = null,
        ComplaintFlags flags = ComplaintFlags.None,
        string? category = null,
        ComplaintKind kind = ComplaintKind.Complaint,
        ComplaintSubject? subject = null,
        params (string Key, string Value)[] attributes) => new()
    {
        Id = ComplaintId.New(T0),
        Version = 1,
        State = ComplaintState.Received,
        Intake = new ComplaintIntake(kind, Channel.Email, Complainant.Anonymous, subject ?? new ComplaintSubject(SubjectKind.Service, "Desk"), description,
            Category: category, ClaimedAmount: claim is { } c ? new Money(c, "CNY") : null, Flags: flags,
            Attributes: attributes.ToDictionary(a => a.Key, a => a.Value)),
        ReceivedAt = T0,
        ReceivedBy = new Actor(new ActorId("desk"), "Desk", []),
        Policy = new PolicyRef("mini", "2.1.0"),
        UpdatedAt = T0,
    };

    private static string Rule(string name, string expression, string properties) =>
        $$"""{ "RuleName": "{{name}}", "Expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}}, "Properties": {{properties}} }""";

    private void Workflow(string name, params string[] rules) =>
        Write(name + ".json", $$"""{ "WorkflowName": "{{name}}", "Rules": [ {{string.Join(", ", rules)}} ] }""");

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_folder, file), text);
}
