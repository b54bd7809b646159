using System.Text.Json;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.Tests.Confidentiality;

/// <summary>
/// The tobacco-retail pack on a staff member's report against another unit: the reporter is never revealed through a
/// refusal, and the unit investigated sees that the case exists and what it must answer, not the report's materials
/// (tobacco regulation art. 27(3): 不得将举报材料、举报人情况透露给被举报单位和被举报人).
/// </summary>
public sealed class TobaccoReportConfidentialityTests : IAsyncDisposable
{
    private static readonly DepartmentId Office = new("internal-management-office");
    private static readonly DepartmentId Logistics = new("logistics");
    private static readonly Actor Clerk = new(new ActorId("clerk"), "Office clerk", [ComplaintRoles.Coordinator], Office);
    private static readonly Actor Reporter = new(new ActorId("sun"), "Sun (sales, supervisor)", ["supervisor"], new DepartmentId("sales"));
    private static readonly Actor Leader = new(new ActorId("leader"), "Company leader", [ComplaintRoles.GeneralManager, ComplaintRoles.Manager], new DepartmentId("general-office"));
    private static readonly Actor LogisticsSupervisor = new(new ActorId("zhou"), "Zhou (logistics, supervisor)", ["supervisor"], Logistics);
    private static readonly Actor LogisticsLeader = new(new ActorId("ma"), "Ma (logistics director)", [ComplaintRoles.GeneralManager], Logistics);
    private static readonly Actor Accused = new(new ActorId("wang"), "Wang (logistics)", [ComplaintRoles.Auditor], Logistics);

    /// <summary>The accused reading from another department: no pack rule withholds the materials from them, the workflow does.</summary>
    private static readonly Actor AccusedSeconded = Accused with { Department = new DepartmentId("general-office") };

    private readonly ServiceProvider _provider;
    private readonly ComplaintService _service;

    public TobaccoReportConfidentialityTests()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        services.AddComplaints().UsePack("tobacco-retail");
        _provider = services.BuildServiceProvider();
        _service = _provider.GetRequiredService<ComplaintService>();
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    [Fact]
    public async Task Assign_ProbingCandidatesOneByOne_DoesNotRevealTheReporter()
    {
        var id = await ReportAsync();

        var reporterTried = (await FluentActions.Awaiting(() => _service.ExecuteAsync(id, Leader, new Assign(Reporter)))
            .Should().ThrowAsync<RecusalRequiredException>()).Which;
        var unitTried = (await FluentActions.Awaiting(() => _service.ExecuteAsync(id, Leader, new Assign(LogisticsSupervisor)))
            .Should().ThrowAsync<RecusalRequiredException>()).Which;

        reporterTried.Rules.Should().BeEmpty();
        reporterTried.Reason.Should().Be(unitTried.Reason, "one conflict may not be told apart from another by someone who may not see the reporter");
        reporterTried.Message.Replace("sun", "zhou", StringComparison.Ordinal).Should().Be(unitTried.Message);
        reporterTried.Message.Should().NotContain("filed").And.NotContain("themselves").And.NotContain("made this");
    }

    [Fact]
    public async Task Assign_TheReporter_TellsSomeoneWhoMaySeeTheReporterWhy()
    {
        var id = await ReportAsync();

        var error = (await FluentActions.Awaiting(() => _service.ExecuteAsync(id, Clerk, new Assign(Reporter)))
            .Should().ThrowAsync<RecusalRequiredException>()).Which;

        error.Rules.Should().Equal("filed-it-themselves");
    }

    [Fact]
    public async Task Assign_Refused_LeavesARedactedAuditRecord()
    {
        var id = await ReportAsync();

        await FluentActions.Awaiting(() => _service.ExecuteAsync(id, Clerk, new Assign(Reporter))).Should().ThrowAsync<RecusalRequiredException>();

        var record = (await _service.GetAuditAsync(Clerk, new AuditQuery { ComplaintId = id, Kind = AuditKind.Refused })).Should().ContainSingle().Which;
        record.Actor.Should().Be(Clerk.Id);
        record.Action.Should().Be(ComplaintAction.Assign);
        record.Reason.Should().Contain("conflict of interest").And.NotContain("filed").And.NotContain("themselves");
    }

    [Fact]
    public async Task UnitInvestigated_SeesThatTheCaseExistsAndWhatItMustAnswer_NotTheMaterials()
    {
        var id = await ReportAsync();
        await _service.ExecuteAsync(id, Clerk, new Assign(new Actor(new ActorId("qian"), "Qian (office supervisor)", ["supervisor"], Office)));

        var seen = await _service.GetAsync(id, LogisticsLeader);
        var journal = await _service.GetJournalAsync(id, LogisticsLeader);
        var desk = await _service.QueryAsync(LogisticsLeader, new ComplaintQuery());

        seen.State.Should().Be(ComplaintState.Assigned);
        seen.Category.Should().Be("illegal-fees");
        seen.Intake.Subject.StaffId.Should().Be(Accused.Id);
        seen.Deadlines.Should().NotBeEmpty();
        seen.Intake.Description.Should().Be(Complainant.Withheld);
        seen.Intake.Location.Should().Be(Complainant.Withheld);
        seen.Intake.Evidence.Should().OnlyContain(e => e.Reference == Complainant.Withheld);
        seen.Intake.Complainant.Should().Be(Complainant.Redacted);
        seen.ReceivedBy.Should().NotBe(Reporter);
        var everything = Json(seen) + Json(journal) + Json(desk);
        everything.Should().NotContainAny("delivery fee", "Warehouse 3", "fee-receipt", "Sun (sales", "\"sun\"", "139 0000");
    }

    [Fact]
    public async Task TheAccused_SeesNeitherTheReporterNorTheMaterials_EvenWithARoleThatSeesEveryCase()
    {
        var id = await ReportAsync();

        var seen = await _service.GetAsync(id, AccusedSeconded);
        var journal = await _service.GetJournalAsync(id, AccusedSeconded);

        seen.Intake.Description.Should().Be(Complainant.Withheld);
        (Json(seen) + Json(journal)).Should().NotContainAny("delivery fee", "fee-receipt", "Sun (sales", "\"sun\"");
        (await _service.GetAsync(id, Clerk)).Intake.Description.Should().Contain("delivery fee", "the office investigating sees everything");
    }

    private async Task<ComplaintId> ReportAsync()
    {
        var received = await _service.ReceiveAsync(Reporter, new ComplaintIntake(
            ComplaintKind.Report,
            Channel.OnlineForm,
            new Complainant("Sun Li", new ContactDetails(Phone: "+86 139 0000 1111"), StaffId: Reporter.Id),
            new ComplaintSubject(SubjectKind.StaffMember, "Wang, delivery team lead", Logistics, Accused.Id),
            "Wang charges retailers an unofficial delivery fee of 50 yuan per order.",
            Category: "illegal-fees",
            Location: "Warehouse 3",
            Evidence: [new EvidenceReference("fee-receipt-0042.jpg", "A receipt for the fee")]));
        await _service.ExecuteAsync(received.Complaint.Id, Clerk, new Triage());
        return received.Complaint.Id;
    }

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ComplaintsJson.Options);
}
