using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Complaints.Policy;
using Complaints.Rules;

namespace Complaints.Benchmarks.Data;

/// <summary>
/// Seeded random complaints for differential tests and benchmarks. The same seed and packs give the same
/// complaints. Besides a fixed vocabulary (kinds, channels, subjects, keywords such as rude/charge/deliver,
/// attributes such as in-court or complainant-type), it mines the packs' own expressions for the words,
/// attribute names and values, misconduct names and numbers their rules test, and draws claim and remedy
/// amounts just below, at and above every threshold the packs name, so that every rule gets to match and not.
/// </summary>
public sealed partial class ComplaintGenerator
{
    private static readonly DateTimeOffset Epoch = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] BaseWords =
    [
        "rude", "attitude", "impolite", "态度", "charge", "bill", "invoice", "fee", "收费", "deliver", "late", "shipping", "配送",
        "broken", "refund", "court", "lawsuit", "media", "wait", "dirty", "wrong", "again", "chocolate",
    ];

    private static readonly string[] FillerWords =
    [
        "the", "staff", "was", "and", "I", "want", "my", "money", "back", "order", "yesterday", "store", "product", "service", "nobody", "answered",
    ];

    private static readonly string[] BaseAttributes = ["in-court", "criminal-investigation", "outside-remit", "complainant-type"];

    private static readonly string[] BaseAttributeValues =
    [
        "yes", "true", "courteous-demanding", "domineering", "talkative", "obstinate", "tearful", "venting",
    ];

    private static readonly string[] BaseCategories =
    [
        "product-quality", "service-attitude", "contract-dispute", "billing", "repair-quality", "delivery", "conduct", "suggestion", "general",
    ];

    private static readonly string[] BaseDepartments = ["customer-service", "quality", "sales", "after-sales", "finance", "logistics", "management"];

    private static readonly string[] BaseRoles = ["staff", "handler", "coordinator", "manager", "general-manager", "auditor"];

    private static readonly string[] BaseMisconduct = ["late-handling", "shirking", "identity-leak", "caused-loss", "other"];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly string[] _attributeNames;
    private readonly Dictionary<string, string[]> _attributeValues;
    private readonly string[] _literals;
    private readonly string[] _categories;
    private readonly string[] _departments;
    private readonly string[] _roles;
    private readonly string[] _misconduct;
    private readonly decimal[] _thresholds;
    private readonly string[] _currencies;
    private readonly ActorId[] _people = Enumerable.Range(0, 6).Select(i => new ActorId($"person-{i}")).ToArray();

    /// <summary>Creates a generator whose vocabulary covers <paramref name="packs"/>.</summary>
    /// <param name="seed">The seed: the same seed and packs give the same sequence.</param>
    /// <param name="packs">The packs whose expressions and manifests to mine; all built-in packs if omitted.</param>
    public ComplaintGenerator(int seed, IEnumerable<PolicyPack>? packs = null)
    {
        _random = new Random(seed);
        var all = (packs ?? PolicyPacks.BuiltIn.Select(id => PolicyPacks.LoadBuiltIn(id))).ToArray();
        var expressions = all
            .SelectMany(p => Enum.GetValues<DecisionPoint>().SelectMany(point => p.Workflow(point).Rules ?? []))
            .Select(r => r.Expression ?? "")
            .ToArray();

        var literals = expressions.SelectMany(e => StringLiteral().Matches(e).Select(m => m.Groups["text"].Value)).ToArray();
        _literals = Distinct(literals.SelectMany(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

        var searched = expressions.SelectMany(e => TextSearch().Matches(e).Select(m => m.Groups["words"].Value))
            .SelectMany(w => w.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        _words = Distinct(BaseWords.Concat(searched));

        var attributes = expressions.SelectMany(e => AttributeCall().Matches(e)).ToArray();
        _attributeNames = Distinct(BaseAttributes.Concat(attributes.Select(m => m.Groups["name"].Value)));
        _attributeValues = _attributeNames.ToDictionary(
            n => n,
            n => Distinct(BaseAttributeValues.Concat(attributes
                .Where(m => m.Groups["name"].Value == n && m.Groups["value"].Success)
                .SelectMany(m => m.Groups["value"].Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))),
            StringComparer.Ordinal);

        _misconduct = Distinct(BaseMisconduct.Concat(expressions.SelectMany(e => MisconductTest().Matches(e).Select(m => m.Groups["value"].Value))
            .SelectMany(v => v.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))));
        _categories = Distinct(BaseCategories.Concat(all.SelectMany(p => p.Manifest.Categories)));
        _departments = Distinct(BaseDepartments.Concat(all.SelectMany(p => p.Manifest.Departments.Select(d => d.Id))));
        _roles = Distinct(BaseRoles.Concat(all.SelectMany(p => p.Manifest.Roles.Select(r => r.Id))));
        _currencies = Distinct(["CNY"], all.Select(p => p.Manifest.Currency));

        var numbers = expressions.SelectMany(e => NumberLiteral().Matches(e).Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture)))
            .Concat(all.SelectMany(p => p.Manifest.Settings.Values))
            .Concat(all.SelectMany(p => p.Manifest.Roles.Where(r => r.ApprovalLimit is not null).Select(r => r.ApprovalLimit!.Value)))
            .Where(n => n > 0);
        _thresholds = numbers.Append(500).Append(10000).Append(50000).Distinct().Order().ToArray();
    }

    /// <summary>The names of the escalation triggers as pack expressions see them (<c>customer-rejected</c> …).</summary>
    public static IReadOnlyList<(EscalationTrigger Trigger, string Name)> Triggers { get; } =
        Enum.GetValues<EscalationTrigger>().Select(t => (t, JsonNamingPolicy.KebabCaseLower.ConvertName(t.ToString()))).ToArray();

    /// <summary>A complaint as received: no category, tier, department or handler decided yet.</summary>
    /// <returns>The complaint.</returns>
    public Complaint NextReceived()
    {
        var kind = Pick(0.6, ComplaintKind.Complaint, 0.2, ComplaintKind.Report, ComplaintKind.Suggestion);
        var subjectKind = Pick(Enum.GetValues<SubjectKind>());
        var subject = new ComplaintSubject(
            subjectKind,
            Pick(["Wang", "the counter", "order 1234", "Model X", "Ward 3"]),
            Chance(0.55) ? new DepartmentId(Pick(_departments)) : null,
            subjectKind == SubjectKind.StaffMember ? (Chance(0.85) ? Pick(_people) : null) : (Chance(0.1) ? Pick(_people) : null),
            Chance(0.4) ? $"REF-{_random.Next(1000, 9999)}" : null);
        var complainant = Chance(0.2)
            ? Complainant.Anonymous
            : new Complainant("Li", new ContactDetails(Phone: "13800000000"), Chance(0.5) ? "C-1" : null, Chance(0.15) ? Pick(_people) : null);
        var intake = new ComplaintIntake(
            kind,
            Pick(Enum.GetValues<Channel>()),
            complainant,
            subject,
            Description(),
            Category: Pick(0.45, null, 0.05, Pick(["", "  "]), Pick(_categories)),
            Location: Chance(0.3) ? "Branch 2" : null,
            DesiredRemedy: Chance(0.4) ? Pick(["refund", "apology", "compensation"]) : null,
            ClaimedAmount: Chance(0.6) ? new Money(Amount(), Pick(_currencies)) : null,
            Flags: Flags(),
            Attributes: Attributes());
        var receiver = new Actor(Pick(_people), "Receiver", [Pick(_roles)], Chance(0.7) ? new DepartmentId(Pick(_departments)) : null);
        return new Complaint
        {
            Id = new ComplaintId(Guid(_random)),
            Version = 1,
            State = ComplaintState.Received,
            Intake = intake,
            ReceivedAt = Epoch,
            ReceivedBy = receiver,
            Policy = new PolicyRef("generic", "1.0.0"),
            UpdatedAt = Epoch,
        };
    }

    /// <summary>
    /// <paramref name="received"/> further on in its life, with random decisions and history: category, tier,
    /// department, handler, recusals, evidence, findings, rejections, escalations and reopenings.
    /// </summary>
    /// <param name="received">A complaint from <see cref="NextReceived"/>.</param>
    /// <returns>The complaint later on.</returns>
    public Complaint Later(Complaint received)
    {
        ArgumentNullException.ThrowIfNull(received);
        var outcome = Pick(Enum.GetValues<FindingOutcome>());
        return received with
        {
            State = Pick(Enum.GetValues<ComplaintState>()),
            Category = Chance(0.8) ? Pick(_categories) : null,
            Severity = Chance(0.85) ? Pick(Enum.GetValues<Severity>()) : null,
            Department = Chance(0.8) ? new DepartmentId(Pick(_departments)) : null,
            ResponsibleRole = Chance(0.8) ? Pick(_roles) : null,
            Assignee = Chance(0.6) ? Person(received) : null,
            Recusals = Enumerable.Range(0, _random.Next(3)).Select(_ => new Recusal(Pick(_people), "conflict", Epoch)).ToArray(),
            Evidence = Enumerable.Range(0, _random.Next(4)).Select(i => new EvidenceReference($"doc-{i}")).ToArray(),
            Findings = Chance(0.5)
                ? new Findings(outcome, Pick(Enum.GetValues<RootCause>()), "found",
                    Chance(0.5) ? new Money(Amount(), "CNY") : null, Chance(0.5) ? new Money(Amount(), "CNY") : null)
                : null,
            CustomerRejections = _random.Next(5),
            EscalationLevel = _random.Next(4),
            ReopenCount = _random.Next(3),
        };
    }

    /// <summary>A person to check against <paramref name="complaint"/>: often the accused, the receiver, the handler, the complainant or someone recused.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The person.</returns>
    public Actor Person(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var id = _random.Next(6) switch
        {
            0 when complaint.Intake.Subject.StaffId is { } accused => accused,
            1 => complaint.ReceivedBy.Id,
            2 when complaint.Assignee is { } handler => handler.Id,
            3 when complaint.Intake.Complainant.StaffId is { } staff => staff,
            4 when complaint.Recusals.Count > 0 => complaint.Recusals[0].Actor,
            _ => Pick(_people),
        };
        var department = _random.Next(3) switch
        {
            0 when complaint.Intake.Subject.Department is { } subject => subject,
            1 => (DepartmentId?)null,
            _ => new DepartmentId(Pick(_departments)),
        };
        var roles = _roles.Where(_ => Chance(0.3)).ToArray();
        return new Actor(id, "Someone", roles, department);
    }

    /// <summary>A remedy with an amount below, at or above the packs' limits, or none.</summary>
    /// <returns>The remedy.</returns>
    public RemedyProposal Remedy() =>
        new(Pick(Enum.GetValues<RemedyKind>()), "we make it right", Chance(0.75) ? new Money(Amount(), Pick(_currencies)) : null);

    /// <summary>A misconduct name a penalties rule may test, or another.</summary>
    /// <returns>The name.</returns>
    public string Misconduct() => Chance(0.9) ? Pick(_misconduct) : Pick(_literals.Length > 0 ? _literals : BaseMisconduct);

    private string Description()
    {
        switch (_random.Next(20))
        {
            case 0:
                return "";
            case 1:
                return Pick(["   ", "too bad", " short    ", "rude", "\tlate fee\t"]);
            default:
                var text = new StringBuilder();
                var count = _random.Next(3, 10);
                for (var i = 0; i < count; i++)
                {
                    var word = Chance(0.3) ? Pick(_words) : Chance(0.1) && _literals.Length > 0 ? Pick(_literals) : Pick(FillerWords);
                    if (Chance(0.15))
                    {
                        word = word.ToUpperInvariant();
                    }

                    text.Append(i == 0 ? "" : " ").Append(word);
                }

                return Chance(0.1) ? "  " + text + "  " : text.ToString();
        }
    }

    private decimal Amount()
    {
        if (Chance(0.7))
        {
            var threshold = Pick(_thresholds);
            return threshold + Pick([-1m, -0.01m, 0m, 0m, 0.01m, 1m]);
        }

        return decimal.Round((decimal)_random.NextDouble() * 2 * _thresholds[^1], 2);
    }

    private ComplaintFlags Flags()
    {
        var flags = ComplaintFlags.None;
        foreach (var flag in Enum.GetValues<ComplaintFlags>())
        {
            if (flag != ComplaintFlags.None && Chance(0.12))
            {
                flags |= flag;
            }
        }

        return flags;
    }

    private Dictionary<string, string>? Attributes()
    {
        if (Chance(0.4))
        {
            return null;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(_attributeNames);
            attributes[name] = _random.Next(9) switch
            {
                0 => "",
                1 when _literals.Length > 0 => Pick(_literals),
                2 => string.Join(Pick(["|", " | "]), _people.Where(_ => Chance(0.35)).Select(p => p.Value)), // e.g. declared conflicts
                _ => Pick(_attributeValues[name]),
            };
        }

        return attributes;
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];

    private T Pick<T>(double p, T first, double q, T second, T otherwise)
    {
        var roll = _random.NextDouble();
        return roll < p ? first : roll < p + q ? second : otherwise;
    }

    private static string[] Distinct(IEnumerable<string> values, IEnumerable<string>? more = null) =>
        values.Concat(more ?? []).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    private static Guid Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    [GeneratedRegex(""""
        "(?<text>[^"]*)"
        """")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(""""
        Text\.(?:ContainsAny|IsOneOf)\(\s*[A-Za-z.()"-]+\s*,\s*"(?<words>[^"]*)"\s*\)
        """")]
    private static partial Regex TextSearch();

    [GeneratedRegex(""""
        Attribute\(\s*"(?<name>[^"]*)"\s*\)(?:\s*==\s*"(?<value>[^"]*)"|\s*,\s*"(?<value>[^"]*)")?
        """")]
    private static partial Regex AttributeCall();

    [GeneratedRegex(""""
        misconduct\s*==\s*"(?<value>[^"]*)"|IsOneOf\(\s*misconduct\s*,\s*"(?<value>[^"]*)"
        """")]
    private static partial Regex MisconductTest();

    [GeneratedRegex(@"(?<![A-Za-z_""-])\d+(?:\.\d+)?(?![A-Za-z_""-])")]
    private static partial Regex NumberLiteral();
}
