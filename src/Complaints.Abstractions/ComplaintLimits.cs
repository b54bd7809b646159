namespace Complaints;

/// <summary>
/// The most the workflow accepts in each input, in one place. <c>ComplaintService</c> checks every intake, command,
/// actor and query against these before anything is stored, and refuses what exceeds them with a
/// <see cref="ComplaintValidationException"/> naming the field; so every store (in memory, SQLite, PostgreSQL) sees
/// the same, bounded input. Lengths count UTF-16 code units (<see cref="string.Length"/>).
/// </summary>
/// <remarks>
/// Besides the lengths, text must be valid UTF-16 (no lone surrogate) and hold no control character; free text
/// (descriptions, reasons, summaries, notes, addresses) may hold line breaks and tabs (<c>\n</c>, <c>\r</c>, <c>\t</c>).
/// </remarks>
public static class ComplaintLimits
{
    /// <summary>
    /// The longest identifier: an <see cref="ActorId"/>, a <see cref="DepartmentId"/>, a role name, a customer id, a
    /// category, a misconduct name, an attribute's name, and the same values in a query. Single line.
    /// </summary>
    /// <value>128 characters.</value>
    public const int IdLength = 128;

    /// <summary>The longest name: of an actor, a complainant, a subject, a meeting attendee, the body a complaint is redirected to. Single line.</summary>
    /// <value>200 characters.</value>
    public const int NameLength = 200;

    /// <summary>
    /// The longest short value: a phone number, an email address, a location, an attribute's value, an evidence
    /// description. Phone, email and attribute values are single line.
    /// </summary>
    /// <value>1,000 characters.</value>
    public const int ShortTextLength = 1_000;

    /// <summary>The longest reference: a subject's reference (order number, licence plate) or where evidence is held (a URI). Single line.</summary>
    /// <value>2,048 characters.</value>
    public const int ReferenceLength = 2_048;

    /// <summary>The longest reason, note or comment a command gives (rejecting, escalating, approving, following up …), and a postal address.</summary>
    /// <value>4,000 characters.</value>
    public const int ReasonLength = 4_000;

    /// <summary>
    /// The longest free text: a complaint's description and desired remedy, a remedy's description, the accused's
    /// statement, the findings' summary, a meeting's minutes, the message to the complainant, a summary.
    /// </summary>
    /// <value>20,000 characters.</value>
    public const int TextLength = 20_000;

    /// <summary>The most items in a list of an input: evidence at intake, meeting attendees, an actor's roles.</summary>
    /// <value>100 items.</value>
    public const int ListCount = 100;

    /// <summary>The most attributes (industry-specific fields) on an intake.</summary>
    /// <value>50 attributes.</value>
    public const int AttributeCount = 50;

    /// <summary>The most values in a query's list criterion (<c>States</c>, <c>Severities</c>, <c>Categories</c>).</summary>
    /// <value>100 values.</value>
    public const int QueryListCount = 100;

    /// <summary>
    /// The largest amount of money (a claim, a remedy, a fine, a recovered value): one trillion. Rewards and
    /// penalties are computed from amounts, and this bound keeps every such calculation far from
    /// <see cref="decimal.MaxValue"/>.
    /// </summary>
    /// <value>1,000,000,000,000.</value>
    public const decimal MaxAmount = 1_000_000_000_000m;
}
