using System.Text.RegularExpressions;
using Complaints.Commands;
using Complaints.Demo;
using Complaints.Ports;
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
        await ScreenshotAsync(page);
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
        var id = await ArrangeAssignedAsync(Hospital.FinanceHandler, "fees-to-finance");
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
        await page.GotoAsync("/Intake?culture=zh-CN");

        (await page.TextContentAsync("header")).Should().Contain("我的工作台").And.Contain("登记投诉");
        (await page.TextContentAsync("#receive")).Should().Be("受理投诉");
    }

    /// <summary>Fills the intake form for a walk-in complaint about <paramref name="subject"/> and receives it; returns the case page's path.</summary>
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
        await page.WaitForURLAsync(CasePage());
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
        await page.WaitForURLAsync(new Regex($"done={action}$"));
    }

    /// <summary>A billing complaint (1,200 CNY) received, triaged and assigned to <paramref name="handler"/> through the service.</summary>
    private async Task<ComplaintId> ArrangeAssignedAsync(Actor handler, string expectedRoutingRule)
    {
        var coordinator = Hospital.Coordinator;
        var received = await desk.Service.ReceiveAsync(coordinator, new ComplaintIntake(
            ComplaintKind.Complaint, Channel.Email, new Complainant("Qiao Yu", new ContactDetails(Email: "qiao.yu@example.com")),
            new ComplaintSubject(SubjectKind.Service, "Outpatient billing", Hospital.Finance),
            "I was charged twice for my MRI scan (1,200 CNY each time).", "billing", ClaimedAmount: new Money(1200, "CNY"),
            Attributes: new Dictionary<string, string> { [Cases.OrganisationAttribute] = "city-hospital" }));
        var id = received.Complaint.Id;
        var triaged = await desk.Service.ExecuteAsync(id, coordinator, new Triage());
        triaged.Entries.Should().ContainSingle().Which.Event.Should().BeOfType<Journal.ComplaintTriaged>()
            .Which.Routing.Explanation.MatchedRules.Should().Contain(expectedRoutingRule);
        await desk.Service.ExecuteAsync(id, coordinator, new Assign(handler));
        return id;
    }

    private async Task<int> CountAsync() =>
        (await desk.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), TestContext.Current.CancellationToken)).Sum(c => c.Count);

    /// <summary>The page as it looks, attached to the test's output; with COMPLAINTS_UPDATE_DOCS=1 also the README's screenshot.</summary>
    private static async Task ScreenshotAsync(IPage page)
    {
        var png = await page.ScreenshotAsync(new() { FullPage = false });
        TestContext.Current.AddAttachment("desk.png", png, "image/png");
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(output);
        await File.WriteAllBytesAsync(Path.Combine(output, "desk.png"), png, TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("COMPLAINTS_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot(), "samples", "Complaints.Desk", "docs", "desk.png"), png, TestContext.Current.CancellationToken);
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
