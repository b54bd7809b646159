using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Policies;

/// <summary>A case whose pack version is not loaded: refused by default, or decided under the newest of its pack, logged, when the host says so.</summary>
public sealed class PolicyVersionFallbackTests
{
    private readonly FakeTimeProvider _time = new(Harness.Start);
    private readonly InMemoryComplaintStore _store = new();
    private readonly ListLogger<PolicyCatalog> _log = new();

    private static readonly NamedPolicy V1 = new("hospital", "1.0.0");
    private static readonly NamedPolicy V2 = new("hospital", "1.1.0");
    private static readonly NamedPolicy Food = new("food-service", "1.0.0");

    private ComplaintService Service(PolicyCatalog catalog, ComplaintsOptions? options = null) =>
        new(_store, catalog, new WeekdayCalendar(), _time, Microsoft.Extensions.Options.Options.Create(options ?? new ComplaintsOptions()));

    /// <summary>A case opened under hospital 1.0.0, then a deployment that loads <paramref name="after"/> only.</summary>
    private async Task<(ComplaintService Service, ComplaintId Id)> UpgradedAsync(PolicyVersionFallback fallback, params IComplaintPolicy[] after)
    {
        var id = (await Service(new PolicyCatalog(V1)).ReceiveAsync(Receiver, Harness.Intake())).Complaint.Id;
        var options = new ComplaintsOptions { PolicyVersionFallback = fallback };
        return (Service(new PolicyCatalog(after, fallback: fallback, logger: _log), options), id);
    }

    [Fact]
    public void Options_RefuseByDefault() =>
        new ComplaintsOptions().PolicyVersionFallback.Should().Be(PolicyVersionFallback.Refuse);

    [Fact]
    public async Task Refuse_ACommand_FailsNamingTheVersionNeededTheVersionsLoadedAndTheTwoWaysOut()
    {
        var (service, id) = await UpgradedAsync(PolicyVersionFallback.Refuse, Food, V2);

        var act = () => service.ExecuteAsync(id, Coordinator, new Triage());

        var error = (await act.Should().ThrowAsync<PolicyVersionNotLoadedException>()).Which;
        error.Message.Should().Contain($"Case {id} was opened under policy pack hospital@1.0.0, which is not loaded (loaded: food-service@1.0.0, hospital@1.1.0)")
            .And.Contain("load hospital@1.0.0").And.Contain("PolicyVersionFallback to NewestOfSamePack to decide it under hospital@1.1.0")
            .And.NotContain("Liu Yang").And.NotContain("138");
        error.Should().BeEquivalentTo(new { ComplaintId = (ComplaintId?)id, Needed = V1.Identity, Loaded = new[] { Food.Identity, V2.Identity } });
        (await _store.LoadAsync(id, TestContext.Current.CancellationToken))!.Version.Should().Be(1, "nothing was saved");
        _log.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Refuse_NoVersionOfThePackLoaded_NeverTheDefaultOfAnotherPack()
    {
        var (service, id) = await UpgradedAsync(PolicyVersionFallback.NewestOfSamePack, Food);

        var act = () => service.ExecuteAsync(id, Coordinator, new Triage());

        (await act.Should().ThrowAsync<PolicyVersionNotLoadedException>("even NewestOfSamePack never decides a hospital case under food-service"))
            .WithMessage("*No version of pack 'hospital' is loaded*load hospital@1.0.0*");
    }

    [Fact]
    public async Task Refuse_ReadsStillShowTheCaseWithEverythingConfidentialWithheld_PolicyReadsFail()
    {
        var (service, id) = await UpgradedAsync(PolicyVersionFallback.Refuse, V2);

        var read = await service.GetAsync(id, Coordinator);
        var listed = await service.QueryAsync(Coordinator, new ComplaintQuery());
        var journal = await service.GetJournalAsync(id, Coordinator);
        var allowed = () => service.GetAllowedActionsAsync(id, Coordinator);
        var guidance = () => service.GetGuidanceAsync(id, Coordinator);

        read.Intake.Complainant.Should().Be(Complainant.Redacted, "no loaded rule says who may see the complainant");
        read.Intake.Description.Should().NotContain("rude", "every confidential part is withheld");
        listed.Should().ContainSingle().Which.Intake.Complainant.Should().Be(Complainant.Redacted);
        journal.Should().ContainSingle().Which.Event.Should().BeOfType<ComplaintReceived>().Which.Intake.Complainant.Should().Be(Complainant.Redacted);
        await allowed.Should().ThrowAsync<PolicyVersionNotLoadedException>();
        await guidance.Should().ThrowAsync<PolicyVersionNotLoadedException>();
    }

    [Fact]
    public async Task Refuse_TheDeskStillListsTheCaseAwaitingTriage_ByTheHostsTriagePermission()
    {
        var (service, id) = await UpgradedAsync(PolicyVersionFallback.Refuse, V2);

        var coordinators = await service.GetDeskAsync(Coordinator);
        var handlers = await service.GetDeskAsync(Handler);

        coordinators.Items.Should().ContainSingle(d => d.Complaint.Id == id && d.Reasons == DeskReasons.AwaitingTriage,
            "a desk does not fail for a case whose pack version is gone; the host's permission says who triages it");
        handlers.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task NewestOfSamePack_DecidesUnderTheNewestVersionAndLogsOncePerPairOfVersions()
    {
        var (service, first) = await UpgradedAsync(PolicyVersionFallback.NewestOfSamePack, V2, Food);
        var second = (await Service(new PolicyCatalog(V1)).ReceiveAsync(Receiver, Harness.Intake())).Complaint.Id;

        var triaged = await service.ExecuteAsync(first, Coordinator, new Triage());
        await service.ExecuteAsync(second, Coordinator, new Triage());
        await service.GetAsync(first, Coordinator);

        triaged.Complaint.Policy.Should().Be(V1.Identity, "the case keeps the version it was opened under");
        triaged.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Which.Severity.Explanation.Policy.Should().Be(V2.Identity, "the decision records the version that made it");
        var logged = _log.Entries.Should().ContainSingle().Which;
        logged.Level.Should().Be(LogLevel.Warning);
        logged.Message.Should().Contain("Pack hospital version 1.0.0 is not loaded").And.Contain($"case {first}").And.Contain("version 1.1.0")
            .And.NotContain("Liu Yang");
    }

    [Fact]
    public async Task Refuse_TheDeadlineWorkerParksTheAlarmWithTheReason()
    {
        var v1 = new PolicyCatalog(V1);
        var id = (await Service(v1).ReceiveAsync(Receiver, Harness.Intake())).Complaint.Id;
        await Service(v1).ExecuteAsync(id, Coordinator, new Triage());
        var upgraded = Service(new PolicyCatalog(V2));
        var worker = new DeadlineWorker(_store, upgraded, _time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions()));

        _time.Advance(TimeSpan.FromDays(60));
        var recorded = await worker.RunOnceAsync(TestContext.Current.CancellationToken);

        recorded.Should().Be(0);
        var parked = await _store.ReadParkedDeadlineAlarmsAsync(TestContext.Current.CancellationToken);
        parked.Should().NotBeEmpty().And.OnlyContain(p => p.Error.Contains(nameof(PolicyVersionNotLoadedException)) && p.Error.Contains("hospital@1.0.0"));
    }
}
