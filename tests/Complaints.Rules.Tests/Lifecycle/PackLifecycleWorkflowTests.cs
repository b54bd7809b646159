using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow.Deadlines;

namespace Complaints.Rules.Tests.Lifecycle;

/// <summary>
/// The built-in packs' lifecycle settings and the rules that go with them, through the workflow: the food-service duty
/// manager replaces suspect food on the spot, every dealership remedy goes to the general manager, and the tobacco
/// regulation's reward and penalty conditions hold as written.
/// </summary>
public sealed class PackLifecycleWorkflowTests
{
    private const string Office = "internal-management-office";

    private static readonly Actor DutyManager = An.Actor("zhou").WithRoles("duty-manager").InDepartment("customer-service").Build();

    // ---- food-service (三.1, 三.7) ----------------------------------------------------------------------------

    [Fact]
    public async Task FoodService_DutyManagerReplacesADishThatSmellsWrongOnTheSpot()
    {
        var harness = ComplaintsHarness.ForPack("food-service");
        var id = (await harness.ReceiveAsync(A.Complaint().Via(Channel.Hotline).Described("The braised fish at lunch smelled off (异味)."), DutyManager)).Complaint.Id;

        var result = await harness.ExecuteAsync(id, DutyManager, new ResolveOnSpot(A.Remedy(RemedyKind.Replacement, 50, description: "Replaced the fish at once; checked the other fish of the same delivery.")));

        result.Complaint.State.Should().Be(ComplaintState.Closed);
        var settled = result.Entries.Single().Event.Should().BeOfType<ResolvedOnSpot>().Which;
        settled.Severity.Should().HaveTier(Severity.Serious).And.HaveMatched("suspect-food-is-serious");
        settled.Approval.Steps.Should().BeEmpty("a ¥50 replacement is within the duty manager's authority");
    }

    [Fact]
    public async Task FoodService_SomeoneFellIll_IsMajorAndNotSettledOnTheSpot()
    {
        var harness = ComplaintsHarness.ForPack("food-service");
        var id = (await harness.ReceiveAsync(A.Complaint().Described("Three cooks had diarrhoea after eating the chicken."), DutyManager)).Complaint.Id;

        var act = () => harness.ExecuteAsync(id, DutyManager, new ResolveOnSpot(A.Remedy(RemedyKind.Replacement, 50)));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("manager then general-manager").And.Contain("Triage it instead");
    }

    [Fact]
    public async Task FoodService_DutyManagerTriages()
    {
        var harness = ComplaintsHarness.ForPack("food-service");
        var id = (await harness.ReceiveAsync(A.Complaint().Described("Two crates of vegetables were missing from the order."), DutyManager)).Complaint.Id;

        (await harness.Service.GetAllowedActionsAsync(id, DutyManager)).Should().Contain(ComplaintAction.Triage);
        (await harness.ExecuteAsync(id, DutyManager, new Triage())).Complaint.State.Should().Be(ComplaintState.Triaged);
    }

    // ---- auto-dealership (t10 §4) ---------------------------------------------------------------------------

    [Fact]
    public async Task AutoDealership_EvenAnApologyNeedsTheGeneralManager_SoNothingIsSettledOnTheSpot()
    {
        var harness = ComplaintsHarness.ForPack("auto-dealership");
        var id = (await harness.ReceiveAsync(A.Complaint().Described("The service advisor was curt when I collected the car."))).Complaint.Id;

        var act = () => harness.ExecuteAsync(id, A.Receiver(), new ResolveOnSpot(A.Remedy(RemedyKind.Apology)));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("needs approval by general-manager");
    }

    // ---- tobacco-retail (第二十二条, 第三十条) -------------------------------------------------------------------

    [Fact]
    public async Task Tobacco_LateAndNotToldWhy_WarningAndHundredProposedForTheLeadership()
    {
        var (harness, id) = await TobaccoCaseUnderInvestigation();
        harness.Time.Advance(TimeSpan.FromDays(31));

        await Worker(harness).RunOnceAsync();

        var assessed = (await harness.JournalAsync(id)).Select(e => e.Event).OfType<AccountabilityAssessed>().Should().ContainSingle().Which;
        assessed.Decision.Should().Impose(SanctionKind.Warning).And.Impose(SanctionKind.Fine, 100).And.HaveMatched("late-and-not-told-why-warning-and-100");
        assessed.AwaitingConfirmationBy.Should().Be("general-manager", "第二十二条: the leadership approves a penalty");
    }

    [Fact]
    public async Task Tobacco_LateAfterAnExtensionTheReporterWasToldAbout_NoSanction()
    {
        var (harness, id) = await TobaccoCaseUnderInvestigation();
        var resolve = (await harness.StoredAsync(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        await harness.ExecuteAsync(id, A.Manager("gao", Office), new ExtendDeadline(DeadlineKind.Resolve, resolve.ExtendableTo!.Value, "Three depots are involved; we need until the 60th day."));
        harness.Time.Advance(TimeSpan.FromDays(61));

        await Worker(harness).RunOnceAsync();

        var journal = (await harness.JournalAsync(id)).Select(e => e.Event).ToArray();
        journal.OfType<DeadlineBreached>().Should().NotBeEmpty();
        journal.OfType<AccountabilityAssessed>().Should().NotBeEmpty().And.OnlyContain(a => a.Decision.Sanctions.Count == 0 && a.AwaitingConfirmationBy == null);
    }

    private static async Task<(ComplaintsHarness Harness, ComplaintId Id)> TobaccoCaseUnderInvestigation()
    {
        var harness = ComplaintsHarness.ForPack("tobacco-retail");
        var cast = new CaseCast
        {
            Coordinator = An.Actor("clerk").WithRoles("coordinator").InDepartment(Office).Build(),
            Handler = An.Actor("su").WithRoles("supervisor").InDepartment(Office).Build(),
        };
        var intake = A.Complaint().OfKind(ComplaintKind.Report).Described("A customer manager charges retailers an invented handling fee.").BuildIntake();
        var complaint = await new CaseDriver(harness.Service, cast).DriveToAsync(intake, ComplaintState.Investigating);
        return (harness, complaint.Id);
    }

    private static DeadlineWorker Worker(ComplaintsHarness harness) =>
        new(harness.Store, harness.Service, harness.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = "w" }));
}
