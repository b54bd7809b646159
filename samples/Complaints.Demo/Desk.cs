using Complaints.Commands;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow;

namespace Complaints.Demo;

/// <summary>Something shown in a timeline that is not a journal entry: a refused command, or a look at the case by someone.</summary>
internal sealed record Note(long AfterSequence, DateTimeOffset At, Actor Actor, string What, string Why, string? Detail = null);

/// <summary>A case the demo ran: its script's title, its id, and the notes taken along the way.</summary>
internal sealed record DemoCase(string Title, ComplaintId Id)
{
    public List<Note> Notes { get; } = [];
}

/// <summary>Runs scripts against the complaint service, all interleaved in time order on the demo clock.</summary>
internal sealed class Desk(ComplaintService service, DemoClock clock, IComplaintPolicy policy)
{
    private readonly Dictionary<Script, DemoCase> _cases = [];

    public async Task<IReadOnlyList<DemoCase>> RunAsync(IReadOnlyList<Script> scripts)
    {
        // OrderBy is stable, so steps at the same instant run in script order.
        foreach (var step in scripts.SelectMany(s => s.Steps).OrderBy(s => s.At))
        {
            clock.MoveTo(step.At);
            await RunAsync(step);
        }

        return scripts.Select(s => _cases[s]).ToArray();
    }

    private async Task RunAsync(Step step)
    {
        if (step.Kind == StepKind.Receive)
        {
            var received = await service.ReceiveAsync(step.Actor, step.Intake!);
            _cases[step.Script] = new DemoCase(step.Script.Title, received.Complaint.Id);
            return;
        }

        var demoCase = _cases[step.Script];
        var before = await service.GetAsync(demoCase.Id, Hospital.Coordinator);
        switch (step.Kind)
        {
            case StepKind.Command:
                await service.ExecuteAsync(demoCase.Id, step.Actor, step.Command!, before.Version);
                break;
            case StepKind.Refused:
                try
                {
                    await service.ExecuteAsync(demoCase.Id, step.Actor, step.Command!, before.Version);
                    throw new InvalidOperationException($"'{demoCase.Title}': {step.Actor.Name} was expected to be refused {step.Command!.Action}, but was not.");
                }
                catch (ComplaintException ex)
                {
                    var what = $"{step.Command!.Action} refused";
                    demoCase.Notes.Add(new(before.Version, step.At, step.Actor, what, Refusal(ex), $"{ex.GetType().Name}: {ex.Message}"));
                }

                break;
            case StepKind.Peek:
                demoCase.Notes.Add(new(before.Version, step.At, step.Actor, "QueryAsync", await PeekAsync(demoCase.Id, step.Actor)));
                break;
        }
    }

    private static string Refusal(ComplaintException ex) => ex switch
    {
        RecusalRequiredException r => $"must recuse: {r.Reason} [{string.Join(", ", r.Rules)}]",
        NotPermittedException n => $"not permitted: {n.Reason}",
        _ => ex.Message,
    };

    private async Task<string> PeekAsync(ComplaintId id, Actor reader)
    {
        var pending = await service.QueryAsync(reader, new ComplaintQuery { States = [ComplaintState.AwaitingApproval] });
        if (pending.FirstOrDefault(c => c.Id == id) is not { } seen)
        {
            return "does not see the case";
        }

        var rules = policy.CheckConfidentiality(seen, reader).Explanation.MatchedRules;
        return $"sees it awaiting {seen.PendingApproval?.Role}; complainant shown as \"{seen.Intake.Complainant.Name}\" [{string.Join(", ", rules)}]";
    }
}
