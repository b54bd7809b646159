namespace Complaints.Workflow.Internal;

/// <summary>Collects field errors, then throws them together so the caller can fix everything at once.</summary>
internal sealed class Validation
{
    private readonly List<ValidationError> _errors = [];

    public Validation Required(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new ValidationError(field, $"{what} is required."));
        }

        return this;
    }

    public Validation MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
        {
            _errors.Add(new ValidationError(field, $"must be at most {max} characters (has {value.Length})."));
        }

        return this;
    }

    public Validation Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            _errors.Add(new ValidationError(field, $"{value} is not a {typeof(TEnum).Name}; use one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
        }

        return this;
    }

    public Validation Check(bool ok, string field, string message) => ok ? this : Error(field, message);

    /// <summary>Records an error; for checks on hot paths, whose field names are formatted only when they fail.</summary>
    public Validation Error(string field, string message)
    {
        _errors.Add(new ValidationError(field, message));
        return this;
    }

    public Validation Money(Money? money, string field)
    {
        if (money is null)
        {
            return this;
        }

        if (money.Amount < 0)
        {
            Error($"{field}.Amount", "must not be negative.");
        }

        return money.Currency is { Length: 3 } c && char.IsAsciiLetterUpper(c[0]) && char.IsAsciiLetterUpper(c[1]) && char.IsAsciiLetterUpper(c[2])
            ? this
            : Error($"{field}.Currency", $"'{money.Currency}' is not an ISO 4217 code; use three upper-case letters such as CNY, USD or GBP.");
    }

    public Validation Actor(Actor? actor, string field)
    {
        if (actor is null)
        {
            _errors.Add(new ValidationError(field, "an actor is required: every command names who issues it."));
            return this;
        }

        // The field names are formatted only for an error: this runs on every command.
        if (string.IsNullOrWhiteSpace(actor.Id.Value))
        {
            Error($"{field}.Id", "the actor's id is required.");
        }

        return actor.Roles is not null ? this : Error($"{field}.Roles", "must be a list (it may be empty).");
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ComplaintValidationException(_errors.ToArray());
        }
    }
}
