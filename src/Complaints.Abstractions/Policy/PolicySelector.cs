namespace Complaints.Policy;

/// <summary>
/// A selector made of rules, each naming a pack: the first rule that matches the intake chooses its pack; when none
/// matches, the case is opened under the deployment's default pack. For example
/// <c>new PolicySelector().WhenAttribute("unit", "canteen", "food-service").WhenKind(ComplaintKind.Report, "generic")</c>.
/// </summary>
public sealed class PolicySelector : IPolicySelector
{
    private readonly List<(Func<ComplaintIntake, Actor, bool> Matches, string Pack)> _rules = [];
    private readonly List<string> _packs = [];
    private readonly List<string> _attributes = [];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Packs => _packs;

    /// <inheritdoc />
    public IReadOnlyCollection<string> AttributesRead => _attributes;

    /// <summary>Opens cases of <paramref name="kind"/> (complaint, report, suggestion) under <paramref name="pack"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="pack">The pack's id.</param>
    /// <returns>This selector.</returns>
    public PolicySelector WhenKind(ComplaintKind kind, string pack) => Add((intake, _) => intake.Kind == kind, pack);

    /// <summary>Opens cases that came in through <paramref name="channel"/> under <paramref name="pack"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="pack">The pack's id.</param>
    /// <returns>This selector.</returns>
    public PolicySelector WhenChannel(Channel channel, string pack) => Add((intake, _) => intake.Channel == channel, pack);

    /// <summary>
    /// Opens cases whose subject belongs to <paramref name="department"/> (<see cref="ComplaintSubject.Department"/>:
    /// the unit complained about) under <paramref name="pack"/>.
    /// </summary>
    /// <param name="department">The subject's department.</param>
    /// <param name="pack">The pack's id.</param>
    /// <returns>This selector.</returns>
    public PolicySelector WhenDepartment(DepartmentId department, string pack) =>
        Add((intake, _) => intake.Subject.Department == department, pack);

    /// <summary>
    /// Opens cases whose intake attribute <paramref name="name"/> is exactly <paramref name="value"/> under
    /// <paramref name="pack"/>. The attribute is one the selector reads (<see cref="AttributesRead"/>), so a pack whose
    /// intake schema does not declare it does not refuse it.
    /// </summary>
    /// <param name="name">The attribute's name, e.g. <c>unit</c>.</param>
    /// <param name="value">The value, compared exactly.</param>
    /// <param name="pack">The pack's id.</param>
    /// <returns>This selector.</returns>
    public PolicySelector WhenAttribute(string name, string value, string pack)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        ReadsAttribute(name);
        return Add((intake, _) => intake.Attributes is { } attributes && attributes.TryGetValue(name, out var given) && string.Equals(given, value, StringComparison.Ordinal), pack);
    }

    /// <summary>
    /// Opens cases for which <paramref name="predicate"/> holds under <paramref name="pack"/>. If it reads intake
    /// attributes, name them with <see cref="ReadsAttribute"/>.
    /// </summary>
    /// <param name="predicate">The condition on the intake.</param>
    /// <param name="pack">The pack's id.</param>
    /// <returns>This selector.</returns>
    public PolicySelector When(Func<ComplaintIntake, bool> predicate, string pack)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add((intake, _) => predicate(intake), pack);
    }

    /// <summary>
    /// Opens cases for which <paramref name="predicate"/> holds of the intake and its receiver (e.g. the receiver's
    /// department) under <paramref name="pack"/>.
    /// </summary>
    /// <param name="predicate">The condition on the intake and the receiver.</param>
    /// <param name="pack">The pack's id.</param>
    /// <returns>This selector.</returns>
    public PolicySelector When(Func<ComplaintIntake, Actor, bool> predicate, string pack)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add(predicate, pack);
    }

    /// <summary>Declares an intake attribute a <see cref="When(Func{ComplaintIntake, bool}, string)"/> condition reads (see <see cref="IPolicySelector.AttributesRead"/>).</summary>
    /// <param name="name">The attribute's name.</param>
    /// <returns>This selector.</returns>
    public PolicySelector ReadsAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_attributes.Contains(name, StringComparer.Ordinal))
        {
            _attributes.Add(name);
        }

        return this;
    }

    /// <summary>The pack of the first rule that matches, in the order they were added; <see langword="null"/> (the default pack) when none does.</summary>
    /// <param name="intake">What was recorded.</param>
    /// <param name="receiver">Who received it.</param>
    /// <returns>The pack's id, or <see langword="null"/>.</returns>
    public string? SelectPack(ComplaintIntake intake, Actor receiver)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(receiver);
        foreach (var (matches, pack) in _rules)
        {
            if (matches(intake, receiver))
            {
                return pack;
            }
        }

        return null;
    }

    private PolicySelector Add(Func<ComplaintIntake, Actor, bool> matches, string pack)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pack);
        _rules.Add((matches, pack));
        if (!_packs.Contains(pack, StringComparer.Ordinal))
        {
            _packs.Add(pack);
        }

        return this;
    }
}
