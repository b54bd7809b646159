using Complaints.Policy;

namespace Complaints.Rules.NRules;

/// <summary>
/// A policy (a pack) refined by C# rules: each decision is the pack's, combined with what the rules stated for the
/// same point (docs/nrules.md, "Layered over a pack"). Made by <see cref="NRulesPolicy.Over"/>.
/// </summary>
internal sealed class NRulesLayeredPolicy : ComplaintPolicyDecorator
{
    private readonly NRulesPolicy _rules;
    private readonly PolicySettings _settings;

    /// <summary>The pack's settings (the rules read them unless given their own).</summary>
    private readonly PolicySettings _packSettings;

    /// <summary>
    /// What orders approval steps and escalation roles: the rules' own settings when their ladder holds every role of
    /// the pack's (it places the host's roles among the pack's), else the pack's — so that a host ladder that omits the
    /// pack's roles cannot put its own steps before the pack's.
    /// </summary>
    private readonly PolicySettings _ladder;

    public NRulesLayeredPolicy(IComplaintPolicy inner, NRulesPolicy rules)
        : base(inner)
    {
        _rules = rules;
        _packSettings = inner switch
        {
            PolicyPack pack => PolicySettings.From(pack),
            NRulesLayeredPolicy layered => layered._packSettings,
            _ => rules.ExplicitSettings ?? throw new NRulesPolicyException(null,
                $"The C# rules of {rules.Identity} are layered over policy {inner.Identity}, which is not a policy pack, so its settings (ladder, approval limits, defaults) are not known: give them with o.Settings."),
        };
        _settings = rules.ExplicitSettings ?? _packSettings;
        _ladder = rules.ExplicitSettings is { } own && _packSettings.Ladder.All(role => own.Ladder.Contains(role, StringComparer.OrdinalIgnoreCase))
            ? own
            : _packSettings;
        var version = inner.Identity.Version;
        Identity = new PolicyRef(inner.Identity.Id, $"{version}{(version.Contains('+', StringComparison.Ordinal) ? "." : "+")}nrules.{rules.Identity.Id}.{rules.Identity.Version}");
    }

    /// <inheritdoc />
    public override PolicyRef Identity { get; }

    /// <inheritdoc />
    public override AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        var pack = Inner.DecideAdmissibility(complaint);
        var r = new AdmissibilityRequest(complaint, _settings);
        var traces = _rules.Fire(r);
        var explanation = Explain(pack, traces);
        return pack.Outcome != AdmissibilityOutcome.Accept || r.Outcome == AdmissibilityOutcome.Accept
            ? pack with { Explanation = explanation }
            : new AdmissibilityDecision(r.Outcome, r.Reason, r.RedirectTo, explanation);
    }

    /// <inheritdoc />
    public override SeverityDecision Classify(Complaint complaint)
    {
        var pack = Inner.Classify(complaint);
        var r = new SeverityRequest(complaint, _settings);
        var traces = _rules.Fire(r);
        var tier = r.TierStated is { } stated && stated > pack.Tier ? stated : pack.Tier;
        return new SeverityDecision(r.Category ?? pack.Category, tier, [.. pack.Reasons, .. r.Reasons], Explain(pack, traces));
    }

    /// <inheritdoc />
    public override RoutingDecision Route(Complaint complaint)
    {
        var pack = Inner.Route(complaint);
        var r = new RoutingRequest(complaint, _settings);
        var traces = _rules.Fire(r);
        return r.Department is { } department
            ? new RoutingDecision(new DepartmentId(department), r.Role!, Explain(pack, traces))
            : pack with { Explanation = Explain(pack, traces) };
    }

    /// <inheritdoc />
    public override DeadlineDecision SetDeadlines(Complaint complaint)
    {
        var pack = Inner.SetDeadlines(complaint);
        var r = new DeadlineRequest(complaint, _settings);
        var traces = _rules.Fire(r);
        var deadlines = pack.Deadlines.Select(d => r.Deadlines.FirstOrDefault(c => c.Kind == d.Kind) ?? d)
            .Concat(r.Deadlines.Where(c => !pack.Deadlines.Any(d => d.Kind == c.Kind)))
            .ToArray();
        return pack with { Deadlines = deadlines, Explanation = Explain(pack, traces) };
    }

    /// <inheritdoc />
    public override RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        var pack = Inner.CheckRecusal(complaint, person);
        var r = new RecusalRequest(complaint, person, _settings);
        var traces = _rules.Fire(r);
        return new RecusalDecision(pack.MustRecuse || r.MustRecuse, pack.MustRecuse ? pack.Reason : r.Reason, Explain(pack, traces));
    }

    /// <inheritdoc />
    public override ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        var pack = Inner.RequireApproval(complaint, remedy);
        var r = new ApprovalRequest(complaint, remedy, _settings);
        var traces = _rules.Fire(r);
        var steps = new List<string>(pack.Steps.Count + r.Steps.Count);
        foreach (var step in pack.Steps.Concat(r.Steps))
        {
            ApprovalRequest.AddStep(steps, step, _ladder);
        }

        return pack with { Steps = steps.ToArray(), Explanation = Explain(pack, traces) };
    }

    /// <inheritdoc />
    public override ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader)
    {
        var pack = Inner.CheckConfidentiality(complaint, reader);
        var r = new ConfidentialityRequest(complaint, reader, _settings);
        var traces = _rules.Fire(r);
        return new ConfidentialityDecision(pack.MaySeeIdentity && !r.IdentityWithheld, pack.MaySeeIdentity && r.IdentityWithheld ? r.Reason : pack.Reason, Explain(pack, traces))
        {
            Withheld = pack.Withheld | r.Withheld,
        };
    }

    /// <inheritdoc />
    public override EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger)
    {
        var pack = Inner.CheckEscalation(complaint, trigger);
        var r = new EscalationRequest(complaint, trigger, _settings);
        var traces = _rules.Fire(r);
        if (!r.Escalated)
        {
            return pack with { Explanation = Explain(pack, traces) };
        }

        if (!pack.Escalate)
        {
            return new EscalationDecision(true, r.Reason, r.NotifyRole, Explain(pack, traces));
        }

        // Both escalate: the pack's reason; the higher of the two roles told, on the ladder (the pack's if the rules name none).
        var notify = r.NotifyRole is { } mine && (pack.NotifyRole is null || _ladder.Rank(mine) is var rank && rank != int.MaxValue && rank > _ladder.Rank(pack.NotifyRole))
            ? mine
            : pack.NotifyRole;
        return pack with { NotifyRole = notify, Explanation = Explain(pack, traces) };
    }

    /// <inheritdoc />
    public override RewardDecision DecideReward(Complaint complaint)
    {
        var pack = Inner.DecideReward(complaint);
        var r = new RewardRequest(complaint, _settings);
        var traces = _rules.Fire(r);
        // The host's reward scheme replaces the pack's where a rule grants one (docs/nrules.md: one of the points where a rule may relax the pack).
        return r.Granted is null
            ? pack with { Explanation = Explain(pack, traces) }
            : NRulesPolicy.ToDecision(r.Granted, _settings.Currency, Explain(pack, traces));
    }

    /// <inheritdoc />
    public override PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct)
    {
        var pack = Inner.AssessPenalty(complaint, person, misconduct);
        var r = new PenaltyRequest(complaint, person, misconduct, _settings);
        var traces = _rules.Fire(r);
        return new PenaltyDecision([.. pack.Sanctions, .. r.Sanctions], Explain(pack, traces));
    }

    /// <inheritdoc />
    public override GuidanceDecision AdviseHandling(Complaint complaint)
    {
        var pack = Inner.AdviseHandling(complaint);
        var r = new GuidanceRequest(complaint, _settings);
        var traces = _rules.Fire(r);
        return new GuidanceDecision([.. r.Advice, .. pack.Advice], Explain(pack, traces));
    }

    /// <inheritdoc />
    public override NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at)
    {
        var pack = Inner.DecideNotices(complaint, at);
        var r = new NoticeRequest(complaint, at, _settings);
        var traces = _rules.Fire(r);
        return new NoticeDecision([.. pack.Notices, .. r.Notices], Explain(pack, traces));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Inner} refined by {_rules}";

    /// <summary>The pack's rules, then the C# rules, under the layered identity.</summary>
    private PolicyExplanation Explain(PolicyDecision pack, IReadOnlyList<RuleTrace> traces) =>
        new(Identity, traces.Count == 0 ? pack.Explanation.Rules : [.. pack.Explanation.Rules, .. traces]);
}
