using Complaints.Notifications;
using Complaints.Policy;
using NRules.Fluent.Dsl;

namespace Complaints.Rules.NRules.Tests;

/// <summary>Small C# rules, one or two per decision point, nested so that no assembly scan finds them: each test chooses its own.</summary>
internal static class TestRules
{
    [Name("court-case-rejected"), Description("The matter is already before a court")]
    public sealed class CourtCaseRejected : Rule
    {
        public override void Define()
        {
            AdmissibilityRequest r = null!;
            When().Match(() => r, x => x.Attribute("in-court") != null);
            Then().Do(_ => r.Reject("already before a court"));
        }
    }

    [Name("fleet-customers-go-to-fleet-desk")]
    public sealed class FleetRedirect : Rule
    {
        public override void Define()
        {
            AdmissibilityRequest r = null!;
            When().Match(() => r, x => x.Attribute("fleet") != null);
            Then().Do(_ => r.Redirect("the fleet desk", "fleet contracts are handled by the fleet desk"));
        }
    }

    [Name("airbag-is-major"), Description("An airbag fault is a safety matter")]
    public sealed class AirbagIsMajor : Rule
    {
        public override void Define()
        {
            SeverityRequest r = null!;
            When().Match(() => r, x => x.Complaint.Intake.Description.Contains("airbag"));
            Then().Do(_ => r.SetTier(Severity.Major, "airbag fault"));
        }
    }

    [Name("large-claim-is-serious"), Description("A claim above 10,000 is serious")]
    public sealed class LargeClaimIsSerious : Rule
    {
        public override void Define()
        {
            SeverityRequest r = null!;
            When().Match(() => r, x => x.ClaimAmount > 10_000);
            Then().Do(_ => r.SetTier(Severity.Serious, "large claim"))
                .Do(_ => r.SetCategory("billing"));
        }
    }

    [Name("minor-courtesy")]
    public sealed class MinorCourtesy : Rule
    {
        public override void Define()
        {
            SeverityRequest r = null!;
            When().Match(() => r, x => x.Complaint.Intake.Kind == ComplaintKind.Suggestion);
            Then().Do(_ => r.SetTier(Severity.Minor, "a suggestion"));
        }
    }

    [Name("billing-to-finance")]
    public sealed class BillingToFinance : Rule
    {
        public override void Define()
        {
            RoutingRequest r = null!;
            When().Match(() => r, x => x.Complaint.Category == "billing");
            Then().Do(_ => r.RouteTo("finance", "handler"));
        }
    }

    [Name("resolve-in-5-working-days")]
    public sealed class ResolveIn5 : Rule
    {
        public override void Define()
        {
            DeadlineRequest r = null!;
            When().Match(() => r);
            Then().Do(_ => r.SetDeadline(DeadlineKind.Resolve, 5, DeadlineUnit.WorkingDays, ClockStart.Received, 0.8m));
        }
    }

    [Name("same-department-recuses"), Description("The person works in the accused's department")]
    public sealed class SameDepartmentRecuses : Rule
    {
        public override void Define()
        {
            RecusalRequest r = null!;
            When().Match(() => r, x => x.InAccusedDepartment);
            Then().Do(_ => r.Recuse("same department as the person complained about"));
        }
    }

    [Name("refund-above-1000-needs-finance"), Description("A refund above 1,000 needs the finance director")]
    public sealed class RefundNeedsFinance : Rule
    {
        public override void Define()
        {
            ApprovalRequest r = null!;
            When().Match(() => r, x => x.Remedy.Kind == RemedyKind.Refund, x => x.RemedyAmount > 1000);
            Then().Do(_ => r.RequireApproval("finance-director"));
        }
    }

    [Name("compensation-needs-manager")]
    public sealed class CompensationNeedsManager : Rule
    {
        public override void Define()
        {
            ApprovalRequest r = null!;
            When().Match(() => r, x => x.Remedy.Kind == RemedyKind.Compensation);
            Then().Do(_ => r.RequireApproval("general-manager", "manager"));
        }
    }

    [Name("hide-from-subject-department"), Description("Readers in the department complained about do not see who complained")]
    public sealed class HideFromSubjectDepartment : Rule
    {
        public override void Define()
        {
            ConfidentialityRequest r = null!;
            When().Match(() => r, x => x.Reader.Department == x.Complaint.Intake.Subject.Department);
            Then().Do(_ => r.WithholdIdentity("the reader works in the department complained about", ConfidentialParts.Evidence));
        }
    }

    [Name("breach-goes-to-general-manager")]
    public sealed class BreachEscalates : Rule
    {
        public override void Define()
        {
            EscalationRequest r = null!;
            When().Match(() => r, x => x.Trigger == EscalationTrigger.DeadlineBreached);
            Then().Do(_ => r.Escalate("a deadline was breached", "general-manager"));
        }
    }

    [Name("reward-on-fine")]
    public sealed class RewardOnFine : Rule
    {
        public override void Define()
        {
            RewardRequest r = null!;
            When().Match(() => r, x => x.FineAmount > 0);
            Then().Do(_ => r.Reward(r.FineAmount * 0.01m, r.FineAmount * 0.05m, RewardBasis.Fine, 1, 5, true));
        }
    }

    [Name("leak-is-dismissal")]
    public sealed class LeakIsDismissal : Rule
    {
        public override void Define()
        {
            PenaltyRequest r = null!;
            When().Match(() => r, x => x.Misconduct == Misconduct.IdentityLeak);
            Then().Do(_ => r.Penalize(SanctionKind.Fine, 500))
                .Do(_ => r.Penalize(SanctionKind.Dismissal, null));
        }
    }

    [Name("offer-a-courtesy-car")]
    public sealed class CourtesyCar : Rule
    {
        public override void Define()
        {
            GuidanceRequest r = null!;
            When().Match(() => r, x => x.HasFlag(ComplaintFlags.SafetyRisk));
            Then().Do(_ => r.Advise("Offer a courtesy car."));
        }
    }

    [Name("tell-the-owner-at-triage")]
    public sealed class TellOwnerAtTriage : Rule
    {
        public override void Define()
        {
            NoticeRequest r = null!;
            When().Match(() => r, x => x.At.Name == "triaged");
            Then().Do(_ => r.Notify(Notice.Owner, NotificationKind.Alert, "every triaged case is announced"));
        }
    }

    /// <summary>Matches every request of the library's: proves the traces name it for each point.</summary>
    [Name("names-the-complainant")]
    public sealed class NamesTheComplainant : Rule
    {
        public override void Define()
        {
            GuidanceRequest r = null!;
            When().Match(() => r, x => x.Complaint.Intake.Complainant.Name != null);
            Then().Do(_ => r.Advise("Call the customer back."));
        }
    }

    [Name("matches-a-string")]
    public sealed class MatchesNoRequest : Rule
    {
        public override void Define()
        {
            string s = null!;
            When().Match(() => s, x => x.Length > 0);
            Then().Do(_ => Console.WriteLine(s));
        }
    }

    [Name("cannot-be-defined")]
    public sealed class CannotBeDefined : Rule
    {
        public override void Define() => throw new InvalidOperationException("the threshold table is missing");
    }

    [Name("parses-a-member-number")]
    public sealed class ParsesAMemberNumber : Rule
    {
        public override void Define()
        {
            ApprovalRequest r = null!;
            When().Match(() => r, x => int.Parse(x.Attribute("member-no")!, System.Globalization.CultureInfo.InvariantCulture) > 100);
            Then().Do(_ => r.RequireApproval("manager"));
        }
    }

    [Name("reads-a-missing-setting")]
    public sealed class ReadsAMissingSetting : Rule
    {
        public override void Define()
        {
            ApprovalRequest r = null!;
            When().Match(() => r, x => x.RemedyAmount > x.Settings.Setting("noSuchLimit"));
            Then().Do(_ => r.RequireApproval("manager"));
        }
    }
}
