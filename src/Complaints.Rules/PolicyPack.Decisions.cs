using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;

namespace Complaints.Rules;

public sealed partial class PolicyPack : IComplaintPolicy
{
    // Per-thread buffers, reused so that a decision allocates only what it returns (docs/benchmarks.md).

    /// <summary>The facts of the case decided last on this thread, reused while the same case object is asked again.</summary>
    [ThreadStatic]
    private static ComplaintFacts? t_factsOfLastCase;

    /// <summary>The deadline rules being chosen by <see cref="SetDeadlines"/>.</summary>
    [ThreadStatic]
    private static List<DeadlineRule>? t_chosenDeadlines;

    /// <summary>The reasons being gathered by <see cref="Classify"/>.</summary>
    [ThreadStatic]
    private static List<string>? t_severityReasons;

    /// <summary>The inputs <c>complaint</c>, <c>pack</c> of a decision point that needs no more.</summary>
    [ThreadStatic]
    private static object[]? t_complaintAndPackInputs;

    /// <summary>The inputs <c>complaint</c>, <c>pack</c> and one more (<c>remedy</c>, <c>person</c>, <c>trigger</c>).</summary>
    [ThreadStatic]
    private static object[]? t_inputsWithOneMore;

    /// <summary>The inputs <c>complaint</c>, <c>pack</c> and two more (<c>person</c> and <c>misconduct</c>).</summary>
    [ThreadStatic]
    private static object[]? t_inputsWithTwoMore;

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        var matched = Run(DecisionPoint.Admissibility, Complaint(complaint));
        return matched.FirstMatched?.Output is AdmissibilityOutput o
            ? new AdmissibilityDecision(o.Outcome, o.Reason, o.RedirectTo, Explain(matched))
            : NoRule(matched, _accepted) ?? new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, Explain(matched));
    }

    /// <inheritdoc />
    public SeverityDecision Classify(Complaint complaint)
    {
        var matched = Run(DecisionPoint.Severity, Complaint(complaint));
        string? category = null;
        Severity? tier = null;
        var reasons = t_severityReasons ??= new List<string>(8);
        for (var i = matched.Next(-1); i >= 0; i = matched.Next(i))
        {
            var rule = matched.Rule(i);
            var o = (SeverityOutput)rule.Output;
            category ??= o.Category;
            if (o.Tier is { } t)
            {
                tier = tier is { } current && current >= t ? current : t;
                reasons.Add(o.Reason ?? rule.Name);
            }
        }

        // Exactly as many reasons as found, in an array of their own; the default tier's one reason is shared.
        IReadOnlyList<string> found = tier is null ? _noSeverityRuleMatchedReasons : reasons.ToArray();
        reasons.Clear();
        var finalCategory = category ?? NonEmpty(complaint.Intake.Category) ?? Manifest.DefaultCategory;
        return new SeverityDecision(finalCategory, tier ?? _defaultTier, found, Explain(matched));
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        var matched = Run(DecisionPoint.Routing, Complaint(complaint));
        var o = (RoutingOutput?)matched.FirstMatched?.Output;
        var department = o?.Department == RoutingOutput.SubjectDepartment
            ? complaint.Intake.Subject.Department?.Value ?? Manifest.DefaultDepartment
            : o?.Department ?? Manifest.DefaultDepartment;
        return new RoutingDecision(new DepartmentId(department), o?.Role ?? Manifest.DefaultHandlerRole, Explain(matched));
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        var matched = Run(DecisionPoint.Deadlines, Complaint(complaint));
        var chosen = t_chosenDeadlines ??= new List<DeadlineRule>(8);
        for (var i = matched.Next(-1); i >= 0; i = matched.Next(i))
        {
            var deadline = _deadlineRules[i]!;
            if (!HasKind(chosen, deadline.Kind))
            {
                chosen.Add(deadline);
            }
        }

        var deadlines = chosen.ToArray();
        chosen.Clear();
        return new DeadlineDecision(deadlines, Explain(matched));
    }

    /// <inheritdoc />
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        var matched = Run(DecisionPoint.Recusal, Complaint(complaint), new PersonFacts(person, complaint));
        return matched.FirstMatched is { } rule
            ? new RecusalDecision(true, ((ReasonOutput)rule.Output).Reason, Explain(matched))
            : NoRule(matched, _notRecused) ?? new RecusalDecision(false, null, Explain(matched));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The pack's limits are in its currency (<see cref="PackManifest.Currency"/>), and amounts are never converted: a
    /// remedy in another currency is refused (<see cref="ComplaintValidationException"/> on <c>Remedy.Amount.Currency</c>),
    /// and a case whose claim is in another currency, whose severity thresholds could not be applied, needs the
    /// approval of the top role of the pack's ladder as well.
    /// </remarks>
    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(remedy);
        if (remedy.Amount is { } amount && !string.Equals(amount.Currency, Manifest.Currency, StringComparison.Ordinal))
        {
            throw new ComplaintValidationException([new ValidationError("Remedy.Amount.Currency",
                $"is {amount.Currency}, but pack {Identity} states its approval limits in {Manifest.Currency} and does not convert amounts; " +
                $"propose the amount in {Manifest.Currency}, so that it is approved at the right level.")]);
        }

        var foreignClaim = complaint.Intake.ClaimedAmount is { } claim && !string.Equals(claim.Currency, Manifest.Currency, StringComparison.Ordinal);
        var matched = Run(DecisionPoint.Approval, Complaint(complaint), new RemedyFacts(remedy));
        if (!matched.Any && !foreignClaim)
        {
            var none = NoRule(matched, _noApproval) ?? new ApprovalDecision([], Explain(matched));
            return _onePersonMayApproveSeveralSteps ? none with { OnePersonMayApproveSeveralSteps = true } : none;
        }

        // Every matched rule's steps, each role once (first spelling kept), ordered by the role ladder; roles off the ladder last, in order found.
        var steps = new List<string>(4);
        for (var i = matched.Next(-1); i >= 0; i = matched.Next(i))
        {
            foreach (var step in ((ApprovalOutput)matched.Rule(i).Output).Steps)
            {
                AddStep(steps, step);
            }
        }

        if (foreignClaim && Manifest.Roles.Count > 0)
        {
            AddStep(steps, Manifest.Roles[^1].Id);
        }

        return new ApprovalDecision(steps.ToArray(), Explain(matched)) { OnePersonMayApproveSeveralSteps = _onePersonMayApproveSeveralSteps };
    }

    private void AddStep(List<string> steps, string step)
    {
        if (!steps.Contains(step, StringComparer.OrdinalIgnoreCase))
        {
            var rank = Rank(step);
            var at = steps.Count;
            while (at > 0 && Rank(steps[at - 1]) > rank)
            {
                at--;
            }

            steps.Insert(at, step);
        }
    }

    /// <inheritdoc />
    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader)
    {
        var matched = Run(DecisionPoint.Confidentiality, Complaint(complaint), new PersonFacts(reader, complaint));
        if (matched.FirstMatched is not { } rule)
        {
            return NoRule(matched, _maySeeIdentity) ?? new ConfidentialityDecision(true, null, Explain(matched));
        }

        // The first matching rule gives the reason; every matching rule adds what it withholds.
        var withheld = ConfidentialParts.None;
        for (var i = matched.Next(-1); i >= 0; i = matched.Next(i))
        {
            withheld |= ((ConfidentialityOutput)matched.Rule(i).Output).Withheld;
        }

        return new ConfidentialityDecision(false, ((ConfidentialityOutput)rule.Output).Reason, Explain(matched)) { Withheld = withheld };
    }

    /// <inheritdoc />
    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger)
    {
        var matched = Run(DecisionPoint.Escalation, Complaint(complaint), Names.Of(trigger));
        var o = (ReasonOutput?)matched.FirstMatched?.Output;
        return o is null && NoRule(matched, _noEscalation) is { } none ? none : new EscalationDecision(o is not null, o?.Reason, o?.NotifyRole, Explain(matched));
    }

    /// <inheritdoc />
    public RewardDecision DecideReward(Complaint complaint)
    {
        var facts = Complaint(complaint);
        var matched = Run(DecisionPoint.Rewards, facts);
        if (matched.FirstMatched?.Output is not RewardOutput { Basis: not RewardBasis.None } o)
        {
            return NoRule(matched, _noReward) ?? new RewardDecision(false, RewardBasis.None, 0, 0, null, null, true, Explain(matched));
        }

        var basis = o.Basis switch
        {
            RewardBasis.Fine => facts.FineAmount,
            RewardBasis.Recovered => facts.RecoveredAmount,
            _ => 0m,
        };
        var min = o.Basis == RewardBasis.Seriousness ? o.MinAmount ?? 0 : Clamp(basis * o.MinPercent / 100, o);
        var max = o.Basis == RewardBasis.Seriousness ? o.MaxAmount ?? 0 : Clamp(basis * o.MaxPercent / 100, o);
        return new RewardDecision(true, o.Basis, o.MinPercent, o.MaxPercent, Money(min), Money(max), o.ConsentForPublicity, Explain(matched));
    }

    /// <inheritdoc />
    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct)
    {
        var matched = Run(DecisionPoint.Penalties, Complaint(complaint), new PersonFacts(person, complaint), misconduct);
        var sanctions = Matched(matched)
            .SelectMany(r => ((PenaltyOutput)r.Output).Sanctions.Select(s => new Sanction(s.Kind, s.Amount is { } a ? Money(a) : null, r.Name)))
            .ToArray();
        return new PenaltyDecision(sanctions, Explain(matched));
    }

    /// <inheritdoc />
    public GuidanceDecision AdviseHandling(Complaint complaint)
    {
        var matched = Run(DecisionPoint.Guidance, Complaint(complaint));
        return new GuidanceDecision(Matched(matched).Select(r => ((GuidanceOutput)r.Output).Advice).ToArray(), Explain(matched));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every matching rule of <c>notices.json</c> adds its notice, in the file's order; a pack without the file (or
    /// without rules) adds none.
    /// </remarks>
    public NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (_workflows[(int)DecisionPoint.Notices].Rules.Count == 0)
        {
            ArgumentNullException.ThrowIfNull(complaint);
            return _noNotices;
        }

        var matched = Run(DecisionPoint.Notices, Complaint(complaint), new NoticeFacts(at));
        if (!matched.Any)
        {
            return NoRule(matched, _noNotices) ?? new NoticeDecision([], Explain(matched));
        }

        var notices = new List<Notice>(2);
        for (var i = matched.Next(-1); i >= 0; i = matched.Next(i))
        {
            var rule = matched.Rule(i);
            var o = (NoticeOutput)rule.Output;
            notices.Add(new Notice(o.To, o.Kind, o.Reason) { Text = o.Text, Rule = rule.Name });
        }

        return new NoticeDecision(notices.ToArray(), Explain(matched));
    }

    private static IEnumerable<CompiledRule> Matched(RuleMatches matches)
    {
        for (var i = matches.Next(-1); i >= 0; i = matches.Next(i))
        {
            yield return matches.Rule(i);
        }
    }

    private static bool HasKind(List<DeadlineRule> deadlines, DeadlineKind kind)
    {
        foreach (var deadline in deadlines)
        {
            if (deadline.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private int Rank(string role) => _ladder.GetValueOrDefault(role, int.MaxValue);

    /// <summary>
    /// The explanation of a decision: the pack, and every rule's trace, built when first read. An evaluation in
    /// which no rule matched or threw has the same explanation whatever the inputs: one per decision point serves.
    /// </summary>
    private PolicyExplanation Explain(RuleMatches matches) =>
        ReferenceEquals(matches, matches.Workflow.NoneMatched) ? _noneMatched[(int)matches.Workflow.Point] : new(Identity, matches);

    /// <summary>
    /// The decision a pack makes when no rule matched or threw, built once per pack (decisions are immutable and
    /// this one does not depend on the case); <see langword="null"/> when the outcome is another.
    /// </summary>
    private static TDecision? NoRule<TDecision>(RuleMatches matches, TDecision decision)
        where TDecision : class =>
        ReferenceEquals(matches, matches.Workflow.NoneMatched) ? decision : null;

    /// <summary>
    /// The facts of a case, built once per case object: triage asks admissibility and severity of the same
    /// (immutable) case, so the second reuses the facts the first built. One entry per thread.
    /// </summary>
    private static ComplaintFacts Complaint(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (t_factsOfLastCase is { } last && ReferenceEquals(last.Source, complaint))
        {
            return last;
        }

        return t_factsOfLastCase = new ComplaintFacts(complaint);
    }

    // The inputs go in an array per thread, reused: the outcome keeps them in its own fields only when its explanation
    // needs them (a rule matched or threw, or a guard skipped one), and the array is cleared so it holds no case.
    private RuleMatches Run(DecisionPoint point, ComplaintFacts complaint)
    {
        var inputs = t_complaintAndPackInputs ??= new object[2];
        (inputs[0], inputs[1]) = (complaint, _pack);
        return Run(point, inputs);
    }

    private RuleMatches Run(DecisionPoint point, ComplaintFacts complaint, object extra)
    {
        var inputs = t_inputsWithOneMore ??= new object[3];
        (inputs[0], inputs[1], inputs[2]) = (complaint, _pack, extra);
        return Run(point, inputs);
    }

    private RuleMatches Run(DecisionPoint point, ComplaintFacts complaint, object extra, object more)
    {
        var inputs = t_inputsWithTwoMore ??= new object[4];
        (inputs[0], inputs[1], inputs[2], inputs[3]) = (complaint, _pack, extra, more);
        return Run(point, inputs);
    }

    private RuleMatches Run(DecisionPoint point, object[] inputs)
    {
        try
        {
            var workflow = _workflows[(int)point];
            return _matcher is null ? workflow.Run(inputs) : _matcher(workflow, inputs);
        }
        finally
        {
            Array.Clear(inputs);
        }
    }

    private static decimal Clamp(decimal amount, RewardOutput o)
    {
        var floored = o.MinAmount is { } floor ? Math.Max(amount, floor) : amount;
        return decimal.Round(o.MaxAmount is { } cap ? Math.Min(floored, cap) : floored, 2);
    }

    private Money Money(decimal amount) => new(amount, Manifest.Currency);

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
