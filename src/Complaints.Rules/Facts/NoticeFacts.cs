using Complaints.Policy;

namespace Complaints.Rules.Facts;

/// <summary>What a pack's notice expressions see of the event at which they are asked, as <c>notice</c>.</summary>
public sealed class NoticeFacts
{
    /// <summary>Wraps an event. Nothing is copied.</summary>
    /// <param name="at">The event.</param>
    public NoticeFacts(NoticeEvent at)
    {
        ArgumentNullException.ThrowIfNull(at);
        Event = at.Name;
        Deadline = at.Deadline is { } kind ? Names.Of(kind) : "";
    }

    /// <summary>The event's name as the journal spells it: <c>triaged</c>, <c>rejected</c>, <c>redirected</c>, <c>deadline-extended</c>, <c>deadline-breached</c> …</summary>
    public string Event { get; }

    /// <summary>For a deadline event, the deadline: <c>acknowledge</c>, <c>propose</c>, <c>resolve</c>, <c>notify-result</c> or <c>follow-up</c>; <c>""</c> otherwise.</summary>
    public string Deadline { get; }

    /// <inheritdoc />
    public override string ToString() => Deadline.Length == 0 ? Event : Event + " (" + Deadline + ")";
}
