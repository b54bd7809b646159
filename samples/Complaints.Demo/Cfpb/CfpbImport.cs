using Complaints.Commands;
using Complaints.Workflow;
using static Complaints.ComplaintRoles;

namespace Complaints.Demo.Cfpb;

/// <summary>A clock the import sets to each complaint's dates; unlike the demo clock it may go back, from one complaint to the next.</summary>
internal sealed class ImportClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateTimeOffset instant) => _now = instant;
}

/// <summary>A CFPB row and the case it became.</summary>
internal sealed record ImportedComplaint(CfpbComplaint Row, Complaint Case);

/// <summary>
/// Runs CFPB rows through the workflow under the generic pack with the 15-day override. Each complaint is received
/// at noon (UTC) on "Date sent to company" — the day the company got it — then triaged, assigned and investigated.
/// A closed one is answered, accepted (no dispute on record), carried out, followed up (the consumer unreachable:
/// the data has no follow-up) and closed; an "In progress" one stays under investigation. The data has no response
/// date: the answer is recorded at the latest instant the CFPB's "Timely response?" flag allows (one minute before
/// the 15-day deadline) when timely, and a day after the deadline when not — bounds, not dates.
/// </summary>
internal sealed class CfpbImport(ComplaintService service, ImportClock clock)
{
    public static readonly Actor Team = new(new("complaint-team"), "Complaint team (CFPB portal)", [Coordinator], new DepartmentId("customer-service"));

    private readonly Dictionary<DepartmentId, Actor> _handlers = [];

    public async Task<IReadOnlyList<ImportedComplaint>> RunAsync(IReadOnlyList<CfpbComplaint> rows, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var imported = new List<ImportedComplaint>(rows.Count);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            imported.Add(new(row, await ImportAsync(row, cancellationToken)));
            progress?.Invoke(imported.Count);
        }

        return imported;
    }

    public async Task<Complaint> ImportAsync(CfpbComplaint row, CancellationToken cancellationToken = default)
    {
        var receipt = new DateTimeOffset(row.SentToCompany.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        clock.Set(receipt);
        var complaint = (await service.ReceiveAsync(Team, CfpbMapping.Intake(row), cancellationToken)).Complaint;
        var id = complaint.Id;

        async Task<Complaint> Do(Actor actor, ComplaintCommand command, DateTimeOffset at)
        {
            clock.Set(at);
            return (await service.ExecuteAsync(id, actor, command, cancellationToken: cancellationToken)).Complaint;
        }

        if (complaint.Intake.Channel.IsOral())
        {
            complaint = await Do(Team, new ConfirmReadBack(ReadBackMethod.Written), receipt.AddMinutes(1));
        }

        complaint = await Do(Team, new Triage(), receipt.AddMinutes(2));
        if (complaint.State != ComplaintState.Triaged)
        {
            return complaint;
        }

        var handler = Handler(complaint.Department ?? Team.Department!.Value);
        await Do(Team, new Assign(handler), receipt.AddMinutes(3));
        complaint = await Do(handler, new StartInvestigation(), receipt.AddMinutes(4));

        var response = CfpbMapping.Response(row.CompanyResponse);
        if (!CfpbMapping.IsClosed(response))
        {
            return complaint;
        }

        var due = complaint.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).DueAt;
        var answered = row.Timely == true ? due.AddMinutes(-1) : due.AddDays(1);
        var outcome = response is CfpbResponse.ClosedWithMonetaryRelief or CfpbResponse.ClosedWithNonMonetaryRelief
            ? FindingOutcome.Substantiated
            : FindingOutcome.NotSubstantiated;
        await Do(handler, new RecordFindings(new(outcome, RootCause.Undetermined, $"{row.CompanyResponse}; the company's findings are not in the data.")), answered.AddMinutes(-3));
        await Do(handler, new ProposeRemedy(new(CfpbMapping.Remedy(response), row.CompanyResponse)), answered.AddMinutes(-2));
        await Do(handler, new CommunicateDecision(Channel.OnlineForm, $"{row.CompanyResponse} (through the CFPB portal)"), answered);
        if (row.Disputed)
        {
            return await Do(handler, new RecordCustomerRejection("The consumer disputed the company's response (Consumer disputed? = Yes)."), answered.AddMinutes(1));
        }

        await Do(handler, new RecordCustomerAcceptance($"No dispute on record (Consumer disputed? = {row.ConsumerDisputed})."), answered.AddMinutes(1));
        await Do(handler, new CompleteImplementation(row.CompanyResponse), answered.AddMinutes(2));
        await Do(Team, new RecordFollowUp(Satisfaction.Unreachable, "No follow-up in the data."), answered.AddMinutes(3));
        return await Do(Team, new Close($"CFPB: {row.CompanyResponse}."), answered.AddMinutes(4));
    }

    private Actor Handler(DepartmentId department)
    {
        if (!_handlers.TryGetValue(department, out var handler))
        {
            handler = new Actor(new($"handler-{department}"), $"Handler ({department})", [ComplaintRoles.Handler], department);
            _handlers[department] = handler;
        }

        return handler;
    }
}
