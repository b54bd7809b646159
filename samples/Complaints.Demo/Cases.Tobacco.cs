using Complaints.Commands;
using static Complaints.Demo.Tobacco;

namespace Complaints.Demo;

/// <summary>The tobacco company's day under the <c>tobacco-retail</c> pack.</summary>
internal static partial class Cases
{
    public const string TobaccoPack = "tobacco-retail";

    public static IReadOnlyList<Script> TobaccoCases() => [DisplayFees()];

    /// <summary>
    /// A signed report (举报) of illegal fees: the accused and his unit see the reporter as withheld, the accused is
    /// heard, a fine is imposed, the refund needs the head's approval, and closing it sets the reward at 20–50 % of the fine.
    /// </summary>
    private static Script DisplayFees() => new Script(TobaccoPack, "Customer manager charging \"display fees\" (report)", Clerk)
        .Receive(Mar(2, 10, 0), Clerk, new ComplaintIntake(
            ComplaintKind.Report, Channel.Letter, Person("Zhou Lan (Lan's Corner Shop)", phone: "+86 135 0000 4444"),
            new ComplaintSubject(SubjectKind.StaffMember, "Wang Gang, customer manager", Sales, CustomerManager.Id),
            "Since October customer manager Wang Gang has made me and four other shops pay a 300 CNY 'display fee' every month, in cash, without a receipt; he says our allocation will be cut if we refuse.",
            Category: "illegal-fees", DesiredRemedy: "Stop the fees and return what we paid", ClaimedAmount: Cny(1_500)))
        .Then(Mar(3, 9, 0), Clerk, new Triage())
        .Then(Mar(3, 9, 15), Head, new Assign(Supervisor))
        .Then(Mar(3, 10, 0), Supervisor, new StartInvestigation())
        .Then(Mar(4, 15, 0), Supervisor, new AddEvidence(new("statements://retailers/5", "five shopkeepers' signed statements: 300 CNY a month each, cash")))
        .Then(Mar(5, 10, 0), Supervisor, new HearAccused("The money paid for the display racks; I should have given receipts."))
        .Then(Mar(9, 10, 0), Supervisor, new RecordFindings(new(
            FindingOutcome.Substantiated, RootCause.StaffError, "7,500 CNY of invented fees from five shops; the racks were the company's, free of charge.",
            Fine: Cny(5_000))))
        .Then(Mar(9, 11, 0), Supervisor, new ProposeRemedy(new(RemedyKind.Refund, "Return the 1,500 CNY she paid (and the other shops' fees)", Cny(1_500))))
        .Peek(Mar(9, 11, 30), CustomerManager)
        .Peek(Mar(9, 11, 35), SalesManager)
        .Refused(Mar(9, 11, 40), SalesManager, new Approve("Fine by sales."))
        .Then(Mar(9, 15, 0), Head, new Approve("Above the supervisor's 1,000 CNY; approved, and Wang is fined 5,000 CNY."))
        .Then(Mar(10, 10, 0), Supervisor, new CommunicateDecision(Channel.Letter, "Written result: founded; your 1,500 CNY is returned; the fees are stopped."))
        .Then(Mar(10, 10, 5), Supervisor, new RecordCustomerAcceptance())
        .Then(Mar(11, 16, 0), Supervisor, new CompleteImplementation("7,500 CNY returned to the five shops."))
        .Then(Mar(13, 10, 0), Clerk, new RecordFollowUp(Satisfaction.Satisfied, "No more fees asked."))
        .Then(Mar(13, 10, 30), Clerk, new Close("Founded: fees returned, customer manager fined; racks are labelled free of charge."));
}
