using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Complaints.Desk.Pages;

/// <summary>My desk: the cases the service puts on the signed-in person's desk (<see cref="ComplaintService.GetDeskAsync"/>), by next due date.</summary>
public sealed class IndexModel(ComplaintService service) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public IReadOnlyList<DeskItem> Items { get; private set; } = [];

    /// <summary>Where the next page starts, or <see langword="null"/> at the desk's end.</summary>
    public int? NextSkip { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Skip = Math.Max(0, Skip);
        var page = await service.GetDeskAsync(SignedInActor.From(HttpContext), Skip, PageSize, cancellationToken);
        (Items, NextSkip) = (page.Items, page.NextSkip);
    }
}
