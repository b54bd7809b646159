namespace Complaints.Rules.Facts;

/// <summary>
/// What a pack's expressions see of a person being checked (a candidate handler, an approver, a reader, a
/// member of staff being assessed), as <c>person</c>, including how they stand to the case.
/// </summary>
public sealed class PersonFacts
{
    private readonly Actor _actor;

    /// <summary>Wraps a person in relation to a case.</summary>
    /// <param name="person">The person.</param>
    /// <param name="complaint">The case.</param>
    public PersonFacts(Actor person, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(complaint);
        _actor = person;
        Id = person.Id.Value;
        Department = person.Department?.Value ?? "";
        IsAccused = complaint.IsAccused(person.Id);
        var accusedDepartment = complaint.Intake.Subject.Department?.Value;
        InAccusedDepartment = accusedDepartment is not null && Department == accusedDepartment &&
            complaint.Intake.Subject.Kind is SubjectKind.StaffMember or SubjectKind.Department;
        InSubjectDepartment = accusedDepartment is not null && Department == accusedDepartment;
        IsReceiver = complaint.ReceivedBy.Id == person.Id;
        IsHandler = complaint.Assignee?.Id == person.Id;
        WasRecused = complaint.IsRecused(person.Id);
        IsComplainant = complaint.Intake.Complainant.StaffId == person.Id;
    }

    /// <summary>The person's id.</summary>
    public string Id { get; }

    /// <summary>The person's department; <c>""</c> if none.</summary>
    public string Department { get; }

    /// <summary>Whether they are the staff member complained about.</summary>
    public bool IsAccused { get; }

    /// <summary>Whether they work in the department of an accused staff member or an accused department.</summary>
    public bool InAccusedDepartment { get; }

    /// <summary>Whether they work in the department of the subject (product, service, person or department) complained about.</summary>
    public bool InSubjectDepartment { get; }

    /// <summary>Whether they received the complaint.</summary>
    public bool IsReceiver { get; }

    /// <summary>Whether they are the named handler.</summary>
    public bool IsHandler { get; }

    /// <summary>Whether they were recused from this case before.</summary>
    public bool WasRecused { get; }

    /// <summary>Whether they filed this (internal) complaint themselves.</summary>
    public bool IsComplainant { get; }

    /// <summary>Whether they hold <paramref name="role"/>.</summary>
    /// <param name="role">A role id.</param>
    /// <returns><see langword="true"/> if held.</returns>
    public bool HasRole(string role) => _actor.HasRole(role);
}
