using Complaints.Commands;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Testing;
using Complaints.Workflow.WhatIf;

namespace Complaints.WhatIf.Tests;

/// <summary>What-if replay over a harness's cases under the generic pack: what changes, and only that.</summary>
public sealed class PolicyWhatIfTests : IDisposable
{
    private readonly PackCopies _packs = new();
    private readonly ComplaintsHarness _harness = ComplaintsHarness.ForPack("generic");

    public void Dispose() => _packs.Dispose();

    /// <summary>A general case and a serious one (a 20,000 claim), each with a 5,000 remedy the manager approves, closed.</summary>
    private async Task<(ComplaintId General, ComplaintId Serious)> TwoClosedCasesAsync()
    {
        var driver = new CaseDriver(_harness.Service);
        var general = await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Closed);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        var serious = await driver.DriveToAsync(A.Complaint().Claiming(20_000).BuildIntake(), ComplaintState.Closed);
        serious.Severity.Should().Be(Severity.Serious, "the claim is above the pack's seriousClaim");
        return (general.Id, serious.Id);
    }

    private static WhatIfPointSummary Point(WhatIfReport report, WhatIfPoint point) => report.Points.Single(p => p.Point == point);

    [Fact]
    public async Task The_pack_the_cases_were_decided_under_changes_nothing()
    {
        await TwoClosedCasesAsync();

        var report = await PolicyWhatIf.RunAsync(_harness.Store, PolicyPacks.LoadBuiltIn("generic"));

        report.HasChanges.Should().BeFalse();
        report.Failures.Should().BeEmpty();
        report.CasesReplayed.Should().Be(2);
        Point(report, WhatIfPoint.Admissibility).Compared.Should().Be(2);
        Point(report, WhatIfPoint.Severity).Compared.Should().Be(2);
        Point(report, WhatIfPoint.Routing).Compared.Should().Be(2);
        Point(report, WhatIfPoint.Deadlines).Compared.Should().Be(2);
        Point(report, WhatIfPoint.Approval).Compared.Should().Be(2);
        Point(report, WhatIfPoint.Recusal).Compared.Should().Be(4, "each case's handler and its approver were checked");
        report.ToText().Should().Contain("No decision would change.");
    }

    [Fact]
    public async Task A_shorter_resolve_setting_changes_the_resolve_deadline_of_general_cases_only()
    {
        var (general, _) = await TwoClosedCasesAsync();

        var report = await PolicyWhatIf.RunAsync(_harness.Store, _packs.WithSetting("generic", "resolveWorkingDays", 2));

        var change = report.Changes.Should().ContainSingle().Subject;
        change.Case.Should().Be(general);
        change.Point.Should().Be(WhatIfPoint.Deadlines);
        change.Event.Should().Be("triaged");
        change.Field.Should().Be("resolve deadline");
        change.Before.Should().Be("3 working days from receipt, warning at 75 %");
        change.After.Should().Be("2 working days from receipt, warning at 75 %");
        change.RecordedRules.Should().Equal("resolve-3wd");
        change.DraftRules.Should().Equal("resolve-3wd");
        change.RecordedUnder.Should().Be(new PolicyRef("generic", "1.0.0"));
        report.Draft.Version.Should().Be("9.9.9-draft");
        Point(report, WhatIfPoint.Deadlines).Should().Be(new WhatIfPointSummary(WhatIfPoint.Deadlines, 2, 1, 0));
        report.Points.Where(p => p.Point != WhatIfPoint.Deadlines).Should().OnlyContain(p => p.Changed == 0 && p.Failed == 0);
    }

    [Fact]
    public async Task A_higher_handler_limit_changes_the_approvals_and_each_later_decision_is_asked_on_the_case_as_recorded()
    {
        await TwoClosedCasesAsync();
        var draft = PolicyPacks.LoadFolder(PackCopies.Edit(_packs.CopyOf("generic"), "pack.json", pack =>
            pack["roles"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "handler")!["approvalLimit"] = 6000));

        var report = await PolicyWhatIf.RunAsync(_harness.Store, draft);

        report.Changes.Should().HaveCount(2).And.OnlyContain(c =>
            c.Point == WhatIfPoint.Approval && c.Event == "remedy-proposed" && c.Field == "steps" &&
            c.Before == "manager" && c.After == "none (within the handler's authority)");
        report.Changes[0].RecordedRules.Should().Equal("above-handler-limit");
        report.Changes[0].DraftRules.Should().BeEmpty();

        // The manager's approval that followed is re-asked (recusal) on the case as it was, not dropped.
        Point(report, WhatIfPoint.Recusal).Should().Be(new WhatIfPointSummary(WhatIfPoint.Recusal, 4, 0, 0));
        report.ToText().Should().Contain("steps: manager → none (within the handler's authority)").And.Contain("(none matched)");
    }

    [Fact]
    public async Task Escalating_at_the_first_rejection_shows_on_the_rejection()
    {
        var driver = new CaseDriver(_harness.Service);
        var waiting = await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.AwaitingCustomer);
        await _harness.ExecuteAsync(waiting.Id, A.Coordinator(), new RecordCustomerRejection("Not enough."));

        var report = await PolicyWhatIf.RunAsync(_harness.Store, _packs.WithSetting("generic", "rejectionsBeforeEscalation", 1));

        report.Changes.Select(c => (c.Event, c.Field, c.Before, c.After)).Should().Equal(
            ("customer-rejected", "escalate", "no", "yes"),
            ("customer-rejected", "notify role", "none", "general-manager"));
        report.Changes[0].DraftRules.Should().Equal("rejected-too-often");
        Point(report, WhatIfPoint.Escalation).Should().Be(new WhatIfPointSummary(WhatIfPoint.Escalation, 1, 1, 0));
    }

    [Fact]
    public async Task A_breach_is_compared_once_for_its_escalation_and_once_for_the_handlers_sanctions()
    {
        var assigned = await new CaseDriver(_harness.Service).DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Assigned);
        _harness.Time.Advance(TimeSpan.FromDays(10));
        await _harness.ExecuteAsync(assigned.Id, Actor.System, new RecordDeadlineBreach(DeadlineKind.Propose));
        var draft = PolicyPacks.LoadFolder(PackCopies.Edit(
            PackCopies.Edit(_packs.CopyOf("generic"), "penalties.json", w => PackCopies.Rule(w, "late-handling-warning")["Properties"]!["sanctions"]![0]!["kind"] = "demerit"),
            "escalation.json", w => PackCopies.Rule(w, "deadline-breached")["Enabled"] = false));

        var same = await PolicyWhatIf.RunAsync(_harness.Store, PolicyPacks.LoadBuiltIn("generic"));
        var report = await PolicyWhatIf.RunAsync(_harness.Store, draft);

        same.HasChanges.Should().BeFalse();
        Point(same, WhatIfPoint.Escalation).Compared.Should().Be(1, "the escalation that follows the breach in the same command carries the same decision");
        Point(same, WhatIfPoint.Penalty).Compared.Should().Be(1);
        report.Changes.Select(c => (c.Event, c.Point, c.Field, c.Before, c.After)).Should().Equal(
            ("deadline-breached", WhatIfPoint.Escalation, "escalate", "yes", "no"),
            ("deadline-breached", WhatIfPoint.Escalation, "notify role", "manager", "none"),
            ("accountability-assessed", WhatIfPoint.Penalty, "sanctions", "warning", "demerit"));
        report.Changes[0].RecordedRules.Should().Equal("deadline-breached");
        report.Changes[2].DraftRules.Should().Equal("late-handling-warning");
    }

    [Fact]
    public async Task A_higher_reward_share_changes_the_reward_decided_at_closing()
    {
        var script = new CaseScript { Findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Overcharged.", Recovered: new Money(1_000, "CNY")) };
        await new CaseDriver(_harness.Service, script: script).DriveToAsync(A.Complaint().OfKind(ComplaintKind.Report).BuildIntake(), ComplaintState.Closed);
        await new CaseDriver(_harness.Service).DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Closed);

        var report = await PolicyWhatIf.RunAsync(_harness.Store, _packs.WithSetting("generic", "rewardMaxPercent", 30));

        Point(report, WhatIfPoint.Reward).Should().Be(new WhatIfPointSummary(WhatIfPoint.Reward, 1, 1, 0), "only the report is asked for a reward");
        report.Changes.Select(c => (c.Event, c.Field, c.Before, c.After)).Should().Equal(
            ("closed", "percent", "10–20 %", "10–30 %"),
            ("closed", "amount", "100 CNY – 200 CNY", "100 CNY – 300 CNY"));
        report.Changes[0].RecordedRules.Should().Equal("substantiated-report-recovered-value");
    }

    [Fact]
    public async Task Only_cases_received_in_the_period_are_replayed()
    {
        var start = _harness.Time.GetUtcNow();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var received = await _harness.ReceiveAsync(A.Complaint());
            await _harness.TriageAsync(received.Complaint.Id);
            _harness.Time.Advance(TimeSpan.FromDays(2));
        }

        var draft = _packs.WithSetting("generic", "resolveWorkingDays", 2);
        var report = await PolicyWhatIf.RunAsync(_harness.Store, draft, new WhatIfOptions { ReceivedFrom = start.AddDays(1), ReceivedTo = start.AddDays(4), PageSize = 1 });

        report.CasesRead.Should().Be(1, "only the case received on the third day is in [day 1, day 4)");
        report.Changes.Should().ContainSingle();
        (await PolicyWhatIf.RunAsync(_harness.Store, draft, new WhatIfOptions { ReceivedTo = start.AddDays(4), PageSize = 1 }))
            .CasesRead.Should().Be(2, "paging one case at a time reads every case up to the end of the period");
        (await PolicyWhatIf.RunAsync(_harness.Store, draft, new WhatIfOptions { ReceivedFrom = start, PageSize = 2 }))
            .Changes.Should().HaveCount(3);
    }

    [Fact]
    public async Task Only_cases_of_the_drafts_pack_are_replayed_unless_another_pack_is_named()
    {
        var underGeneric = await _harness.ReceiveAsync(A.Complaint());
        await _harness.TriageAsync(underGeneric.Complaint.Id);
        _harness.Policies.Load(PolicyPacks.LoadBuiltIn("hospital"));
        _harness.Policies.SetDefault("hospital");
        var underHospital = await _harness.ReceiveAsync(A.Complaint());
        underHospital.Complaint.Policy.Id.Should().Be("hospital");
        await _harness.TriageAsync(underHospital.Complaint.Id);
        var draft = _packs.WithSetting("generic", "resolveWorkingDays", 2);

        var own = await PolicyWhatIf.RunAsync(_harness.Store, draft);
        var named = await PolicyWhatIf.RunAsync(_harness.Store, draft, new WhatIfOptions { PackId = "hospital" });

        own.PackId.Should().Be("generic");
        (own.CasesRead, own.CasesReplayed, own.CasesOfOtherPacks).Should().Be((2, 1, 1));
        own.Changes.Should().OnlyContain(c => c.Case == underGeneric.Complaint.Id);
        named.PackId.Should().Be("hospital");
        named.Changes.Should().NotBeEmpty().And.OnlyContain(c => c.Case == underHospital.Complaint.Id && c.RecordedUnder.Id == "hospital");
    }

    [Fact]
    public async Task The_report_names_no_complainant_and_quotes_no_complaint_text()
    {
        var intake = A.Complaint()
            .From("Ouyang Xiaoming", new ContactDetails(Phone: "+86 139 0000 4321", Email: "ouyang.xm@example.com", Address: "12 Lotus Lane"))
            .Described("The receptionist Ms Qiu shouted at my grandmother in the lobby")
            .Claiming(20_000)
            .BuildIntake();
        await new CaseDriver(_harness.Service).DriveToAsync(intake, ComplaintState.Closed);
        var draft = _packs.WithSetting("generic", "seriousClaim", 50_000);

        var report = await PolicyWhatIf.RunAsync(_harness.Store, draft);

        report.HasChanges.Should().BeTrue();
        foreach (var rendered in new[] { report.ToText(), report.ToMarkdown(), report.ToJson(), report.ToString() })
        {
            rendered.Should().NotContainAny("Ouyang", "Xiaoming", "4321", "ouyang.xm", "Lotus", "receptionist", "Qiu", "grandmother");
        }
    }

    [Fact]
    public async Task A_decision_the_draft_cannot_make_is_reported_and_the_others_are_still_compared()
    {
        await TwoClosedCasesAsync();

        var report = await PolicyWhatIf.RunAsync(_harness.Store, new ThrowsOnApproval(PolicyPacks.LoadBuiltIn("generic")));

        report.Failures.Should().HaveCount(2).And.OnlyContain(f => f.Point == WhatIfPoint.Approval && f.Error == "InvalidOperationException");
        Point(report, WhatIfPoint.Approval).Should().Be(new WhatIfPointSummary(WhatIfPoint.Approval, 0, 0, 2));
        Point(report, WhatIfPoint.Deadlines).Compared.Should().Be(2);
        report.ToText().Should().Contain("Failures: 2");
    }

    [Fact]
    public async Task A_failure_names_the_exception_type_never_its_message_which_may_quote_the_case()
    {
        var intake = A.Complaint()
            .From("Ouyang Xiaoming", new ContactDetails(Phone: "+86 139 0000 4321"))
            .Described("The receptionist Ms Qiu shouted at my grandmother in the lobby")
            .BuildIntake();
        await new CaseDriver(_harness.Service).DriveToAsync(intake, ComplaintState.Closed);

        var report = await PolicyWhatIf.RunAsync(_harness.Store, new ThrowsQuotingTheCase(PolicyPacks.LoadBuiltIn("generic")));

        report.Failures.Should().NotBeEmpty().And.OnlyContain(f => f.Error == "InvalidOperationException");
        Point(report, WhatIfPoint.Severity).Failed.Should().BeGreaterThan(0);
        foreach (var rendered in new[] { report.ToText(), report.ToMarkdown(), report.ToJson(), report.ToString() })
        {
            rendered.Should().NotContainAny("Ouyang", "Xiaoming", "4321", "receptionist", "Qiu", "grandmother");
        }
    }

    [Fact]
    public async Task A_page_of_rows_the_store_cannot_read_does_not_end_the_replay_and_the_unreadable_cases_are_counted()
    {
        var ids = new List<ComplaintId>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var received = await _harness.ReceiveAsync(A.Complaint());
            await _harness.TriageAsync(received.Complaint.Id);
            ids.Add(received.Complaint.Id);
            _harness.Time.Advance(TimeSpan.FromHours(1));
        }

        // The first case's row cannot be read: with one case a page, the first page comes back empty.
        var store = new SkipsUnreadableRows(_harness.Store, ids[0]);
        var report = await PolicyWhatIf.RunAsync(store, _packs.WithSetting("generic", "resolveWorkingDays", 2), new WhatIfOptions { PageSize = 1 });

        (report.CasesRead, report.CasesReplayed, report.CasesUnreadable).Should().Be((2, 2, 1));
        report.Changes.Select(c => c.Case).Should().Equal(ids[1], ids[2]);
        report.ToText().Should().Contain("Cases the store could not read (not replayed): 1");
        report.ToMarkdown().Should().Contain("1 the store could not read (not replayed)");
        System.Text.Json.JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("casesUnreadable").GetInt32().Should().Be(1);
        (await PolicyWhatIf.RunAsync(_harness.Store, PolicyPacks.LoadBuiltIn("generic"))).CasesUnreadable.Should().Be(0);
    }

    [Fact]
    public async Task A_penalty_is_re_asked_only_of_a_person_the_journal_shows_before_the_assessment()
    {
        var assigned = await new CaseDriver(_harness.Service).DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Assigned);

        // A receiver who never acted on the case: the journal keeps their id, not the roles the command gave.
        var stranger = A.Handler("stranger");
        await _harness.ExecuteAsync(assigned.Id, A.Manager(), new AssessAccountability(stranger, Misconduct.LateHandling));

        // A person assigned to the case only after their assessment: their later roles are not used.
        var later = A.Handler("later-handler");
        await _harness.ExecuteAsync(assigned.Id, A.Manager(), new AssessAccountability(later, Misconduct.LateHandling));
        await _harness.ExecuteAsync(assigned.Id, A.Manager(), new Reassign(later, "Workload."));

        // The handler, assigned before: compared.
        await _harness.ExecuteAsync(assigned.Id, A.Manager(), new AssessAccountability(assigned.Assignee!, Misconduct.LateHandling));

        var report = await PolicyWhatIf.RunAsync(_harness.Store, PolicyPacks.LoadBuiltIn("generic"));

        var penalty = Point(report, WhatIfPoint.Penalty);
        (penalty.Compared, penalty.NotComparable).Should().Be((1, 2));
        report.HasChanges.Should().BeFalse();
        report.ToText().Should().Contain("Not comparable: 2 penalty decision(s)");
        report.ToMarkdown().Should().Contain("Not comparable: 2 penalty decision(s)");
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        var at = _harness.Time.GetUtcNow();

        var run = () => PolicyWhatIf.RunAsync(_harness.Store, PolicyPacks.LoadBuiltIn("generic"), new WhatIfOptions { ReceivedFrom = at, ReceivedTo = at.AddDays(-1) });

        (await run.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "ReceivedTo");
    }

    [Fact]
    public async Task The_json_report_carries_each_change_with_its_rules()
    {
        await TwoClosedCasesAsync();

        var report = await PolicyWhatIf.RunAsync(_harness.Store, _packs.WithSetting("generic", "resolveWorkingDays", 2));
        var json = System.Text.Json.JsonDocument.Parse(report.ToJson()).RootElement;

        json.GetProperty("changes").GetArrayLength().Should().Be(1);
        var change = json.GetProperty("changes")[0];
        change.GetProperty("point").GetString().Should().Be("deadlines");
        change.GetProperty("recordedRules")[0].GetString().Should().Be("resolve-3wd");
        json.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("point").GetString() == "deadlines").GetProperty("changed").GetInt32().Should().Be(1);
        report.ToMarkdown().Should().Contain("| deadlines | 2 | 1 | 1 | 0 |").And.Contain("| resolve deadline | 3 working days from receipt, warning at 75 % | 2 working days from receipt, warning at 75 % | resolve-3wd | resolve-3wd |");
    }

    /// <summary>A hand-written draft whose exception quotes the case, as careless code does.</summary>
    private sealed class ThrowsQuotingTheCase(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner)
    {
        public override SeverityDecision Classify(Complaint complaint) =>
            throw new InvalidOperationException($"cannot classify {complaint.Intake.Complainant.Name} ({complaint.Intake.Complainant.Contact.Phone}): {complaint.Intake.Description}");
    }

    /// <summary>A store that steps past one case's row, as the SQL stores step past a row they cannot read.</summary>
    private sealed class SkipsUnreadableRows(Ports.IComplaintStore inner, ComplaintId unreadable) : Ports.IComplaintStore
    {
        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(Ports.CaseChange change, CancellationToken cancellationToken = default) => throw new InvalidOperationException("read only");

        public Task<IReadOnlyList<Journal.JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public async Task<IReadOnlyList<Complaint>> QueryAsync(Ports.ComplaintQuery query, CancellationToken cancellationToken = default) =>
            (await inner.QueryAsync(query, cancellationToken)).Where(c => c.Id != unreadable).ToArray();

        public async Task<IReadOnlyList<Ports.DeskItem>> QueryDeskAsync(Ports.DeskQuery query, CancellationToken cancellationToken = default) =>
            (await inner.QueryDeskAsync(query, cancellationToken)).Where(d => d.Complaint.Id != unreadable).ToArray();

        public Task<IReadOnlyList<Ports.ComplaintCount>> CountAsync(Ports.ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
    }

    private sealed class ThrowsOnApproval(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner)
    {
        public override ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy) => throw new InvalidOperationException("no approval rules in this draft");
    }
}
