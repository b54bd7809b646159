using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;
using Complaints.Rules.Loading;
using RulesEngine.Models;
using RulesWorkflow = RulesEngine.Models.Workflow;

namespace Complaints.Rules;

/// <summary>
/// A loaded, validated and compiled policy pack: every decision the workflow asks for comes from one of its
/// RulesEngine workflows, with the rules that produced it. Load one with <see cref="PolicyPacks"/>. Immutable
/// and thread-safe; build it once and reuse it.
/// </summary>
public sealed partial class PolicyPack
{
    private readonly CompiledWorkflow[] _workflows;
    private readonly PackFacts _pack;
    private readonly Dictionary<string, int> _ladder;
    private readonly Severity _defaultTier;
    private readonly IReadOnlyList<string> _noSeverityRuleMatchedReasons;
    private readonly decimal? _defaultWarnAtShare;
    private readonly bool _onePersonMayApproveSeveralSteps;
    private readonly PolicyExplanation[] _noneMatched;
    private readonly DeadlineRule?[] _deadlineRules;
    private readonly AdmissibilityDecision _accepted;
    private readonly RecusalDecision _notRecused;
    private readonly ApprovalDecision _noApproval;
    private readonly ConfidentialityDecision _maySeeIdentity;
    private readonly EscalationDecision _noEscalation;
    private readonly RewardDecision _noReward;
    private readonly NoticeDecision _noNotices;

    /// <summary>
    /// What matches the rules instead of the pack's own evaluator (e.g. an NRules session), or <see langword="null"/>
    /// for the pack's own: set only on a copy made by <see cref="WithMatcher"/>, so the default path pays one null check.
    /// </summary>
    private RuleMatcher? _matcher;

    internal PolicyPack(PackManifest manifest, Dictionary<DecisionPoint, CompiledWorkflow> workflows)
    {
        Manifest = manifest;
        _workflows = new CompiledWorkflow[Enum.GetValues<DecisionPoint>().Length];
        foreach (var (point, workflow) in workflows)
        {
            _workflows[(int)point] = workflow;
        }

        Identity = new PolicyRef(manifest.Id, manifest.Version);
        Lifecycle = ManifestLoader.Lifecycle(manifest);
        CorrectiveActions = ManifestLoader.Improvement(manifest);
        _pack = new PackFacts(
            manifest.Id,
            manifest.Version,
            manifest.Currency,
            manifest.Roles.Where(r => r.ApprovalLimit is not null).ToDictionary(r => r.Id, r => r.ApprovalLimit!.Value, StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, decimal>(manifest.Settings, StringComparer.OrdinalIgnoreCase));
        _ladder = manifest.Roles.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        _defaultTier = Names.TryParse<Severity>(manifest.DefaultTier, out var tier) ? tier : Severity.General;
        _noSeverityRuleMatchedReasons = Array.AsReadOnly([$"no severity rule matched: the pack's default tier {_defaultTier}"]);
        _onePersonMayApproveSeveralSteps = manifest.Settings.TryGetValue("onePersonMayApproveSeveralSteps", out var onePerson) && onePerson != 0;
        _defaultWarnAtShare = manifest.Settings.TryGetValue("warnAtShare", out var share) && share is > 0 and < 1 ? share : null;

        // The deadline each deadline rule sets (immutable, the same for every case), by the rule's index.
        _deadlineRules = Array.ConvertAll(_workflows[(int)DecisionPoint.Deadlines].RuleArray, r => r.Output is DeadlineOutput o
            ? new DeadlineRule(o.Kind, o.Amount, o.Unit, r.Name) { WarnAtShare = o.WarnAt ?? _defaultWarnAtShare, ExtendableTo = o.ExtendableTo, ExtensionApprovedBy = o.ExtensionApprovedBy, StartsAt = o.StartsAt }
            : null);

        // What a decision is when no rule matched or threw: the same for every case, so built once.
        _noneMatched = Array.ConvertAll(_workflows, w => new PolicyExplanation(Identity, w.NoneMatched));
        _accepted = new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, NoneMatched(DecisionPoint.Admissibility));
        _notRecused = new RecusalDecision(false, null, NoneMatched(DecisionPoint.Recusal));
        _noApproval = new ApprovalDecision([], NoneMatched(DecisionPoint.Approval));
        _maySeeIdentity = new ConfidentialityDecision(true, null, NoneMatched(DecisionPoint.Confidentiality));
        _noEscalation = new EscalationDecision(false, null, null, NoneMatched(DecisionPoint.Escalation));
        _noReward = new RewardDecision(false, RewardBasis.None, 0, 0, null, null, true, NoneMatched(DecisionPoint.Rewards));
        _noNotices = new NoticeDecision([], NoneMatched(DecisionPoint.Notices));
        IntakeSchema = manifest.Attributes is { } attributes ? SchemaOf(attributes) : null;
    }

    /// <summary>What the pack was compiled from, composed (for <see cref="PolicyPacks.Freeze"/>).</summary>
    internal PackSource? Source { get; init; }

    /// <summary>The settings the code reads itself (besides rules' <c>pack.Setting</c> and <c>"settings.…"</c> outputs), so a pack may set them without a rule reading them.</summary>
    internal static readonly string[] SettingsReadByCode = ["warnAtShare", "onePersonMayApproveSeveralSteps"];

    /// <summary>The pack's id and version, recorded on every case opened under it and on every decision.</summary>
    public PolicyRef Identity { get; }

    /// <summary>The pack's calendar (<c>pack.json</c> <c>calendar</c>), or <see langword="null"/> for the workflow's default.</summary>
    public string? CalendarName => string.IsNullOrWhiteSpace(Manifest.Calendar) ? null : Manifest.Calendar;

    /// <inheritdoc />
    public string? Culture => string.IsNullOrWhiteSpace(Manifest.Culture) ? null : Manifest.Culture.Trim();

    /// <summary>The intake attributes the pack declares (<c>pack.json</c> <c>attributes</c>), checked at receipt; <see langword="null"/> when it declares none.</summary>
    public IntakeSchema? IntakeSchema { get; }

    /// <summary>How the lifecycle varies under this pack: its <c>pack.json</c> <c>lifecycle</c> section, with the workflow's default for each setting it leaves out.</summary>
    public LifecycleSettings Lifecycle { get; }

    /// <summary>When corrective actions are required and their terms under this pack: its <c>pack.json</c> <c>improvement</c> section, with the workflow's default for each setting it leaves out.</summary>
    public Complaints.Improvement.CorrectiveActionSettings CorrectiveActions { get; }

    /// <summary>The pack's <c>pack.json</c>, after any override.</summary>
    public PackManifest Manifest { get; }

    /// <summary>The RulesEngine workflow of a decision point, as loaded (for tools, documentation and checks against RulesEngine).</summary>
    /// <param name="point">The decision point.</param>
    /// <returns>The workflow.</returns>
    internal RulesWorkflow Workflow(DecisionPoint point) => _workflows[(int)point].Source;

    /// <summary>The RulesEngine settings the pack's expressions are compiled with; use the same to run a workflow with RulesEngine itself.</summary>
    internal static ReSettings RulesEngineSettings => WorkflowCompiler.Settings;

    /// <summary>
    /// The inputs a decision point's expressions see, in order, for running the pack's workflow with RulesEngine
    /// itself: <c>complaint</c> and <c>pack</c>, then <c>remedy</c>, <c>person</c>, <c>trigger</c> or
    /// <c>misconduct</c> as the point needs.
    /// </summary>
    /// <param name="point">The decision point.</param>
    /// <returns>The parameter names and types.</returns>
    internal static IReadOnlyList<RuleParameter> Inputs(DecisionPoint point) => WorkflowCompiler.Parameters(point);

    /// <summary>The value of <c>pack</c> in this pack's expressions.</summary>
    public PackFacts Facts => _pack;

    /// <summary>Which of a decision point's rules match for the given inputs, as evaluated by this pack (for differential checks).</summary>
    /// <param name="point">The decision point.</param>
    /// <param name="inputs">The inputs, in the order of <see cref="Inputs"/>.</param>
    /// <returns>For each enabled rule, in order, its name and whether it matched.</returns>
    internal IReadOnlyList<(string Rule, bool Matched)> Evaluate(DecisionPoint point, object[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var workflow = _workflows[(int)point];
        var matches = workflow.Run(inputs);
        var results = new (string Rule, bool Matched)[workflow.Rules.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = (workflow.Rules[i].Name, matches.IsMatched(i));
        }

        return results;
    }

    private PolicyExplanation NoneMatched(DecisionPoint point) => _noneMatched[(int)point];

    /// <summary>
    /// A copy of this pack whose rules are matched by <paramref name="matcher"/> (another engine running the same compiled
    /// rules), while the decisions and their explanations are formed by the pack's own code, as for this pack.
    /// </summary>
    /// <param name="matcher">Matches a decision point's rules for one set of inputs.</param>
    /// <returns>The copy: the same identity, manifest and settings.</returns>
    internal PolicyPack WithMatcher(RuleMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var copy = (PolicyPack)MemberwiseClone();
        copy._matcher = matcher;
        return copy;
    }

    /// <summary>What matches the rules instead of the pack's own evaluator, or <see langword="null"/> for the pack's own.</summary>
    internal RuleMatcher? Matcher => _matcher;

    /// <summary>The deadline each rule of <c>deadlines.json</c> sets, in rule order (numbers read from settings already resolved).</summary>
    internal IEnumerable<DeadlineRule> DeadlineRules => _deadlineRules.OfType<DeadlineRule>();

    /// <summary>A decision point's compiled rules (for tests that check explanations against an eager evaluation).</summary>
    internal CompiledWorkflow Compiled(DecisionPoint point) => _workflows[(int)point];

    /// <inheritdoc />
    public override string ToString() => $"{Manifest.Name} ({Identity})";

    /// <summary>The schema of a manifest's (checked) attributes.</summary>
    internal static IntakeSchema SchemaOf(IReadOnlyList<PackAttributeDefinition> attributes) => new(attributes
        .DistinctBy(a => a.Id, StringComparer.Ordinal)
        .Select(a => Names.TryParse<IntakeAttributeType>(a.Type, out var type) && (type != IntakeAttributeType.OneOf || a.Values is { Count: > 0 })
            ? new IntakeAttributeDefinition(a.Id, type, a.Required, a.Description) { Values = type == IntakeAttributeType.OneOf ? a.Values! : [] }
            : new IntakeAttributeDefinition(a.Id, IntakeAttributeType.Text, a.Required, a.Description))
        .ToArray());
}
