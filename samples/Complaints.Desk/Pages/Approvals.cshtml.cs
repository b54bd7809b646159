using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Complaints.Desk.Pages;

/// <summary>The approvals inbox: the cases on the signed-in person's desk because they await an approval by a role they hold.</summary>
public sealed class ApprovalsModel(ComplaintService service) : PageModel
{
    public IReadOnlyList<DeskItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The largest page the service reads: a sample's inbox, not a paged work queue.
        var desk = await service.GetDeskAsync(SignedInActor.From(HttpContext), 0, 1000, cancellationToken);
        Items = [.. desk.Items.Where(i => i.Reasons.HasFlag(DeskReasons.AwaitingApproval))];
    }
}
