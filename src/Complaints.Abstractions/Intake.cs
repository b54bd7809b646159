using System.Text.Json.Serialization;

namespace Complaints;

/// <summary>What the case is: a complaint about us, a report of misconduct (举报), or a suggestion.</summary>
public enum ComplaintKind
{
    /// <summary>A customer's complaint about a product, service, staff member or department.</summary>
    Complaint,

    /// <summary>A report of misconduct (举报): bribery, illegal fees, abuse of power … Eligible for a reward.</summary>
    Report,

    /// <summary>A suggestion or criticism with no remedy asked for.</summary>
    Suggestion,
}

/// <summary>How the complaint reached us.</summary>
public enum Channel
{
    /// <summary>A phone call to any number.</summary>
    Phone,

    /// <summary>The dedicated complaint hotline.</summary>
    Hotline,

    /// <summary>An email.</summary>
    Email,

    /// <summary>An online form.</summary>
    OnlineForm,

    /// <summary>Online chat.</summary>
    Chat,

    /// <summary>A post or message on social media.</summary>
    SocialMedia,

    /// <summary>A letter.</summary>
    Letter,

    /// <summary>A suggestion box.</summary>
    SuggestionBox,

    /// <summary>In person at a desk, branch, ward or nurse station.</summary>
    WalkIn,

    /// <summary>During a visit on site.</summary>
    OnSite,
}

/// <summary>Extensions for <see cref="Channel"/>.</summary>
public static class ChannelExtensions
{
    /// <summary>
    /// Whether the complaint was taken down by a member of staff from what the complainant said, so the
    /// record must be read back and confirmed (复述确认) before it is triaged.
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for phone, hotline, walk-in and on-site complaints.</returns>
    public static bool IsOral(this Channel channel) =>
        channel is Channel.Phone or Channel.Hotline or Channel.WalkIn or Channel.OnSite;
}

/// <summary>How to reach a complainant. Every field is optional.</summary>
/// <param name="Phone">A phone number.</param>
/// <param name="Email">An email address.</param>
/// <param name="Address">A postal address.</param>
public sealed record ContactDetails(string? Phone = null, string? Email = null, string? Address = null)
{
    /// <summary>Never the details themselves: contact details printed into a log name no one.</summary>
    /// <returns><c>ContactDetails (not printed)</c>.</returns>
    public override string ToString() => "ContactDetails (not printed)";

    /// <summary>Whether any way of reaching the complainant is given.</summary>
    [JsonIgnore]
    public bool HasAny =>
        !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Address);
}

/// <summary>The person who complains. Anonymous complaints are allowed and must still be handled.</summary>
/// <param name="Name">The complainant's name; <see langword="null"/> when anonymous.</param>
/// <param name="Contact">How to reach them.</param>
/// <param name="CustomerId">The host's customer number, if known.</param>
/// <param name="StaffId">Set when a member of staff files an internal complaint.</param>
public sealed record Complainant(
    string? Name,
    ContactDetails Contact,
    string? CustomerId = null,
    ActorId? StaffId = null)
{
    /// <summary>What a reader who may not see the complainant's identity sees instead of it.</summary>
    public const string Withheld = "(withheld)";

    /// <summary>An anonymous complainant with no way of contact.</summary>
    public static Complainant Anonymous { get; } = new(null, new ContactDetails());

    /// <summary>The complainant as shown to someone who may not see their identity.</summary>
    public static Complainant Redacted { get; } = new(Withheld, new ContactDetails());

    /// <summary>Never the name or contact: a complainant printed into a log or an error message names no one.</summary>
    /// <returns><c>Complainant (identity not printed)</c>, or <c>Complainant (anonymous)</c>.</returns>
    public override string ToString() => IsAnonymous ? "Complainant (anonymous)" : "Complainant (identity not printed)";

    /// <summary>Whether the complainant gave no name.</summary>
    [JsonIgnore]
    public bool IsAnonymous => Name is null;
}

/// <summary>What kind of thing the complaint is about.</summary>
public enum SubjectKind
{
    /// <summary>A product (a car, a dish, a packet of cigarettes).</summary>
    Product,

    /// <summary>A service (repair, delivery, treatment, billing).</summary>
    Service,

    /// <summary>A named member of staff.</summary>
    StaffMember,

    /// <summary>A department as a whole.</summary>
    Department,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>The subject complained about.</summary>
/// <param name="Kind">What kind of subject.</param>
/// <param name="Name">A human-readable name of the product, service, person or department.</param>
/// <param name="Department">The department the subject belongs to, when known; drives recusal.</param>
/// <param name="StaffId">For a staff member: their id. The accused never sees the complainant's identity and may not act on the case.</param>
/// <param name="Reference">A product code, order number, licence plate, ward …</param>
public sealed record ComplaintSubject(
    SubjectKind Kind,
    string Name,
    DepartmentId? Department = null,
    ActorId? StaffId = null,
    string? Reference = null);

/// <summary>An amount of money in a currency (ISO 4217 code, e.g. <c>CNY</c>).</summary>
/// <param name="Amount">The amount; not negative.</param>
/// <param name="Currency">The three-letter ISO 4217 currency code, upper case.</param>
public sealed record Money(decimal Amount, string Currency)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount:0.##} {Currency}");
}

/// <summary>A reference to a piece of evidence held elsewhere (a document store, a recording system).</summary>
/// <param name="Reference">Where to find it: a URI, a file name, a recording id.</param>
/// <param name="Description">What it is.</param>
public sealed record EvidenceReference(string Reference, string? Description = null);

/// <summary>Signals recorded at intake that may raise the severity of a case.</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" is the domain word here.
public enum ComplaintFlags
#pragma warning restore CA1711
{
    /// <summary>No signal.</summary>
    None = 0,

    /// <summary>A risk to safety (a vehicle defect, a hazard).</summary>
    SafetyRisk = 1,

    /// <summary>A risk to health (spoiled food, medical harm).</summary>
    HealthRisk = 2,

    /// <summary>The complainant threatens to go to a regulator or a higher authority.</summary>
    RegulatorThreat = 4,

    /// <summary>The complainant threatens to go to the media.</summary>
    MediaThreat = 8,

    /// <summary>Several departments are involved.</summary>
    MultipleDepartments = 16,

    /// <summary>The complainant has complained about this before.</summary>
    Repeated = 32,

    /// <summary>The complainant was violent or behaved unlawfully.</summary>
    ViolentBehaviour = 64,
}

/// <summary>Everything recorded when a complaint is received (受理).</summary>
/// <param name="Kind">Complaint, report or suggestion.</param>
/// <param name="Channel">How it reached us.</param>
/// <param name="Complainant">Who complains; may be <see cref="Complainant.Anonymous"/>.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Description">What happened, in the complainant's words; required.</param>
/// <param name="Category">The receiver's first view of the category (the policy decides the final one at triage).</param>
/// <param name="OccurredAt">When it happened, if known; not in the future.</param>
/// <param name="Location">Where it happened.</param>
/// <param name="DesiredRemedy">What the complainant wants (期望解决方式).</param>
/// <param name="ClaimedAmount">The amount claimed, if any.</param>
/// <param name="Evidence">Evidence offered at intake.</param>
/// <param name="Flags">Signals that may raise severity.</param>
/// <param name="Attributes">Industry-specific fields (a licence plate, a ward, a batch number) by name.</param>
public sealed record ComplaintIntake(
    ComplaintKind Kind,
    Channel Channel,
    Complainant Complainant,
    ComplaintSubject Subject,
    string Description,
    string? Category = null,
    DateTimeOffset? OccurredAt = null,
    string? Location = null,
    string? DesiredRemedy = null,
    Money? ClaimedAmount = null,
    IReadOnlyList<EvidenceReference>? Evidence = null,
    ComplaintFlags Flags = ComplaintFlags.None,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    /// <summary>
    /// The language the complainant is written to in (a BCP 47 tag, e.g. <c>zh-CN</c> or <c>en</c>), if they chose one;
    /// <see langword="null"/> for the policy's culture (<see cref="Policy.IComplaintPolicy.Culture"/>), else the host's default.
    /// </summary>
    public string? Culture { get; init; }
}
