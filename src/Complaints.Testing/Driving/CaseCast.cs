namespace Complaints.Testing;

/// <summary>
/// The people a <see cref="CaseDriver"/> has issue each command of the happy path: who receives, triages, assigns
/// and closes, who handles, and who approves each step the policy asks for. Every one defaults to the matching
/// <see cref="A"/> actor, so a test names only the people it cares about.
/// </summary>
/// <example>
/// <code>
/// var cast = new CaseCast { Handler = A.Handler("li", "after-sales"), MeetingChair = A.GeneralManager() };
/// </code>
/// </example>
public sealed record CaseCast
{
    /// <summary>Who receives a new complaint.</summary>
    /// <value>The default value is <see cref="A.Receiver"/>.</value>
    public Actor Receiver { get; init; } = A.Receiver();

    /// <summary>Who confirms an oral complaint's read-back, triages, assigns, closes, and issues the side ends (reject, redirect, withdraw).</summary>
    /// <value>The default value is <see cref="A.Coordinator"/>.</value>
    public Actor Coordinator { get; init; } = A.Coordinator();

    /// <summary>Who is assigned the case and investigates, proposes, communicates, implements and follows up.</summary>
    /// <value>The default value is <see cref="A.Handler"/>.</value>
    public Actor Handler { get; init; } = A.Handler();

    /// <summary>
    /// The approvers: each pending approval step is approved by the first of them who holds the step's role
    /// (<see cref="ApprovalStep.Role"/>, e.g. <c>manager</c>, <c>general-manager</c>).
    /// </summary>
    /// <value>The default value is <see cref="A.Manager"/> and <see cref="A.GeneralManager"/>.</value>
    public IReadOnlyList<Actor> Approvers { get; init; } = [A.Manager(), A.GeneralManager()];

    /// <summary>Who hears the accused member of staff; <see cref="Handler"/> if <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Actor? AccusedHearer { get; init; }

    /// <summary>Who records the emergency meeting the policy's lifecycle needs (by default for a major complaint); <see cref="Coordinator"/> if <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Actor? MeetingChair { get; init; }

    /// <summary>The approver for a step that needs <paramref name="role"/>: the first of <see cref="Approvers"/> holding it.</summary>
    /// <param name="role">The role the step needs.</param>
    /// <returns>The approver.</returns>
    /// <exception cref="InvalidOperationException">No approver holds the role.</exception>
    public Actor ApproverFor(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        foreach (var approver in Approvers)
        {
            if (approver.HasRole(role))
            {
                return approver;
            }
        }

        throw new InvalidOperationException(
            $"No approver in the cast holds the role '{role}' that the pending approval step needs " +
            $"(approvers: {(Approvers.Count == 0 ? "none" : string.Join(", ", Approvers.Select(a => $"{a.Id} [{string.Join(", ", a.Roles)}]")))}). " +
            $"Add one to {nameof(CaseCast)}.{nameof(Approvers)}.");
    }
}
