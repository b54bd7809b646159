using System.Collections.Frozen;

namespace Complaints.Policy;

/// <summary>The kinds of value an intake attribute holds (<see cref="ComplaintIntake.Attributes"/> are text; the type says how it is read).</summary>
public enum IntakeAttributeType
{
    /// <summary>Any single line of text, e.g. a licence plate or the court where a case is pending.</summary>
    Text,

    /// <summary>A number, written with a dot for decimals and no grouping, e.g. <c>1250.50</c>.</summary>
    Number,

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>One of the attribute's <see cref="IntakeAttributeDefinition.Values"/>.</summary>
    OneOf,
}

/// <summary>One attribute of the intake a policy relies on.</summary>
/// <param name="Name">The attribute's name as it appears in <see cref="ComplaintIntake.Attributes"/>, e.g. <c>licence-plate</c>.</param>
/// <param name="Type">How its value is read.</param>
/// <param name="Required">Whether every intake must give it.</param>
/// <param name="Description">What it holds, for the person filling the intake in.</param>
public sealed record IntakeAttributeDefinition(string Name, IntakeAttributeType Type, bool Required = false, string? Description = null)
{
    /// <summary>The values allowed for <see cref="IntakeAttributeType.OneOf"/>; empty for the other types.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>
/// The intake attributes a policy knows: each with its type and whether it is required. The workflow checks every
/// intake against it at receipt, so a missing licence plate or a misspelt attribute is a
/// <see cref="ComplaintValidationException"/> naming the attribute, not a rule that silently never matches.
/// </summary>
public sealed class IntakeSchema
{
    private readonly IReadOnlyList<IntakeAttributeDefinition> _attributes = [];
    private readonly FrozenDictionary<string, IntakeAttributeDefinition> _byName = FrozenDictionary<string, IntakeAttributeDefinition>.Empty;

    /// <summary>Creates a schema.</summary>
    /// <param name="attributes">The attributes, each name once.</param>
    /// <exception cref="ArgumentException">A name is blank or given twice, or a <see cref="IntakeAttributeType.OneOf"/> attribute has no values.</exception>
    public IntakeSchema(IReadOnlyList<IntakeAttributeDefinition> attributes) => Attributes = attributes;

    /// <summary>The attributes, in the order the policy lists them.</summary>
    public IReadOnlyList<IntakeAttributeDefinition> Attributes
    {
        get => _attributes;
        private init
        {
            ArgumentNullException.ThrowIfNull(value);
            var byName = new Dictionary<string, IntakeAttributeDefinition>(StringComparer.Ordinal);
            foreach (var attribute in value)
            {
                ArgumentNullException.ThrowIfNull(attribute, nameof(value));
                ArgumentException.ThrowIfNullOrWhiteSpace(attribute.Name, nameof(value));
                if (!byName.TryAdd(attribute.Name, attribute))
                {
                    throw new ArgumentException($"Intake attribute '{attribute.Name}' is declared twice.", nameof(value));
                }

                if (attribute.Type == IntakeAttributeType.OneOf && attribute.Values.Count == 0)
                {
                    throw new ArgumentException($"Intake attribute '{attribute.Name}' is one-of but lists no values.", nameof(value));
                }
            }

            _attributes = value;
            _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>The attribute named <paramref name="name"/> (exact spelling), or <see langword="null"/>.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <returns>The attribute, or <see langword="null"/> if the schema has none of that name.</returns>
    public IntakeAttributeDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The declared name nearest to <paramref name="name"/> (a different case, a typo or two), for an error message; <see langword="null"/> if none is close.</summary>
    /// <param name="name">A name the schema does not have.</param>
    /// <returns>The nearest declared name, or <see langword="null"/>.</returns>
    public string? Nearest(string name) => NearestName.Of(name, _attributes.Select(a => a.Name));

    /// <summary>
    /// Every problem of <paramref name="attributes"/> against the schema, as (field, message) pairs with fields like
    /// <c>Intake.Attributes[licence-plate]</c>: a required attribute missing or blank, a name the schema does not know,
    /// a value not of the attribute's type.
    /// </summary>
    /// <param name="attributes">The intake's attributes; <see langword="null"/> for none.</param>
    /// <returns>The problems; empty when the attributes fit.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> Check(IReadOnlyDictionary<string, string>? attributes)
    {
        List<KeyValuePair<string, string>>? problems = null;
        void Problem(string name, string message) => (problems ??= []).Add(new($"Intake.Attributes[{name}]", message));

        foreach (var attribute in _attributes)
        {
            if (attribute.Required && (attributes is null || !attributes.TryGetValue(attribute.Name, out var given) || string.IsNullOrWhiteSpace(given)))
            {
                Problem(attribute.Name, $"is required{About(attribute)}; give it.");
            }
        }

        foreach (var (name, value) in attributes ?? FrozenDictionary<string, string>.Empty)
        {
            if (Find(name) is not { } attribute)
            {
                var nearest = Nearest(name);
                Problem(name, nearest is null
                    ? $"is not an attribute the policy knows; it knows {string.Join(", ", _attributes.Select(a => a.Name))}."
                    : $"is not an attribute the policy knows; did you mean '{nearest}'?");
            }
            else if (!string.IsNullOrWhiteSpace(value) && TypeProblem(attribute, value) is { } wrong)
            {
                Problem(name, wrong);
            }
        }

        return (IReadOnlyList<KeyValuePair<string, string>>?)problems ?? [];
    }

    private static string About(IntakeAttributeDefinition attribute) => attribute.Description is { Length: > 0 } d ? $" ({d})" : "";

    private static string? TypeProblem(IntakeAttributeDefinition attribute, string value) => attribute.Type switch
    {
        IntakeAttributeType.Number when !decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)
            => "must be a number written with a dot for decimals and no grouping, e.g. 1250.50.",
        IntakeAttributeType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            => "must be a date written yyyy-MM-dd, e.g. 2026-03-14.",
        IntakeAttributeType.OneOf when !attribute.Values.Contains(value, StringComparer.Ordinal)
            => $"must be one of {string.Join(", ", attribute.Values)}.",
        _ => null,
    };
}
