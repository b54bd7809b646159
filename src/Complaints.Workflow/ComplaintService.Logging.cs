using Complaints.Commands;
using Complaints.Journal;
using Microsoft.Extensions.Logging;

namespace Complaints.Workflow;

/// <summary>
/// The command path's log events (EventIds 4101–4105, docs/operations.md): ids, actions, states, deadline kinds, levels
/// and pack ids only — never the complainant's identity, the intake's text, or a reason someone typed.
/// </summary>
public sealed partial class ComplaintService
{
    /// <summary>Logs a received case, after its save.</summary>
    private void LogReceived(Complaint complaint, JournalEntry entry)
    {
        LogCommandAccepted(ComplaintAction.Receive, complaint.Id, complaint.Policy.Id, complaint.Version);
        LogCaseReceived(complaint.Id, complaint.Intake.Kind, complaint.Intake.Channel, complaint.Policy.Id, complaint.Policy.Version, entry.To);
    }

    /// <summary>Logs a command's saved entries: the command, then each change of state, recorded breach and escalation, in journal order.</summary>
    private void LogSaved(ComplaintAction action, Complaint updated, JournalEntry[] entries)
    {
        LogCommandAccepted(action, updated.Id, updated.Policy.Id, updated.Version);
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.From != entry.To)
            {
                LogStateChanged(updated.Id, action, entry.From, entry.To, updated.Policy.Id);
            }

            switch (entry.Event)
            {
                case DeadlineBreached breach:
                    LogDeadlineBreachRecorded(updated.Id, breach.Kind, breach.DueAt, updated.Policy.Id);
                    break;
                case Escalated escalated:
                    LogEscalated(updated.Id, escalated.Level, action, updated.Policy.Id);
                    break;
            }
        }
    }

    [LoggerMessage(EventId = 4101, EventName = "CommandAccepted", Level = LogLevel.Debug, Message = "Command {Action} accepted on complaint {ComplaintId} under pack {Pack}; the case is at version {CaseVersion}.")]
    private partial void LogCommandAccepted(ComplaintAction action, ComplaintId complaintId, string pack, long caseVersion);

    [LoggerMessage(EventId = 4102, EventName = "CaseReceived", Level = LogLevel.Information, Message = "Received complaint {ComplaintId} ({Kind} by {Channel}) under pack {Pack} {PolicyVersion}; it is {State}.")]
    private partial void LogCaseReceived(ComplaintId complaintId, ComplaintKind kind, Channel channel, string pack, string policyVersion, ComplaintState state);

    [LoggerMessage(EventId = 4103, EventName = "CaseStateChanged", Level = LogLevel.Information, Message = "Complaint {ComplaintId} went from {From} to {To} ({Action}, pack {Pack}).")]
    private partial void LogStateChanged(ComplaintId complaintId, ComplaintAction action, ComplaintState from, ComplaintState to, string pack);

    [LoggerMessage(EventId = 4104, EventName = "DeadlineBreachRecorded", Level = LogLevel.Information, Message = "Recorded the breach of the {Kind} deadline of complaint {ComplaintId}, due {DueAt} (pack {Pack}).")]
    private partial void LogDeadlineBreachRecorded(ComplaintId complaintId, DeadlineKind kind, DateTimeOffset dueAt, string pack);

    [LoggerMessage(EventId = 4105, EventName = "CaseEscalated", Level = LogLevel.Information, Message = "Complaint {ComplaintId} escalated to level {Level} ({Action}, pack {Pack}).")]
    private partial void LogEscalated(ComplaintId complaintId, int level, ComplaintAction action, string pack);
}
