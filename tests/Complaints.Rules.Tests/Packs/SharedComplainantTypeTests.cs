using Complaints.Testing;

namespace Complaints.Rules.Tests.Packs;

/// <summary>
/// The complainant-type advice (seeds/002 text 19) lives once, in <c>Packs/shared/complainant-types.json</c>, and
/// every built-in pack's guidance includes it: each type gets its advice under every pack, and a type none of them
/// knows gets none. A pack's own types (generic's venting, tobacco-retail's motives) are tested with that pack.
/// </summary>
public sealed class SharedComplainantTypeTests
{
    private static readonly (string Type, string Rule, string Advice)[] Types =
    [
        ("courteous-demanding", "courteous-but-demanding", "approach from another side"),
        ("domineering", "domineering", "arrange the meeting"),
        ("talkative", "talkative", "fix appointments"),
        ("obstinate", "obstinate", "explain the policy; bring in a third party"),
        ("tearful", "tearful", "build a personal relationship"),
    ];

    public static TheoryData<string, string, string, string> EveryPackEveryType()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var pack in PolicyPacks.BuiltIn)
        {
            foreach (var (type, rule, advice) in Types)
            {
                data.Add(pack, type, rule, advice);
            }
        }

        return data;
    }

    public static TheoryData<string> Packs => new(PolicyPacks.BuiltIn);

    [Theory]
    [MemberData(nameof(EveryPackEveryType))]
    public void Guidance_ComplainantType_AdvisesForThatTypeInEveryPack(string pack, string type, string rule, string advice) =>
        PolicyPacks.LoadBuiltIn(pack).AdviseHandling(A.Complaint().WithAttribute("complainant-type", type).Build())
            .Should().Advise(advice).And.HaveMatched(rule);

    [Theory]
    [MemberData(nameof(Packs))]
    public void Guidance_UnknownComplainantType_NoSharedTypeAdvice(string pack)
    {
        var decision = PolicyPacks.LoadBuiltIn(pack).AdviseHandling(A.Complaint().WithAttribute("complainant-type", "cheerful").Build());

        foreach (var (_, rule, _) in Types)
        {
            decision.Should().NotHaveMatched(rule);
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Guidance_IncludesTheSharedFile_RatherThanACopy(string pack) =>
        PolicyPacks.ReadBuiltInFile(pack, "guidance.json").Should().Contain("{ \"Include\": \"shared/complainant-types\" }")
            .And.NotContain("\"RuleName\": \"tearful\"");
}
