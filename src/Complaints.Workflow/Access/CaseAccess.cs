using Complaints.Commands;
using Complaints.Policy;
using Complaints.Ports;

namespace Complaints.Workflow.Access;

/// <summary>
/// The one place that decides who may see a case, who may act on it, and what of it each person is shown. Acting
/// needs seeing: every command on a case first passes <see cref="CanSee"/>, then the action's permission rule.
/// </summary>
internal sealed class CaseAccess(ComplaintsOptions options, PolicyCatalog policies)
{
    private static readonly Actor Outsider = new(new ActorId("(anyone)"), "anyone", []);

    /// <summary>Whether <paramref name="actor"/> holds a role that sees every case (or is the library's own actor).</summary>
    public bool SeesAll(Actor actor)
    {
        for (var i = 0; i < actor.Roles.Count; i++)
        {
            if (options.SeeAllRoles.Contains(actor.Roles[i]) || string.Equals(actor.Roles[i], ComplaintRoles.System, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The visibility filter a store applies for <paramref name="actor"/>, or <see langword="null"/> if they see every case.</summary>
    public CaseVisibility? VisibilityFor(Actor actor) =>
        SeesAll(actor) ? null : new CaseVisibility(actor.Id, actor.Department, actor.Roles);

    /// <summary>Whether <paramref name="actor"/> may see the case at all: see-all roles, or received, handles, their department's, awaiting their approval.</summary>
    public bool CanSee(Complaint complaint, Actor actor) => VisibilityFor(actor) is not { } visibility || visibility.CanSee(complaint);

    /// <summary>
    /// What <paramref name="reader"/> is shown of the case. The person complained about never sees who complained
    /// nor the report's materials (whatever the policy says); otherwise the policy's confidentiality decision rules.
    /// </summary>
    public CaseView ViewOf(Complaint complaint, Actor reader)
    {
        if (complaint.IsAccused(reader.Id))
        {
            return new CaseView(false, ConfidentialParts.Materials | Decide(complaint, reader).Withheld);
        }

        var decision = Decide(complaint, reader);
        return decision.MaySeeIdentity ? CaseView.Full : new CaseView(false, decision.Withheld);
    }

    /// <summary>
    /// Whether the case's complainant is confidential: named, and hidden by the policy from someone — the person
    /// complained about, their department, or anyone without a relation to the case. Reads of such a case that
    /// show the identity are put on the audit log.
    /// </summary>
    public bool IsConfidential(Complaint complaint)
    {
        var complainant = complaint.Intake.Complainant;
        if (complainant.IsAnonymous && !complainant.Contact.HasAny && complainant.StaffId is null)
        {
            return false;
        }

        var subject = complaint.Intake.Subject;
        if (subject.StaffId is not null || !Decide(complaint, Outsider).MaySeeIdentity)
        {
            return true;
        }

        return subject.Department is { } department
            && !Decide(complaint, Outsider with { Department = department }).MaySeeIdentity;
    }

    /// <summary>
    /// The policy's confidentiality decision; when the case's pack version is not loaded (and the fallback does not
    /// allow another), everything confidential is withheld: no rule is there to say who may see it.
    /// </summary>
    private ConfidentialityDecision Decide(Complaint complaint, Actor reader) =>
        policies.TryResolve(complaint.Policy, complaint.Id) is { } policy
            ? policy.CheckConfidentiality(complaint, reader)
            : new ConfidentialityDecision(false, VersionNotLoaded, new PolicyExplanation(complaint.Policy, [])) { Withheld = AllParts };

    private const string VersionNotLoaded = "the pack version the case was opened under is not loaded, so nothing confidential is shown";
    private static readonly ConfidentialParts AllParts = Enum.GetValues<ConfidentialParts>().Aggregate(ConfidentialParts.None, (all, part) => all | part);

    /// <summary>Throws <see cref="NotPermittedException"/> unless <paramref name="actor"/> may see the case.</summary>
    public void EnsureVisible(Complaint complaint, Actor actor, ComplaintAction action)
    {
        if (!CanSee(complaint, actor))
        {
            throw new NotPermittedException(complaint.Id, actor.Id, action,
                "they may not see this case: they did not receive or handle it, it is not their department's, it awaits no approval by a role they hold, and they hold no role that sees every case.");
        }
    }
}
