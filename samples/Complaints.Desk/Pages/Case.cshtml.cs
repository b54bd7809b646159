using Complaints.Commands;
using Complaints.Rules;
using Complaints.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Complaints.Desk.Pages;

/// <summary>
/// A case as the signed-in person may see it (the service redacts it), its timeline with every decision's reasons,
/// its deadlines, and the actions the service says this person may take now, as buttons.
/// </summary>
public sealed class CaseModel(ComplaintService service, UrgencyJudge urgency) : PageModel
{
    public Complaint? Complaint { get; private set; }

    public IReadOnlyList<Explained> Timeline { get; private set; } = [];

    public IReadOnlyList<ComplaintAction> Actions { get; private set; } = [];

    public IReadOnlyList<Actor> Colleagues { get; private set; } = [];

    /// <summary>Why the page shows no case, or why the last action was not done (the service's message).</summary>
    public string? Problem { get; private set; }

    public UrgencyJudge Urgency => urgency;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, long version, CancellationToken cancellationToken)
    {
        var actor = SignedInActor.From(HttpContext);
        try
        {
            if (!Enum.TryParse<ComplaintAction>(action, out var chosen))
            {
                throw new FormatException("action: not an action of the complaint process.");
            }

            var command = ActionForms.Build(chosen, name => Request.Form[name].FirstOrDefault(), CurrencyOf(await service.GetAsync(new ComplaintId(id), actor, cancellationToken)));
            await service.ExecuteAsync(new ComplaintId(id), actor, command, version, cancellationToken);
            return Redirect($"/Case/{id}?done={chosen}");
        }
        catch (ComplaintValidationException e)
        {
            Problem = string.Join(" ", e.Errors.Select(x => $"{x.Field}: {x.Message}"));
        }
        catch (Exception e) when (e is ComplaintException or FormatException)
        {
            Problem = e.Message;
        }

        var page = await LoadAsync(id, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = SignedInActor.From(HttpContext);
        var caseId = new ComplaintId(id);
        try
        {
            Complaint = await service.GetAsync(caseId, actor, cancellationToken);
            Timeline = [.. (await service.GetJournalAsync(caseId, actor, cancellationToken)).Select(Explained.Of)];
            Actions = await service.GetAllowedActionsAsync(caseId, actor, cancellationToken);
            Colleagues = People.OrganisationOf(actor.Id).People;
            return Page();
        }
        catch (NotPermittedException)
        {
            Problem = Ui.T("may.not.see");
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (ComplaintNotFoundException)
        {
            Problem = Ui.T("not.found");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The currency of the pack the case was opened under (amounts typed on its forms are in it).</summary>
    private string CurrencyOf(Complaint complaint) =>
        service.Policies.Resolve(complaint.Policy) is PolicyPack { Manifest.Currency: { Length: > 0 } currency } ? currency : "CNY";
}
