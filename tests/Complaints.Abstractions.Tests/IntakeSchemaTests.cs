using Complaints.Policy;

namespace Complaints.Abstractions.Tests;

/// <summary>An intake schema names every attribute problem: missing, unknown (with the nearest declared name), or of the wrong type.</summary>
public sealed class IntakeSchemaTests
{
    private static readonly IntakeSchema Schema = new(
    [
        new IntakeAttributeDefinition("licence-plate", IntakeAttributeType.Text, Required: true, Description: "the vehicle's licence plate"),
        new IntakeAttributeDefinition("mileage", IntakeAttributeType.Number),
        new IntakeAttributeDefinition("delivered-on", IntakeAttributeType.Date),
        new IntakeAttributeDefinition("complainant-type", IntakeAttributeType.OneOf) { Values = ["tearful", "domineering"] },
    ]);

    [Fact]
    public void Check_AttributesThatFit_HasNoProblems()
    {
        var attributes = new Dictionary<string, string>
        {
            ["licence-plate"] = "粤B 8K213",
            ["mileage"] = "12500.5",
            ["delivered-on"] = "2026-03-14",
            ["complainant-type"] = "tearful",
        };

        Schema.Check(attributes).Should().BeEmpty();
    }

    [Fact]
    public void Check_RequiredAttributeMissingOrBlank_NamesItWithItsDescription()
    {
        Schema.Check(null).Should().ContainSingle().Which.Should().Be(
            new KeyValuePair<string, string>("Intake.Attributes[licence-plate]", "is required (the vehicle's licence plate); give it."));
        Schema.Check(new Dictionary<string, string> { ["licence-plate"] = " " }).Should().ContainSingle()
            .Which.Key.Should().Be("Intake.Attributes[licence-plate]");
    }

    [Theory]
    [InlineData("licence-plates", "did you mean 'licence-plate'?")]
    [InlineData("Mileage", "did you mean 'mileage'?")]
    [InlineData("milaege", "did you mean 'mileage'?")]
    [InlineData("ward", "it knows licence-plate, mileage, delivered-on, complainant-type.")]
    public void Check_UnknownAttribute_IsReportedWithTheNearestDeclaredName(string name, string hint)
    {
        var problems = Schema.Check(new Dictionary<string, string> { ["licence-plate"] = "A1", [name] = "x" });

        var problem = problems.Should().ContainSingle().Which;
        problem.Key.Should().Be($"Intake.Attributes[{name}]");
        problem.Value.Should().StartWith("is not an attribute the policy knows").And.EndWith(hint);
    }

    [Theory]
    [InlineData("mileage", "12,500", "must be a number")]
    [InlineData("mileage", "1e5", "must be a number")]
    [InlineData("delivered-on", "14/03/2026", "must be a date written yyyy-MM-dd")]
    [InlineData("delivered-on", "2026-02-30", "must be a date written yyyy-MM-dd")]
    [InlineData("complainant-type", "Tearful", "must be one of tearful, domineering.")]
    public void Check_ValueOfTheWrongType_NamesTheAttributeAndTheForm(string name, string value, string message)
    {
        var problems = Schema.Check(new Dictionary<string, string> { ["licence-plate"] = "A1", [name] = value });

        problems.Should().ContainSingle().Which.Should().Match<KeyValuePair<string, string>>(p => p.Key == $"Intake.Attributes[{name}]" && p.Value.StartsWith(message));
    }

    [Fact]
    public void Check_OptionalAttributeGivenEmpty_IsNotCheckedForItsType()
    {
        Schema.Check(new Dictionary<string, string> { ["licence-plate"] = "A1", ["mileage"] = "" }).Should().BeEmpty();
    }

    [Fact]
    public void New_DuplicateNameOrOneOfWithoutValues_IsRefused()
    {
        FluentActions.Invoking(() => new IntakeSchema([new("a", IntakeAttributeType.Text), new("a", IntakeAttributeType.Number)]))
            .Should().Throw<ArgumentException>().WithMessage("*'a' is declared twice*");
        FluentActions.Invoking(() => new IntakeSchema([new("kind", IntakeAttributeType.OneOf)]))
            .Should().Throw<ArgumentException>().WithMessage("*'kind' is one-of but lists no values*");
    }
}
