using System.Text.RegularExpressions;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Testing;
using Complaints.Testing.Stores;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Complaints.Workflow.Tests.Notifications;

/// <summary>
/// The notifications' texts: templates per culture (English and Simplified Chinese shipped), the culture a case is
/// written in, enum values as words, and a host's own templates — checked when they are registered.
/// </summary>
public sealed partial class NoticeTemplateTests
{
    private static readonly ContactDetails Contact = new(Phone: "+86 139 1111 2222", Email: "wang.fang@example.cn");
    private static readonly NoticeTemplates Templates = NoticeTemplates.Default;
    private static readonly PolicyPack Generic = PolicyPacks.LoadBuiltIn("generic");

    // Names of enum values a text must never print for its words.
    private static readonly string[] EnumNames =
        [.. Enum.GetNames<DeadlineKind>(), .. Enum.GetNames<RemedyKind>(), "Minor", "Major", "Serious", "StaffError", "AwaitingApproval"];

    [Theory]
    [InlineData(NoticeTemplates.English)]
    [InlineData(NoticeTemplates.ChineseSimplified)]
    public void Every_shipped_template_is_valid_and_renders_without_a_placeholder_left(string culture)
    {
        foreach (var (key, placeholders) in NoticeTemplates.Placeholders)
        {
            var template = Templates.Template(culture, key);
            var act = () => Templates.With(culture, new Dictionary<string, string> { [key] = template });
            act.Should().NotThrow("the shipped {0} template of {1} uses only its own placeholders", culture, key);

            var rendered = Templates.Render(culture, key, placeholders.ToDictionary(p => p, p => "«" + p + "»"));
            rendered.Should().NotContainAny(["{", "}"], "{0} of {1} has every placeholder filled", key, culture);
            foreach (var used in placeholders.Where(p => template.Contains("{" + p + "}", StringComparison.Ordinal)))
            {
                rendered.Should().Contain("«" + used + "»");
            }
        }
    }

    [Fact]
    public void Every_template_is_translated_into_Chinese()
    {
        foreach (var key in NoticeTemplates.Placeholders.Keys.Where(k => !k.StartsWith("format.", StringComparison.Ordinal)))
        {
            Templates.Template(NoticeTemplates.ChineseSimplified, key).Should().NotBe(Templates.Template(NoticeTemplates.English, key), "{0} is written in Chinese, not left to English", key);
        }
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("ZH-cn", "zh-CN")]
    [InlineData("zh_CN", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("fr-FR", "en")]
    [InlineData("x", "en")]
    public void A_culture_without_templates_falls_back_to_its_parent_then_to_the_default(string? requested, string expected) =>
        Templates.CultureFor(requested).Should().Be(expected);

    [Fact]
    public void Enum_values_are_words_in_the_culture_not_their_names()
    {
        Templates.Word("en", DeadlineKind.Acknowledge).Should().Be("acknowledgement");
        Templates.Word("zh-CN", DeadlineKind.Acknowledge).Should().Be("受理告知");
        Templates.Word("en", RemedyKind.CorrectiveAction).Should().Be("corrective action");
        Templates.Word("zh-CN", RemedyKind.Refund).Should().Be("退款");
        Templates.Word("en", Severity.Major).Should().Be("major");
        Templates.Word("zh-Hans", Severity.Major).Should().Be("重大");
        Templates.Word("en", RootCause.StaffError).Should().Be("staff error");
        Templates.Word("zh-CN", ComplaintState.Investigating).Should().Be("调查核实中");
    }

    [Fact]
    public async Task A_case_in_Chinese_is_told_everything_in_Chinese_with_words_and_Chinese_dates()
    {
        var h = new StoreHarness(new InMemoryComplaintStore());
        var id = await h.DriveToAsync(ComplaintState.Closed, A.Complaint().From("王芳", Contact).InCulture("zh-CN"), remedy: A.Remedy(RemedyKind.Compensation, 6_000));
        var stored = await h.StoredAsync(id);
        var messages = (await ((InMemoryComplaintStore)h.Store).ReadOutboxAsync(id)).Select(m => m.Notification).ToArray();

        messages.Select(m => m.Kind).Should().ContainInOrder(
            NotificationKind.Acknowledgement, NotificationKind.Assignment, NotificationKind.ApprovalRequest, NotificationKind.ResultNotice, NotificationKind.SatisfactionSurvey);
        var resolve = stored.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt.UtcDateTime;
        messages.Single(m => m.Kind == NotificationKind.Acknowledgement).Body
            .Should().Be($"我们已收到您的投诉（编号 {id}），将于 {resolve.Year}年{resolve.Month}月{resolve.Day}日 前给您答复。");
        messages.Single(m => m.Kind == NotificationKind.ApprovalRequest && m.Recipient == Notification.ToRole(stored.Approvals[0].Role)).Body
            .Should().Contain("赔偿", "the remedy's kind is a word of the culture");
        foreach (var m in messages)
        {
            m.Subject.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}");
            m.Subject.Should().NotContainAny(["{", "}"]);
            if (m.Kind != NotificationKind.ResultNotice)
            {
                m.Body.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}").And.NotContainAny(["{", "}"]);
                Regex.Split(m.Subject + " " + m.Body, @"\W+").Should().NotIntersectWith(EnumNames);
            }

            if (m.Recipient != Notification.Complainant)
            {
                (m.Subject + m.Body).Should().NotContainAny(["王芳", Contact.Phone!, Contact.Email!], "staff never see who complained, in any language");
            }
        }
    }

    [Fact]
    public void Deadline_messages_name_the_deadline_in_words_and_the_due_time_in_UTC()
    {
        var complaint = A.Complaint().Classified("repair", Severity.Major).Build();
        var due = new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);
        var breach = new DeadlineBreached(DeadlineKind.Resolve, due, new EscalationDecision(false, null, "general-manager", new PolicyExplanation(Generic.Identity, [])));

        var en = NotificationPlanner.Plan(complaint, [Entry(complaint, breach)]);
        var zh = NotificationPlanner.Plan(complaint with { Intake = complaint.Intake with { Culture = "zh-CN" } }, [Entry(complaint, breach)]);

        en[0].Subject.Should().Be($"The resolution deadline of complaint {complaint.Id} was breached");
        en[0].Body.Should().Be($"The resolution deadline of complaint {complaint.Id} (repair, major, about {complaint.Intake.Subject.Name}) was due at 2026-03-05 09:30:00Z and was missed.");
        zh[0].Subject.Should().Be($"投诉 {complaint.Id} 的答复处理结果时限已超期");
        zh[0].Body.Should().Be($"投诉 {complaint.Id}（repair，重大，涉及：{complaint.Intake.Subject.Name}）的答复处理结果时限已于 2026年3月5日 09:30（UTC） 到期，未能按时完成。");
        zh.Select(n => n.Id).Should().Equal(en.Select(n => n.Id), "a notification's id never depends on its text");
    }

    [Fact]
    public void The_culture_is_the_intakes_else_the_policys_else_the_default()
    {
        var complaint = A.Complaint().From("王芳", Contact).Build();
        var chinesePack = new CulturePolicy(Generic, "zh-CN");
        var triaged = new ComplaintTriaged(
            new AdmissibilityDecision(AdmissibilityOutcome.Accept, null, null, new PolicyExplanation(Generic.Identity, [])),
            new SeverityDecision("general", Severity.General, [], new PolicyExplanation(Generic.Identity, [])),
            new RoutingDecision(new DepartmentId("service"), "handler", new PolicyExplanation(Generic.Identity, [])),
            new DeadlineDecision([], new PolicyExplanation(Generic.Identity, [])),
            []);

        string Acknowledgement(Complaint c, IComplaintPolicy? policy) =>
            NotificationPlanner.Plan(c, [Entry(c, triaged)], policy).First(n => n.Kind == NotificationKind.Acknowledgement).Subject;

        Acknowledgement(complaint, Generic).Should().Be($"Your complaint {complaint.Id} was received", "the generic pack names no culture: the default, English");
        Acknowledgement(complaint, chinesePack).Should().Be($"您的投诉（编号 {complaint.Id}）已受理", "the pack's culture");
        Acknowledgement(complaint with { Intake = complaint.Intake with { Culture = "en" } }, chinesePack)
            .Should().Be($"Your complaint {complaint.Id} was received", "the complainant's own choice wins over the pack's");
    }

    [Fact]
    public async Task A_host_replaces_single_templates_and_words_and_may_write_to_staff_in_another_culture()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(Generic)
            .UseNoticeTemplates("zh-CN", new Dictionary<string, string> { ["acknowledgement.subject"] = "【某某公司】投诉 {case} 已受理" })
            .UseNoticeTemplates(t => t.WithStaffCulture("en"))
            .UseNoticeTemplates("en", new Dictionary<string, string> { ["DeadlineKind.Propose"] = "remedy proposal" });
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var store = (InMemoryComplaintStore)provider.GetRequiredService<Ports.IComplaintStore>();

        var id = (await service.ReceiveAsync(A.Receiver(), A.Complaint().From("王芳", Contact).InCulture("zh-CN").BuildIntake())).Complaint.Id;
        await service.ExecuteAsync(id, StoreHarness.Coordinator, new Commands.Triage());
        await service.ExecuteAsync(id, StoreHarness.Coordinator, new Commands.Assign(StoreHarness.Handler));
        var messages = (await store.ReadOutboxAsync(id)).Select(m => m.Notification).ToArray();

        messages.Single(m => m.Kind == NotificationKind.Acknowledgement).Subject.Should().Be($"【某某公司】投诉 {id} 已受理");
        messages.Single(m => m.Kind == NotificationKind.Acknowledgement).Body.Should().StartWith("我们已收到您的投诉", "templates not replaced stay as shipped");
        messages.Single(m => m.Kind == NotificationKind.Assignment).Subject.Should().Be($"Complaint {id} was assigned to you", "staff are written to in English");
        provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value.NoticeTemplates.Word("en", DeadlineKind.Propose).Should().Be("remedy proposal");
    }

    [Fact]
    public async Task A_culture_added_in_one_call_can_be_made_the_default_in_a_later_one()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePolicy(Generic)
            .UseNoticeTemplates("fr", new Dictionary<string, string> { ["acknowledgement.subject"] = "Votre réclamation {case} est reçue" })
            .UseNoticeTemplates(t => t.WithDefaultCulture("fr"));
        await using var provider = services.BuildServiceProvider();

        var templates = provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value.NoticeTemplates;

        templates.CultureFor("de").Should().Be("fr", "the later call sees the culture the earlier one added");
    }

    [Fact]
    public void A_template_with_a_placeholder_it_cannot_fill_is_refused_at_registration_naming_it()
    {
        var builder = new ServiceCollection().AddComplaints();

        var act = () => builder.UseNoticeTemplates("en", new Dictionary<string, string> { ["acknowledgement.body"] = "We have {case} and will answer by {when}." });

        var e = act.Should().Throw<NoticeTemplateException>().Which;
        e.Key.Should().Be("acknowledgement.body");
        e.Placeholder.Should().Be("when");
        e.Culture.Should().Be("en");
        e.Message.Should().Contain("acknowledgement.body").And.Contain("{when}").And.Contain("{due}");
    }

    [Theory]
    [InlineData("acknowledgment.subject", "Thanks", "acknowledgment.subject")]
    [InlineData("acknowledgement.subject", "Your complaint {case was received", "acknowledgement.subject")]
    [InlineData("acknowledgement.subject", "Your complaint case} was received", "acknowledgement.subject")]
    [InlineData("DeadlineKind.Later", "later", "DeadlineKind.Later")]
    [InlineData("event.no-such-event", "?", "event.no-such-event")]
    public void An_unknown_key_or_an_unpaired_brace_is_refused_naming_the_key(string key, string text, string named)
    {
        var act = () => Templates.With("fr", new Dictionary<string, string> { [key] = text });

        act.Should().Throw<NoticeTemplateException>().Which.Key.Should().Be(named);
    }

    [Fact]
    public void A_new_culture_takes_what_it_lacks_from_English_and_doubled_braces_are_literal()
    {
        var french = Templates.With("fr", new Dictionary<string, string> { ["acknowledgement.subject"] = "Votre réclamation {case} est reçue {{réf.}}" });
        var values = new Dictionary<string, string> { ["case"] = "C-1" };

        french.CultureFor("fr-CA").Should().Be("fr");
        french.Render("fr-CA", "acknowledgement.subject", values).Should().Be("Votre réclamation C-1 est reçue {réf.}");
        french.Render("fr", "survey.subject", values).Should().Be("How did we do on your complaint C-1?");
        french.WithDefaultCulture("fr").CultureFor("de").Should().Be("fr");
        ((Action)(() => Templates.WithDefaultCulture("de"))).Should().Throw<ArgumentException>().WithMessage("*de*");
    }

    [Fact]
    public async Task An_intake_culture_that_is_not_a_tag_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var store = new InMemoryComplaintStore();
        var h = new StoreHarness(store);

        var act = () => h.Service.ReceiveAsync(A.Receiver(), A.Complaint().InCulture("Chinese (simplified)").BuildIntake());

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "Intake.Culture");
        (await store.QueryAsync(new Ports.ComplaintQuery())).Should().BeEmpty();
    }

    private static JournalEntry Entry(Complaint c, ComplaintEvent happened) =>
        new(c.Id, c.Version + 1, StoreHarness.Start, Actor.System, c.State, c.State, happened, Guid.Empty);

    private sealed class CulturePolicy(PolicyPack pack, string culture) : ComplaintPolicyDecorator(pack)
    {
        public override string? Culture => culture;
    }
}
