namespace Complaints.Testing;

public sealed partial class ComplaintBuilder
{
    /// <summary>Makes the complaint about a named member of staff, who then may not act on it nor see who complained.</summary>
    /// <param name="staffId">The accused's id.</param>
    /// <param name="department">Their department; drives recusal, confidentiality and "whose customer, whose responsibility" routing.</param>
    /// <param name="name">Their name; the id if not given.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder AboutStaff(string staffId, string? department = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        _subject = new ComplaintSubject(SubjectKind.StaffMember, name ?? staffId, Department(department), new ActorId(staffId));
        return this;
    }

    /// <summary>Makes the complaint about a product.</summary>
    /// <param name="name">The product.</param>
    /// <param name="department">The department responsible for it, if known.</param>
    /// <param name="reference">A product code, batch or licence plate.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder AboutProduct(string name, string? department = null, string? reference = null) =>
        About(new ComplaintSubject(SubjectKind.Product, name, Department(department), Reference: reference));

    /// <summary>Makes the complaint about a service.</summary>
    /// <param name="name">The service.</param>
    /// <param name="department">The department that provides it, if known.</param>
    /// <param name="reference">An order number or other reference.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder AboutService(string name, string? department = null, string? reference = null) =>
        About(new ComplaintSubject(SubjectKind.Service, name, Department(department), Reference: reference));

    /// <summary>Makes the complaint about a department as a whole, whose members then count as the accused department.</summary>
    /// <param name="department">The department's id.</param>
    /// <param name="name">Its name; the id if not given.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder AboutDepartment(string department, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        return About(new ComplaintSubject(SubjectKind.Department, name ?? department, new DepartmentId(department)));
    }

    /// <summary>Sets the subject as given, for cases the other <c>About…</c> methods do not cover.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>This builder.</returns>
    public ComplaintBuilder About(ComplaintSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _subject = subject;
        return this;
    }

    private static DepartmentId? Department(string? id) => string.IsNullOrWhiteSpace(id) ? null : new DepartmentId(id);
}
