using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Rules.Tests.Loading;
using Complaints.Testing;
using static Complaints.Rules.Tests.Loading.PackFolders;

namespace Complaints.Rules.Tests.Decisions;

/// <summary>
/// The notices decision point (<c>notices.json</c>): who is told at which event, as every built-in pack says it, and
/// what loading says about a notice rule that names an unknown role, event, deadline or kind.
/// </summary>
public sealed class NoticeDecisionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-notices-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Packs => new(PolicyPacks.BuiltIn);

    private static readonly NoticeEvent Triaged = new("triaged");

    // ---- every built-in pack ----------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_pack_tells_the_complainant_of_a_rejection_a_redirection_and_an_extension(string packId)
    {
        var pack = PolicyPacks.LoadBuiltIn(packId);
        var complaint = A.Complaint().Build();

        Told(pack, complaint, new NoticeEvent("rejected")).Should().Equal((Notice.Complainant, NotificationKind.Rejection));
        Told(pack, complaint, new NoticeEvent("redirected")).Should().Equal((Notice.Complainant, NotificationKind.Redirection));
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            Told(pack, complaint, new NoticeEvent("deadline-extended", kind)).Should().Equal([(Notice.Complainant, NotificationKind.DeadlineExtension)], "an extension of the {0} deadline is explained", kind);
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_pack_tells_the_complainant_of_progress_when_the_resolution_deadline_passes_without_a_result(string packId)
    {
        var pack = PolicyPacks.LoadBuiltIn(packId);
        var complaint = A.Complaint().Build();

        var decision = pack.DecideNotices(complaint, new NoticeEvent("deadline-breached", DeadlineKind.Resolve));

        decision.Notices.Should().ContainSingle().Which.Should().Match<Notice>(n => n.To == Notice.Complainant && n.Kind == NotificationKind.Progress && n.Rule == "progress-at-the-promised-time");
        decision.Explanation.MatchedRules.Should().Equal("progress-at-the-promised-time");
        Told(pack, complaint, new NoticeEvent("deadline-breached", DeadlineKind.Propose)).Should().BeEmpty("the propose deadline is not a promise to the complainant");
        Told(pack, complaint, new NoticeEvent("deadline-warned", DeadlineKind.Resolve)).Should().BeEmpty("the promised time has not come yet");
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void No_pack_adds_a_notice_at_assignment_or_closing(string packId)
    {
        var pack = PolicyPacks.LoadBuiltIn(packId);
        var complaint = A.Complaint().Classified(Severity.Major).RoutedTo("service", "manager").Build();

        Told(pack, complaint, new NoticeEvent("handler-assigned")).Should().BeEmpty();
        Told(pack, complaint, new NoticeEvent("closed")).Should().BeEmpty();
    }

    // ---- auto-dealership: a major complaint at once to the department manager and the general manager ----------

    [Fact]
    public void Dealership_major_complaint_at_triage_goes_at_once_to_the_department_manager_and_the_general_manager()
    {
        var pack = PolicyPacks.LoadBuiltIn("auto-dealership");
        var major = A.Complaint().Classified("repair-quality", Severity.Major).RoutedTo("service", "manager").Build();

        var decision = pack.DecideNotices(major, Triaged);

        decision.Notices.Select(n => (n.To, n.Kind)).Should().Equal(("manager@department", NotificationKind.Alert), ("general-manager", NotificationKind.Alert));
        decision.Notices.Should().OnlyContain(n => n.Reason.Contains("major complaint", StringComparison.Ordinal) && n.Reason.Contains("DOMAIN.md", StringComparison.Ordinal));
        decision.Explanation.MatchedRules.Should().Equal("major-complaint-to-the-department-manager-at-once", "major-complaint-to-the-general-manager-at-once");
        decision.Explanation.Policy.Should().Be(pack.Identity);
        decision.Should().Tell("general-manager", NotificationKind.Alert).And.Tell("manager@department", NotificationKind.Alert)
            .And.HaveMatched("major-complaint-to-the-general-manager-at-once").And.BeDecidedBy("auto-dealership");
    }

    [Fact]
    public void The_assertions_say_who_was_told_instead_and_which_rules_matched()
    {
        var decision = PolicyPacks.LoadBuiltIn("auto-dealership").DecideNotices(A.Complaint().Classified(Severity.Major).RoutedTo("service", "manager").Build(), Triaged);

        FluentActions.Invoking(() => decision.Should().Tell(Notice.Complainant, NotificationKind.Alert, "the customer hears of it"))
            .Should().Throw<Exception>().WithMessage(
                // The subject is named from the calling code ("decision", or "notice decision" where a Debug build's symbols tell more).
                "Expected *decision to tell \"complainant\" (Alert) because the customer hears of it, but it tells \"manager@department\" (Alert), \"general-manager\" (Alert).*major-complaint-to-the-general-manager-at-once*");
        FluentActions.Invoking(() => decision.Should().TellNoOne()).Should().Throw<Exception>().WithMessage("*to tell no one, but it tells*");
    }

    [Theory]
    [InlineData(Severity.Minor)]
    [InlineData(Severity.General)]
    [InlineData(Severity.Serious)]
    public void Dealership_complaint_below_major_tells_no_manager_at_triage(Severity tier)
    {
        var pack = PolicyPacks.LoadBuiltIn("auto-dealership");

        pack.DecideNotices(A.Complaint().Classified(tier).RoutedTo("service", "manager").Build(), Triaged).Should().TellNoOne();
    }

    [Fact]
    public void Dealership_major_complaint_is_not_announced_again_at_a_later_event()
    {
        var pack = PolicyPacks.LoadBuiltIn("auto-dealership");
        var major = A.Complaint().Classified(Severity.Major).RoutedTo("service", "manager").Build();

        Told(pack, major, new NoticeEvent("findings-recorded")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("hospital")]
    [InlineData("tobacco-retail")]
    [InlineData("food-service")]
    public void Other_packs_send_no_alert_at_triage_even_for_a_major_complaint(string packId) =>
        Told(PolicyPacks.LoadBuiltIn(packId), A.Complaint().Classified(Severity.Major).Build(), Triaged).Should().BeEmpty();

    [Fact]
    public void Tobacco_extension_cites_article_16()
    {
        var notice = PolicyPacks.LoadBuiltIn("tobacco-retail").DecideNotices(A.Complaint().Build(), new NoticeEvent("deadline-extended", DeadlineKind.Resolve)).Notices.Single();

        notice.Reason.Should().Contain("第十六条");
    }

    // ---- the events -------------------------------------------------------------------------------------------

    [Fact]
    public void A_journal_event_is_named_as_the_journal_spells_it_with_the_deadline_of_a_deadline_event()
    {
        var explanation = new PolicyExplanation(new PolicyRef("p", "1"), []);

        NoticeEvent.Of(new ComplaintRejected("No facts.", null)).Should().Be(new NoticeEvent("rejected"));
        NoticeEvent.Of(new DeadlineBreached(DeadlineKind.Resolve, DateTimeOffset.UnixEpoch, new EscalationDecision(false, null, null, explanation)))
            .Should().Be(new NoticeEvent("deadline-breached", DeadlineKind.Resolve));
        NoticeEvent.Of(new DeadlineExtended(DeadlineKind.NotifyResult, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "Complex."))
            .Should().Be(new NoticeEvent("deadline-extended", DeadlineKind.NotifyResult));
        NoticeEvent.Names.Should().Contain(["triaged", "rejected", "redirected", "deadline-extended", "deadline-breached", "received"]);
    }

    [Fact]
    public void An_event_type_the_journal_does_not_know_is_refused_by_name() =>
        FluentActions.Invoking(() => NoticeEvent.Of(new ForeignEvent())).Should().Throw<ArgumentException>().WithMessage("*ForeignEvent is not a journal event type*");

    private sealed record ForeignEvent : ComplaintEvent;

    // ---- loading ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_pack_without_notices_json_loads_and_adds_no_notice()
    {
        var folder = CopyOf("auto-dealership", Folder());
        File.Delete(Path.Combine(folder, "notices.json"));

        var pack = PolicyPacks.LoadFolder(folder);
        var decision = pack.DecideNotices(A.Complaint().Classified(Severity.Major).Build(), Triaged);

        decision.Notices.Should().BeEmpty();
        decision.Explanation.Rules.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_role_is_named_with_the_packs_roles()
    {
        var folder = CopyOf("auto-dealership", Folder());
        EditRule(folder, "notices.json", "major-complaint-to-the-general-manager-at-once", rule => rule["Properties"]!["to"] = "ceo");
        EditRule(folder, "notices.json", "major-complaint-to-the-department-manager-at-once", rule => rule["Properties"]!["to"] = "boss@department");

        var problems = LoadProblems(folder);

        problems.Should().HaveCount(2).And.OnlyContain(p => p.File == "notices.json" && p.Reason.Contains("general-manager") && p.Reason.Contains("'complainant'"));
        problems.Should().Contain(p => p.Rule == "major-complaint-to-the-general-manager-at-once" && p.Reason.Contains("'ceo'"));
        problems.Should().Contain(p => p.Rule == "major-complaint-to-the-department-manager-at-once" && p.Reason.Contains("'boss@department'"));
    }

    [Fact]
    public void An_unknown_event_or_deadline_is_named_with_the_known_ones()
    {
        var folder = CopyOf("generic", Folder());
        EditRule(folder, "notices.json", "rejection-told-with-the-reason", rule => rule["Expression"] = "notice.Event == \"refused\"");
        EditRule(folder, "notices.json", "progress-at-the-promised-time", rule => rule["Expression"] = "notice.Event == \"deadline-breached\" && \"resolution\" == notice.Deadline");

        var problems = LoadProblems(folder);

        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.Rule == "rejection-told-with-the-reason" && p.Reason.Contains("\"refused\", which is no event") && p.Reason.Contains("triaged"));
        problems.Should().Contain(p => p.Rule == "progress-at-the-promised-time" && p.Reason.Contains("\"resolution\", which is no deadline") && p.Reason.Contains("resolve"));
    }

    [Fact]
    public void An_unknown_kind_a_missing_reason_and_an_unknown_output_are_each_named()
    {
        var folder = CopyOf("generic", Folder());
        EditRule(folder, "notices.json", "rejection-told-with-the-reason", rule => rule["Properties"]!["kind"] = "letter");
        EditRule(folder, "notices.json", "redirection-told-with-where-to-go", rule => rule["Properties"]!.AsObject().Remove("reason"));
        EditRule(folder, "notices.json", "extension-told-with-the-reason", rule => rule["Properties"]!["recipient"] = "complainant");

        var problems = LoadProblems(folder);

        problems.Should().HaveCount(3);
        problems.Should().Contain(p => p.Rule == "rejection-told-with-the-reason" && p.Reason.Contains("'kind' is 'letter'") && p.Reason.Contains("deadline-extension"));
        problems.Should().Contain(p => p.Rule == "redirection-told-with-where-to-go" && p.Reason.Contains("'reason' is required"));
        problems.Should().Contain(p => p.Rule == "extension-told-with-the-reason" && p.Reason.Contains("unknown output 'recipient'"));
    }

    [Fact]
    public void An_own_notice_rule_adds_its_notice_with_its_text()
    {
        var folder = CopyOf("generic", Folder());
        EditFile(folder, "notices.json", workflow => workflow["Rules"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            { "RuleName": "handler-told-of-a-warning", "Expression": "notice.Event == \"deadline-warned\"",
              "Properties": { "to": "handler", "kind": "deadline-warning", "reason": "the handler chases their own deadlines", "text": "Call the customer." } }
            """)));

        var notice = PolicyPacks.LoadFolder(folder).DecideNotices(A.Complaint().Build(), new NoticeEvent("deadline-warned", DeadlineKind.Propose)).Notices.Single();

        notice.Should().Be(new Notice(Notice.Handler, NotificationKind.DeadlineWarning, "the handler chases their own deadlines") { Text = "Call the customer.", Rule = "handler-told-of-a-warning" });
    }

    private static (string To, NotificationKind Kind)[] Told(PolicyPack pack, Complaint complaint, NoticeEvent at) =>
        pack.DecideNotices(complaint, at).Notices.Select(n => (n.To, n.Kind)).ToArray();

    private string Folder() => Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
}
