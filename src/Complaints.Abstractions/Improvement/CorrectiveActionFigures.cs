using Complaints.Analysis;

namespace Complaints.Improvement;

/// <summary>
/// The corrective and preventive actions of a period (<see cref="AnalysisQuery"/>) for the analysis meeting: how many were
/// proposed, which are open and overdue, which await their check of effectiveness, and how the checks came out — in
/// total, per department, and as the list of open and overdue actions. The XML docs of each figure are its exact
/// definition, and <see cref="Compute"/> is the reference computation.
/// </summary>
/// <remarks>
/// <para>
/// <b>Which actions.</b> Those <see cref="Selects"/> picks: of the query's pack (<see cref="AnalysisQuery.Pack"/>, compared
/// with the action's <see cref="PolicyRef.Id"/>), department and category where the query sets them (an action without
/// a department or a category is not picked by a query that filters on it). Actions have no severity tier or channel:
/// <see cref="AnalysisQuery.Severity"/> and <see cref="AnalysisQuery.Channel"/> do not narrow them.
/// </para>
/// <para>
/// <b>As of <see cref="AnalysisQuery.AsOf"/>.</b> Every figure is computed from the timestamps the action records
/// (<see cref="StateAsOf"/>): an event counts when it happened at or before the as-of time, and an event after it is
/// ignored. An action's timestamps never change once written, so the figures as of a past instant are the same
/// whenever they are computed. "In the period" means at or after <see cref="AnalysisQuery.From"/>, before
/// <see cref="AnalysisQuery.To"/>, and at or before the as-of time.
/// </para>
/// <para>
/// Staff data only: titles, root causes, departments and owners' ids. Nothing is taken from the cases (actions name them
/// by id only, and the figures do not even name them); titles are text staff write, shown as written.
/// </para>
/// </remarks>
public sealed record CorrectiveActionFigures
{
    /// <summary>The period and filter the figures are for.</summary>
    public required AnalysisQuery Query { get; init; }

    /// <summary>Actions proposed in the period (<see cref="CorrectiveAction.CreatedAt"/>).</summary>
    public required int Proposed { get; init; }

    /// <summary>Actions whose state as of the as-of time (<see cref="StateAsOf"/>) is <see cref="CorrectiveActionState.AwaitingApproval"/>, whenever proposed.</summary>
    public required int AwaitingApproval { get; init; }

    /// <summary>Actions whose state as of the as-of time is <see cref="CorrectiveActionState.Open"/> (approved, or needing no approval, and being carried out), whenever proposed.</summary>
    public required int InProgress { get; init; }

    /// <summary>The open actions as of the as-of time: <see cref="AwaitingApproval"/> plus <see cref="InProgress"/>.</summary>
    public int Open => AwaitingApproval + InProgress;

    /// <summary>
    /// Of the open actions, those overdue: their completion due time in force at the as-of time before it (due exactly
    /// at the as-of time is not overdue). The due time in force is <see cref="CorrectiveAction.ProposedDueAt"/> while the
    /// action awaits approval, and <see cref="CorrectiveAction.DueAt"/> once it is in progress.
    /// </summary>
    public required int Overdue { get; init; }

    /// <summary>Actions whose state as of the as-of time is <see cref="CorrectiveActionState.Completed"/>: carried out, their effectiveness not yet checked.</summary>
    public required int AwaitingVerification { get; init; }

    /// <summary>Of those awaiting verification, the ones whose verification due time (<see cref="CorrectiveAction.VerifyDueAt"/>) is before the as-of time.</summary>
    public required int VerificationOverdue { get; init; }

    /// <summary>Actions checked in the period (<see cref="CorrectiveActionVerification.At"/>) and found effective.</summary>
    public required int VerifiedEffective { get; init; }

    /// <summary>Actions checked in the period and found ineffective.</summary>
    public required int FoundIneffective { get; init; }

    /// <summary>Actions declined in the period: <see cref="CorrectiveActionState.Declined"/>, at <see cref="CorrectiveAction.UpdatedAt"/> (nothing changes a final action after it ended).</summary>
    public required int Declined { get; init; }

    /// <summary>Actions cancelled in the period: <see cref="CorrectiveActionState.Cancelled"/>, at <see cref="CorrectiveAction.UpdatedAt"/>.</summary>
    public required int Cancelled { get; init; }

    /// <summary>
    /// The figures per department (<see cref="CorrectiveAction.Department"/>; no department: a row of its own): one row
    /// per department with at least one figure above zero, ordered by open actions (descending), then department id
    /// (ordinal), the row without a department last.
    /// </summary>
    public required IReadOnlyList<CorrectiveActionDepartmentFigures> Departments { get; init; }

    /// <summary>
    /// The list for the meeting: every action open as of the as-of time, and every one awaiting verification whose
    /// verification is overdue — overdue ones first, then by due time, then by id.
    /// </summary>
    public required IReadOnlyList<OpenCorrectiveAction> Actions { get; init; }

    /// <summary>Whether there is nothing to report: no figure above zero.</summary>
    public bool IsEmpty => Proposed + Open + AwaitingVerification + VerifiedEffective + FoundIneffective + Declined + Cancelled == 0;

    /// <summary>
    /// Where <paramref name="action"/> stood at <paramref name="asOf"/>, from its timestamps alone: <see langword="null"/>
    /// before it was proposed (<see cref="CorrectiveAction.CreatedAt"/> after <paramref name="asOf"/>); declined or cancelled
    /// from <see cref="CorrectiveAction.UpdatedAt"/> on; verified or ineffective from <see cref="CorrectiveActionVerification.At"/>
    /// on; completed from <see cref="CorrectiveAction.CompletedAt"/> on; open from its approval
    /// (<see cref="CorrectiveActionApproval.ApprovedAt"/>) on, or from the proposal if it needs none; else awaiting approval.
    /// Each instant counts as reached at itself (at or before <paramref name="asOf"/>).
    /// </summary>
    /// <param name="action">The action as stored now.</param>
    /// <param name="asOf">The instant.</param>
    /// <returns>The state as of <paramref name="asOf"/>, or <see langword="null"/> if it was not yet proposed.</returns>
    public static CorrectiveActionState? StateAsOf(CorrectiveAction action, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.CreatedAt > asOf)
        {
            return null;
        }

        if (action.State is CorrectiveActionState.Declined or CorrectiveActionState.Cancelled && action.UpdatedAt <= asOf)
        {
            return action.State;
        }

        if (action.Verification is { } verification && verification.At <= asOf)
        {
            return verification.Effective ? CorrectiveActionState.Verified : CorrectiveActionState.Ineffective;
        }

        if (action.CompletedAt is { } completed && completed <= asOf)
        {
            return CorrectiveActionState.Completed;
        }

        return action.Approval is null || action.Approval.ApprovedAt is { } approved && approved <= asOf
            ? CorrectiveActionState.Open
            : CorrectiveActionState.AwaitingApproval;
    }

    /// <summary>
    /// Whether the figures of <paramref name="query"/> take <paramref name="action"/> into account: its pack, department and
    /// category match those the query sets (ordinal comparison); the query's tier and channel do not apply to actions.
    /// </summary>
    /// <param name="query">The period and filter.</param>
    /// <param name="action">The action.</param>
    /// <returns><see langword="true"/> if the action is one of the query's.</returns>
    public static bool Selects(AnalysisQuery query, CorrectiveAction action)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(action);
        return (query.Pack is null || string.Equals(action.Policy.Id, query.Pack, StringComparison.Ordinal)) &&
               (query.Department is not { } department || action.Department == department) &&
               (query.Category is null || string.Equals(action.Category, query.Category, StringComparison.Ordinal));
    }

    /// <summary>
    /// Computes the figures of <paramref name="query"/> over <paramref name="actions"/> as the XML docs of each figure define
    /// them. It reads every action it is given; actions are few (hundreds or thousands, not millions of cases), so the
    /// service reads them all through <see cref="ICorrectiveActionStore.QueryAsync"/> and computes the figures with this.
    /// </summary>
    /// <param name="query">The period and filter; checked with <see cref="AnalysisQuery.Validate"/>.</param>
    /// <param name="actions">The actions, at least every one proposed at or before the as-of time; others are ignored.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ComplaintValidationException">The query is not valid (the error names the field).</exception>
    public static CorrectiveActionFigures Compute(AnalysisQuery query, IEnumerable<CorrectiveAction> actions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(actions);
        query.Validate();
        var asOf = query.AsOf;
        bool InPeriod(DateTimeOffset at) => at >= query.From && at < query.To && at <= asOf;

        var rows = new List<Row>();
        foreach (var action in actions)
        {
            if (action is null || !Selects(query, action) || StateAsOf(action, asOf) is not { } state)
            {
                continue;
            }

            var due = state switch
            {
                CorrectiveActionState.AwaitingApproval => action.ProposedDueAt ?? action.DueAt,
                CorrectiveActionState.Open => action.DueAt,
                CorrectiveActionState.Completed => action.VerifyDueAt,
                _ => (DateTimeOffset?)null,
            };
            rows.Add(new Row(
                action,
                state,
                due,
                due is { } d && d < asOf,
                InPeriod(action.CreatedAt),
                action.State is CorrectiveActionState.Declined or CorrectiveActionState.Cancelled && InPeriod(action.UpdatedAt),
                action.Verification is { } v && InPeriod(v.At)));
        }

        return new CorrectiveActionFigures
        {
            Query = query,
            Proposed = rows.Count(r => r.ProposedInPeriod),
            AwaitingApproval = rows.Count(r => r.State == CorrectiveActionState.AwaitingApproval),
            InProgress = rows.Count(r => r.State == CorrectiveActionState.Open),
            Overdue = rows.Count(r => r.IsOpen && r.Overdue),
            AwaitingVerification = rows.Count(r => r.State == CorrectiveActionState.Completed),
            VerificationOverdue = rows.Count(r => r.State == CorrectiveActionState.Completed && r.Overdue),
            VerifiedEffective = rows.Count(r => r.CheckedInPeriod && r.State == CorrectiveActionState.Verified),
            FoundIneffective = rows.Count(r => r.CheckedInPeriod && r.State == CorrectiveActionState.Ineffective),
            Declined = rows.Count(r => r.EndedInPeriod && r.State == CorrectiveActionState.Declined),
            Cancelled = rows.Count(r => r.EndedInPeriod && r.State == CorrectiveActionState.Cancelled),
            Departments = DepartmentsOf(rows),
            Actions =
            [
                .. rows.Where(r => r.IsOpen || (r.State == CorrectiveActionState.Completed && r.Overdue))
                    .OrderByDescending(r => r.Overdue)
                    .ThenBy(r => r.Due)
                    .ThenBy(r => r.Action.Id.Value.ToString("D"), StringComparer.Ordinal)
                    .Select(r => new OpenCorrectiveAction(
                        r.Action.Id, r.Action.Title, r.Action.RootCause, r.Action.Department, r.Action.Owner, r.Due!.Value, r.State, r.Overdue)),
            ],
        };
    }

    private static CorrectiveActionDepartmentFigures[] DepartmentsOf(List<Row> rows) =>
        [
            .. rows.GroupBy(r => r.Action.Department)
                .Select(g => new CorrectiveActionDepartmentFigures(
                    g.Key,
                    g.Count(r => r.ProposedInPeriod),
                    g.Count(r => r.IsOpen),
                    g.Count(r => r.IsOpen && r.Overdue),
                    g.Count(r => r.State == CorrectiveActionState.Completed),
                    g.Count(r => r.CheckedInPeriod && r.State == CorrectiveActionState.Verified),
                    g.Count(r => r.CheckedInPeriod && r.State == CorrectiveActionState.Ineffective)))
                .Where(d => d.Proposed + d.Open + d.AwaitingVerification + d.VerifiedEffective + d.FoundIneffective > 0)
                .OrderBy(d => d.Department is null)
                .ThenByDescending(d => d.Open)
                .ThenBy(d => d.Department?.Value, StringComparer.Ordinal),
        ];

    /// <summary>One selected action as of the as-of time.</summary>
    private sealed record Row(
        CorrectiveAction Action,
        CorrectiveActionState State,
        DateTimeOffset? Due,
        bool Overdue,
        bool ProposedInPeriod,
        bool EndedInPeriod,
        bool CheckedInPeriod)
    {
        public bool IsOpen => State is CorrectiveActionState.AwaitingApproval or CorrectiveActionState.Open;
    }
}

/// <summary>One department's corrective and preventive actions (see <see cref="CorrectiveActionFigures"/> for each figure's definition).</summary>
/// <param name="Department">The department; <see langword="null"/> for actions without one.</param>
/// <param name="Proposed">Its actions proposed in the period.</param>
/// <param name="Open">Its actions open as of the as-of time (awaiting approval or in progress).</param>
/// <param name="Overdue">Of those, overdue.</param>
/// <param name="AwaitingVerification">Its actions completed and not yet checked as of the as-of time.</param>
/// <param name="VerifiedEffective">Its actions checked in the period and found effective.</param>
/// <param name="FoundIneffective">Its actions checked in the period and found ineffective.</param>
public sealed record CorrectiveActionDepartmentFigures(
    DepartmentId? Department,
    int Proposed,
    int Open,
    int Overdue,
    int AwaitingVerification,
    int VerifiedEffective,
    int FoundIneffective);

/// <summary>An action on the meeting's list (<see cref="CorrectiveActionFigures.Actions"/>): staff data only.</summary>
/// <param name="Id">The action.</param>
/// <param name="Title">What is to change.</param>
/// <param name="RootCause">The root cause it addresses.</param>
/// <param name="Department">The department that carries it out, if one.</param>
/// <param name="Owner">Who answers for it, by id.</param>
/// <param name="DueAt">
/// The deadline running at the as-of time: completion (as in <see cref="CorrectiveActionFigures.Overdue"/>) while open,
/// verification while awaiting verification.
/// </param>
/// <param name="State">Its state as of the as-of time (<see cref="CorrectiveActionFigures.StateAsOf"/>).</param>
/// <param name="Overdue">Whether <paramref name="DueAt"/> is before the as-of time.</param>
public sealed record OpenCorrectiveAction(
    CorrectiveActionId Id,
    string Title,
    RootCause RootCause,
    DepartmentId? Department,
    ActorId Owner,
    DateTimeOffset DueAt,
    CorrectiveActionState State,
    bool Overdue);
