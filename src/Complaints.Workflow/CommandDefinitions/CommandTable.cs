using System.Collections.Frozen;
using Complaints.Commands;
using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow.CommandDefinitions;

/// <summary>
/// Every action's definition, in one list: the service, the input validator, the lifecycle's trigger map and the
/// default permissions all read it. Adding a command is a new definition here (and its file), plus its event.
/// </summary>
internal static class CommandTable
{
    /// <summary>Every action's definition, in <see cref="ComplaintAction"/> order.</summary>
    public static IReadOnlyList<ActionDefinition> All { get; } =
    [
        new ReceiveDefinition(),
        new ConfirmReadBackDefinition(),
        new TriageDefinition(),
        new RejectDefinition(),
        new RedirectDefinition(),
        new ResolveOnSpotDefinition(),
        new AssignDefinition(),
        new ReassignDefinition(),
        new RecuseDefinition(),
        new StartInvestigationDefinition(),
        new AddEvidenceDefinition(),
        new HearAccusedDefinition(),
        new RecordFindingsDefinition(),
        new RecordEmergencyMeetingDefinition(),
        new ProposeRemedyDefinition(),
        new ApproveDefinition(),
        new DeclineApprovalDefinition(),
        new CommunicateDecisionDefinition(),
        new RecordCustomerAcceptanceDefinition(),
        new RecordCustomerRejectionDefinition(),
        new EscalateDefinition(),
        new CompleteImplementationDefinition(),
        new RecordFollowUpDefinition(),
        new CloseDefinition(),
        new ReopenDefinition(),
        new WithdrawDefinition(),
        new AssessAccountabilityDefinition(),
        new RecordDeadlineWarningDefinition(),
        new RecordDeadlineBreachDefinition(),
        new ExtendDeadlineDefinition(),
        new ViewDefinition(),
        new ReplanDeadlinesDefinition(),
    ];

    private static readonly FrozenDictionary<Type, CommandDefinition> ByCommandType =
        All.OfType<CommandDefinition>().ToFrozenDictionary(d => d.CommandType);

    private static readonly FrozenDictionary<ComplaintAction, ActionDefinition> ByAction =
        All.ToFrozenDictionary(d => d.Action);

    private static readonly FrozenDictionary<Trigger, ComplaintAction> ActionByTrigger = TriggerOwners();

    /// <summary>The definition of <paramref name="command"/>'s type; <see langword="null"/> for a record the workflow does not know (a host's own).</summary>
    public static CommandDefinition? Find(ComplaintCommand command) => Find(command.GetType());

    /// <summary>The definition of the command record <paramref name="commandType"/>, if the workflow knows it.</summary>
    public static CommandDefinition? Find(Type commandType) => ByCommandType.GetValueOrDefault(commandType);

    /// <summary>The definition of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such action.</exception>
    public static ActionDefinition Of(ComplaintAction action) =>
        ByAction.TryGetValue(action, out var definition) ? definition : throw new ArgumentOutOfRangeException(nameof(action), action, null);

    /// <summary>The action whose definition lists <paramref name="trigger"/>, for "allowed now" lists.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No definition lists the trigger.</exception>
    public static ComplaintAction ActionOf(Trigger trigger) =>
        ActionByTrigger.TryGetValue(trigger, out var action) ? action : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null);

    private static FrozenDictionary<Trigger, ComplaintAction> TriggerOwners()
    {
        var owners = new Dictionary<Trigger, ComplaintAction>();
        foreach (var definition in All)
        {
            foreach (var trigger in definition.Triggers)
            {
                // Each trigger names one action; a second owner is a mistake in a definition (CommandTableTests).
                owners.Add(trigger, definition.Action);
            }
        }

        return owners.ToFrozenDictionary();
    }
}
