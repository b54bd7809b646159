namespace Complaints.Policy;

/// <summary>
/// Chooses the policy pack a new case is opened under, when one deployment runs several packs (a hospital group
/// whose outpatient complaints follow <c>hospital</c> and whose canteen complaints follow <c>food-service</c>).
/// Asked once per case, at receipt; the case keeps the pack and version it was opened under for life.
/// <see cref="PolicySelector"/> covers the common cases (by kind, channel, the subject's department or an attribute).
/// </summary>
public interface IPolicySelector
{
    /// <summary>The id of the pack the new case is opened under.</summary>
    /// <param name="intake">What was recorded.</param>
    /// <param name="receiver">Who received it.</param>
    /// <returns>A loaded pack's id (its newest loaded version is used), or <see langword="null"/> for the deployment's default pack.</returns>
    string? SelectPack(ComplaintIntake intake, Actor receiver);

    /// <summary>
    /// The pack ids this selector can return, checked against the loaded packs at host start, so that a misspelt id
    /// stops the host instead of the first complaint that would go to it. Empty when the selector cannot say.
    /// </summary>
    IReadOnlyCollection<string> Packs => [];

    /// <summary>
    /// The intake attributes the selector reads (e.g. <c>unit</c>). A chosen pack's intake schema does not refuse
    /// them for being undeclared; where the pack declares one, its type and allowed values still apply.
    /// </summary>
    IReadOnlyCollection<string> AttributesRead => [];
}
