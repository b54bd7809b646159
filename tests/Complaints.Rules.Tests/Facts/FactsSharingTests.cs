using System.Text.Json;
using Complaints.Policy;
using Complaints.Rules.Facts;
using Complaints.Testing;

namespace Complaints.Rules.Tests.Facts;

public sealed class FactsSharingTests
{
    [Fact]
    public void Enum_names_read_by_number_are_the_kebab_names_of_every_value()
    {
        Check<ComplaintKind>();
        Check<Channel>();
        Check<SubjectKind>();
        Check<Severity>();
        Check<FindingOutcome>();
        Check<RootCause>();
        Check<RemedyKind>();
        Check<EscalationTrigger>();
        Check<DecisionPoint>();
        Check<ComplaintFlags>();

        static void Check<TEnum>()
            where TEnum : struct, Enum
        {
            foreach (var value in Enum.GetValues<TEnum>())
            {
                Names.Of(value).Should().Be(JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()), $"{typeof(TEnum).Name}.{value}");
            }
        }
    }

    [Fact]
    public void A_case_asked_twice_is_decided_from_the_same_facts_and_a_changed_case_from_its_own()
    {
        var pack = PolicyPacks.LoadBuiltIn("generic");
        var complaint = A.Complaint().Build();
        var first = pack.Classify(complaint);
        var again = pack.Classify(complaint);
        var changed = pack.Classify(complaint with { Intake = complaint.Intake with { Flags = ComplaintFlags.SafetyRisk } });

        Summary(again).Should().Be(Summary(first));
        changed.Tier.Should().Be(Severity.Major);
        Summary(changed).Should().NotBe(Summary(first));
        Summary(pack.Classify(complaint)).Should().Be(Summary(first));

        static string Summary(SeverityDecision d) =>
            $"{d.Category} {d.Tier} [{string.Join("; ", d.Reasons)}] {string.Join(", ", d.Explanation.Rules.Select(r => $"{r.Rule}={r.Matched}:{r.Detail}"))}";
    }
}
