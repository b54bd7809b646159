namespace Complaints.Rules;

/// <summary>
/// A pack's <c>pack.json</c>: who it is for and the numbers its rules share — roles with approval limits,
/// departments, defaults and named settings. Rules read these through <c>pack.Limit("manager")</c> and
/// <c>pack.Setting("name")</c>, so changing a number never means touching a rule.
/// </summary>
public sealed record PackManifest
{
    /// <summary>The pack's id, e.g. <c>hospital</c>.</summary>
    public string Id { get; init => field = value ?? ""; } = "";

    /// <summary>The pack's version (semantic versioning); recorded on every case and decision.</summary>
    public string Version { get; init => field = value ?? ""; } = "";

    /// <summary>A display name.</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>What the pack is for.</summary>
    public string Description { get; init => field = value ?? ""; } = "";

    /// <summary>The industry.</summary>
    public string Industry { get; init => field = value ?? ""; } = "";

    /// <summary>The business calendar deadlines are counted on, e.g. <c>cn</c>.</summary>
    public string Calendar { get; init => field = value ?? ""; } = "";

    /// <summary>
    /// The culture its cases' notifications are written in when the intake names none (<c>culture</c>, a BCP 47 tag
    /// such as <c>zh-CN</c>); empty (the default, and the built-in packs') for the host's default culture.
    /// </summary>
    public string Culture { get; init => field = value ?? ""; } = "";

    /// <summary>The currency of amounts (ISO 4217).</summary>
    public string Currency { get; init => field = value ?? ""; } = "";

    /// <summary>The documents the rules come from.</summary>
    public IReadOnlyList<string> Sources { get; init => field = value ?? []; } = [];

    /// <summary>The roles, in ladder order (lowest authority first); approval steps are ordered by it.</summary>
    public IReadOnlyList<PackRole> Roles { get; init => field = value ?? []; } = [];

    /// <summary>The departments complaints are routed to.</summary>
    public IReadOnlyList<PackDepartment> Departments { get; init => field = value ?? []; } = [];

    /// <summary>The categories rules may assign.</summary>
    public IReadOnlyList<string> Categories { get; init => field = value ?? []; } = [];

    /// <summary>Where a complaint goes when no routing rule matches.</summary>
    public string DefaultDepartment { get; init => field = value ?? ""; } = "";

    /// <summary>The role that handles complaints when a routing rule names none.</summary>
    public string DefaultHandlerRole { get; init => field = value ?? "handler"; } = "handler";

    /// <summary>The category when neither the receiver nor a rule gives one.</summary>
    public string DefaultCategory { get; init => field = value ?? "general"; } = "general";

    /// <summary>The tier when no severity rule sets one.</summary>
    public string DefaultTier { get; init => field = value ?? "general"; } = "general";

    /// <summary>Named numbers the rules use (rounds before escalation, reward caps, deadline lengths …).</summary>
    public IReadOnlyDictionary<string, decimal> Settings { get; init => field = value ?? new Dictionary<string, decimal>(); } = new Dictionary<string, decimal>();

    /// <summary>
    /// The intake attributes the pack relies on, checked at receipt (<see cref="Complaints.Policy.IntakeSchema"/>);
    /// <see langword="null"/> when the pack declares none, and then any attributes are accepted unchecked.
    /// </summary>
    public IReadOnlyList<PackAttributeDefinition>? Attributes { get; init; }

    /// <summary>
    /// The built-in pack this one extends and the version it was composed from, e.g. <c>hospital@1.0.0</c>
    /// (<c>pack.json</c> says <c>"extends": "hospital@1"</c>); <see langword="null"/> for a pack that extends none.
    /// </summary>
    public string? Extends { get; init; }

    /// <summary>
    /// Named word lists (<c>words</c>) the rules use as <c>{words:name}</c> inside an expression's string, spelt out
    /// as <c>a|b|c</c> at load, e.g. food-service's <c>spoilage</c> and <c>illness</c> words.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Words { get; init => field = value ?? new Dictionary<string, IReadOnlyList<string>>(); } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>How the lifecycle varies under this pack (<c>lifecycle</c>); <see langword="null"/> when the pack says nothing, for the workflow's default lifecycle.</summary>
    public PackLifecycle? Lifecycle { get; init; }

    /// <summary>
    /// When corrective and preventive actions are required and their terms (<c>improvement</c>); <see langword="null"/>
    /// when the pack says nothing, for the workflow's defaults (<see cref="Complaints.Improvement.CorrectiveActionSettings.Default"/>).
    /// </summary>
    public PackImprovement? Improvement { get; init; }
}

/// <summary>
/// The <c>improvement</c> section of <c>pack.json</c>, as written: each field left out keeps the workflow's default
/// (<see cref="Complaints.Improvement.CorrectiveActionSettings.Default"/>). Checked at load: the role must be declared,
/// the tier known, the numbers whole and in range.
/// </summary>
public sealed record PackImprovement
{
    /// <summary>The pack role that approves corrective actions (e.g. <c>general-manager</c>); none by default.</summary>
    public string? ApprovalRole { get; init; }

    /// <summary>Working days from approval (or the proposal) to completion (10 by default).</summary>
    public int? DueWorkingDays { get; init; }

    /// <summary>Working days before a due time to warn; 0 for no warning (2 by default).</summary>
    public int? WarningWorkingDays { get; init; }

    /// <summary>Working days from completion to the check of effectiveness (60 by default).</summary>
    public int? VerifyAfterWorkingDays { get; init; }

    /// <summary>The lowest tier whose substantiated cases require an action (<c>major</c> by default), or <c>none</c>.</summary>
    public string? RequiredFromTier { get; init; }

    /// <summary>How many substantiated cases of one cause within <see cref="RecurrenceDays"/> require an action (3 by default); 0 for never.</summary>
    public int? RecurrenceCount { get; init; }

    /// <summary>The period, in calendar days, of <see cref="RecurrenceCount"/> (90 by default).</summary>
    public int? RecurrenceDays { get; init; }

    /// <summary>Where the settings come from (the document and section), recorded with each action's terms.</summary>
    public string? Basis { get; init; }
}

/// <summary>
/// The <c>lifecycle</c> section of <c>pack.json</c>, as written: each field left out keeps the workflow's default
/// (<see cref="Complaints.Policy.LifecycleSettings.Default"/>). Checked at load: tiers, kinds and roles must be known.
/// </summary>
public sealed record PackLifecycle
{
    /// <summary>The tiers that need an emergency meeting before a proposal (<c>["major"]</c> by default; <c>[]</c> for none).</summary>
    public IReadOnlyList<string>? EmergencyMeetingTiers { get; init; }

    /// <summary>The highest tier settled on the spot, within the receiver's authority (<c>general</c> by default).</summary>
    public string? OnSpotUpTo { get; init; }

    /// <summary>The pack roles that may triage, in place of the workflow's rule's roles.</summary>
    public IReadOnlyList<string>? TriageRoles { get; init; }

    /// <summary>The kinds of case asked for a reward at closing (<c>["report"]</c> by default).</summary>
    public IReadOnlyList<string>? RewardKinds { get; init; }

    /// <summary>The pack role that confirms sanctions; assessments by anyone else are recorded as proposed.</summary>
    public string? PenaltiesConfirmedBy { get; init; }
}

/// <summary>An intake attribute a pack declares in <c>pack.json</c>'s <c>attributes</c>.</summary>
/// <param name="Id">The attribute's name in <see cref="ComplaintIntake.Attributes"/>, e.g. <c>licence-plate</c>.</param>
/// <param name="Type">How its value is read: <c>text</c>, <c>number</c>, <c>date</c> or <c>one-of</c>.</param>
/// <param name="Required">Whether every intake must give it.</param>
/// <param name="Description">What it holds, shown in errors and intake forms.</param>
/// <param name="Values">The values allowed for <c>one-of</c>.</param>
public sealed record PackAttributeDefinition(string Id, string Type, bool Required = false, string? Description = null, IReadOnlyList<string>? Values = null);

/// <summary>A role of a pack.</summary>
/// <param name="Id">The role id used in actors and rules.</param>
/// <param name="Name">A display name.</param>
/// <param name="ApprovalLimit">The most this role approves alone; <see langword="null"/> for no money authority or no limit.</param>
public sealed record PackRole(string Id, string Name, decimal? ApprovalLimit = null);

/// <summary>A department of a pack.</summary>
/// <param name="Id">The department id used in routing and actors.</param>
/// <param name="Name">A display name.</param>
public sealed record PackDepartment(string Id, string Name);
