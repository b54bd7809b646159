using Complaints.Policy;

namespace Complaints.Testing.Stores;

/// <summary>
/// A policy that decides as <paramref name="inner"/> does but accepts any intake attributes: the store contract stores
/// hostile and edge-of-limit attribute names and values to prove stores keep them byte for byte, which a pack's intake
/// schema would refuse at receipt.
/// </summary>
/// <param name="inner">The policy that decides.</param>
internal sealed class AnyAttributesPolicy(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner)
{
    public override IntakeSchema? IntakeSchema => null;
}
