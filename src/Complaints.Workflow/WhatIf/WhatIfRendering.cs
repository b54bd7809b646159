using System.Globalization;
using System.Text;

namespace Complaints.Workflow.WhatIf;

/// <summary>The text and Markdown forms of a <see cref="WhatIfReport"/>.</summary>
internal static class WhatIfRendering
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Headline(WhatIfReport r) => string.Create(Invariant,
        $"What-if {r.Draft.Id}@{r.Draft.Version} over {r.CasesReplayed} case(s) of '{r.PackId}': {r.ChangedDecisions} decision(s) would change ({r.Changes.Count} field(s)), {r.Failures.Count} failure(s).");

    public static string Text(WhatIfReport r)
    {
        var s = new StringBuilder();
        s.Append(Invariant, $"What-if replay of draft {r.Draft.Id}@{r.Draft.Version}").AppendLine();
        s.Append(Invariant, $"Cases opened under '{r.PackId}', received {Period(r)}").AppendLine();
        s.Append(Invariant, $"Cases read: {r.CasesRead}; replayed: {r.CasesReplayed}; under other packs: {r.CasesOfOtherPacks}").AppendLine();
        if (r.CasesUnreadable > 0)
        {
            s.Append(Invariant, $"Cases the store could not read (not replayed): {r.CasesUnreadable}").AppendLine();
        }

        s.AppendLine(WhatIfReport.Semantics);
        s.AppendLine();
        s.Append(Invariant, $"{"Decision point",-15}{"Compared",9}{"Unchanged",10}{"Changed",8}{"Failed",7}").AppendLine();
        foreach (var p in r.Points)
        {
            s.Append(Invariant, $"{DecisionSnapshot.Name(p.Point),-15}{p.Compared,9}{p.Unchanged,10}{p.Changed,8}{p.Failed,7}").AppendLine();
        }

        foreach (var note in NotComparable(r))
        {
            s.AppendLine(note);
        }

        s.AppendLine();
        if (!r.HasChanges)
        {
            s.AppendLine("No decision would change.");
        }
        else
        {
            s.Append(Invariant, $"Changes: {r.ChangedDecisions} decision(s), {r.Changes.Count} field(s)").AppendLine();
            foreach (var decision in Decisions(r))
            {
                var first = decision[0];
                s.Append(Invariant, $"- case {first.Case} entry {first.Sequence} ({first.Event}, {first.At.UtcDateTime:yyyy-MM-dd HH:mm}Z) {DecisionSnapshot.Name(first.Point)}").AppendLine();
                // The rules once per decision, unless a field names its own (each deadline its rule).
                var shared = decision.All(c => c.RecordedRules.SequenceEqual(first.RecordedRules) && c.DraftRules.SequenceEqual(first.DraftRules));
                foreach (var change in decision)
                {
                    s.Append(Invariant, $"    {change.Field}: {change.Before} → {change.After}").AppendLine();
                    if (!shared || decision.Length == 1 || change == decision[^1])
                    {
                        s.Append(Invariant, $"      recorded rules ({change.RecordedUnder.Id}@{change.RecordedUnder.Version}): {Rules(change.RecordedRules)}").AppendLine();
                        s.Append(Invariant, $"      draft rules ({r.Draft.Id}@{r.Draft.Version}): {Rules(change.DraftRules)}").AppendLine();
                    }
                }
            }
        }

        if (r.Failures.Count > 0)
        {
            s.AppendLine();
            s.Append(Invariant, $"Failures: {r.Failures.Count}").AppendLine();
            foreach (var f in r.Failures)
            {
                s.Append(Invariant, $"- case {f.Case}{(f.Sequence is { } n ? $" entry {n}" : "")}{(f.Point is { } p ? $" {DecisionSnapshot.Name(p)}" : " (journal)")}: {f.Error}").AppendLine();
            }
        }

        return s.ToString();
    }

    public static string Markdown(WhatIfReport r)
    {
        var s = new StringBuilder();
        s.Append(Invariant, $"## What-if replay of `{r.Draft.Id}@{r.Draft.Version}`").AppendLine().AppendLine();
        s.Append(Invariant, $"Cases opened under `{r.PackId}`, received {Period(r)}: {r.CasesRead} read, {r.CasesReplayed} replayed, {r.CasesOfOtherPacks} under other packs")
            .Append(r.CasesUnreadable > 0 ? string.Create(Invariant, $", {r.CasesUnreadable} the store could not read (not replayed).") : ".").AppendLine().AppendLine();
        s.Append(Invariant, $"_{WhatIfReport.Semantics}_").AppendLine().AppendLine();
        s.AppendLine("| Decision point | Compared | Unchanged | Changed | Failed |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var p in r.Points)
        {
            s.Append(Invariant, $"| {DecisionSnapshot.Name(p.Point)} | {p.Compared} | {p.Unchanged} | {p.Changed} | {p.Failed} |").AppendLine();
        }

        foreach (var note in NotComparable(r))
        {
            s.AppendLine().Append(note).AppendLine();
        }

        s.AppendLine();
        if (!r.HasChanges)
        {
            s.AppendLine("No decision would change.");
        }
        else
        {
            s.Append(Invariant, $"### Changes ({r.ChangedDecisions} decisions, {r.Changes.Count} fields)").AppendLine().AppendLine();
            s.AppendLine("| Case | Entry | At (UTC) | Event | Decision | Field | Recorded | Draft | Recorded rules | Draft rules |");
            s.AppendLine("|---|---:|---|---|---|---|---|---|---|---|");
            foreach (var c in r.Changes)
            {
                s.Append(Invariant,
                    $"| `{c.Case}` | {c.Sequence} | {c.At.UtcDateTime:yyyy-MM-dd HH:mm} | {c.Event} | {DecisionSnapshot.Name(c.Point)} | {Cell(c.Field)} | {Cell(c.Before)} | {Cell(c.After)} | {Cell(Rules(c.RecordedRules))} | {Cell(Rules(c.DraftRules))} |")
                    .AppendLine();
            }
        }

        if (r.Failures.Count > 0)
        {
            s.AppendLine().Append(Invariant, $"### Failures ({r.Failures.Count})").AppendLine().AppendLine();
            foreach (var f in r.Failures)
            {
                s.Append(Invariant, $"- `{f.Case}`{(f.Sequence is { } n ? $" entry {n}" : "")}{(f.Point is { } p ? $" {DecisionSnapshot.Name(p)}" : " (journal)")}: {Cell(f.Error)}").AppendLine();
            }
        }

        return s.ToString();
    }

    /// <summary>A line per decision point with decisions that were not compared, and why.</summary>
    private static IEnumerable<string> NotComparable(WhatIfReport r) => r.Points.Where(p => p.NotComparable > 0).Select(p => string.Create(Invariant,
        $"Not comparable: {p.NotComparable} {DecisionSnapshot.Name(p.Point)} decision(s), not re-asked: the journal does not show the assessed person's roles before the assessment."));

    /// <summary>The changes grouped by decision (case, entry, point), in report order.</summary>
    private static IEnumerable<WhatIfChange[]> Decisions(WhatIfReport r) =>
        r.Changes.GroupBy(c => (c.Case, c.Sequence, c.Point)).Select(g => g.ToArray());

    private static string Period(WhatIfReport r) => (r.ReceivedFrom, r.ReceivedTo) switch
    {
        (null, null) => "at any time",
        ({ } from, null) => string.Create(Invariant, $"from {from:u}"),
        (null, { } to) => string.Create(Invariant, $"before {to:u}"),
        ({ } from, { } to) => string.Create(Invariant, $"from {from:u} to before {to:u}"),
    };

    private static string Rules(IReadOnlyList<string> rules) => rules.Count == 0 ? "(none matched)" : string.Join(", ", rules);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
