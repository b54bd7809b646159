using System.Globalization;
using System.Text;
using Complaints.Ports;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The WHERE clauses of the store's dynamic statements (<see cref="Sql.QueryCases"/>, <see cref="Sql.CountCases"/>,
/// <see cref="Sql.ReadAudit"/>): one condition per criterion given, its values added as parameters.
/// </summary>
internal static class QuerySql
{
    /// <summary>The desk query's conditions over the case columns, criterion by criterion as <see cref="ComplaintQuery.Matches"/> reads.</summary>
    public static string Where(ComplaintQuery query, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder("TRUE");
        if (query.States is { } states)
        {
            sql.Append(" AND state = ANY(@states)");
            parameters.Add(Parameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text, states.Select(CaseColumns.Of).ToArray()));
        }

        if (query.Severities is { } severities)
        {
            sql.Append(" AND severity = ANY(@severities)");
            parameters.Add(Parameter("severities", NpgsqlDbType.Array | NpgsqlDbType.Text, severities.Select(CaseColumns.Of).ToArray()));
        }

        if (query.Categories is { } categories)
        {
            sql.Append(" AND category = ANY(@categories)");
            parameters.Add(Parameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Text, categories.ToArray()));
        }

        if (query.Assignee is { } assignee)
        {
            sql.Append(" AND assignee = @assignee");
            parameters.Add(Parameter("assignee", NpgsqlDbType.Text, assignee.Value));
        }

        if (query.Department is { } department)
        {
            sql.Append(" AND department = @department");
            parameters.Add(Parameter("department", NpgsqlDbType.Text, department.Value));
        }

        if (query.AwaitingApprovalByRole is { } role)
        {
            sql.Append(" AND state = @awaiting_approval AND pending_approval_role_key = @approval_role");
            parameters.Add(Parameter("approval_role", NpgsqlDbType.Text, CaseColumns.RoleKey(role)));
        }

        if (query.DueBefore is { } due)
        {
            sql.Append(" AND next_due_ticks < @due_before");
            parameters.Add(Parameter("due_before", NpgsqlDbType.Bigint, CaseColumns.Ticks(due)));
        }

        AppendReceived(sql, parameters, query.ReceivedFrom, query.ReceivedTo);

        if (query.HasActiveHold is { } held)
        {
            sql.Append(held ? " AND held_products IS NOT NULL" : " AND held_products IS NULL");
        }

        if (query.HeldProduct is { } product)
        {
            // Text equality under a deterministic collation is byte equality: ordinal, as ComplaintQuery.Matches compares.
            sql.Append(" AND held_products IS NOT NULL AND @held_product = ANY(held_products)");
            parameters.Add(Parameter("held_product", NpgsqlDbType.Text, product.Trim()));
        }

        if (query.VisibleTo is { } reader)
        {
            AppendVisible(sql, parameters, reader);
        }

        if (query.AwaitingApprovalByRole is not null || query.VisibleTo is not null)
        {
            parameters.Add(Parameter("awaiting_approval", NpgsqlDbType.Text, CaseColumns.Of(ComplaintState.AwaitingApproval)));
        }

        return sql.ToString();
    }

    /// <summary>
    /// The desk's reasons (<see cref="DeskQuery.ReasonsFor"/>), one condition each (one per approval role), each
    /// restricted to what the reader may see; none when no criterion is set. Each is served in the desk's order by its own
    /// index (schema version 11), so <see cref="Sql.QueryDesk"/> reads only the first rows of each.
    /// </summary>
    public static List<string> DeskReasons(DeskQuery query, NpgsqlParameterCollection parameters)
    {
        var reasons = new List<string>();
        if (query.AssignedTo is { } assignee)
        {
            reasons.Add($"assignee = @desk_assignee AND {NotEnded}");
            parameters.Add(Parameter("desk_assignee", NpgsqlDbType.Text, assignee.Value));
        }

        if (query.ApprovalRoles is { Count: > 0 } roles)
        {
            // A role each: an index scan on one key keeps the desk's order, one on several keys would not. Past
            // MostRoleScans roles (a reader rarely holds more), one lookup of them all, sorted.
            var keys = roles.Select(CaseColumns.RoleKey).Distinct(StringComparer.Ordinal).ToArray();
            if (keys.Length > MostRoleScans)
            {
                reasons.Add($"{AwaitingApproval} AND pending_approval_role_key = ANY(@desk_roles)");
                parameters.Add(Parameter("desk_roles", NpgsqlDbType.Array | NpgsqlDbType.Text, keys));
            }
            else
            {
                foreach (var key in keys)
                {
                    var name = "desk_role_" + reasons.Count.ToString(CultureInfo.InvariantCulture);
                    reasons.Add($"{AwaitingApproval} AND pending_approval_role_key = @{name}");
                    parameters.Add(Parameter(name, NpgsqlDbType.Text, key));
                }
            }
        }

        if (query.AwaitingTriage)
        {
            reasons.Add(AwaitingTriage);
        }

        if (query.OverdueIn is { } department)
        {
            // next_due_ticks is NULL for an ended case or a paused clock, as Complaint.NextDeadline is.
            reasons.Add("department = @desk_department AND next_due_ticks < @now");
            parameters.Add(Parameter("desk_department", NpgsqlDbType.Text, department.Value));
            parameters.Add(Parameter("now", NpgsqlDbType.Bigint, CaseColumns.Ticks(query.Now)));
        }

        if (reasons.Count > 0 && query.VisibleTo is { } reader)
        {
            var visible = new StringBuilder();
            AppendVisible(visible, parameters, reader);
            parameters.Add(Parameter("awaiting_approval", NpgsqlDbType.Text, CaseColumns.Of(ComplaintState.AwaitingApproval)));
            var restriction = visible.ToString();
            for (var i = 0; i < reasons.Count; i++)
            {
                reasons[i] += restriction;
            }
        }

        return reasons;
    }

    /// <summary>The most approval roles a desk reads with a scan each; more are looked up together and sorted.</summary>
    public const int MostRoleScans = 16;

    /// <summary>
    /// A case that has not ended (<see cref="Complaint.IsFinal"/>), written out (not a parameter) so that the planner
    /// matches it to the partial index's predicate.
    /// </summary>
    public static readonly string NotEnded =
        "state NOT IN (" + string.Join(", ", new[] { ComplaintState.Closed, ComplaintState.Rejected, ComplaintState.Redirected, ComplaintState.Withdrawn }
            .Select(state => $"'{CaseColumns.Of(state)}'")) + ")";

    /// <summary>A case awaiting approval, written out for the partial index's predicate.</summary>
    public static readonly string AwaitingApproval = $"state = '{CaseColumns.Of(ComplaintState.AwaitingApproval)}'";

    /// <summary>A case awaiting triage, written out for the partial index's predicate.</summary>
    public static readonly string AwaitingTriage = $"state = '{CaseColumns.Of(ComplaintState.Received)}'";

    /// <summary>What a restricted reader may see, as <see cref="CaseVisibility.CanSee"/> reads (uses <c>@awaiting_approval</c>).</summary>
    private static void AppendVisible(StringBuilder sql, NpgsqlParameterCollection parameters, CaseVisibility reader)
    {
        sql.Append(" AND (received_by = @reader OR assignee = @reader");
        parameters.Add(Parameter("reader", NpgsqlDbType.Text, reader.Actor.Value));
        if (reader.Department is { } readerDepartment)
        {
            sql.Append(" OR department = @reader_department");
            parameters.Add(Parameter("reader_department", NpgsqlDbType.Text, readerDepartment.Value));
        }

        sql.Append(" OR (state = @awaiting_approval AND pending_approval_role_key = ANY(@reader_roles)))");
        parameters.Add(Parameter("reader_roles", NpgsqlDbType.Array | NpgsqlDbType.Text, reader.Roles.Select(CaseColumns.RoleKey).ToArray()));
    }

    /// <summary>The count's conditions: the receipt window, if given.</summary>
    public static string Where(ComplaintCountQuery query, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder("TRUE");
        AppendReceived(sql, parameters, query.ReceivedFrom, query.ReceivedTo);
        return sql.ToString();
    }

    /// <summary>The audit read's conditions: case, actor, kind and time window, each if given.</summary>
    public static string Where(AuditQuery query, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder("TRUE");
        if (query.ComplaintId is { } id)
        {
            sql.Append(" AND complaint_id = @complaint");
            parameters.Add(Parameter("complaint", NpgsqlDbType.Uuid, id.Value));
        }

        if (query.Actor is { } actor)
        {
            sql.Append(" AND actor_id = @actor");
            parameters.Add(Parameter("actor", NpgsqlDbType.Text, actor.Value));
        }

        if (query.Kind is { } kind)
        {
            sql.Append(" AND kind = @kind");
            parameters.Add(Parameter("kind", NpgsqlDbType.Text, CaseColumns.Of(kind)));
        }

        if (query.From is { } from)
        {
            sql.Append(" AND at_ticks >= @from");
            parameters.Add(Parameter("from", NpgsqlDbType.Bigint, CaseColumns.Ticks(from)));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND at_ticks < @to");
            parameters.Add(Parameter("to", NpgsqlDbType.Bigint, CaseColumns.Ticks(to)));
        }

        return sql.ToString();
    }

    private static void AppendReceived(StringBuilder sql, NpgsqlParameterCollection parameters, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start)
        {
            sql.Append(" AND received_ticks >= @received_from");
            parameters.Add(Parameter("received_from", NpgsqlDbType.Bigint, CaseColumns.Ticks(start)));
        }

        if (to is { } end)
        {
            sql.Append(" AND received_ticks < @received_to");
            parameters.Add(Parameter("received_to", NpgsqlDbType.Bigint, CaseColumns.Ticks(end)));
        }
    }
}
