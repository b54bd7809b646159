using System.Text.Json.Nodes;

namespace Complaints.Rules.Loading;

/// <summary>
/// Applies a patch file (<c>{ "WorkflowName": "routing", "Patch": [ … ] }</c>) to a workflow, by rule name, in order:
/// <c>{ "Add": {rule}, "Before": "name" }</c> or <c>"After": "name"</c> (at the end without either),
/// <c>{ "Replace": "name", "With": {rule} }</c> and <c>{ "Remove": "name" }</c>. Every name must exist when the
/// patch is applied (an added rule's must not); a wrong one is an error naming the nearest rule.
/// </summary>
internal static class Patches
{
    private static readonly string[] Fields = ["Add", "Before", "After", "Replace", "With", "Remove"];

    private static readonly string[] Operations = ["Add", "Replace", "Remove"];

    public static void Apply(JsonObject workflow, JsonObject file, string baseName, string fileName, Action<string?, string> problem)
    {
        foreach (var (key, value) in file)
        {
            if (key is not ("WorkflowName" or "Patch"))
            {
                problem(null, $"has '{key}'; a patch file holds \"WorkflowName\" and \"Patch\" only (or give a whole workflow with \"Rules\" instead).");
            }
            else if (key == "WorkflowName" && (value is not JsonValue v || !v.TryGetValue<string>(out var name) || name != fileName[..^".json".Length]))
            {
                problem(null, $"has WorkflowName {value?.ToJsonString() ?? "null"}; it must be '{fileName[..^".json".Length]}'.");
            }
        }

        if (file["Patch"] is not JsonArray patches)
        {
            problem(null, "has a 'Patch' that is not an array; list the changes, e.g. [ { \"Remove\": \"rule-name\" } ].");
            return;
        }

        if (workflow["Rules"] is not JsonArray rules)
        {
            workflow["Rules"] = rules = [];
        }

        for (var i = 0; i < patches.Count; i++)
        {
            var at = $"Patch[{i}]";
            const string Shapes = "a patch is { \"Add\": {rule}, \"Before\"/\"After\": \"name\" }, { \"Replace\": \"name\", \"With\": {rule} } or { \"Remove\": \"name\" }";
            if (patches[i] is not JsonObject patch)
            {
                problem(null, $"{at} is not an object; {Shapes}.");
                continue;
            }

            if (patch.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k, StringComparer.Ordinal)) is { } unknown)
            {
                problem(null, $"{at} has '{unknown}'{Nearest.Hint(unknown, Fields)}; {Shapes}.");
                continue;
            }

            var names = rules.Select(PackComposer.RuleName).ToList();
            int? Find(string field)
            {
                if (patch[field] is not JsonValue v || !v.TryGetValue<string>(out var name))
                {
                    problem(null, $"{at} '{field}' must be a rule name (a string).");
                    return null;
                }

                var index = names.IndexOf(name);
                if (index < 0)
                {
                    problem(name, $"{at} ({field}) names rule '{name}', which {baseName}'s {fileName} does not have{Nearest.Hint(name, names.OfType<string>())}. (A newer {baseName} may have renamed or removed it: check its README and the CHANGELOG.)");
                    return null;
                }

                return index;
            }

            JsonObject? Rule(string field)
            {
                if (patch[field] is not JsonObject rule)
                {
                    problem(null, $"{at} '{field}' must be a rule: {{ \"RuleName\": …, \"Expression\": …, \"Properties\": {{ … }} }}.");
                    return null;
                }

                if (rule.Any(p => string.Equals(p.Key, "Include", StringComparison.OrdinalIgnoreCase)))
                {
                    problem(null, $"{at} '{field}' is an include; a patch adds or replaces rules one at a time. Include a shared file in a whole workflow's \"Rules\", or add its rules one by one.");
                    return null;
                }

                if (PackComposer.RuleName(rule) is { } ruleName && ruleName.StartsWith('+'))
                {
                    problem(ruleName, $"{at} '{field}' names its rule '{ruleName}'; rule names take no '+' (an Add is an addition already): write '{ruleName[1..]}'.");
                    return null;
                }

                return rule.DeepClone().AsObject();
            }

            var ops = Operations.Where(patch.ContainsKey).ToArray();
            if (ops.Length != 1)
            {
                problem(null, $"{at} has {(ops.Length == 0 ? "none" : string.Join(" and ", ops))} of Add, Replace and Remove; give exactly one.");
                continue;
            }

            switch (ops[0])
            {
                case "Add":
                    if (patch.ContainsKey("With") || (patch.ContainsKey("Before") && patch.ContainsKey("After")))
                    {
                        problem(null, $"{at} is an Add: give the rule and at most one of Before and After.");
                        continue;
                    }

                    if (Rule("Add") is not { } added)
                    {
                        continue;
                    }

                    var addedName = PackComposer.RuleName(added);
                    if (addedName is not null && names.Contains(addedName))
                    {
                        problem(addedName, $"{at} (Add) adds rule '{addedName}', which {baseName}'s {fileName} already has; use {{ \"Replace\": \"{addedName}\", \"With\": … }} to change it, or give the new rule another name.");
                        continue;
                    }

                    int? position = patch.ContainsKey("Before") ? Find("Before") : patch.ContainsKey("After") ? Find("After") + 1 : rules.Count;
                    if (position is { } p)
                    {
                        rules.Insert(p, added);
                    }

                    break;
                case "Replace":
                    if (patch.ContainsKey("Before") || patch.ContainsKey("After"))
                    {
                        problem(null, $"{at} is a Replace: the rule keeps its place, so give no Before or After (Remove it and Add it elsewhere to move it).");
                        continue;
                    }

                    if (Find("Replace") is not { } replaced || Rule("With") is not { } with)
                    {
                        continue;
                    }

                    var replacedName = names[replaced]!;
                    if (PackComposer.RuleName(with) is not { } newName)
                    {
                        with["RuleName"] = replacedName;
                    }
                    else if (newName != replacedName && names.Contains(newName))
                    {
                        problem(newName, $"{at} (Replace) renames '{replacedName}' to '{newName}', which {baseName}'s {fileName} already has; rule names must be unique.");
                        continue;
                    }

                    rules[replaced] = with;
                    break;
                default:
                    if (patch.Count != 1)
                    {
                        problem(null, $"{at} is a Remove: give the rule name only.");
                        continue;
                    }

                    if (Find("Remove") is { } removed)
                    {
                        rules.RemoveAt(removed);
                    }

                    break;
            }
        }
    }
}
