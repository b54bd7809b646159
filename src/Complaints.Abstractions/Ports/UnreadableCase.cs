namespace Complaints.Ports;

/// <summary>A stored case this release cannot read, as a store's <c>FindUnreadableCasesAsync</c> lists it for an operator.</summary>
/// <param name="ComplaintId">The case.</param>
/// <param name="Error">Why it cannot be read.</param>
public sealed record UnreadableCase(ComplaintId ComplaintId, string Error);
