using Stateless.Graph;

namespace Complaints.Workflow.Lifecycle;

/// <summary>The complaint lifecycle as diagrams, generated from the state machine the workflow runs.</summary>
public static class ComplaintLifecycle
{
    /// <summary>The lifecycle as a Mermaid state diagram (renders on GitHub and in most Markdown viewers).</summary>
    /// <returns>The Mermaid source.</returns>
    public static string ToMermaid() => MermaidGraph.Format(Describe().Machine.GetInfo());

    /// <summary>The lifecycle as a Graphviz DOT graph.</summary>
    /// <returns>The DOT source.</returns>
    public static string ToDot() => UmlDotGraph.Format(Describe().Machine.GetInfo());

    private static LifecycleMachine Describe()
    {
        // Guards are not evaluated when describing, so any case will do.
        // Stryker disable String : the describing case's names and texts never reach the diagram
        var receiver = new Actor(new ActorId("diagram"), "Diagram", []);
        var intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Other, "-"), "-");
        var complaint = new Complaint
        {
            Id = default,
            Version = 0,
            State = ComplaintState.Received,
            Intake = intake,
            ReceivedAt = default,
            ReceivedBy = receiver,
            Policy = new PolicyRef("-", "-"),
            UpdatedAt = default,
        };
        // Stryker restore String
        return new LifecycleMachine(complaint, default, TimeSpan.Zero);
    }
}
