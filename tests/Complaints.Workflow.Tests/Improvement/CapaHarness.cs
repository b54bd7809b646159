using Complaints.Improvement;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Improvement;

/// <summary>The workflow harness with a corrective-action service over the same in-memory store, policy and clock.</summary>
internal sealed class CapaHarness
{
    public CapaHarness()
    {
        Cases = new Harness();
        Actions = new CorrectiveActionService(
            Cases.Store, Cases.Store, new PolicyCatalog(Cases.Policy), new WeekdayCalendar(), Cases.Time, Microsoft.Extensions.Options.Options.Create(Cases.Options));
    }

    public Harness Cases { get; }

    public CorrectiveActionService Actions { get; }

    public static readonly Actor Owner = Manager;

    public static ProposeCorrectiveAction Proposal(params ComplaintId[] cases) =>
        new(CorrectiveActionKind.Corrective, "Honour written quotes at the sales desk", RootCause.StaffError, "Quotes were not checked before the sale.", Owner.Id)
        {
            Cases = cases,
        };

    /// <summary>Receives a complaint and drives it to <paramref name="state"/> (findings: staff error, partly substantiated, sales).</summary>
    public Task<ComplaintId> Case(ComplaintState state = ComplaintState.Closed, ComplaintIntake? intake = null) => Cases.DriveTo(state, intake);

    public async Task<CorrectiveAction> Open(params ComplaintId[] cases) =>
        (await Actions.ProposeAsync(Coordinator, Proposal(cases) with { Department = Sales })).Action;

    public async Task<CorrectiveAction> Completed(params ComplaintId[] cases)
    {
        var action = await Open(cases);
        return (await Actions.CompleteAsync(action.Id, Owner, "Quotes are checked by a second person.")).Action;
    }
}
