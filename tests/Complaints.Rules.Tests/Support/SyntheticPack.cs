using System.Text.Json;
using Complaints.Policy;

namespace Complaints.Rules.Tests.Support;

/// <summary>
/// A small pack written to a temporary folder, rule by rule, for tests of how a pack turns rules into decisions:
/// a manifest with a three-step ladder (handler 100, manager 1000, general-manager) in CNY, every decision file
/// present, with no rules unless a test adds some.
/// </summary>
internal sealed class SyntheticPack
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private const string DefaultManifest = """
        {
          "id": "synthetic", "version": "1.0.0", "name": "Synthetic", "currency": "CNY",
          "roles": [ { "id": "handler", "name": "H", "approvalLimit": 100 }, { "id": "manager", "name": "M", "approvalLimit": 1000 }, { "id": "general-manager", "name": "GM" } ],
          "departments": [ { "id": "front", "name": "Front" } ],
          "defaultDepartment": "front", "defaultTier": "general", "defaultCategory": "misc"
        }
        """;

    private static readonly string[] Workflows =
        ["admissibility", "severity", "routing", "deadlines", "approval", "recusal", "confidentiality", "escalation", "rewards", "penalties", "guidance"];

    private readonly Dictionary<string, List<string>> _rules = Workflows.ToDictionary(w => w, _ => new List<string>());
    private string _manifest = DefaultManifest;

    /// <summary>Replaces the manifest (pack.json).</summary>
    public SyntheticPack WithManifest(string json)
    {
        _manifest = json;
        return this;
    }

    /// <summary>Adds a rule to the end of a decision file.</summary>
    public SyntheticPack Rule(string workflow, string name, string expression, string properties)
    {
        _rules[workflow].Add($$"""{ "RuleName": {{JsonSerializer.Serialize(name)}}, "Expression": {{JsonSerializer.Serialize(expression)}}, "Properties": {{properties}} }""");
        return this;
    }

    /// <summary>Writes the files, loads the pack and deletes the folder.</summary>
    public PolicyPack Load()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-synthetic-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), _manifest);
            foreach (var (workflow, rules) in _rules)
            {
                File.WriteAllText(Path.Combine(folder, workflow + ".json"), $$"""{ "WorkflowName": "{{workflow}}", "Rules": [ {{string.Join(", ", rules)}} ] }""");
            }

            return PolicyPacks.LoadFolder(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A complaint received at <see cref="T0"/>, in the state Received, for the synthetic pack.</summary>
    public static Complaint Case(
        string description = "Something went wrong.",
        decimal? claim = null,
        ComplaintKind kind = ComplaintKind.Complaint,
        ComplaintSubject? subject = null,
        params (string Key, string Value)[] attributes) => new()
    {
        Id = ComplaintId.New(T0),
        Version = 1,
        State = ComplaintState.Received,
        Intake = new ComplaintIntake(kind, Channel.Email, Complainant.Anonymous, subject ?? new ComplaintSubject(SubjectKind.Service, "Desk"), description,
            ClaimedAmount: claim is { } c ? new Money(c, "CNY") : null,
            Attributes: attributes.ToDictionary(a => a.Key, a => a.Value)),
        ReceivedAt = T0,
        ReceivedBy = new Actor(new ActorId("desk"), "Desk", []),
        Policy = new PolicyRef("synthetic", "1.0.0"),
        UpdatedAt = T0,
    };

    /// <summary>A remedy of <paramref name="amount"/> in the pack's currency.</summary>
    public static RemedyProposal Refund(decimal amount, string currency = "CNY") => new(RemedyKind.Refund, "Refund", new Money(amount, currency));
}
