using System.Globalization;
using System.Text;
using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Tests.Support;

namespace Complaints.Rules.Tests.Evaluation;

/// <summary>
/// How a matched rule's explanation shows the values it saw: text quoted, booleans and numbers as a policy
/// owner writes them in an expression, the same whatever the culture of the host.
/// </summary>
public sealed class ProbeTests
{
    private static readonly PolicyPack Pack = new SyntheticPack()
        .Rule("guidance", "text", "complaint.Category == \"billing\"", """{ "advice": "Text." }""")
        .Rule("guidance", "flag", "complaint.Anonymous", """{ "advice": "Flag." }""")
        .Rule("guidance", "amount", "complaint.ClaimAmount > 12", """{ "advice": "Amount." }""")
        .Rule("guidance", "count", "complaint.DaysFromIncidentToReceipt < 0 && complaint.CustomerRejections >= 0", """{ "advice": "Count." }""")
        .Rule("guidance", "date", "Dates.DaysBetween(complaint.ReceivedAt, complaint.ReceivedAt) == 0", """{ "advice": "Date." }""")
        .Rule("guidance", "no-probe", "true", """{ "advice": "Always." }""")
        .Rule("escalation", "asked", "trigger == \"requested\"", """{ "reason": "asked" }""")
        .Load();

    [Fact]
    public void Explanation_ShowsText_Booleans_Numbers_AndTimes_InvariantWhateverTheCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var decision = Pack.AdviseHandling(SyntheticPack.Case(claim: 1234.5m) with { Category = "billing" });

            var details = decision.Explanation.Rules.ToDictionary(r => r.Rule, r => r.Detail);
            details["text"].Should().Be("Text. (saw complaint.Category=\"billing\")");
            details["flag"].Should().Be("Flag. (saw complaint.Anonymous=true)");
            details["amount"].Should().Be("Amount. (saw complaint.ClaimAmount=1234.5)");
            details["count"].Should().Be("Count. (saw complaint.DaysFromIncidentToReceipt=-1, complaint.CustomerRejections=0)");
            details["date"].Should().Be("Date. (saw complaint.ReceivedAt=03/02/2026 09:00:00 +00:00)");
            details["no-probe"].Should().Be("Always.");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Explanation_AFalseFlagIsShownAsFalse_AndAStringInputQuoted()
    {
        var named = SyntheticPack.Case() with { Intake = SyntheticPack.Case().Intake with { Complainant = new Complainant("Li", new ContactDetails()) } };
        var pack = new SyntheticPack().Rule("guidance", "named", "!complaint.Anonymous", """{ "advice": "Named." }""").Load();

        pack.AdviseHandling(named).Explanation.Rules.Single().Detail.Should().Be("Named. (saw complaint.Anonymous=false)");
        Pack.CheckEscalation(SyntheticPack.Case(), EscalationTrigger.Requested).Explanation.Rules.Single().Detail.Should().Be("asked (saw trigger=\"requested\")");
    }

    [Fact]
    public void Append_NoValue_IsShownAsNull()
    {
        Show(new Probe("value", 0, null), null).Should().Be("null");
    }

    [Fact]
    public void Append_AValueThatIsNotFormattable_IsShownAsItsText()
    {
        Show(new Probe("value", 0, null), new DepartmentId("front")).Should().Be("front");
        Show(new Probe("value", 0, null), 7).Should().Be("7");
        Show(new Probe("value", 0, null), 2.5m).Should().Be("2.5");
    }

    private static string Show(Probe probe, object? value)
    {
        var text = new StringBuilder();
        probe.Append(text, [value!]);
        return text.ToString();
    }
}
