namespace Complaints.Testing;

/// <summary>What happened to the case after receipt: triage results, handler, findings, rejections …</summary>
public sealed partial class ComplaintBuilder
{
    private ComplaintId? _id;
    private ComplaintState? _state;
    private DateTimeOffset _receivedAt = DefaultReceivedAt;
    private Actor _receivedBy = A.Receiver();
    private PolicyRef _policy = DefaultPolicy;
    private string? _category;
    private Severity? _tier;
    private DepartmentId? _department;
    private string? _role;
    private Actor? _assignee;
    private readonly List<Recusal> _recusals = [];
    private Findings? _findings;
    private RemedyProposal? _remedy;
    private int _rejections;
    private int _escalationLevel;
    private int _reopenCount;

    /// <summary>Sets the case id; a new time-ordered one otherwise.</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithId(ComplaintId id)
    {
        _id = id;
        return this;
    }

    /// <summary>
    /// Sets the state. Otherwise it follows from what was set: <see cref="ComplaintState.Investigating"/> with
    /// findings, rejections or a remedy; <see cref="ComplaintState.Assigned"/> with a handler;
    /// <see cref="ComplaintState.Triaged"/> once classified or routed; else <see cref="ComplaintState.Received"/>.
    /// </summary>
    /// <param name="state">The state.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder InState(ComplaintState state)
    {
        _state = state;
        return this;
    }

    /// <summary>Sets when the case was received.</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder ReceivedAt(DateTimeOffset at)
    {
        _receivedAt = at;
        return this;
    }

    /// <summary>Sets who received the case (the first receiver).</summary>
    /// <param name="receiver">The receiver.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder ReceivedBy(Actor receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        _receivedBy = receiver;
        return this;
    }

    /// <summary>Sets the policy the case records it was opened under.</summary>
    /// <param name="policy">The pack id and version.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder UnderPolicy(PolicyRef policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        return this;
    }

    /// <summary>Sets the category and tier as triage decided them (what rules see as <c>complaint.Category</c>, <c>Tier</c> and <c>TierRank</c>).</summary>
    /// <param name="category">The decided category.</param>
    /// <param name="tier">The decided tier.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Classified(string category, Severity tier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        _category = category;
        _tier = tier;
        return this;
    }

    /// <summary>Sets only the tier triage decided, leaving the category as received.</summary>
    /// <param name="tier">The decided tier.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Classified(Severity tier)
    {
        _tier = tier;
        return this;
    }

    /// <summary>Sets the responsible department (and role) as routing decided them.</summary>
    /// <param name="department">The department.</param>
    /// <param name="role">The role that handles it there.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder RoutedTo(string department, string role = ComplaintRoles.Handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        _department = new DepartmentId(department);
        _role = role;
        return this;
    }

    /// <summary>Names the handler.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder AssignedTo(Actor handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _assignee = handler;
        return this;
    }

    /// <summary>Records that someone stepped aside from the case before.</summary>
    /// <param name="actorId">Who.</param>
    /// <param name="reason">Why.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithRecusal(string actorId, string reason = "declared a conflict of interest")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        _recusals.Add(new Recusal(new ActorId(actorId), reason, _receivedAt));
        return this;
    }

    /// <summary>Records the investigation's findings; for a report, the fine and the value recovered are the basis of a reward.</summary>
    /// <param name="outcome">Substantiated, partly or not.</param>
    /// <param name="cause">The root cause.</param>
    /// <param name="fine">The fine imposed on the wrongdoer, in the claim's currency (CNY if none).</param>
    /// <param name="recovered">The value recovered, in the same currency.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithFindings(FindingOutcome outcome, RootCause cause = RootCause.StaffError, decimal? fine = null, decimal? recovered = null)
    {
        var currency = _claim?.Currency ?? "CNY";
        _findings = new Findings(
            outcome,
            cause,
            $"Investigated: {outcome}.",
            fine is { } f ? new Money(f, currency) : null,
            recovered is { } r ? new Money(r, currency) : null);
        return this;
    }

    /// <summary>Sets the remedy now proposed.</summary>
    /// <param name="remedy">The remedy, e.g. from <see cref="A.Remedy"/>.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithRemedy(RemedyProposal remedy)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        _remedy = remedy;
        return this;
    }

    /// <summary>Sets how many times the customer rejected a proposed remedy.</summary>
    /// <param name="count">The count; not negative.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithRejections(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _rejections = count;
        return this;
    }

    /// <summary>Sets the escalation level.</summary>
    /// <param name="level">The level; 0 for none.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder EscalatedTo(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        _escalationLevel = level;
        return this;
    }

    /// <summary>Sets how many times the case was reopened.</summary>
    /// <param name="count">The count; not negative.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Reopened(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _reopenCount = count;
        return this;
    }

    /// <summary>The case, as a policy sees it. Oral complaints past receipt carry a read-back.</summary>
    /// <returns>A new, valid <see cref="Complaint"/>.</returns>
    public Complaint Build()
    {
        var intake = BuildIntake();
        var state = _state ?? InferState();
        return new Complaint
        {
            Id = _id ?? ComplaintId.New(_receivedAt),
            Version = 1,
            State = state,
            Intake = intake,
            ReceivedAt = _receivedAt,
            ReceivedBy = _receivedBy,
            Policy = _policy,
            ReadBack = _channel.IsOral() && state != ComplaintState.Received ? new ReadBack(ReadBackMethod.Oral, _receivedAt) : null,
            Category = _category,
            Severity = _tier,
            Department = _department,
            ResponsibleRole = _department is null ? null : _role,
            Assignee = _assignee,
            Recusals = [.. _recusals],
            Evidence = intake.Evidence ?? [],
            Findings = _findings,
            Remedy = _remedy,
            CustomerRejections = _rejections,
            EscalationLevel = _escalationLevel,
            ReopenCount = _reopenCount,
            UpdatedAt = _receivedAt,
        };
    }

    private ComplaintState InferState() =>
        _findings is not null || _remedy is not null || _rejections > 0 ? ComplaintState.Investigating
        : _assignee is not null ? ComplaintState.Assigned
        : _tier is not null || _category is not null || _department is not null ? ComplaintState.Triaged
        : ComplaintState.Received;
}
