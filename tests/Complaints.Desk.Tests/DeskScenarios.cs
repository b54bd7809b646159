using System.Text.RegularExpressions;
using Complaints.Commands;
using Complaints.Demo;
using Complaints.Ports;
using Complaints.Testing;
using Microsoft.Playwright;

namespace Complaints.Desk.Tests;

/// <summary>
/// The desk driven in headless Chromium as its users would: the pages show what the complaint service decides
/// (redaction, recusal, permissions, validation) and nothing else.
/// </summary>
public sealed partial class DeskScenarios(DeskFixture desk) : IClassFixture<DeskFixture>
{
    [Fact]
    public async Task A_coordinator_receives_a_walk_in_complaint_and_triages_it()
    {
        var page = await desk.SignedInAsync(Hospital.Coordinator.Id.Value);
        await ReceiveAsync(page, "Liu Yang", "+86 139 2222 3333", "Nurse Li, ward 5", Hospital.NurseLi.Id.Value, "nursing-care");
        (await page.TextContentAsync("#state")).Should().Be(nameof(ComplaintState.Received));

        await ActAsync(page, ComplaintAction.ConfirmReadBack);
        await ActAsync(page, ComplaintAction.Triage);

        (await page.TextContentAsync("#state")).Should().Be(nameof(ComplaintState.Triaged));
        var timeline = await page.TextContentAsync("#timeline");
        timeline.Should().Contain("nursing-care-to-nursing-department", "the routing decision shows the rule that matched")
            .And.Contain("complaint.Category=\"nursing-care\"", "and the value that fired it");
        (await page.Locator("#deadlines .due.later, #deadlines .due.soon").CountAsync()).Should().BeGreaterThan(0, "the new case's deadlines are open and coloured");
        await ScreenshotAsync(page, "case.png", fullPage: true);
    }

    [Fact]
    public async Task The_accused_signs_in_and_cannot_see_who_complained()
    {
        var coordinator = await desk.SignedInAsync(Hospital.Coordinator.Id.Value);
        var url = await ReceiveAsync(coordinator, "Zhu Hong", "+86 138 5555 0101", "Nurse Li, ward 5", Hospital.NurseLi.Id.Value, "nursing-care");
        await ActAsync(coordinator, ComplaintAction.ConfirmReadBack);
        await ActAsync(coordinator, ComplaintAction.Triage);

        var accused = await desk.SignedInAsync(Hospital.NurseLi.Id.Value);
        await accused.GotoAsync(url);

        (await accused.TextContentAsync("#complainant")).Should().Contain(Complainant.Withheld);
        var html = await accused.ContentAsync();
        html.Should().NotContain("Zhu Hong").And.NotContain("5555 0101");
        (await accused.Locator("#no-actions").IsVisibleAsync()).Should().BeTrue("the person complained about may do nothing on the case");
    }

    [Fact]
    public async Task A_handler_investigates_and_proposes_a_remedy()
    {
        var id = await ArrangeBillingAsync(ComplaintState.Assigned);
        var page = await desk.SignedInAsync(Hospital.FinanceHandler.Id.Value);
        await page.GotoAsync($"/Case/{id.Value}");

        await ActAsync(page, ComplaintAction.StartInvestigation);
        await ActAsync(page, ComplaintAction.AddEvidence, ("reference", "his://payments/1103-2"), ("description", "two payments 30 s apart"));
        await ActAsync(page, ComplaintAction.RecordFindings, ("outcome", nameof(FindingOutcome.Substantiated)), ("cause", nameof(RootCause.ProcessGap)), ("summary", "The terminal retried after a time-out."));
        await ActAsync(page, ComplaintAction.ProposeRemedy, ("kind", nameof(RemedyKind.Refund)), ("description", "Refund the duplicate charge"), ("amount", "1200"));

        (await page.TextContentAsync("#state")).Should().Be(nameof(ComplaintState.AwaitingApproval));
        (await page.TextContentAsync("#pending-approval")).Should().Be(ComplaintRoles.Manager);
        (await page.TextContentAsync("#timeline")).Should().Contain("above-handler-limit-needs-department-head").And.Contain("remedy.Amount=1200");
    }

    [Fact]
    public async Task A_manager_approves_from_the_inbox()
    {
        var id = await ArrangeBillingAsync(ComplaintState.AwaitingApproval);

        var page = await desk.SignedInAsync(Hospital.FinanceManager.Id.Value);
        await page.ClickAsync("header a[href='/Approvals']");
        await page.ClickAsync($"tr[data-case='{id.Value}'] a");
        await page.ArriveAsync(CasePage(), "#summary");
        await ActAsync(page, ComplaintAction.Approve, ("note", "Agreed; stop the terminal retrying."));

        (await page.TextContentAsync("#pending-approval")).Should().BeEmpty();
        (await page.TextContentAsync("#timeline")).Should().Contain(nameof(Journal.RemedyApproved));
        await page.GotoAsync("/Approvals");
        (await page.Locator($"tr[data-case='{id.Value}']").CountAsync()).Should().Be(0, "an approved case leaves the inbox");
    }

    [Fact]
    public async Task A_recused_person_does_not_get_the_action()
    {
        var id = await ArrangeAsync(Hospital.HeadNurse, "nursing-care", Hospital.Nursing, "Ward 3 night round", ComplaintState.Assigned);
        var page = await desk.SignedInAsync(Hospital.HeadNurse.Id.Value);
        await page.GotoAsync($"/Case/{id.Value}");
        (await page.Locator("form[data-action='StartInvestigation']").CountAsync()).Should().Be(1, "the handler may start before stepping aside");

        await ActAsync(page, ComplaintAction.Recuse, ("reason", "The complainant is my neighbour."));

        (await page.Locator("form[data-action='StartInvestigation']").CountAsync()).Should().Be(0);
        (await page.Locator("#no-actions").IsVisibleAsync()).Should().BeTrue();
        await page.GotoAsync("/");
        (await page.Locator($"tr[data-case='{id.Value}']").CountAsync()).Should().Be(0, "a case one stepped aside from is not on one's desk");
    }

    [Fact]
    public async Task My_desk_colours_each_due_date_by_urgency()
    {
        var overdue = await ArrangeBillingAsync(ComplaintState.Assigned);
        desk.Clock.SetUtcNow((await NextDueAsync(overdue)).AddHours(1));
        var soon = await ArrangeBillingAsync(ComplaintState.Assigned);
        desk.Clock.SetUtcNow((await NextDueAsync(soon)).AddHours(-1));
        var later = await ArrangeBillingAsync(ComplaintState.Assigned);

        var page = await desk.SignedInAsync(Hospital.FinanceHandler.Id.Value);

        (await UrgencyAsync(page, overdue)).Should().Be("due overdue");
        (await UrgencyAsync(page, soon)).Should().Be("due soon");
        (await UrgencyAsync(page, later)).Should().Be("due later");
        await ScreenshotAsync(page, "desk.png", fullPage: false);
    }

    [Fact]
    public async Task An_invalid_intake_shows_the_field_errors_and_records_nothing()
    {
        var before = await CountAsync();
        var page = await desk.SignedInAsync(Hospital.Coordinator.Id.Value);
        await page.GotoAsync("/Intake");
        await page.FillAsync("[name=ComplainantName]", "Gu Lan");
        await page.ClickAsync("#receive");

        await page.WaitForSelectorAsync("#problem");
        page.Url.Should().EndWith("/Intake", "the form is shown again, not a case");
        (await page.Locator("label:has([name=Description]) + .field-error").TextContentAsync()).Should().Contain("required");
        (await page.Locator("label:has([name=SubjectName]) + .field-error").TextContentAsync()).Should().Contain("required");
        (await page.InputValueAsync("[name=ComplainantName]")).Should().Be("Gu Lan", "what was typed is kept");
        (await CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_desk_speaks_chinese_when_asked()
    {
        var page = await desk.SignedInAsync(Hospital.Coordinator.Id.Value);
        await page.GotoAsync("/Intake");
        (await page.TextContentAsync("#receive")).Should().Be("Receive the complaint");

        await page.ClickAsync("header a[lang='zh-CN']");
        await page.ArriveAsync(new Regex("/Intake$"), "html[lang='zh-CN']");

        (await page.TextContentAsync("header")).Should().Contain("我的工作台").And.Contain("登记投诉");
        (await page.TextContentAsync("#receive")).Should().Be("受理投诉");
        await page.GotoAsync("/");
        (await page.TextContentAsync("table.desk")).Should().Contain("待分办", "the language is kept, and the seeded complaint awaiting triage is on the coordinator's desk");
    }

    /// <summary>Fills the intake form for a walk-in complaint about <paramref name="subject"/> and receives it; returns the case page's path.</summary>
    [Fact]
    public async Task The_api_beside_the_pages_answers_as_the_signed_in_person_and_hides_the_complainant_from_the_accused()
    {
        var coordinator = await desk.SignedInAsync(Hospital.Coordinator.Id.Value);
        var url = await ReceiveAsync(coordinator, "Qian Lan", "+86 137 4444 0202", "Nurse Li, ward 5", Hospital.NurseLi.Id.Value, "nursing-care");
        var id = url[(url.LastIndexOf('/') + 1)..];
        await ActAsync(coordinator, ComplaintAction.ConfirmReadBack);
        await ActAsync(coordinator, ComplaintAction.Triage);

        var asCoordinator = await coordinator.APIRequest.GetAsync($"/api/complaints/{id}");
        asCoordinator.Status.Should().Be(200);
        (await asCoordinator.TextAsync()).Should().Contain("Qian Lan", "the coordinator sees who complained");

        // Routed to her department, so she may read the case, but not who complained about her.
        var accused = await desk.SignedInAsync(Hospital.NurseLi.Id.Value);
        var asAccused = await accused.APIRequest.GetAsync($"/api/complaints/{id}");
        asAccused.Status.Should().Be(200);
        (await asAccused.TextAsync()).Should().Contain(Complainant.Withheld).And.NotContain("Qian Lan").And.NotContain("4444 0202");

        var nobody = await desk.NewPageAsync();
        var anonymous = await nobody.APIRequest.GetAsync($"/api/complaints/{id}", new() { MaxRedirects = 0 });
        anonymous.Status.Should().Be(401, "the API answers for no one who is not signed in, with problem details, not the sign-in page");
    }

    [Theory]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/Approvals", "/Approvals")]
    public async Task The_language_switch_goes_back_only_to_a_page_of_the_desk(string returnUrl, string location)
    {
        var page = await desk.NewPageAsync();

        var response = await page.APIRequest.GetAsync($"/language/zh-CN?returnUrl={Uri.EscapeDataString(returnUrl)}", new() { MaxRedirects = 0 });

        response.Status.Should().Be(302);
        response.Headers["location"].Should().Be(location);
    }

    private static async Task<string> ReceiveAsync(IPage page, string complainant, string phone, string subject, string staffId, string category)
    {
        await page.GotoAsync("/Intake");
        await page.SelectOptionAsync("[name=Channel]", new SelectOptionValue { Label = nameof(Channel.WalkIn) });
        await page.FillAsync("[name=ComplainantName]", complainant);
        await page.FillAsync("[name=Phone]", phone);
        await page.SelectOptionAsync("[name=SubjectKind]", new SelectOptionValue { Label = nameof(SubjectKind.StaffMember) });
        await page.FillAsync("[name=SubjectName]", subject);
        await page.SelectOptionAsync("[name=SubjectDepartment]", Hospital.Nursing.Value);
        await page.SelectOptionAsync("[name=SubjectStaff]", staffId);
        await page.FillAsync("[name=Description]", "My mother rang for help at night and waited forty minutes; nobody came.");
        await page.SelectOptionAsync("[name=Category]", category);
        await page.ClickAsync("#receive");
        await page.ArriveAsync(CasePage(), "#summary");
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Fills <paramref name="action"/>'s form on the case page and presses its button; waits until the service has done it.</summary>
    private static async Task ActAsync(IPage page, ComplaintAction action, params (string Field, string Value)[] fields)
    {
        var form = page.Locator($"form[data-action='{action}']");
        foreach (var (field, value) in fields)
        {
            var input = form.Locator($"[name='{field}']");
            if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await input.SelectOptionAsync(value);
            }
            else
            {
                await input.FillAsync(value);
            }
        }

        await form.Locator("button[type=submit]").ClickAsync();
        await page.ArriveAsync(new Regex($"done={action}$"), "#done");
    }

    /// <summary>A billing complaint (1,200 CNY) for the finance handler, taken to <paramref name="state"/> through the service.</summary>
    private Task<ComplaintId> ArrangeBillingAsync(ComplaintState state) =>
        ArrangeAsync(Hospital.FinanceHandler, "billing", Hospital.Finance, "Outpatient billing", state, new Money(1200, "CNY"));

    /// <summary>
    /// A complaint received by the coordinator and taken along the happy path to <paramref name="state"/> through the
    /// service (<see cref="CaseDriver"/>), with <paramref name="handler"/> handling it; the pack routes it to <paramref name="department"/>.
    /// </summary>
    private async Task<ComplaintId> ArrangeAsync(Actor handler, string category, DepartmentId department, string subject, ComplaintState state, Money? claimed = null)
    {
        var driver = new CaseDriver(desk.Service,
            new CaseCast { Receiver = Hospital.Coordinator, Coordinator = Hospital.Coordinator, Handler = handler, Approvers = [Hospital.FinanceManager, Hospital.President] },
            new CaseScript { Remedy = new RemedyProposal(RemedyKind.Refund, "Refund the duplicate charge", claimed) });
        var complaint = await driver.DriveToAsync(new ComplaintIntake(
            ComplaintKind.Complaint, Channel.Email, new Complainant("Qiao Yu", new ContactDetails(Email: "qiao.yu@example.com")),
            new ComplaintSubject(SubjectKind.Service, subject, department),
            "Charged twice, and nobody answered my two emails about it.", category, ClaimedAmount: claimed,
            Attributes: new Dictionary<string, string> { [Cases.OrganisationAttribute] = "city-hospital" }), state, Hospital.Coordinator);
        complaint.Department.Should().Be(department, "the pack routes the case there");
        return complaint.Id;
    }

    private async Task<DateTimeOffset> NextDueAsync(ComplaintId id) =>
        (await desk.Service.GetAsync(id, Hospital.Coordinator)).NextDeadline!.DueAt;

    /// <summary>The CSS classes of the due date of case <paramref name="id"/>'s row on the desk.</summary>
    private static async Task<string?> UrgencyAsync(IPage page, ComplaintId id)
    {
        await page.GotoAsync("/");
        return await page.Locator($"tr[data-case='{id.Value}'] .due").GetAttributeAsync("class");
    }

    private async Task<int> CountAsync() =>
        (await desk.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), TestContext.Current.CancellationToken)).Sum(c => c.Count);

    /// <summary>The page as it looks, attached to the test's output; with COMPLAINTS_UPDATE_DOCS=1 also the README's screenshot.</summary>
    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage)
    {
        var png = await page.ScreenshotAsync(new() { FullPage = fullPage });
        TestContext.Current.AddAttachment(name, png, "image/png");
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(output);
        await File.WriteAllBytesAsync(Path.Combine(output, name), png, TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("COMPLAINTS_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot(), "samples", "Complaints.Desk", "docs", name), png, TestContext.Current.CancellationToken);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Complaints.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Complaints.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("/Case/[0-9a-f-]{36}$")]
    private static partial Regex CasePage();
}
