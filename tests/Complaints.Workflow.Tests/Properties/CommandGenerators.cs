using System.Globalization;
using System.Text;
using Complaints.Commands;
using Complaints.Policy;
using CsCheck;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Properties;

/// <summary>One case to receive before the commands run.</summary>
/// <param name="Channel">How it came in; phone and walk-in need a read-back before triage.</param>
/// <param name="Subject">Index into <see cref="CommandGenerators.Subjects"/>.</param>
/// <param name="Claim">Index into <see cref="CommandGenerators.Claims"/>.</param>
/// <param name="Flags">Severity signals.</param>
/// <param name="Receiver">Index into <see cref="CommandGenerators.Receivers"/>.</param>
internal sealed record CaseSpec(Channel Channel, int Subject, int Claim, ComplaintFlags Flags, int Receiver)
{
    public ComplaintIntake Intake() => new(
        ComplaintKind.Complaint,
        Channel,
        new Complainant("Liu Yang", new ContactDetails(Phone: "+86 138 0000 0000")),
        CommandGenerators.Subjects[Subject],
        "The salesman was rude and refused to honour the quoted price.",
        Category: "service-attitude",
        ClaimedAmount: CommandGenerators.Claims[Claim] is { } c ? new Money(c, "CNY") : null,
        Flags: Flags);

    public Actor ReceivedBy => CommandGenerators.Receivers[Receiver];

    public override string ToString() =>
        $"{Channel}/{CommandGenerators.Subjects[Subject].Kind}/claim {CommandGenerators.Claims[Claim]?.ToString(CultureInfo.InvariantCulture) ?? "none"}/{Flags}/by {ReceivedBy.Id}";
}

/// <summary>The random data a step's command is built from, whichever command it turns out to be.</summary>
/// <param name="Invalid">Build an invalid payload (blank text, undefined enum, blank handler id); the command must fail validation.</param>
/// <param name="Text">Index into <see cref="CommandGenerators.Texts"/>.</param>
/// <param name="Blank">Index into <see cref="CommandGenerators.Blanks"/>, used when <paramref name="Invalid"/>.</param>
/// <param name="Amount">Index into <see cref="CommandGenerators.Amounts"/>.</param>
/// <param name="Kind">The remedy kind.</param>
/// <param name="Satisfaction">For a follow-up.</param>
/// <param name="Method">For a read-back.</param>
/// <param name="Channel">For communicating the decision.</param>
/// <param name="Outcome">For findings.</param>
/// <param name="Cause">For findings.</param>
/// <param name="Handler">Index into <see cref="CommandGenerators.Handlers"/>, for assign and reassign.</param>
/// <param name="Comment">Whether optional notes are given.</param>
internal sealed record Payload(
    bool Invalid,
    int Text,
    int Blank,
    int Amount,
    RemedyKind Kind,
    Satisfaction Satisfaction,
    ReadBackMethod Method,
    Channel Channel,
    FindingOutcome Outcome,
    RootCause Cause,
    int Handler,
    bool Comment);

/// <summary>
/// One step of a random sequence. Steps are abstract so the generator need not know the case's state: a step
/// either names a command (<paramref name="Action"/>), or, when that is <see langword="null"/>, picks one of the
/// commands the lifecycle allows now (weighted by <paramref name="Pick"/>), so cases actually progress.
/// The actor is the one likely to be permitted for the command unless <paramref name="AnyActor"/>.
/// </summary>
/// <param name="Case">Which case (modulo the number of cases).</param>
/// <param name="Action">A fixed command, or <see langword="null"/> for one the lifecycle allows now.</param>
/// <param name="Pick">0..9999: which allowed command (weighted).</param>
/// <param name="Actor">Index among the likely actors, or into <see cref="People.All"/>.</param>
/// <param name="AnyActor">Pick the actor from everyone rather than from those likely permitted.</param>
/// <param name="Payload">The command's data.</param>
/// <param name="Advance">How far the clock moves before the command.</param>
/// <param name="Expected">Whether the command passes an expected version: none, the current one, or a stale one (must fail with a concurrency error).</param>
internal sealed record Step(int Case, ComplaintAction? Action, int Pick, int Actor, bool AnyActor, Payload Payload, TimeSpan Advance, ExpectedVersion Expected)
{
    public override string ToString()
    {
        var what = Action?.ToString() ?? $"allowed@{Pick}";
        var who = AnyActor ? $"any#{Actor}" : $"likely#{Actor}";
        var payload = Payload.Invalid ? " INVALID" : "";
        var expected = Expected == ExpectedVersion.None ? "" : $" expect:{Expected}";
        return $"+{CommandGenerators.Span(Advance)} case{Case} {what} {who}{payload}{expected}";
    }
}

/// <summary>What expected version a step passes to <c>ExecuteAsync</c>.</summary>
internal enum ExpectedVersion
{
    None,
    Current,
    Stale,
}

/// <summary>A whole random run: the policy's settings, the cases and the steps.</summary>
/// <param name="Admissibility">What the test policy decides at triage.</param>
/// <param name="RejectionsBeforeEscalation">Customer rejections before the policy escalates.</param>
/// <param name="DeclaredConflict">Index into <see cref="People.All"/> of someone who declared a conflict with every case; negative for nobody.</param>
/// <param name="Cases">The cases received before the steps.</param>
/// <param name="Steps">The steps.</param>
internal sealed record Scenario(AdmissibilityOutcome Admissibility, int RejectionsBeforeEscalation, int DeclaredConflict, CaseSpec[] Cases, Step[] Steps);

/// <summary>CsCheck generators for command sequences, and the mapping from abstract steps to concrete commands.</summary>
internal static class CommandGenerators
{
    public static readonly ComplaintSubject[] Subjects =
    [
        new(SubjectKind.StaffMember, "Wang", Sales, Accused.Id),
        new(SubjectKind.Product, "Brake pads", ServiceDept, Reference: "BP-1"),
        new(SubjectKind.Department, "Sales", Sales),
        new(SubjectKind.Service, "Delivery"),
    ];

    public static readonly decimal?[] Claims = [null, 50, 500, 5_000, 20_000];

    public static readonly Actor[] Receivers = [Receiver, Receiver, Receiver, Coordinator, Handler];

    /// <summary>Who a case may be handed to: mostly the two service handlers, sometimes a conflicted or odd choice.</summary>
    public static readonly Actor[] Handlers = [Handler, Handler, Handler, Handler2, Handler2, Handler2, SalesHandler, Manager, Accused, Outsider];

    public static readonly decimal?[] Amounts = [null, 0, 80, 500, 1_000, 5_000, 60_000];

    public static readonly string[] Texts =
    [
        "The customer called back.",
        "Conflict of interest: related to the complainant.",
        "Quoted price was in writing.",
        "Customer wants the general manager to look at it.",
        "复述确认 done by phone.",
    ];

    public static readonly string[] Blanks = ["", " ", "\t\n "];

    /// <summary>Every command's action (not Receive or View).</summary>
    public static readonly ComplaintAction[] CommandActions =
        Enum.GetValues<ComplaintAction>().Where(a => a is not (ComplaintAction.Receive or ComplaintAction.View)).ToArray();

    public static readonly Gen<TimeSpan> Advance = Gen.Frequency(
        (6, Gen.Int[1, 180].Select(m => TimeSpan.FromMinutes(m))),
        (3, Gen.Int[3, 48].Select(h => TimeSpan.FromHours(h))),
        (1, Gen.Int[2, 45].Select(d => TimeSpan.FromDays(d))));

    public static readonly Gen<Payload> Payloads = Gen.Select(
        Gen.Select(
            Gen.FrequencyConst((94, false), (6, true)),
            Gen.Int[0, Texts.Length - 1],
            Gen.Int[0, Blanks.Length - 1],
            Gen.Int[0, Amounts.Length - 1],
            Gen.Enum<RemedyKind>(),
            Gen.Enum<Satisfaction>()),
        Gen.Select(
            Gen.Enum<ReadBackMethod>(),
            Gen.Enum<Channel>(),
            Gen.Enum<FindingOutcome>(),
            Gen.Enum<RootCause>(),
            Gen.Int[0, Handlers.Length - 1],
            Gen.Bool),
        (a, b) => new Payload(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6));

    public static readonly Gen<Step> Steps = Gen.Select(
        Gen.Int[0, 2],
        Gen.Frequency(
            (1, Gen.Int[0, CommandActions.Length - 1].Select(i => (ComplaintAction?)CommandActions[i])),
            (4, Gen.Const((ComplaintAction?)null))),
        Gen.Int[0, 9_999],
        Gen.Int[0, All.Length - 1],
        Gen.FrequencyConst((85, false), (15, true)),
        Payloads,
        Advance,
        Gen.FrequencyConst((80, ExpectedVersion.None), (17, ExpectedVersion.Current), (3, ExpectedVersion.Stale)),
        (c, action, pick, actor, any, payload, advance, expected) => new Step(c, action, pick, actor, any, payload, advance, expected));

    public static readonly Gen<CaseSpec> Cases = Gen.Select(
        Gen.OneOfConst(Channel.Email, Channel.Phone, Channel.WalkIn, Channel.OnlineForm, Channel.Letter),
        Gen.Int[0, Subjects.Length - 1],
        Gen.Int[0, Claims.Length - 1],
        Gen.FrequencyConst(
            (12, ComplaintFlags.None),
            (2, ComplaintFlags.SafetyRisk),
            (1, ComplaintFlags.MediaThreat),
            (1, ComplaintFlags.Repeated)),
        Gen.Int[0, Receivers.Length - 1],
        (channel, subject, claim, flags, receiver) => new CaseSpec(channel, subject, claim, flags, receiver));

    /// <summary>A scenario with 1..<paramref name="maxCases"/> cases and mostly <paramref name="minSteps"/>..<paramref name="maxSteps"/> steps (sometimes fewer, which helps shrinking).</summary>
    public static Gen<Scenario> Scenarios(int minSteps, int maxSteps, int maxCases) => Gen.Select(
        Gen.FrequencyConst((18, AdmissibilityOutcome.Accept), (1, AdmissibilityOutcome.Reject), (1, AdmissibilityOutcome.Redirect)),
        Gen.Int[1, 3],
        Gen.Int[-All.Length, All.Length - 1],
        Cases.Array[1, maxCases],
        Gen.Frequency((1, Steps.Array[1, minSteps]), (9, Steps.Array[minSteps, maxSteps])),
        (admissibility, rejections, conflict, cases, steps) => new Scenario(admissibility, rejections, conflict, cases, steps));

    /// <summary>How CsCheck prints a (shrunk) scenario.</summary>
    public static string Print(Scenario s)
    {
        var sb = new StringBuilder();
        var conflict = s.DeclaredConflict >= 0 ? All[s.DeclaredConflict].Id.Value : "nobody";
        sb.Append(CultureInfo.InvariantCulture, $"policy: admissibility {s.Admissibility}, escalate after {s.RejectionsBeforeEscalation} rejection(s), declared conflict: {conflict}").AppendLine();
        for (var i = 0; i < s.Cases.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"case{i}: {s.Cases[i]}").AppendLine();
        }

        for (var i = 0; i < s.Steps.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {i + 1,2}. {s.Steps[i]}").AppendLine();
        }

        return sb.ToString();
    }

    public static string Span(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{t.TotalDays:0.#}d" : t.TotalHours >= 1 ? $"{t.TotalHours:0.#}h" : $"{t.TotalMinutes:0}m";

    /// <summary>
    /// Weights for picking among the allowed commands of <paramref name="c"/>: dead ends (reject, redirect,
    /// withdraw), steps back and repeats are rare, so that cases reach follow-up, closing and reopening.
    /// </summary>
    public static int Weight(ComplaintAction action, Complaint c) => action switch
    {
        ComplaintAction.Withdraw or ComplaintAction.Reject or ComplaintAction.Redirect => 1,
        ComplaintAction.Recuse or ComplaintAction.Escalate or ComplaintAction.AssessAccountability => 2,
        ComplaintAction.RecordDeadlineWarning or ComplaintAction.RecordDeadlineBreach or ComplaintAction.ExtendDeadline => 3,
        ComplaintAction.Reassign or ComplaintAction.DeclineApproval or ComplaintAction.ResolveOnSpot or ComplaintAction.AddEvidence => 5,
        ComplaintAction.RecordCustomerRejection => 10,
        ComplaintAction.PlaceHold => 2,
        ComplaintAction.ReleaseHold => 4,
        ComplaintAction.HearAccused when c.AccusedStatement is not null => 3,
        ComplaintAction.RecordFindings when c.Findings is not null => 3,
        ComplaintAction.RecordFollowUp when c.FollowUps.Any(f => c.ImplementedAt is null || f.At >= c.ImplementedAt) => 4,
        _ => 40,
    };

    /// <summary>Picks one of <paramref name="allowed"/> by weight; <paramref name="pick"/> is 0..9999.</summary>
    public static ComplaintAction PickAllowed(IReadOnlyList<ComplaintAction> allowed, Complaint c, int pick)
    {
        var total = allowed.Sum(a => Weight(a, c));
        var target = pick * total / 10_000;
        foreach (var action in allowed)
        {
            target -= Weight(action, c);
            if (target < 0)
            {
                return action;
            }
        }

        return allowed[^1];
    }

    /// <summary>The people likely permitted to issue <paramref name="action"/> on <paramref name="c"/> under the default permissions.</summary>
    public static Actor[] LikelyActors(ComplaintAction action, Complaint c) => action switch
    {
        ComplaintAction.ConfirmReadBack or ComplaintAction.ResolveOnSpot or ComplaintAction.Withdraw =>
            [Coordinator, c.Assignee ?? c.ReceivedBy],
        ComplaintAction.Triage or ComplaintAction.Reject or ComplaintAction.Redirect or ComplaintAction.Assign
            or ComplaintAction.Reassign or ComplaintAction.Reopen => [Coordinator, Coordinator, Manager],
        ComplaintAction.Recuse or ComplaintAction.StartInvestigation or ComplaintAction.AddEvidence or ComplaintAction.HearAccused
            or ComplaintAction.RecordFindings or ComplaintAction.ProposeRemedy or ComplaintAction.CompleteImplementation =>
            [c.Assignee ?? Handler],
        ComplaintAction.RecordEmergencyMeeting => [Coordinator, Manager, GeneralManager],
        ComplaintAction.Approve or ComplaintAction.DeclineApproval =>
            c.PendingApproval is { } step && All.Where(a => a.HasRole(step.Role)).ToArray() is { Length: > 0 } approvers ? approvers : [Manager],
        ComplaintAction.CommunicateDecision or ComplaintAction.RecordCustomerAcceptance or ComplaintAction.RecordCustomerRejection
            or ComplaintAction.RecordFollowUp or ComplaintAction.Close => [c.Assignee ?? Coordinator, c.Assignee ?? Coordinator, Coordinator],
        ComplaintAction.Escalate => [c.Assignee ?? Coordinator, Coordinator, Manager],
        ComplaintAction.AssessAccountability => [Manager, GeneralManager, Coordinator],
        ComplaintAction.RecordDeadlineWarning or ComplaintAction.RecordDeadlineBreach => [Actor.System, Actor.System, Coordinator],
        ComplaintAction.ExtendDeadline => [GeneralManager, GeneralManager, Manager],
        ComplaintAction.PlaceHold or ComplaintAction.ReleaseHold => [c.Assignee ?? c.ReceivedBy, Coordinator, Manager],
        _ => All,
    };

    /// <summary>Builds the concrete command for <paramref name="action"/> from <paramref name="p"/>.</summary>
    /// <returns>The command, and whether its payload is invalid (so it must fail validation).</returns>
    public static (ComplaintCommand Command, bool Invalid) Build(ComplaintAction action, Payload p)
    {
        var bad = p.Invalid;
        var text = bad ? Blanks[p.Blank] : Texts[p.Text];
        string? comment = p.Comment ? Texts[(p.Text + 1) % Texts.Length] : null;
        var remedy = new RemedyProposal(p.Kind, bad ? Blanks[p.Blank] : "Refund the price difference", Amounts[p.Amount] is { } a ? new Money(a, "CNY") : null);
        var handler = bad ? Handlers[p.Handler] with { Id = new ActorId(Blanks[p.Blank]) } : Handlers[p.Handler];
        ComplaintCommand command = action switch
        {
            ComplaintAction.ConfirmReadBack => new ConfirmReadBack(bad ? (ReadBackMethod)42 : p.Method),
            ComplaintAction.Triage => new Triage(),
            ComplaintAction.Reject => new Reject(text),
            ComplaintAction.Redirect => p.Comment ? new Redirect(text, "Not our product.") : new Redirect("the consumer association", text),
            ComplaintAction.ResolveOnSpot => new ResolveOnSpot(remedy),
            ComplaintAction.Assign => new Assign(handler),
            ComplaintAction.Reassign => p.Comment ? new Reassign(handler, Texts[p.Text]) : new Reassign(Handlers[p.Handler], text),
            ComplaintAction.Recuse => new Recuse(text),
            ComplaintAction.StartInvestigation => new StartInvestigation(),
            ComplaintAction.AddEvidence => new AddEvidence(new EvidenceReference(bad ? Blanks[p.Blank] : $"doc://evidence/{p.Text}", comment)),
            ComplaintAction.HearAccused => new HearAccused(text),
            ComplaintAction.RecordFindings => new RecordFindings(new Findings(p.Outcome, p.Cause, text)),
            ComplaintAction.RecordEmergencyMeeting => bad && p.Comment
                ? new RecordEmergencyMeeting([], "Recall the batch.")
                : new RecordEmergencyMeeting(["GM", "Service manager"], bad ? text : "Recall the batch."),
            ComplaintAction.ProposeRemedy => new ProposeRemedy(remedy),
            ComplaintAction.Approve => new Approve(comment),
            ComplaintAction.DeclineApproval => new DeclineApproval(text),
            ComplaintAction.CommunicateDecision => new CommunicateDecision(p.Channel, text),
            ComplaintAction.RecordCustomerAcceptance => new RecordCustomerAcceptance(comment),
            ComplaintAction.RecordCustomerRejection => new RecordCustomerRejection(text),
            ComplaintAction.Escalate => new Escalate(text),
            ComplaintAction.CompleteImplementation => new CompleteImplementation(text),
            ComplaintAction.RecordFollowUp => new RecordFollowUp(bad ? (Satisfaction)42 : p.Satisfaction, comment),
            ComplaintAction.Close => new Close(text),
            ComplaintAction.Reopen => new Reopen(text),
            ComplaintAction.Withdraw => new Withdraw(text),
            ComplaintAction.RecordDeadlineWarning => new RecordDeadlineWarning(bad ? (DeadlineKind)42 : DeadlineKind.Resolve),
            ComplaintAction.RecordDeadlineBreach => new RecordDeadlineBreach(p.Comment ? DeadlineKind.Resolve : DeadlineKind.FollowUp),
            ComplaintAction.ExtendDeadline => new ExtendDeadline(DeadlineKind.Resolve, Complaints.Workflow.Tests.Support.Harness.Start.AddDays(p.Text % 20), bad ? Blanks[p.Blank] : "The case is complex."),
            ComplaintAction.ReplanDeadlines => new ReplanDeadlines(bad ? Blanks[p.Blank] : "The 2027 holidays were published."),
            ComplaintAction.AssessAccountability => new AssessAccountability(handler, bad ? Blanks[p.Blank] : Complaints.Policy.Misconduct.LateHandling),
            ComplaintAction.PlaceHold => new PlaceHold(bad ? Blanks[p.Blank] : $"Brake pads, batch {p.Text}", Texts[p.Text], comment),
            ComplaintAction.ReleaseHold => new ReleaseHold(bad ? 0 : (p.Text % 3) + 1, p.Comment ? HoldCheckResult.Withdrawn : HoldCheckResult.Cleared, comment),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a command."),
        };

        // Commands without a text or enum to spoil stay valid.
        var invalid = bad && action is not (ComplaintAction.Triage or ComplaintAction.StartInvestigation
            or ComplaintAction.Approve or ComplaintAction.RecordCustomerAcceptance or ComplaintAction.RecordDeadlineBreach);
        return (command, invalid);
    }

    /// <summary>A short rendering of a command for traces (records print actors and lists poorly).</summary>
    public static string Describe(ComplaintCommand command) => command switch
    {
        Assign x => $"Assign({x.Handler.Id})",
        Reassign x => $"Reassign({x.Handler.Id}, \"{x.Reason}\")",
        RecordEmergencyMeeting x => $"RecordEmergencyMeeting([{string.Join(", ", x.Attendees)}], \"{x.Minutes}\")",
        _ => command.ToString(),
    };
}
