#region capa-lifecycle
using Complaints.Improvement;
using Complaints.Workflow.Improvement;
#endregion
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/improvement.md, "Corrective and preventive actions", on the in-memory store.</summary>
public sealed class CorrectiveActions
{
    [Fact]
    public async Task An_action_is_proposed_from_cases_approved_by_the_general_manager_completed_and_verified()
    {
        var time = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePack("auto-dealership").AddDeadlineWorker();
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var first = (await complaints.ReceiveAsync(A.Receiver(), A.Complaint().InCategory("repair-quality").BuildIntake())).Complaint.Id;
        var second = (await complaints.ReceiveAsync(A.Receiver(), A.Complaint().InCategory("repair-quality").BuildIntake())).Complaint.Id;
        var coordinator = A.Coordinator("customer-relations-manager", "customer-relations");
        var serviceManager = A.Manager("service-manager", "service");
        var generalManager = A.GeneralManager();

        #region capa-lifecycle
        var actions = provider.GetRequiredService<CorrectiveActionService>();

        // One action for several cases: what is to change, the cause, who answers for it.
        var proposed = await actions.ProposeAsync(coordinator, new ProposeCorrectiveAction(
            CorrectiveActionKind.Corrective,
            "Road-test every brake repair before handover",
            RootCause.ProcessGap,
            "Repairs were handed over without a road test.",
            serviceManager.Id)
        {
            Cases = [first, second],
            Department = new DepartmentId("service"),
        });
        // The dealership pack: the general manager approves corrective actions (002 text 11, 第三条).
        Console.WriteLine($"{proposed.Action.State}, approval by {proposed.Action.Approval?.Role}");   // AwaitingApproval, general-manager

        var id = proposed.Action.Id;
        await actions.ApproveAsync(id, generalManager, "Start with the brake bay.");
        await actions.RecordProgressAsync(id, serviceManager, "Road-test sheet added to the job card.");
        var completed = await actions.CompleteAsync(id, serviceManager, "Every brake repair is road-tested and signed.");
        #endregion

        time.SetUtcNow(completed.Action.VerifyDueAt!.Value.AddDays(-1));

        #region capa-lifecycle
        // After the verification period: did the same cause recur? The service counts the cases itself.
        var verified = await actions.VerifyAsync(id, generalManager, new VerifyCorrectiveAction());
        Console.WriteLine($"{verified.Action.State}: {verified.Action.Verification!.Recurrences} recurrence(s)");
        #endregion

        proposed.Action.State.Should().Be(CorrectiveActionState.AwaitingApproval);
        proposed.Action.Approval!.Role.Should().Be("general-manager");
        completed.Action.VerifyDueAt.Should().NotBeNull();
        verified.Action.State.Should().Be(CorrectiveActionState.Verified);
        (await actions.ReadJournalAsync(id)).Select(e => e.Event.GetType().Name).Should().Equal(
            "CorrectiveActionProposed", "CorrectiveActionApproved", "CorrectiveActionProgressRecorded", "CorrectiveActionCompleted", "CorrectiveActionVerified");
    }

    [Fact]
    public async Task The_policy_says_which_actions_are_required()
    {
        var store = new InMemoryComplaintStore();
        var harness = new StoreHarness(store);
        var major = await harness.DriveToAsync(ComplaintState.Closed, A.Complaint().Flagged(ComplaintFlags.SafetyRisk));
        var actions = new CorrectiveActionService(
            store, store, harness.Service.Policies, new WeekdayCalendar(), harness.Time, Microsoft.Extensions.Options.Options.Create(new ComplaintsOptions()));
        var quarterStart = StoreHarness.Start.AddDays(-1);
        var quarterEnd = quarterStart.AddMonths(3);

        #region capa-required
        // For the analysis meeting: what the policy requires and no action answers yet.
        foreach (var required in await actions.FindRequiredAsync(quarterStart, quarterEnd))
        {
            Console.WriteLine($"{required.Rule}: {required.Reason} Cases: {string.Join(", ", required.Cases)}");
        }
        #endregion

        var found = await actions.FindRequiredAsync(quarterStart, quarterEnd);
        found.Should().ContainSingle().Which.Should().Match<CorrectiveActionRequirement>(r => r.Rule == CorrectiveActionService.SeverityRule && r.Cases.Single() == major);
    }
}
