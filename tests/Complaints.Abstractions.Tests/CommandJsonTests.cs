using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Commands;

namespace Complaints.Abstractions.Tests;

/// <summary>
/// Commands travel as JSON with a <c>$type</c> discriminator (an HTTP body, a queue message): every command, found by
/// reflection so a new one cannot be forgotten, round-trips through ComplaintsJson's generated metadata.
/// </summary>
public sealed class CommandJsonTests
{
    public static TheoryData<Type> Commands =>
        [.. typeof(ComplaintCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ComplaintCommand)) && !t.IsAbstract).OrderBy(t => t.Name)];

    [Fact]
    public void EveryCommand_IsADerivedTypeOfTheGeneratedMetadata()
    {
        var info = ComplaintsJson.TypeInfo<ComplaintCommand>();

        info.PolymorphismOptions!.TypeDiscriminatorPropertyName.Should().Be("$type");
        info.PolymorphismOptions.DerivedTypes.Select(d => d.DerivedType)
            .Should().BeEquivalentTo(Commands.Select(c => c.Data), "a command without [JsonDerivedType] cannot be sent as JSON");
        Commands.Should().HaveCountGreaterThan(30);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_RoundTrips_WithItsActionInKebabCaseAsDiscriminator(Type type)
    {
        var command = (ComplaintCommand)RuntimeHelpers.GetUninitializedObject(type);

        var json = JsonSerializer.Serialize(command, ComplaintsJson.TypeInfo<ComplaintCommand>());
        var back = JsonSerializer.Deserialize(json, ComplaintsJson.TypeInfo<ComplaintCommand>());

        var action = JsonSerializer.Serialize(command.Action, ComplaintsJson.Options).Trim('"');
        JsonNode.Parse(json)!["$type"]!.GetValue<string>().Should().Be(action, "the discriminator is the command's action as enums are written");
        back.Should().BeOfType(type).And.Be(command);
    }

    [Fact]
    public void Command_FromAClientsJson_ReadsItsFieldsAndEnums()
    {
        var json = """{"$type":"record-follow-up","satisfaction":"very-satisfied","comment":"Thanks"}""";

        var command = JsonSerializer.Deserialize(json, ComplaintsJson.TypeInfo<ComplaintCommand>());

        command.Should().Be(new RecordFollowUp(Satisfaction.VerySatisfied, "Thanks"));
    }

    [Fact]
    public void Command_WithAnUnknownType_IsRefused()
    {
        var act = () => JsonSerializer.Deserialize("""{"$type":"launch-rocket"}""", ComplaintsJson.TypeInfo<ComplaintCommand>());

        act.Should().Throw<JsonException>();
    }
}
