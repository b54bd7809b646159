using System.Globalization;
using System.Text;
using Complaints.Ports;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The WHERE clauses of the store's dynamic statements (<see cref="Sql.QueryCases"/>, <see cref="Sql.CountCases"/>,
/// <see cref="Sql.ReadAudit"/>): one condition per criterion given, its values added to the command as parameters.
/// </summary>
internal static class QuerySql
{
    /// <summary>The desk query's conditions over the case columns, criterion by criterion as <see cref="ComplaintQuery.Matches"/> reads.</summary>
    public static string Where(ComplaintQuery query, SqliteCommand command)
    {
        var clauses = new List<string>();
        var n = 0;
        string Param(object? value)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"$p{n++}");
            command.Add(name, value);
            return name;
        }

        string In(IEnumerable<object> values)
        {
            var names = values.Select(Param).ToArray();
            return names.Length == 0 ? "(NULL)" : $"({string.Join(", ", names)})";
        }

        var awaitingApproval = Param(Spelling<ComplaintState>.Of(ComplaintState.AwaitingApproval));
        if (query.States is { } states)
        {
            clauses.Add(states.Count == 0 ? "0" : $"state IN {In(states.Select(s => (object)Spelling<ComplaintState>.Of(s)))}");
        }

        if (query.Severities is { } severities)
        {
            clauses.Add(severities.Count == 0 ? "0" : $"severity IN {In(severities.Select(s => (object)Spelling<Severity>.Of(s)))}");
        }

        if (query.Categories is { } categories)
        {
            clauses.Add(categories.Count == 0 ? "0" : $"category IN {In(categories)}");
        }

        if (query.Assignee is { } assignee)
        {
            clauses.Add($"assignee = {Param(assignee.Value)}");
        }

        if (query.Department is { } department)
        {
            clauses.Add($"department = {Param(department.Value)}");
        }

        if (query.AwaitingApprovalByRole is { } role)
        {
            clauses.Add($"(state = {awaitingApproval} AND pending_approval_role_key = {Param(CaseColumns.RoleKey(role))})");
        }

        if (query.DueBefore is { } due)
        {
            // next_due_at is Complaint.NextDeadline's due time: NULL for an ended case, a paused clock, or no unmet deadline.
            clauses.Add($"next_due_at < {Param(CaseColumns.Time(due))}");
        }

        if (query.ReceivedFrom is { } from)
        {
            clauses.Add($"received_at >= {Param(CaseColumns.Time(from))}");
        }

        if (query.ReceivedTo is { } to)
        {
            clauses.Add($"received_at < {Param(CaseColumns.Time(to))}");
        }

        if (query.HasActiveHold is { } held)
        {
            clauses.Add(held ? "held_products IS NOT NULL" : "held_products IS NULL");
        }

        if (query.HeldProduct is { } product)
        {
            // Text compares as BINARY: ordinal, as ComplaintQuery.Matches compares products.
            clauses.Add($"(held_products IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(held_products) WHERE value = {Param(product.Trim())}))");
        }

        if (query.VisibleTo is { } visibility)
        {
            clauses.Add(Visible(visibility, Param, In, awaitingApproval));
        }

        return clauses.Count == 0 ? "1" : string.Join(" AND ", clauses);
    }

    /// <summary>
    /// The desk's reasons (<see cref="DeskQuery.ReasonsFor"/>), one condition each (one per approval role), each
    /// restricted to what the reader may see, with its own index (step 12) and the order that index gives, which is the
    /// desk's order; none when no criterion is set. The index is named (<c>INDEXED BY</c>) so that the plan does not
    /// depend on statistics the file may lack, and a predicate the index does not cover fails loudly instead of scanning.
    /// <see cref="Sql.QueryDesk"/> reads only the first rows of each.
    /// </summary>
    public static List<(string Index, string Where, string Order)> DeskReasons(DeskQuery query, SqliteCommand command)
    {
        var n = 0;
        string Param(object? value)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"$p{n++}");
            command.Add(name, value);
            return name;
        }

        string In(IEnumerable<object> values) => $"({string.Join(", ", values.Select(Param))})";

        var reasons = new List<(string Index, string Where, string Order)>();
        if (query.AssignedTo is { } assignee)
        {
            reasons.Add(("ix_complaints_desk_assigned", $"assignee = {Param(assignee.Value)} AND {NotEnded}", DeskOrder));
        }

        if (query.ApprovalRoles is { Count: > 0 } roles)
        {
            // A role each: an index scan on one key keeps the desk's order, one on several keys would not. Past
            // MostRoleScans roles (a reader rarely holds more; SQLite allows 500 parts in a UNION), one lookup of them
            // all, sorted.
            var keys = roles.Select(role => CaseColumns.RoleKey(role)!).Distinct(StringComparer.Ordinal).ToArray();
            if (keys.Length > MostRoleScans)
            {
                reasons.Add(("ix_complaints_desk_approval", $"{AwaitingApproval} AND pending_approval_role_key IN {In(keys)}", DeskOrder));
            }
            else
            {
                foreach (var key in keys)
                {
                    reasons.Add(("ix_complaints_desk_approval", $"{AwaitingApproval} AND pending_approval_role_key = {Param(key)}", DeskOrder));
                }
            }
        }

        if (query.AwaitingTriage)
        {
            reasons.Add(("ix_complaints_desk_triage", AwaitingTriage, DeskOrder));
        }

        if (query.OverdueIn is { } department)
        {
            // next_due_at is NULL for an ended case or a paused clock, as Complaint.NextDeadline is; so none is NULL here.
            reasons.Add(("ix_complaints_desk_overdue", $"department = {Param(department.Value)} AND next_due_at < {Param(CaseColumns.Time(query.Now))}", "next_due_at, received_at, id"));
        }

        if (reasons.Count > 0 && query.VisibleTo is { } visibility)
        {
            var visible = Visible(visibility, Param, In, Param(Spelling<ComplaintState>.Of(ComplaintState.AwaitingApproval)));
            reasons = reasons.ConvertAll(reason => (reason.Index, $"{reason.Where} AND {visible}", reason.Order));
        }

        return reasons;
    }

    /// <summary>The most approval roles a desk reads with a scan each; more are looked up together and sorted.</summary>
    public const int MostRoleScans = 16;

    /// <summary>The desk's order within one reason: the next deadline's due time, none last, then receipt, then id.</summary>
    public const string DeskOrder = "next_due_at IS NULL, next_due_at, received_at, id";

    /// <summary>
    /// A case that has not ended (<see cref="Complaint.IsFinal"/>), written out (not parameters) because SQLite uses a
    /// partial index only when the query repeats its predicate.
    /// </summary>
    public static readonly string NotEnded =
        "state NOT IN (" + string.Join(", ", new[] { ComplaintState.Closed, ComplaintState.Rejected, ComplaintState.Redirected, ComplaintState.Withdrawn }
            .Select(state => $"'{Spelling<ComplaintState>.Of(state)}'")) + ")";

    /// <summary>A case awaiting approval, written out for the partial index's predicate.</summary>
    public static readonly string AwaitingApproval = $"state = '{Spelling<ComplaintState>.Of(ComplaintState.AwaitingApproval)}'";

    /// <summary>A case awaiting triage, written out for the partial index's predicate.</summary>
    public static readonly string AwaitingTriage = $"state = '{Spelling<ComplaintState>.Of(ComplaintState.Received)}'";

    /// <summary>What a restricted reader may see, as <see cref="CaseVisibility.CanSee"/> reads.</summary>
    private static string Visible(CaseVisibility visibility, Func<object?, string> param, Func<IEnumerable<object>, string> @in, string awaitingApproval)
    {
        var actor = param(visibility.Actor.Value);
        var visible = new List<string> { $"received_by = {actor}", $"assignee = {actor}" };
        if (visibility.Department is { } own)
        {
            visible.Add($"department = {param(own.Value)}");
        }

        if (visibility.Roles.Count > 0)
        {
            visible.Add($"(state = {awaitingApproval} AND pending_approval_role_key IN {@in(visibility.Roles.Select(r => (object)CaseColumns.RoleKey(r)!))})");
        }

        return $"({string.Join(" OR ", visible)})";
    }

    /// <summary>The count's conditions: the receipt window, if given.</summary>
    public static string Where(ComplaintCountQuery query, SqliteCommand command)
    {
        var where = new StringBuilder("1");
        if (query.ReceivedFrom is { } from)
        {
            where.Append(" AND received_at >= $from");
            command.Add("$from", CaseColumns.Time(from));
        }

        if (query.ReceivedTo is { } to)
        {
            where.Append(" AND received_at < $to");
            command.Add("$to", CaseColumns.Time(to));
        }

        return where.ToString();
    }

    /// <summary>The audit read's conditions: case, actor, kind and time window, each if given.</summary>
    public static string Where(AuditQuery query, SqliteCommand command)
    {
        var where = new StringBuilder("1");
        if (query.ComplaintId is { } id)
        {
            where.Append(" AND complaint_id = $complaint");
            command.Add("$complaint", CaseColumns.Id(id));
        }

        if (query.Actor is { } actor)
        {
            where.Append(" AND actor_id = $actor");
            command.Add("$actor", actor.Value);
        }

        if (query.Kind is { } kind)
        {
            where.Append(" AND kind = $kind");
            command.Add("$kind", Spelling<AuditKind>.Of(kind));
        }

        if (query.From is { } from)
        {
            where.Append(" AND at >= $from");
            command.Add("$from", CaseColumns.Time(from));
        }

        if (query.To is { } to)
        {
            where.Append(" AND at < $to");
            command.Add("$to", CaseColumns.Time(to));
        }

        return where.ToString();
    }
}
