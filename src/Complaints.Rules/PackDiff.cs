using Complaints.Rules.Loading;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RulesEngine.Models;

namespace Complaints.Rules;

/// <summary>Whether something was added, removed or changed between two pack versions.</summary>
public enum PackChangeKind
{
    /// <summary>Only the later version has it.</summary>
    Added,

    /// <summary>Only the earlier version has it.</summary>
    Removed,

    /// <summary>Both have it, with different values.</summary>
    Changed,
}

/// <summary>One difference between two versions of a value of a pack: a setting, a role, a rule's expression …</summary>
/// <param name="Section">Where it is: <c>pack</c> (id, version, <c>extends</c> …), <c>settings</c>, <c>roles</c>, <c>departments</c>, <c>categories</c>, <c>attributes</c>, <c>lifecycle</c>, <c>improvement</c>, <c>sources</c>, <c>words</c>, or for a rule's part <c>rule</c>.</param>
/// <param name="Key">What it is: a setting's name, a role's id and field (<c>manager.approvalLimit</c>), a word list's name (one change per word added or removed), a rule's part (<c>Expression</c>, <c>Properties.steps</c>, <c>order</c>).</param>
/// <param name="Before">The earlier value, as JSON or text; <see langword="null"/> when it was added.</param>
/// <param name="After">The later value; <see langword="null"/> when it was removed.</param>
public sealed record PackChange(string Section, string Key, string? Before, string? After)
{
    /// <summary>Whether it was added, removed or changed.</summary>
    public PackChangeKind Kind => Before is null ? PackChangeKind.Added : After is null ? PackChangeKind.Removed : PackChangeKind.Changed;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PackChangeKind.Added => $"+ {Key}: {After}",
        PackChangeKind.Removed => $"- {Key}: {Before}",
        _ => $"~ {Key}: {Before} → {After}",
    };
}

/// <summary>A rule of a decision point added, removed or changed between two pack versions.</summary>
/// <param name="Point">The decision point (its file, e.g. <c>approval.json</c>).</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Changes">
/// What differs, one entry per part of the rule (<c>Expression</c>, <c>Enabled</c>, <c>Properties.steps</c>, <c>order</c> …): for an added
/// rule every part it has, for a removed one every part it had.
/// </param>
public sealed record PackRuleChange(DecisionPoint Point, string Rule, PackChangeKind Kind, IReadOnlyList<PackChange> Changes);

/// <summary>
/// A readable diff between two versions of a policy pack, as loaded (after any override or extension): what changed in
/// <c>pack.json</c> (version, the pack it extends, settings, roles and their approval limits and ladder, departments,
/// categories, attributes, word lists, lifecycle, calendar …) and, per decision point, which rules were added, removed or changed (expression, outputs,
/// enabled, order). Render it with <see cref="ToString"/> (text) or <see cref="ToMarkdown"/>.
/// </summary>
public sealed class PackDiff
{
    private PackDiff(PolicyRef before, PolicyRef after, IReadOnlyList<PackChange> manifest, IReadOnlyList<PackRuleChange> rules)
    {
        Before = before;
        After = after;
        Manifest = manifest;
        Rules = rules;
    }

    /// <summary>The earlier pack's id and version.</summary>
    public PolicyRef Before { get; }

    /// <summary>The later pack's id and version.</summary>
    public PolicyRef After { get; }

    /// <summary>The differences in <c>pack.json</c>, by section.</summary>
    public IReadOnlyList<PackChange> Manifest { get; }

    /// <summary>The rules added, removed or changed, by decision point in the order of <see cref="DecisionPoint"/>, then by name.</summary>
    public IReadOnlyList<PackRuleChange> Rules { get; }

    /// <summary>Whether the two packs decide and are described alike (no difference at all).</summary>
    public bool IsEmpty => Manifest.Count == 0 && Rules.Count == 0;

    /// <summary>Compares two loaded packs.</summary>
    /// <param name="before">The earlier version (the pack in force).</param>
    /// <param name="after">The later version (the draft).</param>
    /// <returns>The diff.</returns>
    public static PackDiff Compare(PolicyPack before, PolicyPack after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var manifest = new List<PackChange>();
        CompareManifest(before.Manifest, after.Manifest, manifest);
        var rules = new List<PackRuleChange>();
        foreach (var point in Enum.GetValues<DecisionPoint>())
        {
            CompareRules(point, before.Workflow(point).Rules?.ToList() ?? [], after.Workflow(point).Rules?.ToList() ?? [], rules);
        }

        return new PackDiff(before.Identity, after.Identity, manifest, rules);
    }

    private static void CompareManifest(PackManifest a, PackManifest b, List<PackChange> changes)
    {
        void Scalar(string key, string? x, string? y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                changes.Add(new PackChange("pack", key, x, y));
            }
        }

        Scalar("id", a.Id, b.Id);
        Scalar("version", a.Version, b.Version);
        Scalar("name", a.Name, b.Name);
        Scalar("description", a.Description, b.Description);
        Scalar("industry", a.Industry, b.Industry);
        Scalar("calendar", a.Calendar, b.Calendar);
        Scalar("culture", a.Culture, b.Culture);
        Scalar("currency", a.Currency, b.Currency);
        Scalar("defaultDepartment", a.DefaultDepartment, b.DefaultDepartment);
        Scalar("defaultHandlerRole", a.DefaultHandlerRole, b.DefaultHandlerRole);
        Scalar("defaultCategory", a.DefaultCategory, b.DefaultCategory);
        Scalar("defaultTier", a.DefaultTier, b.DefaultTier);
        Scalar("extends", a.Extends, b.Extends);

        Keyed(changes, "settings", a.Settings.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(CultureInfo.InvariantCulture)), b.Settings.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(CultureInfo.InvariantCulture)));
        Keyed(changes, "roles", Fields(a.Roles, r => r.Id), Fields(b.Roles, r => r.Id));
        var ladderA = string.Join(" < ", a.Roles.Select(r => r.Id));
        var ladderB = string.Join(" < ", b.Roles.Select(r => r.Id));
        if (ladderA != ladderB)
        {
            changes.Add(new PackChange("roles", "ladder", ladderA, ladderB));
        }

        Keyed(changes, "departments", Fields(a.Departments, d => d.Id), Fields(b.Departments, d => d.Id));
        Keyed(changes, "categories", a.Categories.Distinct().ToDictionary(c => c, _ => "category"), b.Categories.Distinct().ToDictionary(c => c, _ => "category"));
        Keyed(changes, "attributes", Fields(a.Attributes ?? [], x => x.Id), Fields(b.Attributes ?? [], x => x.Id));
        Keyed(changes, "lifecycle", Fields<PackLifecycle>(a.Lifecycle is null ? [] : [a.Lifecycle], _ => "lifecycle"), Fields<PackLifecycle>(b.Lifecycle is null ? [] : [b.Lifecycle], _ => "lifecycle"));
        Keyed(changes, "improvement", Fields<PackImprovement>(a.Improvement is null ? [] : [a.Improvement], _ => "improvement"), Fields<PackImprovement>(b.Improvement is null ? [] : [b.Improvement], _ => "improvement"));
        Keyed(changes, "sources", a.Sources.Distinct().ToDictionary(s => s, _ => "source"), b.Sources.Distinct().ToDictionary(s => s, _ => "source"));
        CompareWords(a.Words, b.Words, changes);
    }

    /// <summary>
    /// The word lists: a list added or removed whole (its words joined with <c>|</c>, as the rules spell them out), and
    /// for a list both have, each word added or removed (their order does not change what matches).
    /// </summary>
    private static void CompareWords(IReadOnlyDictionary<string, IReadOnlyList<string>> a, IReadOnlyDictionary<string, IReadOnlyList<string>> b, List<PackChange> changes)
    {
        foreach (var list in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var (x, y) = (a.GetValueOrDefault(list), b.GetValueOrDefault(list));
            if (x is null || y is null)
            {
                changes.Add(new PackChange("words", list, x is null ? null : string.Join("|", x), y is null ? null : string.Join("|", y)));
                continue;
            }

            foreach (var removed in x.Except(y, StringComparer.Ordinal))
            {
                changes.Add(new PackChange("words", list, removed, null));
            }

            foreach (var added in y.Except(x, StringComparer.Ordinal))
            {
                changes.Add(new PackChange("words", list, null, added));
            }
        }
    }

    /// <summary>Each item's fields as <c>id.field</c> → JSON value (the id itself left out).</summary>
    private static Dictionary<string, string> Fields<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (JsonSerializer.SerializeToNode(item, PackJson.Diff.GetTypeInfo<T>()) is not JsonObject node)
            {
                continue;
            }

            foreach (var (field, value) in node)
            {
                if (field != "Id" && value is not null)
                {
                    result.TryAdd($"{key}.{Camel(field)}", value.ToJsonString(PackJson.Diff));
                }
            }
        }

        return result;
    }

    private static void Keyed(List<PackChange> changes, string section, IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var x = a.GetValueOrDefault(key);
            var y = b.GetValueOrDefault(key);
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                // A whole entry (a category, a source) is its key: say so rather than repeat a placeholder value.
                var whole = x is "category" or "source" || y is "category" or "source";
                changes.Add(new PackChange(section, key, x is null ? null : whole ? key : x, y is null ? null : whole ? key : y));
            }
        }
    }

    private static void CompareRules(DecisionPoint point, List<Rule> a, List<Rule> b, List<PackRuleChange> changes)
    {
        var before = Parts(a);
        var after = Parts(b);
        var common = a.Select(r => r.RuleName).Where(after.ContainsKey).ToList();
        var commonAfter = b.Select(r => r.RuleName).Where(before.ContainsKey).ToList();
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var x = before.GetValueOrDefault(name);
            var y = after.GetValueOrDefault(name);
            if (x is null)
            {
                changes.Add(new PackRuleChange(point, name, PackChangeKind.Added, y!.Select(p => new PackChange("rule", p.Key, null, p.Value)).ToArray()));
                continue;
            }

            if (y is null)
            {
                changes.Add(new PackRuleChange(point, name, PackChangeKind.Removed, x.Select(p => new PackChange("rule", p.Key, p.Value, null)).ToArray()));
                continue;
            }

            var parts = new List<PackChange>();
            Keyed(parts, "rule", x, y);
            parts = parts.Select(p => p with { Section = "rule" }).ToList();
            var (from, to) = (common.IndexOf(name), commonAfter.IndexOf(name));
            if (from != to)
            {
                // Order matters where the first match wins: position among the rules both versions have.
                parts.Add(new PackChange("rule", "order", Ordinal(from, common), Ordinal(to, commonAfter)));
            }

            if (parts.Count > 0)
            {
                changes.Add(new PackRuleChange(point, name, PackChangeKind.Changed, parts));
            }
        }
    }

    private static string Ordinal(int index, List<string> names) =>
        string.Create(CultureInfo.InvariantCulture, $"{index + 1} of {names.Count}{(index > 0 ? $" (after {names[index - 1]})" : " (first)")}");

    /// <summary>Each rule's parts, by rule name: its JSON properties (<c>Properties</c> one by one), without its name.</summary>
    private static Dictionary<string, Dictionary<string, string>> Parts(List<Rule> rules)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (JsonSerializer.SerializeToNode(rule, PackJson.Diff.GetTypeInfo<Rule>()) is JsonObject node)
            {
                foreach (var (field, value) in node)
                {
                    switch (field)
                    {
                        case nameof(Rule.RuleName):
                        case var _ when value is null || value is JsonArray { Count: 0 } || (value is JsonObject { Count: 0 }):
                            break;
                        case nameof(Rule.Properties) when value is JsonObject properties:
                            foreach (var (property, output) in properties)
                            {
                                parts[$"Properties.{property}"] = output?.ToJsonString(PackJson.Diff) ?? "null";
                            }

                            break;
                        case nameof(Rule.Expression) when value is JsonValue text && text.TryGetValue<string>(out var expression):
                            parts[field] = expression;
                            break;
                        default:
                            parts[field] = value.ToJsonString(PackJson.Diff);
                            break;
                    }
                }
            }

            result.TryAdd(rule.RuleName, parts);
        }

        return result;
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The diff as plain text: the two versions, then <c>pack.json</c> by section, then each decision point's rules.</summary>
    /// <returns>The text; "No differences." after the header when there are none.</returns>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"Pack diff {Before.Id}@{Before.Version} → {After.Id}@{After.Version}").AppendLine();
        if (IsEmpty)
        {
            return s.AppendLine("No differences.").ToString();
        }

        foreach (var section in Manifest.GroupBy(c => c.Section))
        {
            s.AppendLine().Append(CultureInfo.InvariantCulture, $"pack.json {section.Key}:").AppendLine();
            foreach (var change in section)
            {
                s.Append("  ").AppendLine(change.ToString());
            }
        }

        foreach (var point in Rules.GroupBy(r => r.Point))
        {
            s.AppendLine().Append(CultureInfo.InvariantCulture, $"{Loading.WorkflowCompiler.FileName(point.Key)}:").AppendLine();
            foreach (var rule in point)
            {
                var sign = rule.Kind switch { PackChangeKind.Added => "+", PackChangeKind.Removed => "-", _ => "~" };
                s.Append(CultureInfo.InvariantCulture, $"  {sign} rule {rule.Rule} ({rule.Kind.ToString().ToLowerInvariant()})").AppendLine();
                foreach (var change in rule.Changes)
                {
                    s.Append("      ").AppendLine(rule.Kind == PackChangeKind.Changed ? change.ToString() : $"{change.Key}: {change.After ?? change.Before}");
                }
            }
        }

        return s.ToString();
    }

    /// <summary>The diff as Markdown: a table for <c>pack.json</c> and one per decision point with rule changes.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"## Pack diff `{Before.Id}@{Before.Version}` → `{After.Id}@{After.Version}`").AppendLine().AppendLine();
        if (IsEmpty)
        {
            return s.AppendLine("No differences.").ToString();
        }

        if (Manifest.Count > 0)
        {
            s.AppendLine("### pack.json").AppendLine();
            s.AppendLine("| Section | Key | Change | Before | After |");
            s.AppendLine("|---|---|---|---|---|");
            foreach (var c in Manifest)
            {
                s.Append(CultureInfo.InvariantCulture, $"| {c.Section} | `{Cell(c.Key)}` | {c.Kind.ToString().ToLowerInvariant()} | {Code(c.Before)} | {Code(c.After)} |").AppendLine();
            }

            s.AppendLine();
        }

        foreach (var point in Rules.GroupBy(r => r.Point))
        {
            s.Append(CultureInfo.InvariantCulture, $"### {Loading.WorkflowCompiler.FileName(point.Key)}").AppendLine().AppendLine();
            s.AppendLine("| Rule | Change | Part | Before | After |");
            s.AppendLine("|---|---|---|---|---|");
            foreach (var rule in point)
            {
                foreach (var c in rule.Changes.DefaultIfEmpty(new PackChange("rule", "", null, null)))
                {
                    s.Append(CultureInfo.InvariantCulture, $"| `{Cell(rule.Rule)}` | {rule.Kind.ToString().ToLowerInvariant()} | {Cell(c.Key)} | {Code(c.Before)} | {Code(c.After)} |").AppendLine();
                }
            }

            s.AppendLine();
        }

        return s.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Code(string? text) => text is null ? "" : $"`{Cell(text).Replace("`", "'", StringComparison.Ordinal)}`";
}
