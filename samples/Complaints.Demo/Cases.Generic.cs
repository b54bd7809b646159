using Complaints.Commands;
using static Complaints.Demo.Shop;

namespace Complaints.Demo;

/// <summary>A furniture shop's complaint under the <c>generic</c> pack.</summary>
internal static partial class Cases
{
    public const string GenericPack = "generic";

    public static IReadOnlyList<Script> GenericCases() => [LateSofa()];

    /// <summary>
    /// A delivery complaint the first handler sits on: the deadline worker records the warning and then the breach,
    /// which escalates the case and assesses the handler; the manager hands it to someone else, who settles it.
    /// </summary>
    private static Script LateSofa() => new Script(GenericPack, "Sofa three weeks late, and no call back", Coordinator)
        .Receive(Mar(2, 2, 0), Coordinator, Intake(
            Channel.OnlineForm, Person("Chen Jie", email: "chen.jie@example.com"),
            new ComplaintSubject(SubjectKind.Service, "Home delivery", Reference: "order 88-1203"),
            "My sofa was promised for 9 February; it is 2 March, I took three days off to wait, and nobody calls me back.",
            "delivery", "Deliver it this week and pay for my lost days", Cny(450)))
        .Then(Mar(2, 2, 30), Coordinator, new Triage())
        .Then(Mar(2, 2, 40), Coordinator, new Assign(Dispatcher))
        .Then(Mar(2, 6, 0), Dispatcher, new StartInvestigation())
        .DeadlineWorker(Mar(4, 4, 0))
        .DeadlineWorker(Mar(4, 10, 30))
        .Then(Mar(4, 11, 0), LogisticsManager, new Reassign(SeniorDispatcher, "The propose deadline was breached; Qiu takes it over."))
        .Then(Mar(4, 11, 10), SeniorDispatcher, new StartInvestigation())
        .Then(Mar(4, 11, 30), SeniorDispatcher, new AddEvidence(new("wms://orders/88-1203", "sofa at the warehouse since 6 Feb; route never booked")))
        .Then(Mar(4, 12, 0), SeniorDispatcher, new RecordFindings(new(FindingOutcome.Substantiated, RootCause.ProcessGap, "The order fell off the route plan when its slot was moved.")))
        .Then(Mar(4, 12, 30), SeniorDispatcher, new ProposeRemedy(new(RemedyKind.Compensation, "Deliver on 5 March; 450 CNY for the days lost", Cny(450))))
        .Then(Mar(4, 13, 0), SeniorDispatcher, new CommunicateDecision(Channel.Phone, "Delivery tomorrow 9–11, and 450 CNY back."))
        .Then(Mar(4, 13, 10), SeniorDispatcher, new RecordCustomerAcceptance())
        .Then(Mar(5, 4, 0), SeniorDispatcher, new CompleteImplementation("Delivered and assembled; 450 CNY refunded."))
        .Then(Mar(6, 6, 0), Coordinator, new RecordFollowUp(Satisfaction.Neutral, "Happy with the sofa, not with the wait."))
        .Then(Mar(6, 6, 10), Coordinator, new Close("Compensated; moved slots now re-enter the route plan."));
}
