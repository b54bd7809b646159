using System.Globalization;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Complaints.Rules;

/// <summary>
/// At host start, warns in the log when the official holiday data of a pack's calendar ends within that pack's
/// longest deadline (each pack of a deployment that runs several) (its extension limit included): deadlines counted from now may then be provisional, or fail
/// under <see cref="ComplaintsOptions.StrictCalendarHorizon"/>. Changes nothing; never stops the host.
/// <c>UsePack</c>, <c>UsePackFolder</c> and <c>UsePacks</c> register it as a hosted service, and as the
/// <see cref="ICalendarHorizonCheck"/> the <c>complaints-calendar</c> health check asks.
/// </summary>
public sealed partial class CalendarHorizonWarning : IHostedService, ICalendarHorizonCheck
{
    private readonly Func<IReadOnlyList<PolicyPack>> _packs;
    private readonly BusinessCalendarRegistry _calendars;
    private readonly IBusinessCalendar _defaultCalendar;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the check.</summary>
    /// <param name="packs">The packs chosen with <c>UsePack</c>/<c>UsePackFolder</c>/<c>UsePackFiles</c>/<c>UsePacks</c>.</param>
    /// <param name="calendars">The calendars packs name.</param>
    /// <param name="defaultCalendar">The calendar of a pack that names none.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where the warning goes.</param>
    internal CalendarHorizonWarning(Func<IReadOnlyList<PolicyPack>> packs, BusinessCalendarRegistry calendars, IBusinessCalendar defaultCalendar, TimeProvider time, ILogger logger)
    {
        _packs = packs;
        _calendars = calendars;
        _defaultCalendar = defaultCalendar;
        _time = time;
        _logger = logger;
    }

    /// <summary>The warnings of the last check (at start), for a host's health page.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Checks the horizon and logs each warning.</summary>
    /// <param name="cancellationToken">Not used; the check is quick.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Warnings = Check();
        foreach (var warning in Warnings)
        {
            LogHorizon(_logger, warning);
        }

        return Task.CompletedTask;
    }

    /// <summary>Does nothing.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The warnings for the packs chosen with <c>UsePack</c>/<c>UsePackFolder</c>/<c>UsePacks</c>, as of now; empty when each pack's calendar's data reaches past its longest deadline.</summary>
    /// <returns>For each pack whose calendar's data ends too soon, one warning naming the pack, the calendar, the date its data ends and what to do.</returns>
    public IReadOnlyList<string> Check() => Check(_time.GetUtcNow(), "now");

    /// <inheritdoc />
    public IReadOnlyList<string> Check(DateTimeOffset receivedAt) =>
        Check(receivedAt, receivedAt == _time.GetUtcNow() ? "now" : string.Create(CultureInfo.InvariantCulture, $"on {receivedAt:yyyy-MM-dd}"));

    private List<string> Check(DateTimeOffset receivedAt, string when)
    {
        IReadOnlyList<PolicyPack> packs;
        try
        {
            packs = _packs();
        }
        catch (Exception e) when (e is PolicyPackException or InvalidOperationException or ArgumentException or IOException)
        {
            return []; // options validation reports these
        }

        var warnings = new List<string>();
        foreach (var loaded in packs)
        {
            if (Check(loaded, receivedAt, when) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        return warnings;
    }

    private string? Check(PolicyPack loaded, DateTimeOffset now, string when)
    {
        IBusinessCalendar calendar;
        try
        {
            calendar = loaded.CalendarName is { } name ? _calendars.Get(name) : _defaultCalendar;
        }
        catch (Exception e) when (e is UnknownCalendarException or InvalidOperationException or ArgumentException)
        {
            return null; // options validation reports these
        }

        if (calendar.OfficialDataEndsOn is not { } end)
        {
            return null;
        }

        foreach (var (rule, amount, unit) in LongestDeadlines(loaded))
        {
            string? reached;
            try
            {
                var due = calendar.Add(now, amount, unit);
                reached = calendar.IsProvisional(now, due, unit) ? $"due {due:yyyy-MM-dd} if received {when}" : null;
            }
            catch (BusinessCalendarException e)
            {
                reached = $"reaching {e.Date:yyyy-MM-dd} if received {when}, which fails because the calendar is strict";
            }

            if (reached is not null)
            {
                return
                    $"The business calendar '{calendar.Name}' has official holiday data until {end:yyyy-MM-dd}, within the longest deadline of policy pack '{loaded.Identity.Id}' " +
                    $"(rule '{rule}': {amount} {unit}, {reached}). Deadlines reaching past it are provisional (rest days and statutory holidays only, no bridging or make-up days). " +
                    $"Load newer holiday data (e.g. AddCalendar(\"{calendar.Name}\", BusinessCalendars.ChinaWithHolidayFiles(folder))) and issue ReplanDeadlines on open cases with provisional deadlines.";
            }
        }

        return null;
    }

    /// <summary>The pack's deadline rules, as compiled (amounts read from settings included), longest reach first (the extension limit where there is one).</summary>
    private static IEnumerable<(string Rule, int Amount, DeadlineUnit Unit)> LongestDeadlines(PolicyPack pack) =>
        pack.DeadlineRules
            .Select(r => (r.Rule, Most: Math.Max(r.Amount, r.ExtendableTo ?? 0), r.Unit))
            .OrderByDescending(r => r.Most * Days(r.Unit))
            .Select(r => (r.Rule, r.Most, r.Unit));

    /// <summary>Roughly how many calendar days one unit spans, to find the longest deadline.</summary>
    private static double Days(DeadlineUnit unit) => unit switch
    {
        DeadlineUnit.WorkingDays => 1.4,
        DeadlineUnit.CalendarDays => 1,
        DeadlineUnit.WorkingHours => 0.2,
        _ => 1.0 / 24,
    };

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogHorizon(ILogger logger, string warning);
}
