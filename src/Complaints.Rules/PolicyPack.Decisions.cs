using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;

namespace Complaints.Rules;

public sealed partial class PolicyPack : IComplaintPolicy
{
    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        var (matched, why) = Run(DecisionPoint.Admissibility, Complaint(complaint));
        return matched.Count > 0 && matched[0].Output is AdmissibilityOutput o
            ? new AdmissibilityDecision(o.Outcome, o.Reason, o.RedirectTo, why)
            : new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, why);
    }

    /// <inheritdoc />
    public SeverityDecision Classify(Complaint complaint)
    {
        var (matched, why) = Run(DecisionPoint.Severity, Complaint(complaint));
        string? category = null;
        Severity? tier = null;
        var reasons = new List<string>();
        foreach (var rule in matched)
        {
            var o = (SeverityOutput)rule.Output;
            category ??= o.Category;
            if (o.Tier is { } t)
            {
                tier = tier is { } current && current >= t ? current : t;
                reasons.Add(o.Reason ?? rule.Name);
            }
        }

        var defaultTier = Names.TryParse<Severity>(Manifest.DefaultTier, out var parsed) ? parsed : Severity.General;
        if (tier is null)
        {
            reasons.Add($"no severity rule matched: the pack's default tier {defaultTier}");
        }

        var finalCategory = category ?? NonEmpty(complaint.Intake.Category) ?? Manifest.DefaultCategory;
        return new SeverityDecision(finalCategory, tier ?? defaultTier, reasons, why);
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        var (matched, why) = Run(DecisionPoint.Routing, Complaint(complaint));
        var o = matched.Count > 0 ? (RoutingOutput)matched[0].Output : null;
        var department = o?.Department == RoutingOutput.SubjectDepartment
            ? complaint.Intake.Subject.Department?.Value ?? Manifest.DefaultDepartment
            : o?.Department ?? Manifest.DefaultDepartment;
        return new RoutingDecision(new DepartmentId(department), o?.Role ?? Manifest.DefaultHandlerRole, why);
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        var (matched, why) = Run(DecisionPoint.Deadlines, Complaint(complaint));
        var deadlines = new List<DeadlineRule>();
        foreach (var rule in matched)
        {
            var o = (DeadlineOutput)rule.Output;
            if (deadlines.TrueForAll(d => d.Kind != o.Kind))
            {
                deadlines.Add(new DeadlineRule(o.Kind, o.Amount, o.Unit, rule.Name)
                {
                    WarnAtShare = o.WarnAt ?? DefaultWarnAtShare,
                    ExtendableTo = o.ExtendableTo,
                    ExtensionApprovedBy = o.ExtensionApprovedBy,
                });
            }
        }

        return new DeadlineDecision(deadlines, why);
    }

    /// <inheritdoc />
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        var (matched, why) = Run(DecisionPoint.Recusal, Complaint(complaint), _pack, new PersonFacts(person, complaint));
        return matched.Count > 0
            ? new RecusalDecision(true, ((ReasonOutput)matched[0].Output).Reason, why)
            : new RecusalDecision(false, null, why);
    }

    /// <inheritdoc />
    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        var (matched, why) = Run(DecisionPoint.Approval, Complaint(complaint), _pack, new RemedyFacts(remedy));
        var steps = matched
            .SelectMany(r => ((ApprovalOutput)r.Output).Steps)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(role => _ladder.GetValueOrDefault(role, int.MaxValue))
            .ToArray();
        return new ApprovalDecision(steps, why);
    }

    /// <inheritdoc />
    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader)
    {
        var (matched, why) = Run(DecisionPoint.Confidentiality, Complaint(complaint), _pack, new PersonFacts(reader, complaint));
        return matched.Count > 0
            ? new ConfidentialityDecision(false, ((ReasonOutput)matched[0].Output).Reason, why)
            : new ConfidentialityDecision(true, null, why);
    }

    /// <inheritdoc />
    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger)
    {
        var (matched, why) = Run(DecisionPoint.Escalation, Complaint(complaint), _pack, Names.Of(trigger));
        var o = matched.Count > 0 ? (ReasonOutput)matched[0].Output : null;
        return new EscalationDecision(o is not null, o?.Reason, o?.NotifyRole, why);
    }

    /// <inheritdoc />
    public RewardDecision DecideReward(Complaint complaint)
    {
        var facts = Complaint(complaint);
        var (matched, why) = Run(DecisionPoint.Rewards, facts);
        if (matched.Count == 0 || matched[0].Output is not RewardOutput { Basis: not RewardBasis.None } o)
        {
            return new RewardDecision(false, RewardBasis.None, 0, 0, null, null, true, why);
        }

        var basis = o.Basis switch
        {
            RewardBasis.Fine => facts.FineAmount,
            RewardBasis.Recovered => facts.RecoveredAmount,
            _ => 0m,
        };
        var min = o.Basis == RewardBasis.Seriousness ? o.MinAmount ?? 0 : Clamp(basis * o.MinPercent / 100, o);
        var max = o.Basis == RewardBasis.Seriousness ? o.MaxAmount ?? 0 : Clamp(basis * o.MaxPercent / 100, o);
        return new RewardDecision(true, o.Basis, o.MinPercent, o.MaxPercent, Money(min), Money(max), o.ConsentForPublicity, why);
    }

    /// <inheritdoc />
    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct)
    {
        var (matched, why) = Run(DecisionPoint.Penalties, Complaint(complaint), _pack, new PersonFacts(person, complaint), misconduct);
        var sanctions = matched
            .SelectMany(r => ((PenaltyOutput)r.Output).Sanctions.Select(s => new Sanction(s.Kind, s.Amount is { } a ? Money(a) : null, r.Name)))
            .ToArray();
        return new PenaltyDecision(sanctions, why);
    }

    /// <inheritdoc />
    public GuidanceDecision AdviseHandling(Complaint complaint)
    {
        var (matched, why) = Run(DecisionPoint.Guidance, Complaint(complaint));
        return new GuidanceDecision(matched.Select(r => ((GuidanceOutput)r.Output).Advice).ToArray(), why);
    }

    /// <summary>The pack's <c>warnAtShare</c> setting, for deadlines whose rule gives no <c>warnAt</c>.</summary>
    private decimal? DefaultWarnAtShare =>
        Manifest.Settings.TryGetValue("warnAtShare", out var share) && share is > 0 and < 1 ? share : null;

    private static ComplaintFacts Complaint(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new ComplaintFacts(complaint);
    }

    private (List<CompiledRule> Matched, PolicyExplanation Why) Run(DecisionPoint point, ComplaintFacts complaint) =>
        _workflows[point].Run([complaint, _pack], Identity);

    private (List<CompiledRule> Matched, PolicyExplanation Why) Run(DecisionPoint point, ComplaintFacts complaint, PackFacts pack, object extra) =>
        _workflows[point].Run([complaint, pack, extra], Identity);

    private (List<CompiledRule> Matched, PolicyExplanation Why) Run(DecisionPoint point, ComplaintFacts complaint, PackFacts pack, object extra, object more) =>
        _workflows[point].Run([complaint, pack, extra, more], Identity);

    private static decimal Clamp(decimal amount, RewardOutput o)
    {
        var floored = o.MinAmount is { } floor ? Math.Max(amount, floor) : amount;
        return decimal.Round(o.MaxAmount is { } cap ? Math.Min(floored, cap) : floored, 2);
    }

    private Money Money(decimal amount) => new(amount, Manifest.Currency);

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
