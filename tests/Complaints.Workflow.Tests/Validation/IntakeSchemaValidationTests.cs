using Complaints.Policy;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Validation;

/// <summary>At receipt the intake's attributes are checked against the policy's intake schema; a bad intake stores nothing.</summary>
public sealed class IntakeSchemaValidationTests
{
    private static readonly IntakeSchema Schema = new(
    [
        new IntakeAttributeDefinition("licence-plate", IntakeAttributeType.Text, Required: true, Description: "the vehicle's licence plate"),
        new IntakeAttributeDefinition("mileage", IntakeAttributeType.Number),
    ]);

    [Fact]
    public async Task Receive_AttributesThatFitTheSchema_AreStoredAsGiven()
    {
        var h = new Harness();
        h.Policy.IntakeSchema = Schema;
        var intake = Harness.Intake() with { Attributes = new Dictionary<string, string> { ["licence-plate"] = "粤B 8K213", ["mileage"] = "12500" } };

        var received = (await h.Service.ReceiveAsync(Receiver, intake)).Complaint;

        received.Intake.Attributes.Should().Equal(intake.Attributes);
    }

    [Fact]
    public async Task Receive_MissingRequiredUnknownAndMistypedAttributes_NamesEachAndStoresNothing()
    {
        var h = new Harness();
        h.Policy.IntakeSchema = Schema;
        var intake = Harness.Intake() with { Attributes = new Dictionary<string, string> { ["licence-plates"] = "粤B 8K213", ["mileage"] = "a lot" } };

        var act = () => h.Service.ReceiveAsync(Receiver, intake);

        var errors = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors;
        errors.Select(e => e.Field).Should().BeEquivalentTo(
            "Intake.Attributes[licence-plate]", "Intake.Attributes[licence-plates]", "Intake.Attributes[mileage]");
        errors.Single(e => e.Field == "Intake.Attributes[licence-plates]").Message.Should().Contain("did you mean 'licence-plate'?").And.Contain("test@1.0.0");
        errors.Single(e => e.Field == "Intake.Attributes[licence-plate]").Message.Should().Contain("is required (the vehicle's licence plate)");
        h.Store.Count.Should().Be(0);
    }

    [Fact]
    public async Task Receive_PolicyWithoutASchema_AcceptsAnyAttributes()
    {
        var h = new Harness();
        var intake = Harness.Intake() with { Attributes = new Dictionary<string, string> { ["anything"] = "goes" } };

        var received = (await h.Service.ReceiveAsync(Receiver, intake)).Complaint;

        received.Intake.Attributes.Should().ContainKey("anything");
    }

    [Fact]
    public async Task Receive_ErrorMessages_NeverRepeatTheComplainantsIdentity()
    {
        var h = new Harness();
        h.Policy.IntakeSchema = Schema;

        var act = () => h.Service.ReceiveAsync(Receiver, Harness.Intake());

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which;
        error.Message.Should().NotContain("Liu Yang").And.NotContain("138");
    }
}
