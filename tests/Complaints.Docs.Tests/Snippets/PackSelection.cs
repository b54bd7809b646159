using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/packs.md, "Selecting packs per case": a hospital group whose canteen complaints follow food-service.</summary>
public sealed class PackSelection
{
    [Fact]
    public async Task A_hospital_group_opens_canteen_complaints_under_food_service()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region select-packs
        services.AddComplaints()
            .UsePacks(packs => packs
                .Add("hospital")                                       // the first added is the default
                .Add("food-service")
                .WhenAttribute("unit", "canteen", "food-service")      // the intake says which unit it is about
                .WhenDepartment(new DepartmentId("catering"), "food-service"));
        #endregion
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();

        #region receive-selected
        var intake = A.Complaint().Described("Cold rice at lunch.").WithAttribute("unit", "canteen").BuildIntake();
        var received = await complaints.ReceiveAsync(A.Receiver(), intake);
        Console.WriteLine(received.Complaint.Policy);                  // food-service@1.0.0, for the life of the case
        #endregion

        received.Complaint.Policy.Should().Be(new PolicyRef("food-service", "1.0.0"));
        var outpatient = await complaints.ReceiveAsync(A.Receiver(), A.Complaint().WithAttribute("unit", "outpatient").BuildIntake());
        outpatient.Complaint.Policy.Should().Be(new PolicyRef("hospital", "1.0.0"));
        var catering = await complaints.ReceiveAsync(A.Receiver(), A.Complaint().AboutProduct("Rice", "catering").BuildIntake());
        catering.Complaint.Policy.Id.Should().Be("food-service");
        received.Entries.Single().Event.Should().BeOfType<ComplaintReceived>().Which.Policy.Should().Be(received.Complaint.Policy);
    }

    [Fact]
    public async Task A_selector_of_your_own_chooses_by_anything_the_intake_and_receiver_say()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region select-with
        services.AddComplaints()
            .UsePacks(packs => packs
                .Add("hospital")
                .Add("food-service")
                .When((intake, receiver) => receiver.Department == new DepartmentId("canteen-desk")
                    || intake.Location?.Contains("canteen", StringComparison.OrdinalIgnoreCase) == true, "food-service"));
        // or .SelectWith<MySelector>(), a class implementing IPolicySelector the container makes
        #endregion
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var desk = new Actor(new ActorId("desk-2"), "Canteen desk", [ComplaintRoles.Staff], new DepartmentId("canteen-desk"));

        (await complaints.ReceiveAsync(desk, A.Complaint().BuildIntake())).Complaint.Policy.Id.Should().Be("food-service");
        (await complaints.ReceiveAsync(A.Receiver(), A.Complaint().At("North canteen").BuildIntake())).Complaint.Policy.Id.Should().Be("food-service");
        (await complaints.ReceiveAsync(A.Receiver(), A.Complaint().At("Ward 3").BuildIntake())).Complaint.Policy.Id.Should().Be("hospital");
    }

    [Fact]
    public async Task A_case_whose_version_is_not_loaded_is_refused_unless_the_host_allows_the_newest()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region version-fallback
        services.AddComplaints(options => options.PolicyVersionFallback = PolicyVersionFallback.NewestOfSamePack)
            .UsePack("hospital");
        #endregion
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyCatalog>().Resolve(new PolicyRef("hospital", "0.9.0")).Identity.Should().Be(new PolicyRef("hospital", "1.0.0"));
        var refusing = new ServiceCollection();
        refusing.AddComplaints().UsePack("hospital");
        await using var strict = refusing.BuildServiceProvider();
        var act = () => strict.GetRequiredService<PolicyCatalog>().Resolve(new PolicyRef("hospital", "0.9.0"));
        act.Should().Throw<PolicyVersionNotLoadedException>().WithMessage("*hospital@0.9.0, which is not loaded (loaded: hospital@1.0.0)*");
    }
}
