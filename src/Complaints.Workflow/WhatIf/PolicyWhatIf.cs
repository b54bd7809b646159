using System.Reflection;
using System.Text.Json.Serialization;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;

namespace Complaints.Workflow.WhatIf;

/// <summary>
/// What-if replay: how a draft policy would have decided the stored cases of a period. For each case it walks the
/// journal and, at every entry that records a policy decision (triage's admissibility, severity, routing and deadlines;
/// a rejection or redirection; an on-the-spot settlement; a handler's or an approver's recusal check; a remedy's
/// approval; an escalation on a rejection, a request or a breach; the reward at closing; an accountability
/// assessment), asks the draft the same question on the case as it was then and compares the answer with the
/// recorded decision field by field. This is how a policy owner reviews a change before it goes live.
/// </summary>
/// <remarks>
/// <para>
/// Each decision is re-asked on the case as recorded ("this decision, this case as it was"): a later decision is not
/// re-derived from an earlier one the draft would change. A draft that raises a tier shows as a tier change at triage;
/// the approval asked later on that case is re-asked with the tier recorded then. Deadlines are compared as the rules
/// the decision sets (amount, unit, start, warning, extension), not as due times, which depend on the calendar.
/// </para>
/// <para>
/// It is an operator's tool: it reads the store directly (every case of the period, unredacted, in pages of
/// <see cref="WhatIfOptions.PageSize"/>) and sends nothing. It calls only the store's reads, but a store may still
/// change its database on first use (the SQL stores create or upgrade their schema): give it a store that does not
/// (<c>SqliteStoreOptions.MigrateSchema = false</c> with <c>Mode=ReadOnly</c>, <c>PostgreSqlStoreOptions.MigrateSchema = false</c>),
/// as <c>dotnet complaints what-if</c> does. Rows the store cannot read are counted (<see cref="WhatIfReport.CasesUnreadable"/>).
/// The report holds case ids, decision values and rule names only — never a complainant's name or contact details, nor
/// the complaint's text; a failure names the exception's type, not its message.
/// </para>
/// <para>
/// A penalty is re-asked of the person as the journal shows them before the assessment (the case's assignee, or the
/// roles of their last assignment or action): the journal keeps the assessed person's id, not the roles the command
/// gave. When no earlier entry shows them, the decision is counted as not comparable
/// (<see cref="WhatIfPointSummary.NotComparable"/>) instead of being asked about a person without roles.
/// </para>
/// </remarks>
public static class PolicyWhatIf
{
    private static readonly Dictionary<Type, string> EventNames = typeof(ComplaintEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => a.TypeDiscriminator?.ToString() ?? a.DerivedType.Name);

    /// <summary>Replays the stored cases of a period under <paramref name="draft"/> and reports the decisions that would change.</summary>
    /// <param name="store">The store the cases are read from (directly: nothing is redacted; only reads are called — open it so that it does not migrate).</param>
    /// <param name="draft">The draft policy, e.g. a pack loaded from a folder with <c>PolicyPacks.LoadFolder</c>.</param>
    /// <param name="options">The period and the pack whose cases are replayed; every case of the draft's pack id if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ComplaintValidationException">The period ends before it starts, or the page size is out of range.</exception>
    public static async Task<WhatIfReport> RunAsync(IComplaintStore store, IComplaintPolicy draft, WhatIfOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(draft);
        options ??= new WhatIfOptions();
        Check(options);
        var packId = string.IsNullOrWhiteSpace(options.PackId) ? draft.Identity.Id : options.PackId.Trim();
        var tally = new Tally(draft);
        var period = new ComplaintCountQuery(ComplaintCountGrouping.State) { ReceivedFrom = options.ReceivedFrom, ReceivedTo = options.ReceivedTo };
        var stored = (await store.CountAsync(period, cancellationToken).ConfigureAwait(false)).Sum(c => c.Count);
        var (read, replayed) = (0, 0);

        // A store steps past a row it cannot read, so a page can be short or even empty before the end: page through
        // every row the period counts, and report the difference as unreadable.
        for (var skip = 0; skip < stored; skip += options.PageSize)
        {
            var page = await store.QueryAsync(
                new ComplaintQuery { ReceivedFrom = options.ReceivedFrom, ReceivedTo = options.ReceivedTo, Skip = skip, Take = options.PageSize },
                cancellationToken).ConfigureAwait(false);
            foreach (var complaint in page)
            {
                read++;
                if (!string.Equals(complaint.Policy.Id, packId, StringComparison.Ordinal))
                {
                    continue;
                }

                replayed++;
                var journal = await store.ReadJournalAsync(complaint.Id, cancellationToken).ConfigureAwait(false);
                tally.Replay(complaint.Id, journal);
            }
        }

        return tally.Report(packId, options, read, replayed, Math.Max(0, stored - read));
    }

    private static void Check(WhatIfOptions options)
    {
        var errors = new List<ValidationError>();
        if (options.ReceivedFrom is { } from && options.ReceivedTo is { } to && to <= from)
        {
            errors.Add(new ValidationError("ReceivedTo", $"The period ends ({to:u}) at or before it starts ({from:u}); give an end after the start."));
        }

        if (options.PageSize is < 1 or > 1000)
        {
            errors.Add(new ValidationError("PageSize", $"{options.PageSize} is not between 1 and 1000."));
        }

        if (errors.Count > 0)
        {
            throw new ComplaintValidationException(errors);
        }
    }

    /// <summary>Walks journals, asks the draft, and counts.</summary>
    private sealed class Tally(IComplaintPolicy draft)
    {
        private readonly int[] _compared = new int[Enum.GetValues<WhatIfPoint>().Length];
        private readonly int[] _changed = new int[Enum.GetValues<WhatIfPoint>().Length];
        private readonly int[] _failed = new int[Enum.GetValues<WhatIfPoint>().Length];
        private readonly int[] _notComparable = new int[Enum.GetValues<WhatIfPoint>().Length];
        private readonly List<WhatIfChange> _changes = [];
        private readonly List<WhatIfFailure> _failures = [];

        public void Replay(ComplaintId id, IReadOnlyList<JournalEntry> journal)
        {
            Complaint? current = null;
            Complaint? beforeCommand = null;
            Guid? command = null;
            var (breached, escalationAsked) = (false, false);
            foreach (var entry in journal)
            {
                if (entry.CommandId != command)
                {
                    // The workflow asks every decision of a command on the case as it was before the command.
                    (command, beforeCommand, breached, escalationAsked) = (entry.CommandId, current, false, false);
                }

                if (beforeCommand is not null)
                {
                    Compare(entry, beforeCommand, journal, ref breached, ref escalationAsked);
                }

                try
                {
                    current = ComplaintReplay.Apply(current, entry);
                }
                catch (ArgumentException ex)
                {
                    _failures.Add(new WhatIfFailure(id, entry.Sequence, null, ex.GetType().Name));
                    return;
                }
            }
        }

        private void Compare(JournalEntry entry, Complaint c, IReadOnlyList<JournalEntry> journal, ref bool breached, ref bool escalationAsked)
        {
            switch (entry.Event)
            {
                case ComplaintTriaged t:
                    Ask(entry, DecisionSnapshot.Of(t.Admissibility), () => DecisionSnapshot.Of(draft.DecideAdmissibility(c)));
                    Ask(entry, DecisionSnapshot.Of(t.Severity), () => DecisionSnapshot.Of(draft.Classify(c)));
                    var classified = c with { Category = t.Severity.Category, Severity = t.Severity.Tier };
                    Ask(entry, DecisionSnapshot.Of(t.Routing), () => DecisionSnapshot.Of(draft.Route(classified)));
                    var routed = classified with { Department = t.Routing.Department, ResponsibleRole = t.Routing.Role };
                    Ask(entry, DecisionSnapshot.Of(t.DeadlineRules), () => DecisionSnapshot.Of(draft.SetDeadlines(routed)));
                    break;
                case ComplaintRejected { Decision: { } rejected }:
                    Ask(entry, DecisionSnapshot.Of(rejected), () => DecisionSnapshot.Of(draft.DecideAdmissibility(c)));
                    break;
                case ComplaintRedirected { Decision: { } redirected }:
                    Ask(entry, DecisionSnapshot.Of(redirected), () => DecisionSnapshot.Of(draft.DecideAdmissibility(c)));
                    break;
                case ResolvedOnSpot spot:
                    Ask(entry, DecisionSnapshot.Of(spot.Severity), () => DecisionSnapshot.Of(draft.Classify(c)));
                    Ask(entry, DecisionSnapshot.Of(spot.Approval, "allowed"), () => OnTheSpot(c, spot));
                    break;
                case HandlerAssigned assigned:
                    Ask(entry, DecisionSnapshot.Of(assigned.Recusal, "handler"), () => DecisionSnapshot.Of(draft.CheckRecusal(c, assigned.Handler), "handler"));
                    break;
                case RemedyProposed proposed:
                    Ask(entry, DecisionSnapshot.Of(proposed.Approval), () => DecisionSnapshot.Of(draft.RequireApproval(c, proposed.Remedy)));
                    break;
                case RemedyApproved approved:
                    Ask(entry, DecisionSnapshot.Of(approved.Recusal, "approver"), () => DecisionSnapshot.Of(draft.CheckRecusal(c, entry.Actor), "approver"));
                    break;
                case CustomerRejected { Escalation: { } escalation } rejection:
                    escalationAsked = true;
                    var counted = c with { CustomerRejections = rejection.Round, State = ComplaintState.Investigating };
                    Ask(entry, DecisionSnapshot.Of(escalation), () => DecisionSnapshot.Of(draft.CheckEscalation(counted, EscalationTrigger.CustomerRejected)));
                    break;
                case DeadlineBreached breach when !breached:
                    // Deadlines due together are one breach: the first entry carries the decision, the others a copy.
                    (breached, escalationAsked) = (true, true);
                    Ask(entry, DecisionSnapshot.Of(breach.Escalation), () => DecisionSnapshot.Of(draft.CheckEscalation(c, EscalationTrigger.DeadlineBreached)));
                    break;
                case Escalated { Decision: { } requested } when !escalationAsked:
                    Ask(entry, DecisionSnapshot.Of(requested), () => DecisionSnapshot.Of(draft.CheckEscalation(c, EscalationTrigger.Requested)));
                    break;
                case ComplaintClosed closed:
                    var rewarded = draft.Lifecycle.RewardKinds.Contains(c.Intake.Kind);
                    if (closed.Reward is not null || rewarded)
                    {
                        Ask(entry, DecisionSnapshot.OfReward(closed.Reward, c.Policy), () => DecisionSnapshot.OfReward(rewarded ? draft.DecideReward(c) : null, draft.Identity));
                    }

                    break;
                case AccountabilityAssessed assessed:
                    if ((breached && c.Assignee is { } handler && handler.Id == assessed.Person ? handler : Person(assessed.Person, c, journal, entry.Sequence)) is not { } person)
                    {
                        // The journal keeps the person's id only: with no earlier entry that shows their roles, the
                        // draft would be asked about someone else. Counted, not compared.
                        _notComparable[(int)WhatIfPoint.Penalty]++;
                        break;
                    }

                    Ask(entry, DecisionSnapshot.Of(assessed.Decision, assessed.AwaitingConfirmationBy), () =>
                    {
                        var penalty = draft.AssessPenalty(c, person, assessed.Misconduct);
                        var awaiting = draft.Lifecycle.PenaltiesConfirmedBy is { } role && penalty.Sanctions.Count > 0 && !entry.Actor.HasRole(role) ? role : null;
                        return DecisionSnapshot.Of(penalty, awaiting);
                    });
                    break;
            }
        }

        /// <summary>The draft's approval of an on-the-spot settlement, and whether it would allow the settlement at all.</summary>
        private DecisionSnapshot OnTheSpot(Complaint c, ResolvedOnSpot spot)
        {
            var tier = draft.Classify(c).Tier;
            var approval = draft.RequireApproval(c with { Category = spot.Severity.Category, Severity = spot.Severity.Tier }, spot.Remedy);
            var upTo = draft.Lifecycle.OnSpotUpTo;
            var verdict = tier > upTo
                ? $"not allowed (tier {DecisionSnapshot.Name(tier)} is above {DecisionSnapshot.Name(upTo)})"
                : approval.WithinHandlerAuthority ? "allowed" : "not allowed (the remedy needs approval)";
            return DecisionSnapshot.Of(approval, verdict);
        }

        /// <summary>
        /// The person assessed, as the journal shows them before the assessment: the case's assignee then, or else the
        /// roles and department of their last assignment or last action before it; <see langword="null"/> if no
        /// earlier entry shows them (the assessment command carried their roles, which the journal does not keep).
        /// </summary>
        private static Actor? Person(ActorId id, Complaint c, IReadOnlyList<JournalEntry> journal, long assessedAt)
        {
            if (c.Assignee is { } assignee && assignee.Id == id)
            {
                return assignee;
            }

            Actor? found = null;
            foreach (var entry in journal)
            {
                if (entry.Sequence >= assessedAt)
                {
                    break;
                }

                if (entry.Event is HandlerAssigned { Handler: var handler } && handler.Id == id)
                {
                    found = handler;
                }
                else if (entry.Actor.Id == id)
                {
                    found = entry.Actor;
                }
            }

            return found;
        }

        private void Ask(JournalEntry entry, DecisionSnapshot recorded, Func<DecisionSnapshot> ask)
        {
            var point = (int)recorded.Point;
            DecisionSnapshot drafted;
            try
            {
                drafted = ask();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _failed[point]++;
                // The type only: a draft's message may quote the case (the complainant's name, the description).
                _failures.Add(new WhatIfFailure(entry.ComplaintId, entry.Sequence, recorded.Point, ex.GetType().Name));
                return;
            }

            _compared[point]++;
            var changed = false;
            foreach (var (field, before, after) in recorded.Differences(drafted))
            {
                changed = true;
                _changes.Add(new WhatIfChange(
                    entry.ComplaintId, entry.Sequence, entry.At, EventNames.GetValueOrDefault(entry.Event.GetType(), entry.Event.GetType().Name),
                    recorded.Point, field, before, after, recorded.RulesOf(field), drafted.RulesOf(field), recorded.Policy));
            }

            if (changed)
            {
                _changed[point]++;
            }
        }

        public WhatIfReport Report(string packId, WhatIfOptions options, int read, int replayed, int unreadable) => new(
            draft.Identity,
            packId,
            options.ReceivedFrom,
            options.ReceivedTo,
            read,
            replayed,
            unreadable,
            Enum.GetValues<WhatIfPoint>().Select(p => new WhatIfPointSummary(p, _compared[(int)p], _changed[(int)p], _failed[(int)p]) { NotComparable = _notComparable[(int)p] }).ToArray(),
            _changes.ToArray(),
            _failures.ToArray());
    }
}
