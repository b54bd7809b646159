namespace Complaints.Workflow;

/// <summary>
/// What a complainant is given when their complaint is received, to look up its status on the host's site
/// (<see cref="ComplaintService.LookUpStatusAsync"/>): the reference and a secret. The secret is shown once: the case
/// keeps only a salted hash of it, and no one can read it back.
/// </summary>
/// <param name="Reference">The case's reference: its id.</param>
/// <param name="Secret">The secret, e.g. <c>7KQ2M-X9D4R-0HC5T-WJ3NB</c>; case, spaces and hyphens do not matter when it is typed back.</param>
public sealed record ComplainantAccess(string Reference, string Secret)
{
    /// <summary>The reference only: a secret printed into a log would let anyone who reads it look up the case.</summary>
    /// <returns><c>ComplainantAccess &lt;reference&gt; (secret not printed)</c>.</returns>
    public override string ToString() => "ComplainantAccess " + Reference + " (secret not printed)";
}
