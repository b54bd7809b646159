using Complaints.Demo;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Complaints.Desk.Pages;

/// <summary>
/// The intake form: channel, complainant, subject, description, category and amount, and the intake attributes of the
/// organisation's pack (its intake schema). The service checks the intake; its field errors are shown beside the fields.
/// </summary>
public sealed class IntakeModel(ComplaintService service) : PageModel
{
    /// <summary>The service's field names (<c>Intake.Description</c>) and the form fields they are shown beside.</summary>
    private static readonly (string Prefix, string Field)[] FieldOf =
    [
        ("Intake.Complainant.Contact.Phone", nameof(Phone)),
        ("Intake.Complainant.Contact.Email", nameof(Email)),
        ("Intake.Complainant", nameof(ComplainantName)),
        ("Intake.Subject.Kind", nameof(SubjectKind)),
        ("Intake.Subject.Department", nameof(SubjectDepartment)),
        ("Intake.Subject.StaffId", nameof(SubjectStaff)),
        ("Intake.Subject", nameof(SubjectName)),
        ("Intake.Description", nameof(Description)),
        ("Intake.Category", nameof(Category)),
        ("Intake.ClaimedAmount", nameof(Amount)),
        ("Intake.DesiredRemedy", nameof(DesiredRemedy)),
        ("Intake.Channel", nameof(Channel)),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty]
    public Channel Channel { get; set; } = Channel.WalkIn;

    [BindProperty]
    public string? ComplainantName { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public SubjectKind SubjectKind { get; set; } = SubjectKind.Service;

    [BindProperty]
    public string? SubjectName { get; set; }

    [BindProperty]
    public string? SubjectDepartment { get; set; }

    [BindProperty]
    public string? SubjectStaff { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? DesiredRemedy { get; set; }

    [BindProperty]
    public Dictionary<string, string> Attr { get; set; } = [];

    public Organisation Organisation { get; private set; } = People.Organisations[0];

    public PackManifest? Manifest { get; private set; }

    public IntakeSchema? Schema { get; private set; }

    /// <summary>The problems by form field (an attribute's as <c>Attr[name]</c>); "" for those the form has no field for.</summary>
    public Dictionary<string, List<string>> Errors { get; } = [];

    public void OnGet() => Choose();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Choose();
        Money? claimed = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (ActionForms.TryAmount(Amount, out var amount))
            {
                claimed = new Money(amount, Manifest?.Currency is { Length: > 0 } c ? c : "CNY");
            }
            else
            {
                Add(nameof(Amount), "must be a number such as 1250.50.");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }

        var attributes = Attr.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim());
        attributes[Cases.OrganisationAttribute] = Organisation.Id;
        var intake = new ComplaintIntake(
            ComplaintKind.Complaint,
            Channel,
            string.IsNullOrWhiteSpace(ComplainantName) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email)
                ? Complainant.Anonymous
                : new Complainant(string.IsNullOrWhiteSpace(ComplainantName) ? null : ComplainantName, new ContactDetails(Blank(Phone), Blank(Email))),
            new ComplaintSubject(SubjectKind, SubjectName ?? "",
                string.IsNullOrWhiteSpace(SubjectDepartment) ? null : new DepartmentId(SubjectDepartment),
                string.IsNullOrWhiteSpace(SubjectStaff) ? null : new ActorId(SubjectStaff)),
            Description ?? "",
            Category: Blank(Category),
            DesiredRemedy: Blank(DesiredRemedy),
            ClaimedAmount: claimed,
            Attributes: attributes);
        try
        {
            var received = await service.ReceiveAsync(SignedInActor.From(HttpContext), intake, cancellationToken);
            return Redirect($"/Case/{received.Complaint.Id.Value}");
        }
        catch (ComplaintValidationException e)
        {
            foreach (var error in e.Errors)
            {
                Add(FieldFor(error.Field), error.Message);
            }
        }
        catch (ComplaintException e)
        {
            Add("", e.Message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The problems shown beside <paramref name="field"/>.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string FieldFor(string serviceField)
    {
        if (serviceField.StartsWith("Intake.Attributes[", StringComparison.Ordinal))
        {
            return "Attr[" + serviceField["Intake.Attributes[".Length..].TrimEnd(']') + "]";
        }

        return FieldOf.FirstOrDefault(f => serviceField.StartsWith(f.Prefix, StringComparison.Ordinal)).Field ?? "";
    }

    private void Add(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>The organisation the form is for (the signed-in person's unless chosen) and its pack's manifest and intake schema.</summary>
    private void Choose()
    {
        Organisation = People.FindOrganisation(Org) ?? People.OrganisationOf(SignedInActor.From(HttpContext).Id);
        Org = Organisation.Id;
        var pack = service.Policies.Newest(Organisation.Pack);
        Manifest = (pack as PolicyPack)?.Manifest;
        Schema = pack?.IntakeSchema;
    }
}
