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
    public static IReadOnlyList<ActionDefinition> All => Definitions;

    private static readonly ActionDefinition[] Definitions =
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
        new PlaceHoldDefinition(),
        new ReleaseHoldDefinition(),
    ];

    // The lookups scan the list: for 32 entries a scan costs about what a hash lookup does, and nothing is computed
    // once at type initialisation (where a mutation test could not reach it).

    /// <summary>The definition of <paramref name="command"/>'s type; <see langword="null"/> for a record the workflow does not know (a host's own).</summary>
    public static CommandDefinition? Find(ComplaintCommand command) => Find(command.GetType());

    /// <summary>The definition of the command record <paramref name="commandType"/>, if the workflow knows it.</summary>
    public static CommandDefinition? Find(Type commandType)
    {
        foreach (var definition in Definitions)
        {
            if (definition is CommandDefinition command && command.CommandType == commandType)
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>The definition of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such action.</exception>
    public static ActionDefinition Of(ComplaintAction action)
    {
        foreach (var definition in Definitions)
        {
            if (definition.Action == action)
            {
                return definition;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(action), action, null);
    }

    /// <summary>The action whose definition lists <paramref name="trigger"/>, for "allowed now" lists.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No definition lists the trigger.</exception>
    public static ComplaintAction ActionOf(Trigger trigger)
    {
        foreach (var definition in Definitions)
        {
            if (definition.Triggers.Contains(trigger))
            {
                return definition.Action;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null);
    }
}
