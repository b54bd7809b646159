using Complaints.Demo;
using Complaints.Ports;
using Complaints.Workflow;

namespace Complaints.Desk;

/// <summary>
/// Seeds an empty database with cases in different states: the first steps of some of the demo's scripted cases,
/// issued through the complaint service now (never rows written by hand), so every rule, deadline and journal entry
/// is the library's own.
/// </summary>
internal sealed partial class DeskSeed(ComplaintService service, IComplaintStore store, ILogger<DeskSeed> logger)
{
    /// <summary>Which scripts, and how many of their receive and command steps to run (the rest of each is left to the desk's users).</summary>
    public static IReadOnlyList<(Script Script, int Steps)> Plan()
    {
        var hospital = Cases.HospitalCases();
        return
        [
            (hospital[0], 4),  // charged twice: assigned to Lin (finance), investigation started
            (hospital[1], 5),  // the call bell: under investigation by Gao (general office)
            (hospital[2], 9),  // wound infection: 60,000 CNY proposed, awaiting the manager's approval
            (hospital[3], 1),  // private room: received, awaiting triage
            (Cases.DealershipCases()[0], 3),
            (Cases.TobaccoCases()[0], 2),
            (Cases.FoodCases()[0], 2),
            (Cases.GenericCases()[0], 1),
        ];
    }

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var counts = await store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), cancellationToken);
        if (counts.Sum(c => c.Count) > 0)
        {
            return;
        }

        var plan = Plan();
        foreach (var (script, steps) in plan)
        {
            ComplaintId? id = null;
            foreach (var step in script.Steps.Where(s => s.Kind is StepKind.Receive or StepKind.Command).Take(steps))
            {
                if (step.Kind == StepKind.Receive)
                {
                    id = (await service.ReceiveAsync(step.Actor, step.Intake!, cancellationToken)).Complaint.Id;
                    continue;
                }

                var before = await service.GetAsync(id!.Value, step.Actor, cancellationToken);
                await service.ExecuteAsync(id.Value, step.Actor, step.Command!, before.Version, cancellationToken);
            }
        }

        LogSeeded(logger, plan.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the desk's database with {Count} cases.")]
    private static partial void LogSeeded(ILogger logger, int count);
}
