using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Policy;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>Reads <c>pack.json</c>, merges an override's <c>pack.json</c> onto it, and checks it.</summary>
internal static class ManifestLoader
{
    public const string FileName = "pack.json";

    /// <summary>The composed <c>pack.json</c>, checked; <see langword="null"/> when it cannot be used (every problem reported).</summary>
    public static PackManifest? Load(PackComposer.Composed pack, List<PackProblem> problems)
    {
        var origin = pack.Origin;
        var node = pack.Manifest;
        if (!pack.ManifestRead)
        {
            return null;
        }

        if (!ManifestShape.Check(node, reason => problems.Add(new PackProblem(origin, FileName, null, reason))))
        {
            return null;
        }

        PackManifest manifest;
        try
        {
            manifest = node.Deserialize(PackJson.Manifest.GetTypeInfo<PackManifest>())!;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            problems.Add(new PackProblem(origin, FileName, null, $"is not valid: {e.Message}"));
            return null;
        }

        Check(manifest, origin, problems);
        return manifest;
    }

    private static void Check(PackManifest m, string origin, List<PackProblem> problems)
    {
        void Problem(string reason) => problems.Add(new PackProblem(m.Id.Length > 0 ? m.Id : origin, FileName, null, reason));

        if (string.IsNullOrWhiteSpace(m.Id))
        {
            Problem("'id' is required.");
        }

        if (string.IsNullOrWhiteSpace(m.Version))
        {
            Problem("'version' is required, e.g. \"1.0.0\"; cases record the version they were decided under.");
        }

        if (m.Currency is not { Length: 3 } || !m.Currency.All(char.IsAsciiLetterUpper))
        {
            Problem($"'currency' is '{m.Currency}'; use an ISO 4217 code such as CNY.");
        }

        if (m.Culture.Length > 0 && !CultureTags.IsValid(m.Culture))
        {
            Problem($"'culture' is '{m.Culture}'; use a BCP 47 tag such as zh-CN or en, or leave it out for the host's default.");
        }

        if (m.Roles.Count == 0)
        {
            Problem("'roles' is empty; list the roles in ladder order, lowest authority first.");
        }

        foreach (var duplicate in m.Roles.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"role '{duplicate.Key}' is declared twice.");
        }

        foreach (var duplicate in m.Departments.GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"department '{duplicate.Key}' is declared twice.");
        }

        if (!m.Departments.Any(d => string.Equals(d.Id, m.DefaultDepartment, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"'defaultDepartment' is '{m.DefaultDepartment}', which is not one of the declared departments.");
        }

        if (!m.Roles.Any(r => string.Equals(r.Id, m.DefaultHandlerRole, StringComparison.OrdinalIgnoreCase)))
        {
            Problem($"'defaultHandlerRole' is '{m.DefaultHandlerRole}', which is not one of the declared roles.");
        }

        if (!Names.TryParse<Severity>(m.DefaultTier, out _))
        {
            Problem($"'defaultTier' is '{m.DefaultTier}'; use one of {Names.List<Severity>()}.");
        }

        foreach (var role in m.Roles.Where(r => r.ApprovalLimit is < 0))
        {
            Problem($"role '{role.Id}' has a negative approvalLimit.");
        }

        foreach (var duplicate in (m.Attributes ?? []).GroupBy(a => a.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"attribute '{duplicate.Key}' is declared twice.");
        }

        foreach (var attribute in m.Attributes ?? [])
        {
            if (!Names.TryParse<IntakeAttributeType>(attribute.Type, out var type))
            {
                Problem($"attribute '{attribute.Id}' has type '{attribute.Type}'; use one of {Names.List<IntakeAttributeType>()}.");
            }
            else if (type == IntakeAttributeType.OneOf && attribute.Values is not { Count: > 0 })
            {
                Problem($"attribute '{attribute.Id}' is one-of but lists no 'values'; list the values it may take.");
            }
            else if (type != IntakeAttributeType.OneOf && attribute.Values is not null)
            {
                Problem($"attribute '{attribute.Id}' lists 'values' but is of type '{attribute.Type}'; only one-of attributes have values.");
            }
        }
        if (m.Lifecycle is { } lifecycle)
        {
            CheckLifecycle(lifecycle, m, Problem);
        }

        if (m.Improvement is { } improvement)
        {
            CheckImprovement(improvement, m, Problem);
        }
    }

    /// <summary>The <c>lifecycle</c> section's values: known tiers and kinds, declared roles, each wrong one named with the nearest valid value.</summary>
    private static void CheckLifecycle(PackLifecycle lifecycle, PackManifest m, Action<string> problem)
    {
        void Enum<TEnum>(string path, string value)
            where TEnum : struct, System.Enum
        {
            if (!Names.TryParse<TEnum>(value, out _))
            {
                var valid = Names.List<TEnum>().Split(", ");
                problem($"'{path}' is '{value}'{Nearest.Hint(value, valid)}; use one of {Names.List<TEnum>()}.");
            }
        }

        void Role(string path, string value)
        {
            if (!m.Roles.Any(r => string.Equals(r.Id, value, StringComparison.OrdinalIgnoreCase)))
            {
                var valid = m.Roles.Select(r => r.Id).ToArray();
                problem($"'{path}' is '{value}', which is not one of the declared roles{Nearest.Hint(value, valid)}; the roles are {string.Join(", ", valid)}.");
            }
        }

        void Each(string path, IReadOnlyList<string>? values, Action<string, string> check)
        {
            for (var i = 0; values is not null && i < values.Count; i++)
            {
                check($"{path}[{i}]", values[i]);
            }
        }

        Each("lifecycle.emergencyMeetingTiers", lifecycle.EmergencyMeetingTiers, Enum<Severity>);
        if (lifecycle.OnSpotUpTo is { } upTo)
        {
            Enum<Severity>("lifecycle.onSpotUpTo", upTo);
        }

        Each("lifecycle.triageRoles", lifecycle.TriageRoles, Role);
        if (lifecycle.TriageRoles is { Count: 0 })
        {
            problem("'lifecycle.triageRoles' is empty, so nobody could triage; name at least one role, or leave the setting out for the workflow's rule.");
        }

        Each("lifecycle.rewardKinds", lifecycle.RewardKinds, Enum<ComplaintKind>);
        if (lifecycle.PenaltiesConfirmedBy is { } confirmer)
        {
            Role("lifecycle.penaltiesConfirmedBy", confirmer);
        }
    }

    /// <summary>The lifecycle settings <paramref name="m"/> gives, after <see cref="Check"/> found no problem: the default for each field left out.</summary>
    public static Complaints.Policy.LifecycleSettings Lifecycle(PackManifest m)
    {
        var defaults = Complaints.Policy.LifecycleSettings.Default;
        if (m.Lifecycle is not { } l)
        {
            return defaults;
        }

        static TEnum Parse<TEnum>(string text)
            where TEnum : struct, System.Enum => Names.TryParse<TEnum>(text, out var value) ? value : default;

        string Declared(string role) => m.Roles.First(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase)).Id;

        return new Complaints.Policy.LifecycleSettings
        {
            EmergencyMeetingTiers = l.EmergencyMeetingTiers is { } tiers ? tiers.Select(Parse<Severity>).Distinct().ToArray() : defaults.EmergencyMeetingTiers,
            OnSpotUpTo = l.OnSpotUpTo is { } upTo ? Parse<Severity>(upTo) : defaults.OnSpotUpTo,
            TriageRoles = l.TriageRoles?.Select(Declared).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            RewardKinds = l.RewardKinds is { } kinds ? kinds.Select(Parse<ComplaintKind>).Distinct().ToArray() : defaults.RewardKinds,
            PenaltiesConfirmedBy = l.PenaltiesConfirmedBy is { } confirmer ? Declared(confirmer) : null,
        };
    }

    /// <summary>The <c>improvement</c> section's values: a declared role, a known tier (or <c>none</c>), numbers in range.</summary>
    private static void CheckImprovement(PackImprovement improvement, PackManifest m, Action<string> problem)
    {
        if (improvement.ApprovalRole is { } role && !m.Roles.Any(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase)))
        {
            var valid = m.Roles.Select(r => r.Id).ToArray();
            problem($"'improvement.approvalRole' is '{role}', which is not one of the declared roles{Nearest.Hint(role, valid)}; the roles are {string.Join(", ", valid)}.");
        }

        if (improvement.RequiredFromTier is { } tier && !string.Equals(tier, "none", StringComparison.OrdinalIgnoreCase) && !Names.TryParse<Severity>(tier, out _))
        {
            var valid = Names.List<Severity>();
            problem($"'improvement.requiredFromTier' is '{tier}'{Nearest.Hint(tier, valid.Split(", "))}; use one of {valid}, or none.");
        }

        void Range(string field, int? value, int min, int max)
        {
            if (value is { } v && (v < min || v > max))
            {
                problem($"'improvement.{field}' is {v}; use a whole number from {min} to {max}.");
            }
        }

        var defaults = Complaints.Improvement.CorrectiveActionSettings.Default;
        Range("dueWorkingDays", improvement.DueWorkingDays, 1, 365);
        Range("warningWorkingDays", improvement.WarningWorkingDays, 0, (improvement.DueWorkingDays ?? defaults.DueWorkingDays) - 1);
        Range("verifyAfterWorkingDays", improvement.VerifyAfterWorkingDays, 1, 730);
        Range("recurrenceCount", improvement.RecurrenceCount, 0, 1000);
        Range("recurrenceDays", improvement.RecurrenceDays, 1, 3650);
    }

    /// <summary>The corrective-action settings <paramref name="m"/> gives, after <see cref="Check"/> found no problem: the default for each field left out.</summary>
    public static Complaints.Improvement.CorrectiveActionSettings Improvement(PackManifest m)
    {
        var defaults = Complaints.Improvement.CorrectiveActionSettings.Default;
        if (m.Improvement is not { } i)
        {
            return defaults;
        }

        return new Complaints.Improvement.CorrectiveActionSettings
        {
            ApprovalRole = i.ApprovalRole is { } role ? m.Roles.First(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase)).Id : null,
            DueWorkingDays = i.DueWorkingDays ?? defaults.DueWorkingDays,
            WarningWorkingDays = i.WarningWorkingDays ?? defaults.WarningWorkingDays,
            VerifyAfterWorkingDays = i.VerifyAfterWorkingDays ?? defaults.VerifyAfterWorkingDays,
            RequiredFromTier = i.RequiredFromTier is not { } tier ? defaults.RequiredFromTier
                : Names.TryParse<Severity>(tier, out var parsed) ? parsed : null,
            RecurrenceCount = i.RecurrenceCount ?? defaults.RecurrenceCount,
            RecurrenceDays = i.RecurrenceDays ?? defaults.RecurrenceDays,
            Basis = i.Basis,
        };
    }
}
