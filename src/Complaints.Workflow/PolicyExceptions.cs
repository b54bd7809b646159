using Complaints.Policy;

namespace Complaints.Workflow;

/// <summary>
/// The pack a new case would be opened under could not be chosen: the <see cref="IPolicySelector"/> failed, or it named a
/// pack that is not loaded. Nothing was stored.
/// </summary>
public sealed class PolicySelectionException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="selectedPack">The pack the selector named, if it named one.</param>
    /// <param name="loadedPacks">The ids of the loaded packs.</param>
    /// <param name="inner">The selector's own error, if it threw.</param>
    public PolicySelectionException(string message, string? selectedPack, IReadOnlyList<string> loadedPacks, Exception? inner = null)
        : base(message, inner)
    {
        SelectedPack = selectedPack;
        LoadedPacks = loadedPacks ?? [];
    }

    /// <summary>The pack the selector named, or <see langword="null"/> if it threw.</summary>
    public string? SelectedPack { get; }

    /// <summary>The ids of the loaded packs.</summary>
    public IReadOnlyList<string> LoadedPacks { get; }
}

/// <summary>
/// The case was opened under a pack version that is not loaded, and <see cref="ComplaintsOptions.PolicyVersionFallback"/>
/// does not allow deciding it under another. The case is unchanged.
/// </summary>
public sealed class PolicyVersionNotLoadedException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The case, when known.</param>
    /// <param name="needed">The pack version the case was opened under.</param>
    /// <param name="loaded">The versions loaded.</param>
    public PolicyVersionNotLoadedException(ComplaintId? complaintId, PolicyRef needed, IReadOnlyList<PolicyRef> loaded)
        : base(BuildMessage(complaintId, needed, loaded))
    {
        ComplaintId = complaintId;
        Needed = needed;
        Loaded = loaded;
    }

    /// <summary>The case, when known.</summary>
    public ComplaintId? ComplaintId { get; }

    /// <summary>The pack version the case was opened under.</summary>
    public PolicyRef Needed { get; }

    /// <summary>The versions loaded.</summary>
    public IReadOnlyList<PolicyRef> Loaded { get; }

    private static string BuildMessage(ComplaintId? id, PolicyRef needed, IReadOnlyList<PolicyRef> loaded)
    {
        ArgumentNullException.ThrowIfNull(needed);
        ArgumentNullException.ThrowIfNull(loaded);
        var subject = id is { } c ? $"Case {c} was opened under" : "A case was opened under";
        var same = loaded.LastOrDefault(p => p.Id == needed.Id);
        var ways = same is null
            ? $"No version of pack '{needed.Id}' is loaded, so no setting decides it: load {needed} (or a version of '{needed.Id}') next to the packs in use."
            : $"Either load {needed} next to the current version (PolicyCatalog.LoadForExistingCases: new cases keep getting the current one), " +
              $"or set ComplaintsOptions.PolicyVersionFallback to NewestOfSamePack to decide it under {same}.";
        return $"{subject} policy pack {needed}, which is not loaded (loaded: {string.Join(", ", loaded)}). " +
               "A case is decided only under the rules it was opened under unless the host allows otherwise. " + ways;
    }
}
