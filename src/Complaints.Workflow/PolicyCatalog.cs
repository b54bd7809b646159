using Complaints.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Complaints.Workflow;

/// <summary>
/// The policies a workflow knows: every pack and version loaded, the default one new cases are opened under, and the
/// <see cref="IPolicySelector"/> that chooses another pack per case when one deployment runs several. A case keeps
/// deciding under the pack version it was opened with even after a newer one is loaded; when that version is not
/// loaded, <see cref="VersionFallback"/> says what happens. Thread-safe.
/// </summary>
public sealed partial class PolicyCatalog
{
    private readonly Lock _gate = new();
    private readonly List<IComplaintPolicy> _policies = [];
    private readonly HashSet<(PolicyRef Wanted, PolicyRef Used)> _fallbacksLogged = [];
    private readonly List<string> _packOrder = [];
    private readonly ILogger _logger;
    private string? _defaultPack;

    /// <summary>Creates a catalog whose current policy is <paramref name="current"/> (its pack the default); a case whose version is not loaded is refused.</summary>
    /// <param name="current">The policy for new cases.</param>
    public PolicyCatalog(IComplaintPolicy current)
        : this([current])
    {
    }

    /// <summary>Creates a catalog of several policies, e.g. one per pack of a deployment that runs several.</summary>
    /// <param name="policies">The policies, loaded in order: the pack of the last one is the default pack, whose newest version is <see cref="Current"/>.</param>
    /// <param name="selector">Chooses the pack of each new case; <see langword="null"/> opens every case under <see cref="Current"/>.</param>
    /// <param name="fallback">What happens to a case whose pack version is not loaded.</param>
    /// <param name="logger">Where each fallback to another version is logged (once per pair of versions).</param>
    /// <exception cref="ArgumentException"><paramref name="policies"/> is empty.</exception>
    public PolicyCatalog(
        IEnumerable<IComplaintPolicy> policies,
        IPolicySelector? selector = null,
        PolicyVersionFallback fallback = PolicyVersionFallback.Refuse,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var policy in policies)
        {
            Load(policy);
            _defaultPack = policy.Identity.Id;
        }

        if (_defaultPack is null)
        {
            throw new ArgumentException("Give at least one policy.", nameof(policies));
        }

        Selector = selector;
        VersionFallback = fallback;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// The default policy: the one new cases are opened under when no selector chooses another pack — the newest
    /// version (<see cref="Newest"/>) of the default pack (<see cref="DefaultPack"/>).
    /// </summary>
    public IComplaintPolicy Current => Newest(DefaultPack)!;

    /// <summary>The id of the default pack: that of the last policy given at construction, or the one <see cref="SetDefault"/> names.</summary>
    public string DefaultPack
    {
        get
        {
            lock (_gate)
            {
                return _defaultPack!;
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

    /// <summary>The ids of the loaded packs, each once, in the order first loaded.</summary>
    public IReadOnlyList<string> Packs
    {
        get
        {
            lock (_gate)
            {
                return _packOrder.ToArray();
            }
        }
    }

    /// <summary>Chooses the pack of each new case; <see langword="null"/> when every case is opened under <see cref="Current"/>.</summary>
    public IPolicySelector? Selector { get; }

    /// <summary>What happens to a case whose pack version is not loaded (<see cref="ComplaintsOptions.PolicyVersionFallback"/>).</summary>
    public PolicyVersionFallback VersionFallback { get; }

    /// <summary>
    /// Adds <paramref name="policy"/> as the version new cases of its pack get (<see cref="Newest"/>). Earlier versions
    /// stay available to their cases. The default pack does not change (<see cref="SetDefault"/> changes it): loading
    /// another pack's version never moves new cases to that pack.
    /// </summary>
    /// <param name="policy">The policy.</param>
    public void Load(IComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            Remember(policy);
            _policies.Add(policy);
        }
    }

    /// <summary>
    /// Adds <paramref name="policy"/> only for the cases opened under it — an earlier version kept after an upgrade:
    /// new cases of its pack keep getting the version they got (unless no other version of the pack is loaded).
    /// </summary>
    /// <param name="policy">The earlier version.</param>
    public void LoadForExistingCases(IComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            Remember(policy);
            _policies.Insert(0, policy);
        }
    }

    /// <summary>Makes <paramref name="packId"/> the default pack: new cases no selector sends elsewhere get its newest version.</summary>
    /// <param name="packId">A loaded pack's id.</param>
    /// <exception cref="ArgumentException">No version of that pack is loaded.</exception>
    public void SetDefault(string packId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packId);
        lock (_gate)
        {
            if (!_packOrder.Contains(packId, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Pack '{packId}' is not loaded{Hint(packId, _packOrder)}; loaded: {string.Join(", ", _packOrder)}. Load it first.", nameof(packId));
            }

            _defaultPack = packId;
        }
    }

    /// <summary>Forgets an earlier load of the same version and notes a new pack id; under the lock.</summary>
    private void Remember(IComplaintPolicy policy)
    {
        _policies.RemoveAll(p => p.Identity == policy.Identity);
        if (!_packOrder.Contains(policy.Identity.Id, StringComparer.Ordinal))
        {
            _packOrder.Add(policy.Identity.Id);
        }
    }

    /// <summary>The version of pack <paramref name="packId"/> new cases get: the one of that pack loaded last with <see cref="Load"/> (or the only one).</summary>
    /// <param name="packId">The pack's id.</param>
    /// <returns>The policy, or <see langword="null"/> if no version of that pack is loaded.</returns>
    public IComplaintPolicy? Newest(string packId)
    {
        ArgumentNullException.ThrowIfNull(packId);
        lock (_gate)
        {
            return _policies.LastOrDefault(p => string.Equals(p.Identity.Id, packId, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The policy a new case with <paramref name="intake"/> is opened under: the newest loaded version of the pack the
    /// <see cref="Selector"/> chooses, or <see cref="Current"/> when it chooses none. A host can ask before receipt, e.g.
    /// to show the chosen pack's <see cref="IComplaintPolicy.IntakeSchema"/>.
    /// </summary>
    /// <param name="intake">What was recorded.</param>
    /// <param name="receiver">Who receives it.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicySelectionException">The selector threw, or chose a pack that is not loaded.</exception>
    public IComplaintPolicy Select(ComplaintIntake intake, Actor receiver)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(receiver);
        if (Selector is not { } selector)
        {
            return Current;
        }

        string? pack;
        try
        {
            pack = selector.SelectPack(intake, receiver);
        }
#pragma warning disable CA1031 // Any failure of the host's selector becomes one typed error; its own is kept as the inner exception.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // The selector's message is not repeated: it is the host's code and may quote the intake.
            throw new PolicySelectionException(
                $"The policy selector {selector.GetType().Name} failed choosing the pack for a new complaint ({e.GetType().Name}; see the inner exception). Nothing was stored. Fix the selector, or let it return null for the default pack.",
                null, Packs, e);
        }

        if (pack is null)
        {
            return Current;
        }

        return Newest(pack) ?? throw new PolicySelectionException(
            $"The policy selector {selector.GetType().Name} chose pack '{pack}', which is not loaded{Hint(pack, Packs)}; loaded: {string.Join(", ", Packs)}. Nothing was stored. Load the pack, or correct the selector.",
            pack, Packs);
    }

    /// <summary>
    /// The policy for a case opened under <paramref name="policy"/>: that exact version if loaded. Otherwise, with
    /// <see cref="PolicyVersionFallback.NewestOfSamePack"/>, the newest loaded version of the same pack (logged);
    /// never a policy of another pack. Every decision records the version that actually made it.
    /// </summary>
    /// <param name="policy">The case's policy.</param>
    /// <returns>The policy to ask.</returns>
    /// <exception cref="PolicyVersionNotLoadedException">The version is not loaded, and the fallback does not allow another (or no version of the pack is loaded).</exception>
    public IComplaintPolicy Resolve(PolicyRef policy) => Resolve(policy, null);

    /// <summary>The policy of the case; see <see cref="Resolve(PolicyRef)"/>. The case id goes into the error and the log.</summary>
    internal IComplaintPolicy Resolve(PolicyRef policy, ComplaintId? id) =>
        TryResolve(policy, id) ?? throw new PolicyVersionNotLoadedException(id, policy, Loaded);

    /// <summary>The policy of the case as <see cref="Resolve(PolicyRef)"/> finds it, or <see langword="null"/> where that throws.</summary>
    internal IComplaintPolicy? TryResolve(PolicyRef policy, ComplaintId? id)
    {
        ArgumentNullException.ThrowIfNull(policy);
        IComplaintPolicy? sameId = null;
        bool first;
        lock (_gate)
        {
            foreach (var candidate in _policies)
            {
                if (candidate.Identity == policy)
                {
                    return candidate;
                }

                if (string.Equals(candidate.Identity.Id, policy.Id, StringComparison.Ordinal))
                {
                    sameId = candidate;
                }
            }

            if (sameId is null || VersionFallback != PolicyVersionFallback.NewestOfSamePack)
            {
                return null;
            }

            first = _fallbacksLogged.Add((policy, sameId.Identity));
        }

        if (first)
        {
            LogFallback(_logger, policy.Id, policy.Version, sameId.Identity.Version, id?.ToString() ?? "(none)");
        }

        return sameId;
    }

    private static string Hint(string name, IEnumerable<string> known) => NearestName.Of(name, known) is { } near ? $" (did you mean '{near}'?)" : "";

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning,
        Message = "Pack {Pack} version {Wanted} is not loaded; case {ComplaintId} and any others opened under it are decided under version {Used} (ComplaintsOptions.PolicyVersionFallback is NewestOfSamePack). Logged once per pair of versions.")]
    private static partial void LogFallback(ILogger logger, string pack, string wanted, string used, string complaintId);
}
