using Complaints.Policy;

namespace Complaints.Testing;

/// <summary>
/// Builds a valid <see cref="Complaint"/> (for pack-level tests that call a policy directly) or its
/// <see cref="ComplaintIntake"/> (to receive through a <see cref="ComplaintsHarness"/>). Every value has a
/// neutral default, so a test states only what matters to it. Start one with <see cref="A.Complaint"/>.
/// </summary>
/// <remarks>
/// The defaults: a <see cref="ComplaintKind.Complaint"/> by <see cref="Channel.Email"/> from a named complainant
/// with a phone number, about a service with no department, described in words no built-in rule reacts to, with
/// no category, claim, flag or attribute; received by <see cref="A.Receiver"/> at
/// <see cref="DefaultReceivedAt"/> under <see cref="DefaultPolicy"/>. Each builder method returns the builder,
/// which is mutable: build it once per case.
/// </remarks>
public sealed partial class ComplaintBuilder
{
    /// <summary>The description used unless <see cref="Described"/> sets one: long enough to be admissible, and free of the words packs classify by.</summary>
    public const string DefaultDescription = "Something went wrong with my purchase and I would like it looked into.";

    /// <summary>When the complaint was received unless <see cref="ReceivedAt"/> says otherwise: Monday 2 March 2026, 09:30 UTC.</summary>
    public static DateTimeOffset DefaultReceivedAt { get; } = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The policy a built case records unless <see cref="UnderPolicy"/> says otherwise. Packs do not read it.</summary>
    public static PolicyRef DefaultPolicy { get; } = new("test", "0.0.0");

    private ComplaintKind _kind = ComplaintKind.Complaint;
    private Channel _channel = Channel.Email;
    private Complainant _complainant = new("Liu Yang", new ContactDetails(Phone: "+86 138 0000 0000"));
    private ComplaintSubject _subject = new(SubjectKind.Service, "Service");
    private string _description = DefaultDescription;
    private string? _intakeCategory;
    private DateTimeOffset? _occurredAt;
    private string? _location;
    private string? _desiredRemedy;
    private Money? _claim;
    private readonly List<EvidenceReference> _evidence = [];
    private ComplaintFlags _flags;
    private string? _culture;
    private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);

    /// <summary>Sets what the case is: a complaint, a report (举报) or a suggestion.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder OfKind(ComplaintKind kind)
    {
        _kind = kind;
        return this;
    }

    /// <summary>Sets how the complaint reached us. An oral channel (phone, hotline, walk-in, on-site) needs a read-back before triage.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Via(Channel channel)
    {
        _channel = channel;
        return this;
    }

    /// <summary>Sets a named complainant.</summary>
    /// <param name="name">The complainant's name.</param>
    /// <param name="contact">How to reach them; none if <see langword="null"/>.</param>
    /// <param name="customerId">The host's customer number, if any.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder From(string name, ContactDetails? contact = null, string? customerId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _complainant = new Complainant(name, contact ?? new ContactDetails(), customerId);
        return this;
    }

    /// <summary>Makes the complainant a member of staff filing an internal complaint (they must then recuse from it).</summary>
    /// <param name="staffId">The staff member's id.</param>
    /// <param name="name">Their name; the id if not given.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder FiledByStaff(string staffId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        _complainant = new Complainant(name ?? staffId, new ContactDetails(), StaffId: new ActorId(staffId));
        return this;
    }

    /// <summary>Makes the complainant anonymous, with no way of contact.</summary>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Anonymous()
    {
        _complainant = Complainant.Anonymous;
        return this;
    }

    /// <summary>Sets what happened, in the complainant's words. Packs classify and judge admissibility by it.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Described(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        _description = description;
        return this;
    }

    /// <summary>Sets the receiver's first view of the category (the intake category; the policy decides the final one).</summary>
    /// <param name="category">The category, e.g. <c>billing</c>.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder InCategory(string category)
    {
        _intakeCategory = category;
        return this;
    }

    /// <summary>Sets the amount claimed.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 currency code.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Claiming(decimal amount, string currency = "CNY")
    {
        _claim = new Money(amount, currency);
        return this;
    }

    /// <summary>Sets the language the complainant is written to in (<see cref="ComplaintIntake.Culture"/>), e.g. <c>zh-CN</c>.</summary>
    /// <param name="culture">A BCP 47 tag; <see langword="null"/> for the pack's or the host's default.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder InCulture(string? culture)
    {
        _culture = culture;
        return this;
    }

    /// <summary>Adds signals that may raise severity; calls accumulate.</summary>
    /// <param name="flags">The flags.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Flagged(ComplaintFlags flags)
    {
        _flags |= flags;
        return this;
    }

    /// <summary>Records an industry-specific field (a licence plate, a ward, <c>in-court</c>) that packs read with <c>complaint.Attribute(name)</c>.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="value">Its value; a non-empty value makes <c>complaint.HasAttribute(name)</c> true.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithAttribute(string name, string value = "yes")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _attributes[name] = value;
        return this;
    }

    /// <summary>Adds a piece of evidence offered at intake.</summary>
    /// <param name="reference">Where it is.</param>
    /// <param name="description">What it is.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder WithEvidence(string reference, string? description = null)
    {
        _evidence.Add(new EvidenceReference(reference, description));
        return this;
    }

    /// <summary>Sets when it happened (not in the future of the harness clock, or the workflow refuses it).</summary>
    /// <param name="at">When.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder OccurredAt(DateTimeOffset at)
    {
        _occurredAt = at;
        return this;
    }

    /// <summary>Sets where it happened.</summary>
    /// <param name="location">The place.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder At(string location)
    {
        _location = location;
        return this;
    }

    /// <summary>Sets what the complainant wants (期望解决方式).</summary>
    /// <param name="remedy">The remedy asked for, in words.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder Wanting(string remedy)
    {
        _desiredRemedy = remedy;
        return this;
    }

    /// <summary>The intake as recorded at receipt, for <see cref="ComplaintsHarness.ReceiveAsync(ComplaintIntake, Actor?, CancellationToken)"/>.</summary>
    /// <returns>A new intake.</returns>
    public ComplaintIntake BuildIntake() => new(
        _kind,
        _channel,
        _complainant,
        _subject,
        _description,
        _intakeCategory,
        _occurredAt,
        _location,
        _desiredRemedy,
        _claim,
        [.. _evidence],
        _flags,
        _attributes.Count > 0 ? new Dictionary<string, string>(_attributes, StringComparer.Ordinal) : null)
    {
        Culture = _culture,
    };
}
