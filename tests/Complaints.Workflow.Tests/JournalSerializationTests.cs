using System.Text.Json;
using Complaints.Journal;
using Complaints.Workflow.Tests.Support;

namespace Complaints.Workflow.Tests;

/// <summary>Stores persist cases and journals with <see cref="ComplaintsJson.Options"/>; they must round-trip exactly.</summary>
public sealed class JournalSerializationTests
{
    [Fact]
    public async Task Journal_RoundTripsThroughJsonAndStillReplaysToTheCase()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Closed, Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));
        var journal = await h.Journal(id);

        var json = JsonSerializer.Serialize(journal, ComplaintsJson.Options);
        var back = JsonSerializer.Deserialize<JournalEntry[]>(json, ComplaintsJson.Options)!;

        JsonSerializer.Serialize(back, ComplaintsJson.Options).Should().Be(json);
        Harness.Json(ComplaintReplay.Replay(back)).Should().Be(Harness.Json(await h.Stored(id)));
        json.Should().Contain("\"type\":\"triaged\"").And.Contain("\"emergency-meeting-recorded\"");
        json.Should().NotContain("matchedRules", "derived values are not stored");
    }

    [Fact]
    public async Task PendingAndStartedDeadlines_RoundTripThroughJson_AsKebabCaseEvents()
    {
        var h = new Harness();
        h.Policy.ExtraDeadlines.Add(new Policy.DeadlineRule(DeadlineKind.Propose, 1, Policy.DeadlineUnit.WorkingDays, "propose-1wd") { StartsAt = Policy.ClockStart.Assigned });
        h.Policy.ExtraDeadlines.Add(new Policy.DeadlineRule(DeadlineKind.NotifyResult, 5, Policy.DeadlineUnit.CalendarDays, "told-5d") { StartsAt = Policy.ClockStart.RemedyApproved });
        var id = await h.DriveTo(ComplaintState.Assigned);
        var journal = await h.Journal(id);
        var stored = await h.Stored(id);

        var json = JsonSerializer.Serialize(journal, ComplaintsJson.Options);
        var back = JsonSerializer.Deserialize<JournalEntry[]>(json, ComplaintsJson.Options)!;
        var storedBack = JsonSerializer.Deserialize<Complaint>(Harness.Json(stored), ComplaintsJson.Options)!;

        JsonSerializer.Serialize(back, ComplaintsJson.Options).Should().Be(json);
        Harness.Json(ComplaintReplay.Replay(back)).Should().Be(Harness.Json(stored));
        json.Should().Contain("\"type\":\"deadlines-started\"").And.Contain("\"startedBy\":\"assigned\"").And.Contain("\"startsAt\":\"remedy-approved\"");
        storedBack.PendingDeadlines.Should().ContainSingle().Which.StartsAt.Should().Be(Policy.ClockStart.RemedyApproved);
        Harness.Json(storedBack).Should().Be(Harness.Json(stored));
    }

    [Fact]
    public async Task ProposedAssessment_RoundTripsWithTheRoleThatMustConfirmIt()
    {
        var h = new Harness();
        h.Policy.Lifecycle = Policy.LifecycleSettings.Default with { PenaltiesConfirmedBy = ComplaintRoles.GeneralManager };
        var id = await h.DriveTo(ComplaintState.Closed);
        await h.Do(id, People.SalesManager, new Commands.AssessAccountability(People.Handler, Policy.Misconduct.LateHandling));
        var journal = await h.Journal(id);

        var json = JsonSerializer.Serialize(journal, ComplaintsJson.Options);
        var back = JsonSerializer.Deserialize<JournalEntry[]>(json, ComplaintsJson.Options)!;

        json.Should().Contain("\"awaitingConfirmationBy\":\"general-manager\"");
        back[^1].Event.Should().BeOfType<AccountabilityAssessed>().Which.AwaitingConfirmationBy.Should().Be(ComplaintRoles.GeneralManager);
        Harness.Json(ComplaintReplay.Replay(back)).Should().Be(Harness.Json(await h.Stored(id)));
    }

    [Fact]
    public async Task Case_RoundTripsThroughJson()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.AwaitingApproval);
        var stored = await h.Stored(id);

        var back = JsonSerializer.Deserialize<Complaint>(Harness.Json(stored), ComplaintsJson.Options)!;

        Harness.Json(back).Should().Be(Harness.Json(stored));
        back.PendingApproval!.Role.Should().Be(ComplaintRoles.Manager);
    }

    [Fact]
    public async Task Triaged_CarriesEveryDecisionWithItsExplanationAndPolicyVersion()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var triaged = (await h.Journal(id)).Select(e => e.Event).OfType<ComplaintTriaged>().Single();

        triaged.Admissibility.Explanation.Policy.Should().Be(TestPolicy.Ref);
        triaged.Severity.Tier.Should().Be(Severity.General);
        triaged.Routing.Department.Should().Be(People.Sales);
        triaged.DeadlineRules.Deadlines.Select(d => d.Rule).Should().Equal("acknowledge-1wd", "resolve-3wd", "follow-up-10wd");
        triaged.Deadlines.Should().OnlyContain(d => d.Calendar.StartsWith("weekdays", StringComparison.Ordinal));
        (await h.Stored(id)).Policy.Should().Be(TestPolicy.Ref);
    }

    [Fact]
    public void Replay_JournalWithAGap_IsRefused()
    {
        var actor = People.Receiver;
        var id = ComplaintId.New(Harness.Start);
        var received = new JournalEntry(id, 1, Harness.Start, actor, ComplaintState.Received, ComplaintState.Received, new ComplaintReceived(Harness.Intake(), TestPolicy.Ref), Guid.NewGuid());
        var skipped = new JournalEntry(id, 3, Harness.Start, actor, ComplaintState.Received, ComplaintState.Received, new ReadBackConfirmed(ReadBackMethod.Oral), Guid.NewGuid());

        var act = () => ComplaintReplay.Replay([received, skipped]);

        act.Should().Throw<ArgumentException>().WithMessage("*does not follow version 1*");
    }
}
