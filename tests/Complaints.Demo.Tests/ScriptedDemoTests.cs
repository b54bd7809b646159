using Complaints.Journal;
using Complaints.Policy;

namespace Complaints.Demo.Tests;

/// <summary>Runs the scripted fortnight once, on a fresh SQLite file, for every test of this class.</summary>
public sealed class ScriptedRunFixture : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly TestConsole _console = new();

    internal ScriptedRun Run { get; private set; } = null!;

    public string Output => _console.Output;

    public async ValueTask InitializeAsync() =>
        Run = await ScriptedDemo.ExecuteAsync($"Data Source={_temp.File("demo.db")}", _console.Console, CancellationToken.None,
            (service, store, cases) => ScriptedDemo.ReportAsync(_console.Console, service, store, cases, _temp.File("demo.db"), CancellationToken.None));

    public ValueTask DisposeAsync()
    {
        _console.Dispose();
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    internal (DemoCase Case, Complaint Final, IReadOnlyList<JournalEntry> Journal) Case(string pack, string titleStart)
    {
        var demoCase = Run.Cases.Single(c => c.Script.Pack == pack && c.Title.StartsWith(titleStart, StringComparison.Ordinal));
        return (demoCase, Run.Final[demoCase.Id], Run.Journals[demoCase.Id]);
    }
}

public sealed class ScriptedDemoTests(ScriptedRunFixture fixture) : IClassFixture<ScriptedRunFixture>
{
    [Fact]
    public void EveryScript_RunsToItsEnd_UnderItsOwnPack()
    {
        fixture.Run.Cases.Should().HaveCount(Cases.All().Count);
        fixture.Run.Cases.Select(c => c.Script.Pack).Distinct().Should().BeEquivalentTo(Cases.Packs);
        foreach (var demoCase in fixture.Run.Cases)
        {
            var final = fixture.Run.Final[demoCase.Id];
            final.Policy.Id.Should().Be(demoCase.Script.Pack, "each case is opened under its industry's pack");
            final.IsFinal.Should().BeTrue($"'{demoCase.Title}' ends closed or redirected");
        }
    }

    [Fact]
    public void HospitalBilling_RoutedToFinance_ResolvedWithinThreeWorkingDays()
    {
        var (_, c, _) = fixture.Case(Cases.HospitalPack, "1.");

        c.Department.Should().Be(Hospital.Finance);
        var resolve = c.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        resolve.Rule.Should().Be("general-problem-settled-within-3-working-days");
        resolve.MetAt.Should().BeOnOrBefore(resolve.DueAt);
    }

    [Fact]
    public void HospitalConduct_HeadNurseOfTheAccusedDepartment_RefusedAsConflicted()
    {
        var (demoCase, c, _) = fixture.Case(Cases.HospitalPack, "2.");

        demoCase.Notes.Should().Contain(n => n.What == "Assign refused" && n.Why.Contains("handler-in-the-accused-department", StringComparison.Ordinal));
        demoCase.Notes.Single(n => n.What == "Assign refused").Detail.Should().StartWith($"RecusalRequiredException: {Hospital.HeadNurse.Id}");
        c.Assignee!.Id.Should().Be(Hospital.OfficeHandler.Id);
    }

    [Fact]
    public void HospitalRejectedRemedy_EscalatedAndSettledOnTheSecondOffer()
    {
        var (_, c, journal) = fixture.Case(Cases.HospitalPack, "4.");

        c.CustomerRejections.Should().Be(1);
        c.EscalationLevel.Should().Be(1);
        journal.Select(e => e.Event).OfType<CustomerRejected>().Should().ContainSingle();
        c.Remedy!.Amount.Should().Be(new Money(1_600, "CNY"));
    }

    [Fact]
    public void DealershipClaimAboveManagerLimit_NeedsTheGeneralManagerAfterTheManager()
    {
        var (demoCase, c, journal) = fixture.Case(Cases.DealershipPack, "Gearbox");

        var proposed = journal.Select(e => e.Event).OfType<RemedyProposed>().Single();
        proposed.Approval.Steps.Should().Equal("manager", "general-manager");
        proposed.Approval.Explanation.MatchedRules.Should().Contain("general-manager-approves-every-remedy");
        c.Approvals.Select(a => (a.Role, a.ApprovedBy)).Should().Equal(("manager", Dealership.ServiceManager.Id), ("general-manager", Dealership.GeneralManager.Id));
        demoCase.Notes.Should().Contain(n => n.Actor == Dealership.GeneralManager && n.What == "Approve refused", "the general manager cannot take the manager's step");
    }

    [Fact]
    public void TobaccoIllegalFeeReport_ReporterWithheldFromTheAccused_RewardWithin20To50PercentOfTheFine()
    {
        var (demoCase, c, journal) = fixture.Case(Cases.TobaccoPack, "Customer manager");

        demoCase.Seen.Should().Contain((Tobacco.CustomerManager, "(case not visible)"), "the accused does not even see the case");
        demoCase.Seen.Should().Contain((Tobacco.SalesManager, Complainant.Withheld), "the unit investigated sees the approval it is asked for, not the reporter");
        demoCase.Notes.Should().Contain(n => n.Actor == Tobacco.CustomerManager && n.Why.Contains("never-to-the-accused", StringComparison.Ordinal));
        demoCase.Notes.Should().Contain(n => n.Actor == Tobacco.SalesManager && n.What == "Approve refused" && n.Why.Contains("withheld", StringComparison.Ordinal)
            && !n.Why.Contains("in-the-accused-unit", StringComparison.Ordinal), "the unit investigated may not see the reporter, so it is not told which conflict it has either");
        c.Intake.Complainant.Name.Should().StartWith("Zhou Lan", "the office that handles it sees the reporter");
        var fine = c.Findings!.Fine!.Amount;
        var reward = journal.Select(e => e.Event).OfType<ComplaintClosed>().Single().Reward!;
        reward.Eligible.Should().BeTrue();
        reward.Basis.Should().Be(RewardBasis.Fine);
        reward.Explanation.MatchedRules.Should().Contain("illegal-fee-report-20-to-50-percent-of-fine");
        (reward.MinPercent, reward.MaxPercent).Should().Be((20m, 50m));
        reward.Min!.Amount.Should().Be(fine * 0.20m);
        reward.Max!.Amount.Should().Be(fine * 0.50m);
    }

    [Fact]
    public void SpoiledFood_MajorWithAProductHoldAndAnEmergencyMeeting()
    {
        var (demoCase, c, _) = fixture.Case(Cases.FoodPack, "Sour-smelling");

        c.Severity.Should().Be(Severity.Major);
        demoCase.GuidanceRules.Should().Contain("product-hold-for-abnormal-food");
        var hold = c.Holds.Should().ContainSingle().Which;
        (hold.Product, hold.Scope, hold.Result).Should().Be(("Braised pork", "batch 0304-BP2, delivered to 14 canteens", HoldCheckResult.Withdrawn));
        c.HasActiveHold.Should().BeFalse("the batch was withdrawn and replaced");
        c.EmergencyMeeting.Should().NotBeNull();
        c.Approvals.Select(a => a.Role).Should().Equal("manager", "general-manager");
        c.Deadlines.Should().OnlyContain(d => d.MetAt <= d.DueAt, "acknowledged within the hour and resolved within 24 hours");
    }

    [Fact]
    public void BreachedDeadline_WorkerRecordsIt_CaseEscalatesAndTheHandlerIsAssessed()
    {
        var (_, c, journal) = fixture.Case(Cases.GenericPack, "Sofa");

        var alarms = journal.Where(e => e.Actor.Id == Actor.System.Id).Select(e => e.Event).ToArray();
        alarms.OfType<DeadlineWarned>().Should().ContainSingle(w => w.Kind == DeadlineKind.Propose);
        alarms.OfType<DeadlineBreached>().Should().ContainSingle(b => b.Kind == DeadlineKind.Propose && b.Escalation.Escalate);
        alarms.OfType<Escalated>().Should().ContainSingle().Which.Level.Should().Be(1);
        alarms.OfType<AccountabilityAssessed>().Should().ContainSingle(a => a.Person == Shop.Dispatcher.Id && a.Misconduct == Misconduct.LateHandling);
        c.EscalationLevel.Should().Be(1);
        c.Deadlines.Single(d => d.Kind == DeadlineKind.Propose).BreachedAt.Should().NotBeNull();
        c.Assignee!.Id.Should().Be(Shop.SeniorDispatcher.Id);
        c.State.Should().Be(ComplaintState.Closed);
    }

    [Fact]
    public void Output_TimelinesAndSummary_PlainTextWithoutEscapeCodes()
    {
        var output = fixture.Output;

        output.Should().NotContain("\u001b[", "a log gets no escape codes");
        foreach (var pack in Cases.Packs)
        {
            output.Should().Contain($"{pack} pack");
        }

        output.Should().Contain("Summary by pack").And.Contain("Decision / why").And.Contain("general-manager (ma)");
    }
}
