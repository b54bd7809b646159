using Complaints.Improvement;
using Stateless.Graph;

namespace Complaints.Workflow.Improvement;

/// <summary>The corrective-action lifecycle as diagrams, generated from the state machine the service runs.</summary>
public static class CorrectiveActionLifecycle
{
    /// <summary>The lifecycle as a Mermaid state diagram. A verification that finds the action ineffective ends in <see cref="CorrectiveActionState.Ineffective"/> instead of <see cref="CorrectiveActionState.Verified"/>.</summary>
    /// <returns>The Mermaid source.</returns>
    public static string ToMermaid() => MermaidGraph.Format(new CorrectiveActionMachine(CorrectiveActionState.AwaitingApproval).Machine.GetInfo());
}
