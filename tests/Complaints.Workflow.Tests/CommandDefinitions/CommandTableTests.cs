using System.Runtime.CompilerServices;
using Complaints.Commands;
using Complaints.Workflow.CommandDefinitions;
using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow.Tests.CommandDefinitions;

/// <summary>
/// The command table is the one place a command is defined: every command record and every action has exactly one
/// definition, and the triggers the definitions list are the lifecycle's, each named by one action. A command added
/// without its definition, or a definition that names a trigger the lifecycle does not have, fails here.
/// </summary>
public sealed class CommandTableTests
{
    private static readonly Type[] CommandRecords = typeof(ComplaintCommand).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ComplaintCommand)) && !t.IsAbstract)
        .ToArray();

    public static TheoryData<Type> Records() => new(CommandRecords);

    [Theory]
    [MemberData(nameof(Records))]
    public void EveryCommandRecord_HasADefinition_OfItsOwnAction(Type record)
    {
        // The records' Action is a constant per type; no constructor needs to run to read it.
        var action = ((ComplaintCommand)RuntimeHelpers.GetUninitializedObject(record)).Action;

        var definition = CommandTable.Find(record);

        definition.Should().NotBeNull($"{record.Name} needs a definition in CommandTable");
        definition!.Action.Should().Be(action, $"{record.Name}'s definition states the action the record names");
        CommandTable.Of(action).Should().BeSameAs(definition);
    }

    [Fact]
    public void EveryAction_HasExactlyOneDefinition()
    {
        var actions = CommandTable.All.Select(d => d.Action).ToArray();

        actions.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enum.GetValues<ComplaintAction>());
    }

    [Fact]
    public void EveryCommandDefinition_IsForAKnownRecord_AndOnlyReceiveAndViewHaveNone()
    {
        CommandTable.All.OfType<CommandDefinition>().Select(d => d.CommandType).Should().BeEquivalentTo(CommandRecords);
        CommandTable.All.Where(d => d is not CommandDefinition).Select(d => d.Action)
            .Should().BeEquivalentTo([ComplaintAction.Receive, ComplaintAction.View], "receiving creates the case and viewing is a read: neither is a command");
    }

    [Fact]
    public void EveryCommand_MayFireATrigger_AndTheActionsThatAreNotCommandsNone()
    {
        foreach (var definition in CommandTable.All)
        {
            var triggers = definition.Triggers.ToArray();
            if (definition is CommandDefinition)
            {
                triggers.Should().NotBeEmpty($"the lifecycle must be able to allow {definition.Action}");
            }
            else
            {
                triggers.Should().BeEmpty($"{definition.Action} is not a command");
            }
        }
    }

    [Fact]
    public void EveryTrigger_IsListedByExactlyOneDefinition()
    {
        var listed = CommandTable.All.SelectMany(d => d.Triggers.ToArray()).ToArray();

        listed.Should().OnlyHaveUniqueItems("a trigger names one action in \"allowed now\" lists")
            .And.BeEquivalentTo(Enum.GetValues<Trigger>(), "a trigger no command may fire first is never allowed on its own");
    }

    [Fact]
    public void EveryListedTrigger_IsInTheLifecycle()
    {
        var info = ComplaintLifecycleMachine().Machine.GetInfo();
        var inLifecycle = info.States
            .SelectMany(s => s.FixedTransitions.Select(t => t.Trigger).Concat(s.DynamicTransitions.Select(t => t.Trigger)))
            .Select(t => (Trigger)t.UnderlyingTrigger)
            .ToHashSet();

        foreach (var definition in CommandTable.All)
        {
            foreach (var trigger in definition.Triggers.ToArray())
            {
                inLifecycle.Should().Contain(trigger, $"{definition.Action} lists {trigger}, so some state must permit it");
            }
        }
    }

    [Fact]
    public void ToAction_NamesTheDefinitionThatListsTheTrigger()
    {
        foreach (var definition in CommandTable.All)
        {
            foreach (var trigger in definition.Triggers.ToArray())
            {
                trigger.ToAction().Should().Be(definition.Action);
            }
        }
    }

    [Fact]
    public void Of_AnActionNoDefinitionHas_IsRefusedNamingIt()
    {
        var act = () => CommandTable.Of((ComplaintAction)999);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("action");
    }

    [Fact]
    public void ActionOf_ATriggerNoDefinitionLists_IsRefusedNamingIt()
    {
        var act = () => CommandTable.ActionOf((Trigger)999);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("trigger");
    }

    [Fact]
    public void Find_AHostsOwnRecord_IsNull() =>
        CommandTable.Find(new HostCommand()).Should().BeNull("the workflow cannot decide a command it does not define");

    private static LifecycleMachine ComplaintLifecycleMachine() =>
        new(ComplaintState.Received, LifecycleConditions.None);

    private sealed record HostCommand : ComplaintCommand
    {
        public override ComplaintAction Action => ComplaintAction.Close;
    }
}
