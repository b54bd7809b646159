using Complaints.Commands;
using Complaints.Journal;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Deadlines;

/// <summary>
/// Triage marks a deadline provisional when counting it, or its extension limit, runs into days the calendar has no
/// official holiday data for, and says so in the deadline decision's explanation; on known days it says nothing.
/// </summary>
public sealed class ProvisionalDeadlineTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Triage_OnDaysTheCalendarKnows_MarksNothingProvisional()
    {
        var h = new Harness();

        var triaged = await Triage(h);

        triaged.DeadlineRules.Provisional.Should().BeFalse();
        triaged.DeadlineRules.Explanation.Rules.Select(r => r.Rule).Should().Equal("deadlines");
        triaged.Deadlines.Should().OnlyContain(d => !d.Provisional && d.Plan == null);
    }

    [Fact]
    public async Task Triage_CountedIntoDaysWithoutOfficialData_SaysWhichDeadlinesWhichCalendarAndFromWhen()
    {
        var h = new Harness(BusinessCalendars.China([]));
        h.Time.SetUtcNow(new DateTimeOffset(2027, 2, 3, 10, 0, 0, Beijing));

        var triaged = await Triage(h);

        triaged.DeadlineRules.Provisional.Should().BeTrue();
        triaged.DeadlineRules.Explanation.MatchedRules.Should().Equal("deadlines", "calendar-provisional");
        triaged.DeadlineRules.Explanation.Rules[^1].Detail.Should().StartWith(
            "Acknowledge, Resolve, FollowUp counted on the 'cn' calendar's provisional days after 2026-12-31, where its official holiday data ends");
    }

    [Fact]
    public async Task Triage_OnACalendarWithNoOfficialDataAtAll_SaysItCountedBeyondIt()
    {
        var h = new Harness(new RulesOnlyCalendar());

        var triaged = await Triage(h);

        triaged.DeadlineRules.Provisional.Should().BeTrue();
        triaged.DeadlineRules.Explanation.Rules[^1].Detail.Should().StartWith(
            "Acknowledge, Resolve, FollowUp counted on the 'cn-rules-only' calendar's provisional days beyond its official holiday data: ");
    }

    [Fact]
    public async Task Triage_DueOnKnownDaysButExtendableIntoUnknownOnes_IsProvisional()
    {
        // Received Monday 21 December 2026: resolve is due within 2026, but its limit of 10 working days runs into 2027.
        var h = new Harness(BusinessCalendars.China([]));
        h.Time.SetUtcNow(new DateTimeOffset(2026, 12, 21, 10, 0, 0, Beijing));

        var triaged = await Triage(h);

        var resolve = triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        resolve.DueAt.Year.Should().Be(2026);
        resolve.Provisional.Should().BeTrue("an extension up to the limit would be counted on provisional days");
        triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).Provisional.Should().BeFalse();
    }

    [Fact]
    public async Task Triage_RuleExtendableToNoMoreThanItsOwnTime_IsNotExtendable()
    {
        var h = new Harness(BusinessCalendars.China([]));
        h.Policy.ResolveExtendableTo = 3;
        h.Time.SetUtcNow(new DateTimeOffset(2027, 2, 3, 10, 0, 0, Beijing));

        var triaged = await Triage(h);

        var resolve = triaged.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        resolve.ExtendableTo.Should().BeNull();
        (resolve.Plan!.ExtendableTo, resolve.Plan.PlannedExtendableTo).Should().Be(((int?)null, (DateTimeOffset?)null), "a replan has no limit to recount");
    }

    /// <summary>A host's own calendar that counts every day by rule, with no official holiday data at all.</summary>
    private sealed class RulesOnlyCalendar : Ports.IBusinessCalendar
    {
        private readonly WeekdayCalendar _weekdays = new();

        public string Name => "cn-rules-only";

        public DateOnly? OfficialDataEndsOn => null;

        public DateTimeOffset Add(DateTimeOffset start, int amount, Policy.DeadlineUnit unit) => _weekdays.Add(start, amount, unit);

        public bool IsProvisional(DateTimeOffset start, DateTimeOffset due, Policy.DeadlineUnit unit) => true;
    }

    private static async Task<ComplaintTriaged> Triage(Harness h)
    {
        var id = await h.Receive();
        await h.Do(id, Coordinator, new Triage());
        return (await h.Journal(id))[^1].Event.Should().BeOfType<ComplaintTriaged>().Subject;
    }
}
