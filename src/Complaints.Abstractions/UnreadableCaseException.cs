namespace Complaints;

/// <summary>
/// A stored case cannot be read: its JSON was written by a newer release of the library, or it is damaged. The store
/// holds it untouched; nothing reads or writes it until it is readable again.
/// </summary>
public sealed class UnreadableCaseException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The case that cannot be read.</param>
    /// <param name="inner">Why it cannot be read (usually a <c>JsonException</c>).</param>
    public UnreadableCaseException(ComplaintId complaintId, Exception? inner = null)
        : base(
            $"Complaint {complaintId} is stored but cannot be read{(inner is null ? "" : $" ({inner.GetType().Name}: {inner.Message})")}. " +
            "It was written by a newer release of the library, or its stored JSON is damaged: run the release that wrote it, or restore the case from a backup or its journal.",
            inner)
    {
        ComplaintId = complaintId;
    }

    /// <summary>The case that cannot be read.</summary>
    public ComplaintId ComplaintId { get; }
}
