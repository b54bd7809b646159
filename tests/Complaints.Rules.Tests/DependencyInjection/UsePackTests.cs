using Complaints.Commands;
using Complaints.Journal;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary><c>services.AddComplaints().UsePack(...)</c>: a built-in or folder pack decides every case, loaded and checked at start.</summary>
public sealed class UsePackTests
{
    [Fact]
    public async Task UsePack_DecidesWithTheBuiltInPackAndRecordsItsVersion()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints().UsePack("generic");
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();

        var intake = A.Complaint().AboutStaff("wang", "sales").InCategory("service-attitude").Claiming(20_000).BuildIntake();
        var id = (await service.ReceiveAsync(A.Receiver(), intake)).Complaint.Id;
        var triaged = await service.ExecuteAsync(id, A.Coordinator(), new Triage());

        triaged.Complaint.Policy.Should().Be(new PolicyRef("generic", "1.0.0"));
        triaged.Complaint.Severity.Should().Be(Severity.Serious);
        triaged.Complaint.Department.Should().Be(new DepartmentId("sales"), "whose customer, whose responsibility: the subject's department");
        var decided = triaged.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Which;
        decided.Severity.Explanation.MatchedRules.Should().Contain("large-claim");
        decided.Deadlines.Select(d => d.Rule).Should().Equal("acknowledge-1wd", "propose-2wd", "serious-resolve-7wd", "follow-up-10wd");
    }

    [Fact]
    public void UsePack_UnknownPack_FailsAtValidationNamingTheBuiltInPacks()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("no-such-pack");
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ComplaintService>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*cannot be loaded*no built-in pack 'no-such-pack'*generic*");
    }

    [Fact]
    public void UsePackFolder_MissingFolder_FailsAtValidationNamingTheFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "complaints-no-such-pack-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddComplaints().UsePackFolder(missing);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<ComplaintsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage($"*cannot be loaded*{Path.GetFileName(missing)}*");
    }

    [Fact]
    public void UsePack_NamingAnUnregisteredCalendar_FailsAtValidationSayingHowToRegisterIt()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-calendar-override-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """{ "calendar": "uk-sct" }""");
            var services = new ServiceCollection();
            services.AddComplaints().UsePack("generic", folder);
            using var provider = services.BuildServiceProvider();

            var act = () => provider.GetRequiredService<ComplaintService>();

            act.Should().Throw<OptionsValidationException>().WithMessage("*'generic'*calendar 'uk-sct'*AddCalendar(\"uk-sct\"*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void UsePack_NamingARegisteredCalendar_Validates()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-calendar-override-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """{ "calendar": "uk-sct" }""");
            var services = new ServiceCollection();
            services.AddComplaints().UsePack("generic", folder).AddCalendar("uk-sct", new WeekdayCalendar());
            using var provider = services.BuildServiceProvider();

            provider.GetRequiredService<ComplaintService>().Should().NotBeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void UsePack_Twice_TheLastPackDecidesAndOneHorizonCheckRuns()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic").UsePack("hospital");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyCatalog>().Current.Identity.Id.Should().Be("hospital");
        provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CalendarHorizonWarning>().Should().ContainSingle();
    }
}
