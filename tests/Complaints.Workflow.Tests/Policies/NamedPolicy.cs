using Complaints.Policy;
using Complaints.Workflow.Tests.Support;

namespace Complaints.Workflow.Tests.Policies;

/// <summary>The test policy under another pack id and version, whose severity decision records that identity.</summary>
internal sealed class NamedPolicy(string id, string version, IntakeSchema? schema = null) : ComplaintPolicyDecorator(new TestPolicy { IntakeSchema = schema })
{
    public override PolicyRef Identity { get; } = new(id, version);

    public override SeverityDecision Classify(Complaint complaint) => Inner.Classify(complaint) with { Explanation = new PolicyExplanation(Identity, []) };

    public override ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) =>
        Inner.CheckConfidentiality(complaint, reader) with { Explanation = new PolicyExplanation(Identity, []) };
}
