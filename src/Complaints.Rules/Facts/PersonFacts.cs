namespace Complaints.Rules.Facts;

/// <summary>
/// What a pack's expressions see of a person being checked (a candidate handler, an approver, a reader, a
/// member of staff being assessed), as <c>person</c>, including how they stand to the case.
/// </summary>
public sealed class PersonFacts
{
    private readonly Actor _actor;
    private readonly Complaint _complaint;

    /// <summary>Wraps a person in relation to a case. Nothing is copied: each value is read from the person and the (immutable) case when asked for.</summary>
    /// <param name="person">The person.</param>
    /// <param name="complaint">The case.</param>
    public PersonFacts(Actor person, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(complaint);
        _actor = person;
        _complaint = complaint;
    }

    /// <summary>The person's id.</summary>
    public string Id => _actor.Id.Value;

    /// <summary>The person's department; <c>""</c> if none.</summary>
    public string Department => _actor.Department?.Value ?? "";

    /// <summary>Whether they are the staff member complained about.</summary>
    public bool IsAccused => _complaint.IsAccused(_actor.Id);

    /// <summary>Whether they work in the department of an accused staff member or an accused department.</summary>
    public bool InAccusedDepartment => InSubjectDepartment && _complaint.Intake.Subject.Kind is SubjectKind.StaffMember or SubjectKind.Department;

    /// <summary>Whether they work in the department of the subject (product, service, person or department) complained about.</summary>
    public bool InSubjectDepartment => _complaint.Intake.Subject.Department?.Value is { } subject && Department == subject;

    /// <summary>Whether they received the complaint.</summary>
    public bool IsReceiver => _complaint.ReceivedBy.Id == _actor.Id;

    /// <summary>Whether they are the named handler.</summary>
    public bool IsHandler => _complaint.Assignee?.Id == _actor.Id;

    /// <summary>Whether they were recused from this case before.</summary>
    public bool WasRecused => _complaint.IsRecused(_actor.Id);

    /// <summary>Whether they filed this (internal) complaint themselves.</summary>
    public bool IsComplainant => _complaint.Intake.Complainant.StaffId == _actor.Id;

    /// <summary>Whether they hold <paramref name="role"/>.</summary>
    /// <param name="role">A role id.</param>
    /// <returns><see langword="true"/> if held.</returns>
    public bool HasRole(string role) => _actor.HasRole(role);
}
