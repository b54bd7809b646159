using Complaints.Improvement;
using Complaints.Workflow.Improvement;
using Spectre.Console;

namespace Complaints.Demo;

/// <summary>
/// After the fortnight, the analysis meeting's corrective actions (纠正预防措施) for two substantiated cases, so that the
/// report's "Corrective actions" section has something to show: the dealership's, approved by the general manager as its
/// pack requires (002 text 11, 第三条) and in progress; the food distributor's, carried out and awaiting its check of
/// effectiveness.
/// </summary>
internal static class DemoActions
{
    public static async Task<IReadOnlyList<CorrectiveAction>> ProposeAsync(
        CorrectiveActionService actions, DemoClock clock, IReadOnlyList<DemoCase> cases, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var gearbox = cases.Single(c => c.Script.Pack == Cases.DealershipPack).Id;
        var pork = cases.Single(c => c.Script.Pack == Cases.FoodPack).Id;

        var torque = (await actions.ProposeAsync(Dealership.RelationsManager, new ProposeCorrectiveAction(
            CorrectiveActionKind.Corrective,
            "Torque sign-off on every gearbox job card",
            RootCause.StaffError,
            "The second gearbox repair was handed over without the torque check of the bell-housing bolts.",
            Dealership.ServiceManager.Id)
        {
            Cases = [gearbox],
            Department = Dealership.Service,
        }, cancellationToken)).Action;
        clock.MoveTo(clock.GetUtcNow().AddMinutes(30));
        torque = (await actions.ApproveAsync(torque.Id, Dealership.GeneralManager, "Start with the gearbox bay.", cancellationToken: cancellationToken)).Action;

        var coldChain = (await actions.ProposeAsync(Canteens.DutyManager, new ProposeCorrectiveAction(
            CorrectiveActionKind.Corrective,
            "Temperature alarm and log on every delivery truck",
            RootCause.ProductDefect,
            "Truck 7's refrigeration failed on the morning round and nobody noticed before delivery.",
            Canteens.QualityManager.Id)
        {
            Cases = [pork],
            Department = Canteens.QualityControl,
        }, cancellationToken)).Action;
        clock.MoveTo(clock.GetUtcNow().AddMinutes(30));
        coldChain = (await actions.CompleteAsync(coldChain.Id, Canteens.QualityManager, "Cold-chain alarms fitted to all twelve trucks; drivers log the temperature at each stop.", cancellationToken: cancellationToken)).Action;

        console.MarkupLineInterpolated($"[grey]Corrective actions: '{torque.Title}' ({torque.State}, approved by the general manager), '{coldChain.Title}' ({coldChain.State}, to be verified by {coldChain.VerifyDueAt:yyyy-MM-dd}).[/]");
        return [torque, coldChain];
    }
}
