using Complaints.Analysis;
using Complaints.Improvement;
using Complaints.Ports;

namespace Complaints.Workflow;

/// <summary>
/// Periodic analysis of the stored cases (<see cref="PeriodAnalysis"/>): volumes and trend, root causes, recurrence,
/// deadlines kept, times to acknowledge and resolve, remedies, satisfaction, rewards and sanctions, and per-department
/// figures. The store computes them (<see cref="IComplaintAnalytics"/>: in its database for SQLite and PostgreSQL);
/// a store that cannot is refused rather than read case by case.
/// </summary>
/// <remarks>
/// Reading the analysis needs no permission of its own: the figures are counts and durations over many cases — no
/// complainant's identity, no case's content or id, sanctions by kind and never by person — and they are the same for
/// every reader (scoping them to what each reader may see would give each department head different totals for the
/// same meeting). Who may open the report page is the host's decision, as for any other page of its application.
/// The corrective action figures (<see cref="CorrectiveActionsAsync"/>) need none either: actions name cases by id only
/// and any member of staff may read them (<see cref="Improvement.CorrectiveActionService.GetAsync"/>).
/// </remarks>
public sealed class ComplaintAnalysis
{
    private readonly IComplaintStore _store;
    private readonly IComplaintAnalytics? _analytics;
    private readonly TimeProvider _time;
    private readonly ICorrectiveActionStore? _actions;

    /// <summary>Creates the analysis. Hosts normally get it from <c>services.AddComplaints()</c>.</summary>
    /// <param name="store">Where cases live; it computes the figures if it implements <see cref="IComplaintAnalytics"/>.</param>
    /// <param name="time">The clock: <see cref="Period"/> takes its now as the as-of time.</param>
    /// <param name="analytics">What computes the figures, if not the store itself (e.g. a read replica).</param>
    /// <param name="actions">
    /// Where corrective and preventive actions live, for <see cref="CorrectiveActionsAsync"/>; the store itself if it
    /// implements <see cref="ICorrectiveActionStore"/> (every built-in store does) and none is given.
    /// </param>
    public ComplaintAnalysis(IComplaintStore store, TimeProvider time, IComplaintAnalytics? analytics = null, ICorrectiveActionStore? actions = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _analytics = analytics ?? store as IComplaintAnalytics;
        _actions = actions ?? store as ICorrectiveActionStore;
    }

    /// <summary>The most actions <see cref="CorrectiveActionsAsync"/> reads per page.</summary>
    public const int CorrectiveActionPageSize = 1000;

    /// <summary>Whether the figures can be computed: the store (or the analytics given) implements <see cref="IComplaintAnalytics"/>.</summary>
    public bool IsAvailable => _analytics is not null;

    /// <summary>A query for the cases received in [<paramref name="from"/>, <paramref name="to"/>) as of now, with no filter; refine it with <c>with</c>.</summary>
    /// <param name="from">The start of the period (inclusive).</param>
    /// <param name="to">The end of the period (exclusive).</param>
    /// <returns>The query, <see cref="AnalysisQuery.AsOf"/> the clock's now.</returns>
    public AnalysisQuery Period(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to, AsOf = _time.GetUtcNow() };

    /// <summary>Computes the figures of the cases <paramref name="query"/> selects (see <see cref="PeriodAnalysis"/> for each figure's definition).</summary>
    /// <param name="query">The period and filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ComplaintValidationException">The query is not valid (<see cref="AnalysisQuery.Validate"/>; the error names the field).</exception>
    /// <exception cref="NotSupportedException">The store does not compute periodic analysis (see <see cref="IsAvailable"/>).</exception>
    public Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var analytics = _analytics ?? throw new NotSupportedException(
            $"The complaint store {_store.GetType().Name} does not compute periodic analysis: it does not implement IComplaintAnalytics. " +
            "The built-in stores (in memory, SQLite, PostgreSQL) do. Implement IComplaintAnalytics on your store, computing the figures where the cases are " +
            "(PeriodAnalysis.Compute is the reference to test it against), or pass one to ComplaintAnalysis; the figures are never computed by reading every case.");
        return analytics.AnalyseAsync(query, cancellationToken);
    }

    /// <summary>Whether the corrective action figures can be computed: there is an <see cref="ICorrectiveActionStore"/>.</summary>
    public bool HasCorrectiveActions => _actions is not null;

    /// <summary>
    /// Computes the corrective and preventive action figures of <paramref name="query"/> (see
    /// <see cref="CorrectiveActionFigures"/> for each figure's definition): proposed in the period, open and overdue as of
    /// <see cref="AnalysisQuery.AsOf"/>, awaiting verification, verified effective or not, per department, and the list of
    /// open and overdue actions for the meeting. Add them to a report with
    /// <c>report with { CorrectiveActions = figures }</c>.
    /// </summary>
    /// <remarks>
    /// Actions are few — hundreds or thousands, not the millions of cases the analysis is built for — so this reads every
    /// action proposed at or before the as-of time (of the query's department, if it sets one) through
    /// <see cref="ICorrectiveActionStore.QueryAsync"/>, <see cref="CorrectiveActionPageSize"/> at a time, and computes the
    /// figures with <see cref="CorrectiveActionFigures.Compute"/>.
    /// </remarks>
    /// <param name="query">The period and filter (the pack, department and category apply to actions; the tier and channel do not).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ComplaintValidationException">The query is not valid (<see cref="AnalysisQuery.Validate"/>; the error names the field).</exception>
    /// <exception cref="NotSupportedException">There is no action store (see <see cref="HasCorrectiveActions"/>).</exception>
    public async Task<CorrectiveActionFigures> CorrectiveActionsAsync(AnalysisQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var actions = _actions ?? throw new NotSupportedException(
            $"The complaint store {_store.GetType().Name} does not keep corrective actions: it does not implement ICorrectiveActionStore. " +
            "The built-in stores (in memory, SQLite, PostgreSQL) do. Pass an ICorrectiveActionStore to ComplaintAnalysis, or check HasCorrectiveActions " +
            "and leave the corrective actions out of the report.");

        // Pages in proposal order up to the as-of time: an action proposed while the pages are read is after it (or at
        // the end), so no page shifts under the reader.
        var filter = new CorrectiveActionQuery
        {
            Department = query.Department,
            CreatedTo = query.AsOf < DateTimeOffset.MaxValue ? query.AsOf.AddTicks(1) : null,
            Take = CorrectiveActionPageSize,
        };
        var all = new List<CorrectiveAction>();
        while (true)
        {
            var page = await actions.QueryAsync(filter with { Skip = all.Count }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < CorrectiveActionPageSize)
            {
                return CorrectiveActionFigures.Compute(query, all);
            }
        }
    }
}
