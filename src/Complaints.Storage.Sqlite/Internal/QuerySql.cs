using System.Globalization;
using Complaints.Ports;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>Turns a <see cref="ComplaintQuery"/> into a WHERE clause over the case columns, criterion by criterion as <see cref="ComplaintQuery.Matches"/> reads.</summary>
internal static class QuerySql
{
    /// <summary>
    /// The form of an approval role that compares as <see cref="StringComparison.OrdinalIgnoreCase"/> does: SQLite's
    /// NOCASE folds ASCII only, so the store keeps the role upper-cased (invariant) and compares keys.
    /// </summary>
    public static string? RoleKey(string? role) => role?.ToUpperInvariant();

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
            clauses.Add($"(state = {awaitingApproval} AND pending_approval_role_key = {Param(RoleKey(role))})");
        }

        if (query.DueBefore is { } due)
        {
            // next_due_at is Complaint.NextDeadline's due time: NULL for an ended case, a paused clock, or no unmet deadline.
            clauses.Add($"next_due_at < {Param(Sql.Time(due))}");
        }

        if (query.ReceivedFrom is { } from)
        {
            clauses.Add($"received_at >= {Param(Sql.Time(from))}");
        }

        if (query.ReceivedTo is { } to)
        {
            clauses.Add($"received_at < {Param(Sql.Time(to))}");
        }

        if (query.VisibleTo is { } visibility)
        {
            var actor = Param(visibility.Actor.Value);
            var visible = new List<string> { $"received_by = {actor}", $"assignee = {actor}" };
            if (visibility.Department is { } own)
            {
                visible.Add($"department = {Param(own.Value)}");
            }

            if (visibility.Roles.Count > 0)
            {
                visible.Add($"(state = {awaitingApproval} AND pending_approval_role_key IN {In(visibility.Roles.Select(r => (object)RoleKey(r)!))})");
            }

            clauses.Add($"({string.Join(" OR ", visible)})");
        }

        return clauses.Count == 0 ? "1" : string.Join(" AND ", clauses);
    }
}
