using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Policies;

/// <summary>Several packs in one deployment: the selector chooses each new case's pack at receipt, and the case keeps it.</summary>
public sealed class PolicySelectionTests
{
    private readonly FakeTimeProvider _time = new(Harness.Start);
    private readonly InMemoryComplaintStore _store = new();

    private static readonly NamedPolicy Hospital = new("hospital", "1.0.0");
    private static readonly NamedPolicy FoodService = new("food-service", "1.0.0");

    private ComplaintService Service(PolicyCatalog catalog) =>
        new(_store, catalog, new WeekdayCalendar(), _time, Microsoft.Extensions.Options.Options.Create(new ComplaintsOptions()));

    private ComplaintService Service(IPolicySelector selector, params IComplaintPolicy[] policies) =>
        Service(new PolicyCatalog(policies.Length == 0 ? [FoodService, Hospital] : policies, selector));

    private static ComplaintIntake Canteen(ComplaintIntake intake) => intake with { Attributes = new Dictionary<string, string> { ["unit"] = "canteen" } };

    public static TheoryData<string, Func<PolicySelector, PolicySelector>, ComplaintIntake> Criteria => new()
    {
        { "kind", s => s.WhenKind(ComplaintKind.Report, "food-service"), Harness.Intake() with { Kind = ComplaintKind.Report } },
        { "channel", s => s.WhenChannel(Channel.Hotline, "food-service"), Harness.Intake(Channel.Hotline) },
        { "subject's department", s => s.WhenDepartment(new DepartmentId("canteen"), "food-service"), Harness.Intake(subject: new ComplaintSubject(SubjectKind.Product, "Noodles", new DepartmentId("canteen"))) },
        { "attribute", s => s.WhenAttribute("unit", "canteen", "food-service"), Canteen(Harness.Intake()) },
        { "delegate", s => s.When(i => i.Location == "canteen", "food-service"), Harness.Intake() with { Location = "canteen" } },
        { "delegate with the receiver", s => s.When((_, receiver) => receiver.Department == CustomerRelations, "food-service"), Harness.Intake() },
    };

    [Theory]
    [MemberData(nameof(Criteria))]
    public async Task Receive_ARuleMatches_OpensTheCaseUnderItsPack(string criterion, Func<PolicySelector, PolicySelector> rule, ComplaintIntake intake)
    {
        var service = Service(rule(new PolicySelector()));

        var matched = (await service.ReceiveAsync(Coordinator, intake)).Complaint;
        var unmatched = (await service.ReceiveAsync(Receiver, Harness.Intake())).Complaint;

        matched.Policy.Should().Be(FoodService.Identity, "the {0} rule chooses food-service", criterion);
        unmatched.Policy.Should().Be(Hospital.Identity, "a case no rule matches goes to the default pack, the one loaded last");
    }

    [Fact]
    public async Task Receive_FirstMatchingRuleWins_AndTheJournalRecordsThePack()
    {
        var service = Service(new PolicySelector().WhenChannel(Channel.Email, "hospital").WhenAttribute("unit", "canteen", "food-service"), Hospital, FoodService);

        var received = await service.ReceiveAsync(Receiver, Canteen(Harness.Intake(Channel.Email)));

        received.Complaint.Policy.Should().Be(Hospital.Identity);
        received.Entries.Single().Event.Should().BeOfType<ComplaintReceived>().Which.Policy.Should().Be(Hospital.Identity);
    }

    [Fact]
    public async Task Receive_SelectorThrows_ATypedErrorNamingNoOneAndNothingStored()
    {
        var service = Service(new PolicySelector().When(i => throw new InvalidOperationException("no unit for " + i.Complainant.Name), "food-service"));

        var act = () => service.ReceiveAsync(Receiver, Harness.Intake());

        var error = (await act.Should().ThrowAsync<PolicySelectionException>()).Which;
        error.Message.Should().Contain("PolicySelector").And.Contain("Nothing was stored").And.NotContain("Liu Yang");
        error.SelectedPack.Should().BeNull();
        error.InnerException.Should().BeOfType<InvalidOperationException>();
        (await _store.QueryAsync(new ComplaintQuery(), TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public async Task Receive_SelectorNamesAPackNotLoaded_ATypedErrorNamingTheNearestLoadedPack()
    {
        var service = Service(new PolicySelector().WhenAttribute("unit", "canteen", "food-servce"));

        var act = () => service.ReceiveAsync(Receiver, Canteen(Harness.Intake()));

        var error = (await act.Should().ThrowAsync<PolicySelectionException>()).Which;
        error.Message.Should().Contain("'food-servce'").And.Contain("did you mean 'food-service'?").And.Contain("loaded: food-service, hospital");
        error.SelectedPack.Should().Be("food-servce");
        error.LoadedPacks.Should().Equal("food-service", "hospital");
        (await _store.QueryAsync(new ComplaintQuery(), TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public async Task Receive_ChecksTheIntakeAgainstTheChosenPacksSchema()
    {
        var batch = new IntakeSchema([new IntakeAttributeDefinition("batch", IntakeAttributeType.Text, Required: true)]);
        var food = new NamedPolicy("food-service", "1.0.0", batch);
        var service = Service(new PolicySelector().WhenChannel(Channel.Hotline, "food-service"), food, Hospital);

        var toFood = () => service.ReceiveAsync(Receiver, Harness.Intake(Channel.Hotline));
        var toHospital = await service.ReceiveAsync(Receiver, Harness.Intake(Channel.Email));

        (await toFood.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Field == "Intake.Attributes[batch]" && e.Message.Contains("food-service@1.0.0"));
        toHospital.Complaint.Policy.Should().Be(Hospital.Identity, "the hospital pack requires no batch");
    }

    [Fact]
    public async Task Receive_AnAttributeTheSelectorReads_IsNotRefusedByASchemaThatDoesNotDeclareIt()
    {
        var ward = new IntakeSchema([new IntakeAttributeDefinition("ward", IntakeAttributeType.Text)]);
        var food = new NamedPolicy("food-service", "1.0.0", new IntakeSchema([new IntakeAttributeDefinition("unit", IntakeAttributeType.OneOf) { Values = ["canteen", "cafe"] }]));
        var hospital = new NamedPolicy("hospital", "1.0.0", ward);
        var service = Service(
            new PolicySelector().WhenAttribute("unit", "canteen", "food-service").When(i => i.Attributes?.GetValueOrDefault("site") == "north", "hospital").ReadsAttribute("site"),
            food, hospital);

        var outpatient = await service.ReceiveAsync(Receiver, Harness.Intake() with { Attributes = new Dictionary<string, string> { ["unit"] = "outpatient", ["site"] = "north", ["ward"] = "3" } });
        var misspelt = () => service.ReceiveAsync(Receiver, Harness.Intake() with { Attributes = new Dictionary<string, string> { ["unit"] = "outpatient", ["wrad"] = "3" } });
        var badValue = () => service.ReceiveAsync(Receiver, Harness.Intake() with { Attributes = new Dictionary<string, string> { ["unit"] = "kiosk", ["site"] = "south" } });

        outpatient.Complaint.Policy.Should().Be(hospital.Identity, "'unit' and 'site' are the selector's, though hospital declares neither");
        (await misspelt.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Field.Should().Be("Intake.Attributes[wrad]", "attributes the selector does not read are checked as before");
        await badValue.Should().NotThrowAsync("kiosk goes to hospital, which does not declare 'unit'");
        var toFood = () => Service(new PolicySelector().WhenChannel(Channel.Hotline, "food-service").ReadsAttribute("unit"), food, hospital)
            .ReceiveAsync(Receiver, Harness.Intake(Channel.Hotline) with { Attributes = new Dictionary<string, string> { ["unit"] = "kiosk" } });
        (await toFood.Should().ThrowAsync<ComplaintValidationException>("a pack that declares the attribute still checks its value"))
            .Which.Errors.Single().Message.Should().Contain("must be one of canteen, cafe");
    }

    [Fact]
    public async Task ACase_KeepsItsPackAndVersion_AfterANewerVersionAndOtherPacksAreLoaded()
    {
        var catalog = new PolicyCatalog([FoodService, Hospital], new PolicySelector().WhenAttribute("unit", "canteen", "food-service"));
        var service = Service(catalog);
        var canteenCase = (await service.ReceiveAsync(Receiver, Canteen(Harness.Intake()))).Complaint.Id;
        var hospitalCase = (await service.ReceiveAsync(Receiver, Harness.Intake())).Complaint.Id;

        var food2 = new NamedPolicy("food-service", "2.0.0");
        catalog.Load(food2);
        catalog.Load(new NamedPolicy("tobacco-retail", "1.0.0"));
        var triagedCanteen = await service.ExecuteAsync(canteenCase, Coordinator, new Triage());
        var triagedHospital = await service.ExecuteAsync(hospitalCase, Coordinator, new Triage());
        var freshCanteen = (await service.ReceiveAsync(Receiver, Canteen(Harness.Intake()))).Complaint;
        var freshOther = (await service.ReceiveAsync(Receiver, Harness.Intake())).Complaint;

        triagedCanteen.Complaint.Policy.Should().Be(FoodService.Identity);
        triagedCanteen.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Which.Severity.Explanation.Policy.Should().Be(FoodService.Identity);
        triagedHospital.Entries.Single().Event.Should().BeOfType<ComplaintTriaged>().Which.Severity.Explanation.Policy.Should().Be(Hospital.Identity);
        freshCanteen.Policy.Should().Be(food2.Identity, "a new case gets the newest loaded version of the pack chosen for it");
        freshOther.Policy.Should().Be(Hospital.Identity, "loading other packs' versions does not change the default pack");
        catalog.Packs.Should().Equal(["food-service", "hospital", "tobacco-retail"], "in the order first loaded");
    }

    [Fact]
    public void Select_WithoutASelector_IsTheCurrentPolicy()
    {
        var catalog = new PolicyCatalog(FoodService);
        catalog.Load(Hospital);

        catalog.Select(Harness.Intake(), Receiver).Should().BeSameAs(FoodService, "loading another pack does not make it the default");
        catalog.SetDefault("hospital");
        catalog.Select(Harness.Intake(), Receiver).Should().BeSameAs(Hospital);
        catalog.Selector.Should().BeNull();
    }

    [Fact]
    public void SetDefault_OfAPackNotLoaded_IsRefusedNamingTheNearest()
    {
        var catalog = new PolicyCatalog([FoodService, Hospital]);

        var act = () => catalog.SetDefault("hospitl");

        act.Should().Throw<ArgumentException>().WithMessage("*'hospitl' is not loaded (did you mean 'hospital'?)*");
        catalog.DefaultPack.Should().Be("hospital");
    }

    [Fact]
    public void LoadForExistingCases_KeepsAnEarlierVersionWithoutGivingItToNewCases()
    {
        var food2 = new NamedPolicy("food-service", "2.0.0");
        var catalog = new PolicyCatalog([food2]);

        catalog.LoadForExistingCases(FoodService);

        catalog.Current.Should().BeSameAs(food2, "new cases keep getting the version they got");
        catalog.Resolve(FoodService.Identity).Should().BeSameAs(FoodService, "the cases opened under the earlier version are decided under it");
        catalog.Loaded.Should().Equal(FoodService.Identity, food2.Identity);
    }
}
