using System.Diagnostics;
using System.Text;
using Complaints.Policy;
using Complaints.Rules.NRules.Internal;
using global::NRules;
using global::NRules.Diagnostics;
using global::NRules.Fluent;
using global::NRules.RuleModel;

namespace Complaints.Rules.NRules;

/// <summary>
/// A complaint policy written as C# rules on NRules: every decision of <see cref="IComplaintPolicy"/> is made by the
/// rules that match its request fact (<see cref="SeverityRequest"/>, <see cref="ApprovalRequest"/> …), and explained
/// by the rules that fired, with their names, descriptions and the facts they matched. The rules are found by NRules'
/// <c>RuleRepository</c> and compiled once, by <see cref="Build"/>, into one session factory; each decision runs in a
/// session of its own (so the policy is thread-safe). Use it alone (<c>UseNRules</c>) or layered over a policy pack
/// (<see cref="Over"/>, <c>WithNRules</c>), where the rules refine the pack's decisions.
/// </summary>
/// <remarks>
/// A decision point no rule fires for gets the decision a pack with no matching rule gives: accepted; the
/// receiver's category (else <see cref="PolicySettings.DefaultCategory"/>) at <see cref="PolicySettings.DefaultTier"/>;
/// routed to <see cref="PolicySettings.DefaultDepartment"/>; no deadlines; no recusal; within the handler's authority;
/// identity shown; no escalation, reward, sanction, advice or notice. Its explanation lists the point's rules, none matched.
/// </remarks>
public sealed class NRulesPolicy : IComplaintPolicy
{
    private static readonly Type[] RequestTypes =
    [
        typeof(AdmissibilityRequest), typeof(SeverityRequest), typeof(RoutingRequest), typeof(DeadlineRequest),
        typeof(RecusalRequest), typeof(ApprovalRequest), typeof(ConfidentialityRequest), typeof(EscalationRequest),
        typeof(RewardRequest), typeof(PenaltyRequest), typeof(GuidanceRequest), typeof(NoticeRequest),
    ];

    private readonly ISessionFactory _factory;
    private readonly Dictionary<Type, IRuleDefinition[]> _rulesByRequest;

    private NRulesPolicy(NRulesPolicyOptions options, ISessionFactory factory, IReadOnlyList<IRuleDefinition> rules, TimeSpan compileTime)
    {
        Identity = options.Identity;
        ExplicitSettings = options.Settings;
        Settings = options.Settings ?? PolicySettings.Empty;
        CalendarName = options.CalendarName;
        Culture = options.Culture;
        IntakeSchema = options.IntakeSchema;
        Lifecycle = options.Lifecycle ?? LifecycleSettings.Default;
        CorrectiveActions = options.CorrectiveActions ?? Complaints.Improvement.CorrectiveActionSettings.Default;
        _factory = factory;
        Rules = rules.Select(r => r.Name).ToArray();
        CompileTime = compileTime;
        _rulesByRequest = RequestTypes.ToDictionary(t => t, t => rules.Where(r => RequestTypesOf(r).Any(m => m.IsAssignableFrom(t))).ToArray());
    }

    /// <summary>Builds a policy: loads the rules with NRules' <c>RuleRepository</c> and compiles them into one session factory.</summary>
    /// <param name="configure">Chooses the rules (<see cref="NRulesPolicyOptions.RulesFrom"/>, <see cref="NRulesPolicyOptions.Rules"/>), the identity and the settings.</param>
    /// <returns>The policy, ready to decide.</returns>
    /// <exception cref="NRulesPolicyException">
    /// No rule is given; a rule cannot be loaded or compiled by NRules; or a rule matches none of the request facts (so
    /// it could never fire). The message names the rule.
    /// </exception>
    public static NRulesPolicy Build(Action<NRulesPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new NRulesPolicyOptions();
        configure(options);
        ArgumentNullException.ThrowIfNull(options.Identity, "options.Identity");
        var started = Stopwatch.GetTimestamp();
        var repository = new RuleRepository();
        try
        {
            if (options.Assemblies.Count > 0)
            {
                repository.Load(x => x.From(options.Assemblies));
            }

            if (options.Types.Count > 0)
            {
                repository.Load(x => x.PrivateTypes(true).NestedTypes(true).From(options.Types));
            }
        }
        catch (RuleDefinitionException e)
        {
            throw new NRulesPolicyException(e.RuleTypeName, $"C# rule '{e.RuleTypeName}' cannot be defined: {e.InnerException?.Message ?? e.Message} Correct its Define method.", e);
        }
        catch (RuleActivationException e)
        {
            throw new NRulesPolicyException(e.RuleTypeName, $"C# rule '{e.RuleTypeName}' cannot be created: {e.InnerException?.Message ?? e.Message} Give it a public parameterless constructor.", e);
        }

        var rules = repository.GetRules().ToArray();
        if (rules.Length == 0)
        {
            throw new NRulesPolicyException(null, $"Policy {options.Identity} has no C# rules: the assemblies given hold no public rule class, and no rule type was given. Add them with RulesFrom(assembly) or Rules(typeof(MyRule)).");
        }

        foreach (var twice in rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new NRulesPolicyException(twice.Key, $"C# rule '{twice.Key}' is given twice (the same class added twice, or two classes with the same [Name]); explanations name rules, so give each its own name.");
        }

        foreach (var rule in rules)
        {
            if (!RequestTypesOf(rule).Any())
            {
                throw new NRulesPolicyException(rule.Name,
                    $"C# rule '{rule.Name}' matches none of the request facts ({string.Join(", ", RequestTypes.Select(t => t.Name))}), so it could never fire: " +
                    "match the request of the decision it makes, e.g. When().Match<ApprovalRequest>(() => request, r => …).");
            }
        }

        ISessionFactory factory;
        try
        {
            factory = new RuleCompiler().Compile(rules);
        }
        catch (RuleCompilationException e)
        {
            throw new NRulesPolicyException(e.RuleName, $"C# rule '{e.RuleName}' does not compile: {e.InnerException?.Message ?? e.Message}", e);
        }

        return new NRulesPolicy(options, factory, rules, Stopwatch.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public PolicyRef Identity { get; }

    /// <inheritdoc />
    public string? CalendarName { get; }

    /// <inheritdoc />
    public string? Culture { get; }

    /// <inheritdoc />
    public IntakeSchema? IntakeSchema { get; }

    /// <inheritdoc />
    public LifecycleSettings Lifecycle { get; }

    /// <inheritdoc />
    public Complaints.Improvement.CorrectiveActionSettings CorrectiveActions { get; }

    /// <summary>The settings the rules read when the policy decides alone.</summary>
    public PolicySettings Settings { get; }

    /// <summary>The names of the rules, as NRules knows them (<c>[Name]</c>, else the class's full name).</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>How long loading and compiling the rules took (once, in <see cref="Build"/>).</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>The settings given in the options, or <see langword="null"/>.</summary>
    internal PolicySettings? ExplicitSettings { get; }

    /// <summary>
    /// The policy that decides as <paramref name="inner"/> (a policy pack) and refines each decision with these rules,
    /// the stricter outcome winning where that is safe (docs/nrules.md, "Layered over a pack"). Its identity is the
    /// pack's id with the version <c>&lt;pack version&gt;+nrules.&lt;rules id&gt;.&lt;rules version&gt;</c>; its
    /// explanations list the pack's rules, then these.
    /// </summary>
    /// <param name="inner">The pack (or any policy).</param>
    /// <returns>The layered policy.</returns>
    public IComplaintPolicy Over(IComplaintPolicy inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new NRulesLayeredPolicy(inner, this);
    }

    /// <inheritdoc />
    public AdmissibilityDecision DecideAdmissibility(Complaint complaint)
    {
        var r = new AdmissibilityRequest(complaint, Settings);
        var traces = Fire(r);
        return new AdmissibilityDecision(r.Outcome, r.Reason, r.RedirectTo, Explain(traces));
    }

    /// <inheritdoc />
    public SeverityDecision Classify(Complaint complaint)
    {
        var r = new SeverityRequest(complaint, Settings);
        var traces = Fire(r);
        var tier = r.TierStated ?? Settings.DefaultTier;
        IReadOnlyList<string> reasons = r.TierStated is null ? [$"no severity rule fired: the default tier {tier}"] : r.Reasons.ToArray();
        var category = r.Category ?? (string.IsNullOrWhiteSpace(complaint.Intake.Category) ? Settings.DefaultCategory : complaint.Intake.Category);
        return new SeverityDecision(category, tier, reasons, Explain(traces));
    }

    /// <inheritdoc />
    public RoutingDecision Route(Complaint complaint)
    {
        var r = new RoutingRequest(complaint, Settings);
        var traces = Fire(r);
        return new RoutingDecision(new DepartmentId(r.Department ?? Settings.DefaultDepartment), r.Role ?? Settings.DefaultHandlerRole, Explain(traces));
    }

    /// <inheritdoc />
    public DeadlineDecision SetDeadlines(Complaint complaint)
    {
        var r = new DeadlineRequest(complaint, Settings);
        var traces = Fire(r);
        return new DeadlineDecision(r.Deadlines.ToArray(), Explain(traces));
    }

    /// <inheritdoc />
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        var r = new RecusalRequest(complaint, person, Settings);
        var traces = Fire(r);
        return new RecusalDecision(r.MustRecuse, r.Reason, Explain(traces));
    }

    /// <inheritdoc />
    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        var r = new ApprovalRequest(complaint, remedy, Settings);
        var traces = Fire(r);
        return new ApprovalDecision(r.Steps.ToArray(), Explain(traces));
    }

    /// <inheritdoc />
    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader)
    {
        var r = new ConfidentialityRequest(complaint, reader, Settings);
        var traces = Fire(r);
        return new ConfidentialityDecision(!r.IdentityWithheld, r.Reason, Explain(traces)) { Withheld = r.Withheld };
    }

    /// <inheritdoc />
    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger)
    {
        var r = new EscalationRequest(complaint, trigger, Settings);
        var traces = Fire(r);
        return new EscalationDecision(r.Escalated, r.Reason, r.NotifyRole, Explain(traces));
    }

    /// <inheritdoc />
    public RewardDecision DecideReward(Complaint complaint)
    {
        var r = new RewardRequest(complaint, Settings);
        var traces = Fire(r);
        return ToDecision(r.Granted, Settings.Currency, Explain(traces));
    }

    /// <inheritdoc />
    public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct)
    {
        var r = new PenaltyRequest(complaint, person, misconduct, Settings);
        var traces = Fire(r);
        return new PenaltyDecision(r.Sanctions.ToArray(), Explain(traces));
    }

    /// <inheritdoc />
    public GuidanceDecision AdviseHandling(Complaint complaint)
    {
        var r = new GuidanceRequest(complaint, Settings);
        var traces = Fire(r);
        return new GuidanceDecision(r.Advice.ToArray(), Explain(traces));
    }

    /// <inheritdoc />
    public NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at)
    {
        var r = new NoticeRequest(complaint, at, Settings);
        var traces = Fire(r);
        return new NoticeDecision(r.Notices.ToArray(), Explain(traces));
    }

    /// <inheritdoc />
    public override string ToString() => $"C# rules on NRules ({Identity}, {Rules.Count} rules)";

    /// <summary>The decision of a granted reward (or of none).</summary>
    internal static RewardDecision ToDecision(RewardGrant? grant, string currency, PolicyExplanation explanation) => grant is null
        ? new RewardDecision(false, RewardBasis.None, 0, 0, null, null, true, explanation)
        : new RewardDecision(true, grant.Basis, grant.MinPercent, grant.MaxPercent, new Money(grant.Min, currency), new Money(grant.Max, currency), grant.ConsentNeededForPublicity, explanation);

    private PolicyExplanation Explain(IReadOnlyList<RuleTrace> traces) => new(Identity, traces);

    /// <summary>
    /// Runs the rules on <paramref name="request"/> in a new session: inserts it, fires, and returns a trace per rule of
    /// its decision point — those that fired first, in firing order, with their descriptions, the facts they matched and
    /// what they stated; then those that did not.
    /// </summary>
    /// <exception cref="NRulesPolicyException">A rule's condition or action threw; the message names the rule.</exception>
    internal IReadOnlyList<RuleTrace> Fire(PolicyRequest request)
    {
        var considered = _rulesByRequest[request.GetType()];
        if (considered.Length == 0)
        {
            return [];
        }

        var session = _factory.CreateSession();
        var fired = new List<(IRuleDefinition Rule, string Facts)>();
        string? failedCondition = null;
        session.Events.RuleFiringEvent += (_, e) =>
        {
            request.FiringRule = e.Rule.Name;
            fired.Add((e.Rule, string.Join(", ", e.Facts.Select(f => $"{f.Declaration.Name} = {FactText.Of(f.Value)}"))));
        };
        session.Events.LhsExpressionFailedEvent += (_, e) => failedCondition ??= string.Join(", ", e.Rules.Select(r => r.Name));
        try
        {
            session.Insert(request);
            session.Fire();
        }
        catch (RuleExecutionException e)
        {
            var rule = (e as RuleRhsExpressionEvaluationException)?.RuleName ?? (e as AgendaExpressionEvaluationException)?.RuleName ?? failedCondition ?? "(unknown)";
            var part = e is RuleRhsExpressionEvaluationException ? "action" : "condition";
            var inner = e.InnerException ?? e;
            throw new NRulesPolicyException(rule,
                $"C# rule '{rule}' of policy {Identity} failed in its {part} deciding {request.GetType().Name} for case {request.Complaint.Id} with {inner.GetType().Name}. " +
                "Its message is not repeated here, as it may quote the case (a parsed attribute, the description); read it in the inner exception, where only your own code and logs see it.", e);
        }

        var traces = new List<RuleTrace>(considered.Length);
        foreach (var group in fired.GroupBy(f => f.Rule.Name, StringComparer.Ordinal))
        {
            var rule = group.First().Rule;
            var detail = new StringBuilder();
            if (!string.IsNullOrWhiteSpace(rule.Description))
            {
                detail.Append(rule.Description.TrimEnd('.')).Append("; ");
            }

            detail.Append("matched ").AppendJoin("; ", group.Select(f => f.Facts));
            var stated = request.Contributions.Where(c => string.Equals(c.Rule, rule.Name, StringComparison.Ordinal)).Select(c => c.What).ToArray();
            if (stated.Length > 0)
            {
                detail.Append("; ").AppendJoin("; ", stated);
            }

            traces.Add(new RuleTrace(rule.Name, true, detail.ToString()));
        }

        foreach (var rule in considered)
        {
            if (!fired.Exists(f => string.Equals(f.Rule.Name, rule.Name, StringComparison.Ordinal)))
            {
                traces.Add(new RuleTrace(rule.Name, false));
            }
        }

        return traces;
    }

    /// <summary>The request types a rule's patterns match (its top-level declarations of a <see cref="PolicyRequest"/> type).</summary>
    private static IEnumerable<Type> RequestTypesOf(IRuleDefinition rule) =>
        rule.LeftHandSide.Exports.Select(d => d.Type).Where(t => typeof(PolicyRequest).IsAssignableFrom(t));
}
