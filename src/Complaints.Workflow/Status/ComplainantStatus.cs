namespace Complaints.Workflow;

/// <summary>
/// A case as its complainant sees it when they look it up with their reference and secret
/// (<see cref="ComplaintService.LookUpStatusAsync"/>): where it stands, in words, and the dates that matter to them.
/// It holds nothing else — no staff names, no internal notes, no findings, no one complained about, no other party.
/// </summary>
/// <param name="Reference">The case's reference (its id).</param>
/// <param name="Culture">The culture <see cref="StateText"/> is in (<c>en</c>, <c>zh-CN</c>).</param>
/// <param name="State">Where the case stands.</param>
/// <param name="StateText">The same in words for the complainant, e.g. <c>under investigation</c> or <c>调查核实中</c>.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="AcknowledgedAt">When its receipt was acknowledged (accepted and triaged), if it was.</param>
/// <param name="NextDueAt">The next time an answer is promised (the acknowledgement, the resolution or the written result, whichever is earliest and not yet met); <see langword="null"/> if none is pending.</param>
/// <param name="ResultNotice">The decision as it was told to the complainant, once it was; else <see langword="null"/>.</param>
/// <param name="ClosedAt">When it was closed, if it is closed.</param>
public sealed record ComplainantStatus(
    string Reference,
    string Culture,
    ComplaintState State,
    string StateText,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? NextDueAt,
    string? ResultNotice,
    DateTimeOffset? ClosedAt);
