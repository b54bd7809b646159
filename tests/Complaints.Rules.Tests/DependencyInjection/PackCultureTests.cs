using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary>A pack's <c>culture</c> (<c>pack.json</c>): the language its cases are written to in when the intake names none.</summary>
public sealed class PackCultureTests
{
    [Fact]
    public async Task A_pack_naming_zh_CN_writes_its_cases_in_Chinese_unless_the_complainant_chose_another_language()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-culture-override-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """{ "culture": "zh-CN" }""");
            var services = new ServiceCollection();
            services.AddComplaints().UsePack("generic", folder);
            await using var provider = services.BuildServiceProvider();
            var service = provider.GetRequiredService<ComplaintService>();
            var outbox = (IOutboxStore)provider.GetRequiredService<IComplaintStore>();
            service.Policies.Current.Culture.Should().Be("zh-CN");

            async Task<string> AcknowledgementOf(ComplaintBuilder complaint)
            {
                var id = (await service.ReceiveAsync(A.Receiver(), complaint.From("王芳", new ContactDetails(Phone: "+86 139 1111 2222")).BuildIntake())).Complaint.Id;
                await service.ExecuteAsync(id, A.Coordinator(), new Triage());
                return (await outbox.ReadOutboxAsync(id)).Single(m => m.Notification.Kind == NotificationKind.Acknowledgement).Notification.Subject;
            }

            (await AcknowledgementOf(A.Complaint())).Should().StartWith("您的投诉（编号 ");
            (await AcknowledgementOf(A.Complaint().InCulture("en"))).Should().StartWith("Your complaint ");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_culture_that_is_not_a_tag_is_refused_at_load_naming_the_field()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-culture-override-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pack.json"), """{ "culture": "Chinese (simplified)" }""");

            var act = () => PolicyPacks.LoadBuiltIn("generic", folder);

            act.Should().Throw<PolicyPackException>().WithMessage("*'culture' is 'Chinese (simplified)'*zh-CN*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_built_in_packs_name_no_culture_so_their_cases_stay_in_the_hosts_default()
    {
        foreach (var id in PolicyPacks.BuiltIn)
        {
            PolicyPacks.LoadBuiltIn(id).Culture.Should().BeNull("{0}'s notice texts and reasons are written in English", id);
        }
    }
}
