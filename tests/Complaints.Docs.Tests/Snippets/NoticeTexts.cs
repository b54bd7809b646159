using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Notifications;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/notifications.md: the texts per culture, a host's own templates, and the complainant's status lookup.</summary>
public sealed class NoticeTexts
{
    [Fact]
    public async Task A_host_words_the_acknowledgement_its_own_way_in_Chinese()
    {
        var services = new ServiceCollection();
        #region notice-templates
        services.AddComplaints().UsePack("generic")
                .UseNoticeTemplates(t => t.WithDefaultCulture("zh-CN"))   // complainants who choose no language read Chinese
                .UseNoticeTemplates("zh-CN", new Dictionary<string, string>
                {
                    ["acknowledgement.subject"] = "【市第一医院】您的投诉（编号 {case}）已受理",
                    ["DeadlineKind.Resolve"] = "答复",                      // a word of your own for an enum value
                })
                .UseNoticeTemplates(t => t.WithStaffCulture("en"));       // staff read English whatever the case's culture
        #endregion
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var outbox = (IOutboxStore)provider.GetRequiredService<IComplaintStore>();
        var id = (await service.ReceiveAsync(A.Receiver(), A.Complaint().From("王芳", new ContactDetails(Phone: "+86 139 1111 2222")).BuildIntake())).Complaint.Id;
        await service.ExecuteAsync(id, A.Coordinator(), new Triage());

        var acknowledgement = (await outbox.ReadOutboxAsync(id)).Single(m => m.Notification.Kind == NotificationKind.Acknowledgement).Notification;

        acknowledgement.Subject.Should().Be($"【市第一医院】您的投诉（编号 {id}）已受理");
        acknowledgement.Body.Should().StartWith($"我们已收到您的投诉（编号 {id}），将于 ");
    }

    [Fact]
    public void A_template_with_a_placeholder_it_cannot_fill_stops_the_host_at_registration()
    {
        var services = new ServiceCollection();
        var act = () =>
        {
            #region notice-template-error
            services.AddComplaints().UseNoticeTemplates("en", new Dictionary<string, string>
            {
                ["acknowledgement.body"] = "We will answer by {date}.",
            });
            // NoticeTemplateException: The notice template 'acknowledgement.body' for 'en' has the placeholder {date},
            // which it cannot fill: use {case}, {due}.
            #endregion
        };

        act.Should().Throw<NoticeTemplateException>().Which.Placeholder.Should().Be("date");
    }

    [Fact]
    public async Task A_complainant_looks_up_their_case_with_the_reference_and_secret_they_were_given()
    {
        var services = new ServiceCollection();
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();
        var intake = A.Complaint().From("王芳", new ContactDetails(Phone: "+86 139 1111 2222")).InCulture("zh-CN").BuildIntake();
        var receiver = A.Receiver();

        #region status-lookup
        // At the desk or on the web form: give the complainant the reference and the secret, once.
        var received = await service.ReceiveAsync(receiver, intake);
        var (reference, secret) = received.ComplainantAccess!;   // e.g. "0190…", "7KQ2M-X9D4R-0HC5T-WJ3NB"

        // Later, on the host's "track my complaint" page:
        if (await service.LookUpStatusAsync(reference, secret) is { } status)
        {
            Console.WriteLine($"{status.Reference}: {status.StateText}, received {status.ReceivedAt:yyyy-MM-dd}, answer due {status.NextDueAt:yyyy-MM-dd}");
        }
        else
        {
            Console.WriteLine("No case with that reference and secret.");   // the same for a wrong secret and an unknown reference
        }
        #endregion

        var found = await service.LookUpStatusAsync(reference, secret);
        found!.StateText.Should().Be("已登记");
        (await service.LookUpStatusAsync(reference, "WRONG-SECRET")).Should().BeNull();
        received.ComplainantAccess!.ToString().Should().NotContain(secret);
    }
}
