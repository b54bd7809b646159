using Complaints.Policy;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Loading;

/// <summary>
/// A deadline rule's <c>startsAt</c> names the event its clock starts at, in kebab-case; a value that is not an event,
/// or an event after the one that meets the deadline, is a load problem naming the file, the rule and the value.
/// </summary>
public sealed class DeadlineStartTests
{
    [Theory]
    [InlineData("received", ClockStart.Received)]
    [InlineData("triaged", ClockStart.Triaged)]
    [InlineData("assigned", ClockStart.Assigned)]
    [InlineData("findings-recorded", ClockStart.FindingsRecorded)]
    [InlineData("remedy-approved", ClockStart.RemedyApproved)]
    [InlineData("resolved", ClockStart.Resolved)]
    [InlineData("reopened", ClockStart.Reopened)]
    [InlineData("Remedy-Approved", ClockStart.RemedyApproved)]
    public void StartsAt_EachEvent_IsCarriedOnTheDeadlineRule(string value, ClockStart expected)
    {
        var pack = Pack(Deadline("follow-up", value));

        pack.SetDeadlines(SyntheticPack.Case()).Deadlines.Should().ContainSingle().Which.StartsAt.Should().Be(expected);
    }

    [Fact]
    public void StartsAt_Absent_CountsFromReceipt()
    {
        var pack = Pack("""{ "kind": "resolve", "amount": 3, "unit": "working-days" }""");

        pack.SetDeadlines(SyntheticPack.Case()).Deadlines.Should().ContainSingle().Which.StartsAt.Should().Be(ClockStart.Received);
    }

    [Fact]
    public void StartsAt_AnUnknownEvent_IsAProblemNamingFileRuleAndValue()
    {
        var problem = Problems(Deadline("propose", "handed-over")).Should().ContainSingle().Which;

        (problem.File, problem.Rule).Should().Be(("deadlines.json", "clock"));
        problem.Reason.Should().Contain("'startsAt' is 'handed-over'").And.Contain("received, triaged, assigned, findings-recorded, remedy-approved, resolved, reopened");
    }

    [Theory]
    [InlineData("acknowledge", "assigned", "at triage")]
    [InlineData("acknowledge", "reopened", "at triage")]
    [InlineData("propose", "remedy-approved", "when a remedy is proposed")]
    [InlineData("propose", "resolved", "when a remedy is proposed")]
    [InlineData("resolve", "resolved", "when the decision is communicated")]
    [InlineData("notify-result", "resolved", "when the decision is communicated")]
    public void StartsAt_AfterWhatMeetsTheDeadline_IsAProblemSayingWhichStartsWork(string kind, string startsAt, string metWhen)
    {
        var problem = Problems(Deadline(kind, startsAt)).Should().ContainSingle().Which;

        (problem.File, problem.Rule).Should().Be(("deadlines.json", "clock"));
        problem.Reason.Should().Contain($"'startsAt' is '{startsAt}'").And.Contain($"is met {metWhen}").And.Contain("start it at one of received");
    }

    [Theory]
    [InlineData("acknowledge", "triaged")]
    [InlineData("propose", "assigned")]
    [InlineData("propose", "findings-recorded")]
    [InlineData("resolve", "remedy-approved")]
    [InlineData("notify-result", "remedy-approved")]
    [InlineData("follow-up", "resolved")]
    public void StartsAt_BeforeWhatMeetsTheDeadline_Loads(string kind, string startsAt) =>
        Pack(Deadline(kind, startsAt)).SetDeadlines(SyntheticPack.Case()).Deadlines.Should().ContainSingle();

    [Fact]
    public void Explanation_SaysWhereTheClockStarts()
    {
        var pack = Pack(Deadline("propose", "assigned"));

        pack.SetDeadlines(SyntheticPack.Case()).Explanation.Rules.Single(r => r.Rule == "clock").Detail
            .Should().Be("Propose within 1 WorkingDays, counted from assigned");
    }

    private static string Deadline(string kind, string startsAt) =>
        $$"""{ "kind": "{{kind}}", "amount": 1, "unit": "working-days", "startsAt": "{{startsAt}}" }""";

    private static PolicyPack Pack(string properties) => new SyntheticPack().Rule("deadlines", "clock", "true", properties).Load();

    private static IReadOnlyList<PackProblem> Problems(string properties) =>
        FluentActions.Invoking(() => Pack(properties)).Should().Throw<PolicyPackException>().Which.Problems;
}
