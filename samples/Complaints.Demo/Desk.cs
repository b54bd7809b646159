using Complaints.Policy;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;

namespace Complaints.Demo;

/// <summary>Something shown in a timeline that is not a journal entry: a refused command, a look at the case by someone, advice.</summary>
internal sealed record Note(long AfterSequence, DateTimeOffset At, Actor Actor, string What, string Why, string? Detail = null);

/// <summary>A case the demo ran: its script, its id, and the notes taken along the way.</summary>
internal sealed record DemoCase(Script Script, ComplaintId Id)
{
    public string Title => Script.Title;

    public List<Note> Notes { get; } = [];

    /// <summary>What the readers of <see cref="StepKind.Peek"/> steps saw as the complainant's name.</summary>
    public List<(Actor Reader, string Complainant)> Seen { get; } = [];

    /// <summary>The rules of the guidance asked for with <see cref="StepKind.Guidance"/> steps.</summary>
    public List<string> GuidanceRules { get; } = [];
}

/// <summary>
/// Runs scripts against the complaint service, all interleaved in time order on the demo clock. One workflow
/// serves every pack: the deployment's selector opens each case under the pack of the organisation its intake
/// names; later commands on the case use the pack (and version) the case records.
/// </summary>
internal sealed class Desk(ComplaintService service, DemoClock clock, PolicyCatalog catalog, DeadlineWorker worker)
{
    private readonly Dictionary<Script, DemoCase> _cases = [];

    public async Task<IReadOnlyList<DemoCase>> RunAsync(IReadOnlyList<Script> scripts, Action<Step>? progress = null, CancellationToken cancellationToken = default)
    {
        // OrderBy is stable, so steps at the same instant run in script order.
        foreach (var step in scripts.SelectMany(s => s.Steps).OrderBy(s => s.At))
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.MoveTo(step.At);
            await RunAsync(step, cancellationToken);
            progress?.Invoke(step);
        }

        return scripts.Select(s => _cases[s]).ToArray();
    }

    private async Task RunAsync(Step step, CancellationToken cancellationToken)
    {
        if (step.Kind == StepKind.Receive)
        {
            var received = await service.ReceiveAsync(step.Actor, step.Intake!, cancellationToken);
            _cases[step.Script] = new DemoCase(step.Script, received.Complaint.Id);
            return;
        }

        var demoCase = _cases[step.Script];
        var before = await service.GetAsync(demoCase.Id, step.Script.Viewer, cancellationToken);
        switch (step.Kind)
        {
            case StepKind.Command:
                await service.ExecuteAsync(demoCase.Id, step.Actor, step.Command!, before.Version, cancellationToken);
                break;
            case StepKind.Refused:
                try
                {
                    await service.ExecuteAsync(demoCase.Id, step.Actor, step.Command!, before.Version, cancellationToken);
                    throw new InvalidOperationException($"'{demoCase.Title}': {step.Actor.Name} was expected to be refused {step.Command!.Action}, but was not.");
                }
                catch (ComplaintException ex)
                {
                    var what = $"{step.Command!.Action} refused";
                    demoCase.Notes.Add(new(before.Version, step.At, step.Actor, what, Refusal(ex), $"{ex.GetType().Name}: {ex.Message}"));
                }

                break;
            case StepKind.Peek:
                demoCase.Notes.Add(new(before.Version, step.At, step.Actor, "reads the case", await PeekAsync(demoCase, step.Actor, cancellationToken)));
                break;
            case StepKind.Guidance:
                var guidance = await service.GetGuidanceAsync(demoCase.Id, step.Actor, cancellationToken);
                var rules = guidance.Explanation.MatchedRules;
                demoCase.GuidanceRules.AddRange(rules);
                demoCase.Notes.Add(new(before.Version, step.At, step.Actor, "asks for guidance", $"{(guidance.Advice.Count > 0 ? guidance.Advice[0] : "no advice")} [{string.Join(", ", rules)}]"));
                break;
            case StepKind.DeadlineWorker:
                var recorded = await worker.RunOnceAsync(cancellationToken);
                demoCase.Notes.Add(new(before.Version, step.At, step.Actor, "deadline worker polls", $"RunOnceAsync recorded {recorded} alarm(s) across the store"));
                break;
        }
    }

    private static string Refusal(ComplaintException ex) => ex switch
    {
        RecusalRequiredException r => $"must recuse: {r.Reason} [{string.Join(", ", r.Rules)}]",
        NotPermittedException n => $"not permitted: {n.Reason}",
        _ => ex.Message,
    };

    private async Task<string> PeekAsync(DemoCase demoCase, Actor reader, CancellationToken cancellationToken)
    {
        Complaint seen;
        try
        {
            seen = await service.GetAsync(demoCase.Id, reader, cancellationToken);
        }
        catch (NotPermittedException ex)
        {
            // Had they been shown it (by a careless colleague, a printout), would the policy still hide the complainant?
            var whole = await service.GetAsync(demoCase.Id, demoCase.Script.Viewer, cancellationToken);
            var check = catalog.Resolve(whole.Policy).CheckConfidentiality(whole, reader);
            var shown = check.MaySeeIdentity && !whole.IsAccused(reader.Id) ? "would see the complainant" : $"would see the complainant as \"{Complainant.Withheld}\" [{string.Join(", ", check.Explanation.MatchedRules)}]";
            demoCase.Seen.Add((reader, "(case not visible)"));
            return $"does not see the case ({ex.Reason}); if shown it, {shown}";
        }

        demoCase.Seen.Add((reader, seen.Intake.Complainant.Name ?? "(anonymous)"));
        var rules = catalog.Resolve(seen.Policy).CheckConfidentiality(seen, reader).Explanation.MatchedRules;
        var pending = seen.PendingApproval is { } p ? $"awaiting {p.Role}" : seen.State.ToString();
        var why = !rules.Any() ? (seen.IsAccused(reader.Id) ? "the accused never sees it" : "no rule hides it") : string.Join(", ", rules);
        return $"sees it ({pending}); complainant shown as \"{seen.Intake.Complainant.Name}\" [{why}]";
    }
}
