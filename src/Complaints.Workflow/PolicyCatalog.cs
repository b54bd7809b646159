using Complaints.Policy;

namespace Complaints.Workflow;

/// <summary>
/// The policies a workflow knows: the current one for new cases, and every version loaded so far, so that a
/// case keeps deciding under the pack version it was opened with even after a newer one is loaded.
/// Thread-safe.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly Lock _gate = new();
    private readonly List<IComplaintPolicy> _policies = [];
    private IComplaintPolicy? _current;

    /// <summary>Creates a catalog whose current policy is <paramref name="current"/>.</summary>
    /// <param name="current">The policy for new cases.</param>
    public PolicyCatalog(IComplaintPolicy current) => Load(current);

    /// <summary>The policy new cases are opened under: the one loaded last.</summary>
    public IComplaintPolicy Current
    {
        get
        {
            lock (_gate)
            {
                return _current!;
            }
        }
    }

    /// <summary>Every loaded policy, oldest first.</summary>
    public IReadOnlyList<PolicyRef> Loaded
    {
        get
        {
            lock (_gate)
            {
                return _policies.Select(p => p.Identity).ToArray();
            }
        }
    }

    /// <summary>Adds <paramref name="policy"/> and makes it current. Earlier versions stay available to their cases.</summary>
    /// <param name="policy">The policy.</param>
    public void Load(IComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            _policies.RemoveAll(p => p.Identity == policy.Identity);
            _policies.Add(policy);
            _current = policy;
        }
    }

    /// <summary>
    /// The policy for a case opened under <paramref name="policy"/>: that exact version if loaded; otherwise the
    /// newest loaded version of the same pack; otherwise the current policy. Every decision records the version
    /// that actually made it, so a fallback stays visible on the journal.
    /// </summary>
    /// <param name="policy">The case's policy.</param>
    /// <returns>The policy to ask.</returns>
    public IComplaintPolicy Resolve(PolicyRef policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            IComplaintPolicy? sameId = null;
            foreach (var candidate in _policies)
            {
                if (candidate.Identity == policy)
                {
                    return candidate;
                }

                if (candidate.Identity.Id == policy.Id)
                {
                    sameId = candidate;
                }
            }

            return sameId ?? _current!;
        }
    }
}
