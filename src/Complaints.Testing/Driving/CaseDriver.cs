using Complaints.Workflow;

namespace Complaints.Testing;

/// <summary>
/// Takes a case along the lifecycle's happy path — read-back of an oral complaint, triage, assignment, investigation
/// (hearing the accused, findings, the emergency meeting of a major complaint), the remedy and each approval step it
/// needs, the decision, the customer's acceptance, implementation, follow-up, closure — or to a side end (rejected,
/// redirected, withdrawn) by its own command, through a <see cref="ComplaintService"/>. Each next command is chosen
/// from the case the previous one returned, so driving reads nothing from the store; who issues each command is the
/// <see cref="Cast"/>, what it records the <see cref="Script"/>.
/// </summary>
/// <example>
/// <code>
/// var driver = new CaseDriver(harness.Service);
/// var approved = await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Approved);
/// </code>
/// </example>
public sealed partial class CaseDriver
{
    /// <summary>How many commands a drive may issue before it gives up: far more than any path needs.</summary>
    private const int MaxCommands = 64;

    /// <summary>Creates a driver over <paramref name="service"/>.</summary>
    /// <param name="service">The service that runs each command.</param>
    /// <param name="cast">Who issues each command; the <see cref="CaseCast"/> defaults if <see langword="null"/>.</param>
    /// <param name="script">What each command records; the <see cref="CaseScript"/> defaults if <see langword="null"/>.</param>
    public CaseDriver(ComplaintService service, CaseCast? cast = null, CaseScript? script = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        Service = service;
        Cast = cast ?? new CaseCast();
        Script = script ?? new CaseScript();
        _commands = new PathCommands(Cast, Script);
    }

    /// <summary>The service that runs each command.</summary>
    public ComplaintService Service { get; }

    /// <summary>Who issues each command.</summary>
    public CaseCast Cast { get; }

    /// <summary>What each command records.</summary>
    public CaseScript Script { get; }

    /// <summary>Receives <paramref name="intake"/> and drives the new case to <paramref name="target"/>.</summary>
    /// <param name="intake">What is received.</param>
    /// <param name="target">Where the case should end up: a state of the happy path, or Rejected, Redirected or Withdrawn.</param>
    /// <param name="receiver">Who receives it; <see cref="CaseCast.Receiver"/> if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>The case in <paramref name="target"/>, as the last command returned it (as its actor sees it).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is <see cref="ComplaintState.Open"/> (a superstate no case is in) or undefined.</exception>
    /// <exception cref="InvalidOperationException">The happy path does not lead to <paramref name="target"/> (the policy rejected the case at triage, say); the message names where the case stopped.</exception>
    public async Task<Complaint> DriveToAsync(ComplaintIntake intake, ComplaintState target, Actor? receiver = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        CheckTarget(target);
        var received = await Service.ReceiveAsync(receiver ?? Cast.Receiver, intake, cancellationToken).ConfigureAwait(false);
        return await DriveOnAsync(received.Complaint, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drives an existing case on from where it stands to <paramref name="target"/>.</summary>
    /// <param name="complaint">The case as it now is (as stored, or as the last command returned it): the next command is chosen from it.</param>
    /// <param name="target">Where the case should end up: a later state of the happy path, or Rejected, Redirected or Withdrawn.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>The case in <paramref name="target"/>, as the last command returned it; <paramref name="complaint"/> if it is there already.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is <see cref="ComplaintState.Open"/> (a superstate no case is in) or undefined.</exception>
    /// <exception cref="InvalidOperationException">The happy path does not lead from where the case stands to <paramref name="target"/>; the message names where it stopped.</exception>
    public async Task<Complaint> DriveOnAsync(Complaint complaint, ComplaintState target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        CheckTarget(target);
        for (var issued = 0; complaint.State != target; issued++)
        {
            if (issued == MaxCommands)
            {
                throw new InvalidOperationException(
                    $"Complaint {complaint.Id} did not reach {target} in {MaxCommands} commands along the happy path; it is at {complaint.State}.");
            }

            var (actor, command) = NextStep(complaint, target, MeetingNeeded(complaint));
            complaint = (await Service.ExecuteAsync(complaint.Id, actor, command, cancellationToken: cancellationToken).ConfigureAwait(false)).Complaint;
        }

        return complaint;
    }

    private static void CheckTarget(ComplaintState target)
    {
        if (target == ComplaintState.Open || !Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(
                nameof(target), target, "No case is ever in this state (Open is the superstate of Triaged to FollowUp). Name a state of the happy path or a side end.");
        }
    }
}
