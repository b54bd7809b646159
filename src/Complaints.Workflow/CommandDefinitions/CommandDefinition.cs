using Complaints.Commands;
using Complaints.Workflow.Internal;
using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>An action issued as a <see cref="ComplaintCommand"/>: its definition, reached from the command's type.</summary>
internal abstract class CommandDefinition : ActionDefinition
{
    /// <summary>The command record this definition handles.</summary>
    public abstract Type CommandType { get; }

    /// <inheritdoc />
    public abstract override ReadOnlySpan<Trigger> Triggers { get; }

    /// <summary>Adds the command's field errors to <paramref name="v"/>, before anything is loaded.</summary>
    public abstract void Validate(ComplaintCommand command, Validation v);

    /// <summary>
    /// The steps the command takes on the case: the triggers to fire and the events they record, after the policy's
    /// decisions where one is needed. Changes nothing; throws when the policy or the case's facts refuse it.
    /// </summary>
    public abstract Step[] Decide(in DecisionContext context, ComplaintCommand command);
}

/// <summary>The definition of the command <typeparamref name="TCommand"/>: one per command record, listed in <see cref="CommandTable"/>.</summary>
/// <typeparam name="TCommand">The command record.</typeparam>
internal abstract class CommandDefinition<TCommand> : CommandDefinition
    where TCommand : ComplaintCommand
{
    /// <inheritdoc />
    public sealed override Type CommandType => typeof(TCommand);

    /// <inheritdoc />
    public sealed override void Validate(ComplaintCommand command, Validation v) => Validate((TCommand)command, v);

    /// <inheritdoc />
    public sealed override Step[] Decide(in DecisionContext context, ComplaintCommand command) => Decide(context, (TCommand)command);

    /// <summary>Adds the errors of <paramref name="command"/>'s fields to <paramref name="v"/>; a command without fields has none.</summary>
    protected virtual void Validate(TCommand command, Validation v)
    {
    }

    /// <summary>The steps <paramref name="command"/> takes on <see cref="DecisionContext.Case"/>.</summary>
    protected abstract Step[] Decide(in DecisionContext context, TCommand command);
}
