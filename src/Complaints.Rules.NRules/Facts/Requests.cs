using System.Globalization;
using Complaints.Policy;

namespace Complaints.Rules.NRules;

/// <summary>Is the complaint ours to handle? A rule rejects it or redirects it; one that fires neither leaves it accepted.</summary>
public sealed class AdmissibilityRequest : PolicyRequest
{
    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case as received.</param>
    /// <param name="settings">The settings.</param>
    public AdmissibilityRequest(Complaint complaint, PolicySettings settings)
        : base(complaint, settings)
    {
    }

    /// <summary>The outcome stated first; <see cref="AdmissibilityOutcome.Accept"/> until a rule rejects or redirects.</summary>
    public AdmissibilityOutcome Outcome { get; private set; }

    /// <summary>The reason stated with <see cref="Outcome"/>.</summary>
    public string? Reason { get; private set; }

    /// <summary>Where to direct the complainant, for a redirect.</summary>
    public string? RedirectTo { get; private set; }

    /// <summary>Not handled as a complaint. The first rule to reject or redirect decides.</summary>
    /// <param name="reason">The reason given to the complainant.</param>
    public void Reject(string reason) => Decide(AdmissibilityOutcome.Reject, reason, null);

    /// <summary>Not ours: direct the complainant to <paramref name="to"/>. The first rule to reject or redirect decides.</summary>
    /// <param name="to">The body that handles it.</param>
    /// <param name="reason">The reason given to the complainant.</param>
    public void Redirect(string to, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        Decide(AdmissibilityOutcome.Redirect, reason, to);
    }

    private void Decide(AdmissibilityOutcome outcome, string reason, string? to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Stated(outcome == AdmissibilityOutcome.Reject ? $"rejects: {reason}" : $"redirects to {to}: {reason}");
        if (Outcome == AdmissibilityOutcome.Accept)
        {
            (Outcome, Reason, RedirectTo) = (outcome, reason, to);
        }
    }
}

/// <summary>The category and severity tier: the first category stated, the highest tier stated.</summary>
public sealed class SeverityRequest : PolicyRequest
{
    private readonly List<string> _reasons = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="settings">The settings.</param>
    public SeverityRequest(Complaint complaint, PolicySettings settings)
        : base(complaint, settings)
    {
    }

    /// <summary>The category stated first, if any.</summary>
    public string? Category { get; private set; }

    /// <summary>The highest tier stated, if any.</summary>
    public Severity? TierStated { get; private set; }

    /// <summary>The reasons of every tier stated, in firing order.</summary>
    public IReadOnlyList<string> Reasons => _reasons;

    /// <summary>Sets the category, unless a rule fired before set one.</summary>
    /// <param name="category">The category, e.g. <c>repair-quality</c>.</param>
    public void SetCategory(string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        Stated($"category {category}");
        Category ??= category;
    }

    /// <summary>States a tier; the highest stated wins, and every reason is kept.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="reason">Why, for a person to read.</param>
    public void SetTier(Severity tier, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Stated($"tier {tier}: {reason}");
        TierStated = TierStated is { } current && current >= tier ? current : tier;
        _reasons.Add(reason);
    }
}

/// <summary>The responsible department and role: the first rule to route decides.</summary>
public sealed class RoutingRequest : PolicyRequest
{
    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case, classified.</param>
    /// <param name="settings">The settings.</param>
    public RoutingRequest(Complaint complaint, PolicySettings settings)
        : base(complaint, settings)
    {
    }

    /// <summary>The department stated first, if any.</summary>
    public string? Department { get; private set; }

    /// <summary>The role stated with it.</summary>
    public string? Role { get; private set; }

    /// <summary>Routes the case, unless a rule fired before routed it.</summary>
    /// <param name="department">The department.</param>
    /// <param name="role">The role that handles it there.</param>
    public void RouteTo(string department, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Stated($"routes to {department} ({role})");
        if (Department is null)
        {
            (Department, Role) = (department, role);
        }
    }
}

/// <summary>The deadlines: the first deadline stated of each kind.</summary>
public sealed class DeadlineRequest : PolicyRequest
{
    private readonly List<DeadlineRule> _deadlines = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case, classified and routed.</param>
    /// <param name="settings">The settings.</param>
    public DeadlineRequest(Complaint complaint, PolicySettings settings)
        : base(complaint, settings)
    {
    }

    /// <summary>The deadlines stated, the first of each kind.</summary>
    public IReadOnlyList<DeadlineRule> Deadlines => _deadlines;

    /// <summary>Sets a deadline of <paramref name="kind"/>, unless a rule fired before set one of that kind; the rule is recorded as the firing rule.</summary>
    /// <param name="kind">What must happen.</param>
    /// <param name="amount">How many units; at least 1.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="startsAt">The event that starts the clock.</param>
    /// <param name="warnAtShare">The share of the time (0–1, exclusive) after which a warning is due; <see langword="null"/> for none.</param>
    public void SetDeadline(DeadlineKind kind, int amount, DeadlineUnit unit, ClockStart startsAt = ClockStart.Received, decimal? warnAtShare = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        if (warnAtShare is { } share && share is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warnAtShare), share, "A warning share is between 0 and 1, exclusive.");
        }

        Stated(string.Create(CultureInfo.InvariantCulture, $"{kind} within {amount} {unit} from {startsAt}"));
        if (!_deadlines.Exists(d => d.Kind == kind))
        {
            _deadlines.Add(new DeadlineRule(kind, amount, unit, FiringRule) { StartsAt = startsAt, WarnAtShare = warnAtShare });
        }
    }
}

/// <summary>Must a person step aside? Any rule that recuses makes them; the first gives the reason.</summary>
public sealed class RecusalRequest : PolicyRequest
{
    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="person">The handler or approver.</param>
    /// <param name="settings">The settings.</param>
    public RecusalRequest(Complaint complaint, Actor person, PolicySettings settings)
        : base(complaint, settings) =>
        Person = person ?? throw new ArgumentNullException(nameof(person));

    /// <summary>The handler or approver.</summary>
    public Actor Person { get; }

    /// <summary>Whether the person is the staff member complained about.</summary>
    public bool IsAccused => Complaint.IsAccused(Person.Id);

    /// <summary>Whether the person filed the complaint themselves (an internal complaint).</summary>
    public bool IsComplainant => Complaint.Intake.Complainant.StaffId == Person.Id;

    /// <summary>Whether the person stepped aside from this case before.</summary>
    public bool WasRecused => Complaint.IsRecused(Person.Id);

    /// <summary>Whether the person works in the department the complaint is about (the accused's or the department complained of).</summary>
    public bool InAccusedDepartment =>
        Complaint.Intake.Subject is { Kind: SubjectKind.StaffMember or SubjectKind.Department, Department: { } d } && Person.Department == d;

    /// <summary>The reason stated first, when a rule recused the person.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether a rule recused the person.</summary>
    public bool MustRecuse => Reason is not null;

    /// <summary>The person must step aside; the first rule to recuse gives the reason.</summary>
    /// <param name="reason">The conflict, without the complainant's identity.</param>
    public void Recuse(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Stated($"recuses: {reason}");
        Reason ??= reason;
    }

    /// <inheritdoc />
    private protected override string About() => "person " + Describe(Person);
}

/// <summary>Who must approve a remedy: every role required, once, ordered by the settings' ladder.</summary>
public sealed class ApprovalRequest : PolicyRequest
{
    private readonly List<string> _steps = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="remedy">The proposed remedy.</param>
    /// <param name="settings">The settings.</param>
    public ApprovalRequest(Complaint complaint, RemedyProposal remedy, PolicySettings settings)
        : base(complaint, settings) =>
        Remedy = remedy ?? throw new ArgumentNullException(nameof(remedy));

    /// <summary>The proposed remedy.</summary>
    public RemedyProposal Remedy { get; }

    /// <summary>The remedy's amount; 0 if none.</summary>
    public decimal RemedyAmount => Remedy.Amount?.Amount ?? 0;

    /// <summary>The roles required so far, each once, ordered by <see cref="PolicySettings.Ladder"/> (roles off it last, in the order stated).</summary>
    public IReadOnlyList<string> Steps => _steps;

    /// <summary>Requires the approval of each of <paramref name="roles"/>; steps accumulate over every rule that fires.</summary>
    /// <param name="roles">The roles, e.g. <c>manager</c>, <c>general-manager</c>.</param>
    public void RequireApproval(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Stated("requires " + string.Join(" → ", roles));
        foreach (var role in roles)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(role, nameof(roles));
            AddStep(_steps, role, Settings);
        }
    }

    /// <summary>Adds <paramref name="step"/> to <paramref name="steps"/> once (case-insensitively), in ladder order.</summary>
    internal static void AddStep(List<string> steps, string step, PolicySettings settings)
    {
        if (steps.Contains(step, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var rank = settings.Rank(step);
        var at = steps.Count;
        while (at > 0 && settings.Rank(steps[at - 1]) > rank)
        {
            at--;
        }

        steps.Insert(at, step);
    }

    /// <inheritdoc />
    private protected override string About() => $"remedy {Remedy.Kind}{(Remedy.Amount is { } a ? " " + a : "")}";
}

/// <summary>May a reader see the complainant's identity? Any rule that withholds it hides it; the parts withheld add up.</summary>
public sealed class ConfidentialityRequest : PolicyRequest
{
    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="reader">Who reads it.</param>
    /// <param name="settings">The settings.</param>
    public ConfidentialityRequest(Complaint complaint, Actor reader, PolicySettings settings)
        : base(complaint, settings) =>
        Reader = reader ?? throw new ArgumentNullException(nameof(reader));

    /// <summary>Who reads the case.</summary>
    public Actor Reader { get; }

    /// <summary>Whether the reader is the staff member complained about.</summary>
    public bool ReaderIsAccused => Complaint.IsAccused(Reader.Id);

    /// <summary>The reason stated first, when a rule withheld the identity.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether a rule withheld the identity.</summary>
    public bool IdentityWithheld => Reason is not null;

    /// <summary>The parts withheld besides the identity, over every rule that fired.</summary>
    public ConfidentialParts Withheld { get; private set; }

    /// <summary>Withholds the complainant's identity (and <paramref name="parts"/>) from the reader; the first rule gives the reason.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="parts">Parts of the case withheld as well, e.g. <see cref="ConfidentialParts.Materials"/>.</param>
    public void WithholdIdentity(string reason, ConfidentialParts parts = ConfidentialParts.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Stated(parts == ConfidentialParts.None ? $"withholds the identity: {reason}" : $"withholds the identity and {parts}: {reason}");
        Reason ??= reason;
        Withheld |= parts;
    }

    /// <inheritdoc />
    private protected override string About() => "reader " + Describe(Reader);
}

/// <summary>Does the case go up a level? Any rule that escalates raises it; the first gives the reason and who is told.</summary>
public sealed class EscalationRequest : PolicyRequest
{
    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case, with the rejection (if any) counted.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="settings">The settings.</param>
    public EscalationRequest(Complaint complaint, EscalationTrigger trigger, PolicySettings settings)
        : base(complaint, settings) =>
        Trigger = trigger;

    /// <summary>What happened.</summary>
    public EscalationTrigger Trigger { get; }

    /// <summary>Whether a rule escalated.</summary>
    public bool Escalated => Reason is not null;

    /// <summary>The reason stated first.</summary>
    public string? Reason { get; private set; }

    /// <summary>The role to tell, stated with the first reason.</summary>
    public string? NotifyRole { get; private set; }

    /// <summary>Raises the case a level; the first rule to escalate gives the reason and the role told.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="notifyRole">Who to tell at the new level, e.g. <c>general-manager</c>.</param>
    public void Escalate(string reason, string? notifyRole = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Stated($"escalates{(notifyRole is null ? "" : " to " + notifyRole)}: {reason}");
        if (Reason is null)
        {
            (Reason, NotifyRole) = (reason, notifyRole);
        }
    }

    /// <inheritdoc />
    private protected override string About() => "trigger " + Trigger;
}

/// <summary>The reward for a report: the first rule to grant one decides.</summary>
public sealed class RewardRequest : PolicyRequest
{
    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case, with its findings.</param>
    /// <param name="settings">The settings.</param>
    public RewardRequest(Complaint complaint, PolicySettings settings)
        : base(complaint, settings)
    {
    }

    /// <summary>The fine imposed, from the findings; 0 if none.</summary>
    public decimal FineAmount => Complaint.Findings?.Fine?.Amount ?? 0;

    /// <summary>The value recovered, from the findings; 0 if none.</summary>
    public decimal RecoveredAmount => Complaint.Findings?.Recovered?.Amount ?? 0;

    /// <summary>The reward granted first, if any.</summary>
    public RewardGrant? Granted { get; private set; }

    /// <summary>Grants a reward between <paramref name="min"/> and <paramref name="max"/> (in the settings' currency), reckoned on <paramref name="basis"/>; the first rule to grant one decides.</summary>
    /// <param name="min">The lowest amount.</param>
    /// <param name="max">The highest amount; not below <paramref name="min"/>.</param>
    /// <param name="basis">What it is reckoned on.</param>
    /// <param name="minPercent">The lowest share of the basis, in percent, for the record.</param>
    /// <param name="maxPercent">The highest share, in percent.</param>
    /// <param name="consentNeededForPublicity">Whether the reporter's consent is needed before any publicity.</param>
    public void Reward(decimal min, decimal max, RewardBasis basis, decimal minPercent = 0, decimal maxPercent = 0, bool consentNeededForPublicity = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        if (basis == RewardBasis.None)
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "A reward is reckoned on a fine, the value recovered or the seriousness; grant none by not calling Reward.");
        }

        Stated(string.Create(CultureInfo.InvariantCulture, $"rewards {min:0.##}–{max:0.##} {Settings.Currency} on {basis}"));
        Granted ??= new RewardGrant(min, max, basis, minPercent, maxPercent, consentNeededForPublicity);
    }
}

/// <summary>A reward a rule granted.</summary>
/// <param name="Min">The lowest amount.</param>
/// <param name="Max">The highest amount.</param>
/// <param name="Basis">What it is reckoned on.</param>
/// <param name="MinPercent">The lowest share, in percent.</param>
/// <param name="MaxPercent">The highest share, in percent.</param>
/// <param name="ConsentNeededForPublicity">Whether the reporter's consent is needed before any publicity.</param>
public sealed record RewardGrant(decimal Min, decimal Max, RewardBasis Basis, decimal MinPercent, decimal MaxPercent, bool ConsentNeededForPublicity);

/// <summary>The sanctions for a person's misconduct: every sanction of every rule that fires.</summary>
public sealed class PenaltyRequest : PolicyRequest
{
    private readonly List<Sanction> _sanctions = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="person">The member of staff.</param>
    /// <param name="misconduct">What they did, e.g. <see cref="Policy.Misconduct.LateHandling"/>.</param>
    /// <param name="settings">The settings.</param>
    public PenaltyRequest(Complaint complaint, Actor person, string misconduct, PolicySettings settings)
        : base(complaint, settings)
    {
        Person = person ?? throw new ArgumentNullException(nameof(person));
        ArgumentException.ThrowIfNullOrWhiteSpace(misconduct);
        Misconduct = misconduct;
    }

    /// <summary>The member of staff.</summary>
    public Actor Person { get; }

    /// <summary>What they did.</summary>
    public string Misconduct { get; }

    /// <summary>The sanctions imposed so far, in firing order, each with the rule that imposed it.</summary>
    public IReadOnlyList<Sanction> Sanctions => _sanctions;

    /// <summary>Imposes a sanction; sanctions accumulate over every rule that fires.</summary>
    /// <param name="kind">The sanction.</param>
    /// <param name="amount">For a fine, the amount in the settings' currency.</param>
    public void Penalize(SanctionKind kind, decimal? amount = null)
    {
        if (amount is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A fine is not negative.");
        }

        Stated(string.Create(CultureInfo.InvariantCulture, $"imposes {kind}{(amount is { } a ? $" {a:0.##} {Settings.Currency}" : "")}"));
        _sanctions.Add(new Sanction(kind, amount is { } value ? new Money(value, Settings.Currency) : null, FiringRule));
    }

    /// <inheritdoc />
    private protected override string About() =>
        $"person {Describe(Person)}, misconduct {(KnownMisconduct.Contains(Misconduct) ? Misconduct : "(as written)")}";

    /// <summary>The library's misconduct names: printed as they are; anything else is free text a person wrote, not printed.</summary>
    private static readonly HashSet<string> KnownMisconduct = new(StringComparer.Ordinal)
    {
        Complaints.Policy.Misconduct.LateHandling, Complaints.Policy.Misconduct.IdentityLeak,
        Complaints.Policy.Misconduct.MaliciousAccusation, Complaints.Policy.Misconduct.Obstruction,
        Complaints.Policy.Misconduct.RetaliationMinor, Complaints.Policy.Misconduct.RetaliationSerious,
        Complaints.Policy.Misconduct.Shirking, Complaints.Policy.Misconduct.CausedLoss,
    };
}

/// <summary>Handling advice: every piece of advice of every rule that fires, in firing order.</summary>
public sealed class GuidanceRequest : PolicyRequest
{
    private readonly List<string> _advice = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="settings">The settings.</param>
    public GuidanceRequest(Complaint complaint, PolicySettings settings)
        : base(complaint, settings)
    {
    }

    /// <summary>The advice so far.</summary>
    public IReadOnlyList<string> Advice => _advice;

    /// <summary>Adds a piece of advice.</summary>
    /// <param name="text">The advice.</param>
    public void Advise(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Stated("advises");
        _advice.Add(text);
    }
}

/// <summary>Who is told at an event of the case: every notice of every rule that fires.</summary>
public sealed class NoticeRequest : PolicyRequest
{
    private readonly List<Notice> _notices = [];

    /// <summary>Starts a request.</summary>
    /// <param name="complaint">The case after the save.</param>
    /// <param name="at">The event.</param>
    /// <param name="settings">The settings.</param>
    public NoticeRequest(Complaint complaint, NoticeEvent at, PolicySettings settings)
        : base(complaint, settings) =>
        At = at ?? throw new ArgumentNullException(nameof(at));

    /// <summary>The event, e.g. <c>triaged</c>.</summary>
    public NoticeEvent At { get; }

    /// <summary>The notices so far.</summary>
    public IReadOnlyList<Notice> Notices => _notices;

    /// <summary>Tells <paramref name="to"/> (see <see cref="Notice.To"/>) about the event.</summary>
    /// <param name="to">Who: <see cref="Notice.Complainant"/>, <see cref="Notice.Owner"/>, <see cref="Notice.Handler"/>, a role, or a role with <see cref="Notice.OfTheDepartment"/>.</param>
    /// <param name="kind">What the notification is about.</param>
    /// <param name="reason">Why they are told.</param>
    /// <param name="text">A sentence added to the message; <see langword="null"/> for none.</param>
    public void Notify(string to, Notifications.NotificationKind kind, string reason, string? text = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Stated($"tells {to} ({kind})");
        _notices.Add(new Notice(to, kind, reason) { Text = text, Rule = FiringRule });
    }

    /// <inheritdoc />
    private protected override string About() => "event " + At.Name + (At.Deadline is { } d ? " of " + d : "");
}
