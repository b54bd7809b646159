namespace Complaints.Workflow;

/// <summary>
/// What the workflow does with a case whose pack version is not loaded (the host loaded only a newer version after an
/// upgrade): <see cref="ComplaintsOptions.PolicyVersionFallback"/>.
/// </summary>
public enum PolicyVersionFallback
{
    /// <summary>
    /// Refuse to decide it: commands on the case, its allowed actions and its guidance fail with
    /// <see cref="PolicyVersionNotLoadedException"/>, which names the version the case needs and the versions loaded.
    /// Reads still show the case, with the complainant's identity and every confidential part withheld, as the
    /// version that would say who may see them is not there. The default: a case is never decided under rules it
    /// was not opened under without the host saying so.
    /// </summary>
    Refuse,

    /// <summary>
    /// Decide it under the newest loaded version of the same pack (the one new cases of that pack get), logging a
    /// warning (event 3201) once per pair of versions. Every decision records the version that made it. A case whose
    /// pack has no loaded version at all is still refused.
    /// </summary>
    NewestOfSamePack,
}
