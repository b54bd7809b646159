using System.Globalization;
using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Complaints.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Complaints.Desk.Pages;

/// <summary>
/// The analysis report of a period (the library's <see cref="PeriodReport"/>, in the page's language). It counts every
/// case, so it is shown to those the service lets see every case (<see cref="ComplaintsOptions.SeeAllRoles"/>).
/// </summary>
public sealed class ReportModel(ComplaintAnalysis analysis, TimeProvider time, IOptions<ComplaintsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() => Check();

    /// <summary>The report page itself, shown in a frame of the desk's page.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(CancellationToken cancellationToken)
    {
        if (!Check())
        {
            return Forbid();
        }

        var query = analysis.Period(new DateTimeOffset(From!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(To!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var report = PeriodReport.Create(await analysis.AnalyseAsync(query, cancellationToken), time,
            Ui.IsChinese ? ReportLabels.ChineseSimplified : ReportLabels.English, title: Ui.T("report") + " – " + Ui.T("app"), organisation: "Demo group");
        if (analysis.HasCorrectiveActions)
        {
            report = report with { CorrectiveActions = await analysis.CorrectiveActionsAsync(query, cancellationToken) };
        }

        return Content(report.ToHtml(), "text/html; charset=utf-8");
    }

    public string Query => string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");

    private bool Check()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        To ??= today.AddDays(1);
        From ??= To.Value.AddDays(-30);
        if (!SignedInActor.From(HttpContext).Roles.Any(options.Value.SeeAllRoles.Contains))
        {
            Problem = Ui.T("report.for.see.all");
        }
        else if (!analysis.IsAvailable)
        {
            Problem = Ui.T("report.unavailable");
        }
        else if (To <= From)
        {
            Problem = $"{Ui.T("to")} > {Ui.T("from")}";
        }

        return Problem is null;
    }
}
