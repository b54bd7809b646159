using Complaints.Commands;

namespace Complaints.Demo;

/// <summary>What a step of a script does.</summary>
internal enum StepKind
{
    /// <summary>Receive the complaint; the first step of every script.</summary>
    Receive,

    /// <summary>Issue a command that must succeed.</summary>
    Command,

    /// <summary>Issue a command that the workflow must refuse (a recused handler, say); the refusal is shown.</summary>
    Refused,

    /// <summary>Read the case as the actor and show how it looks to them (what the confidentiality policy hides).</summary>
    Peek,

    /// <summary>Ask the policy's handling guidance for the case as the actor, and note the advice.</summary>
    Guidance,

    /// <summary>Let the deadline worker poll once (<c>DeadlineWorker.RunOnceAsync</c>): due warnings and breaches are recorded.</summary>
    DeadlineWorker,
}

/// <summary>One step of a script, at a given time.</summary>
internal sealed record Step(Script Script, DateTimeOffset At, Actor Actor, StepKind Kind, ComplaintIntake? Intake = null, ComplaintCommand? Command = null);

/// <summary>
/// The life of one complaint as a list of timed steps, under one policy pack, read back by
/// <paramref name="viewer"/> (someone who sees the whole case); the <see cref="Desk"/> runs all scripts
/// interleaved by time.
/// </summary>
internal sealed class Script(string pack, string title, Actor viewer)
{
    private readonly List<Step> _steps = [];

    public string Pack { get; } = pack;

    public string Title { get; } = title;

    public Actor Viewer { get; } = viewer;

    public IReadOnlyList<Step> Steps => _steps;

    /// <summary>Receives <paramref name="intake"/>, as the group's intake form records it: with the organisation it is for.</summary>
    public Script Receive(DateTimeOffset at, Actor by, ComplaintIntake intake) => Add(new(this, at, by, StepKind.Receive, Intake: intake with
    {
        Attributes = new Dictionary<string, string>(intake.Attributes ?? new Dictionary<string, string>()) { [Cases.OrganisationAttribute] = Cases.OrganisationOf(Pack) },
    }));

    public Script Then(DateTimeOffset at, Actor actor, ComplaintCommand command) => Add(new(this, at, actor, StepKind.Command, Command: command));

    public Script Refused(DateTimeOffset at, Actor actor, ComplaintCommand command) => Add(new(this, at, actor, StepKind.Refused, Command: command));

    public Script Peek(DateTimeOffset at, Actor reader) => Add(new(this, at, reader, StepKind.Peek));

    public Script Guidance(DateTimeOffset at, Actor reader) => Add(new(this, at, reader, StepKind.Guidance));

    public Script DeadlineWorker(DateTimeOffset at) => Add(new(this, at, Actor.System, StepKind.DeadlineWorker));

    private Script Add(Step step)
    {
        if (_steps.Count == 0 != (step.Kind == StepKind.Receive))
        {
            throw new InvalidOperationException($"Script '{Title}': receive the complaint first, and only once.");
        }

        if (_steps.Count > 0 && step.At <= _steps[^1].At)
        {
            throw new InvalidOperationException($"Script '{Title}': step at {step.At:u} is not after the previous step.");
        }

        _steps.Add(step);
        return this;
    }
}
