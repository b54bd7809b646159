namespace Complaints.Workflow.Internal;

/// <summary>Collects field errors, then throws them together so the caller can fix everything at once.</summary>
internal sealed class Validation
{
    // Made on the first error: most commands have none.
    private List<ValidationError>? _errors;

    public Validation Required(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(new ValidationError(field, $"{what} is required."));
        }

        return this;
    }

    public Validation MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
        {
            Errors.Add(new ValidationError(field, $"must be at most {max} characters (has {value.Length})."));
        }

        return this;
    }

    public Validation Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Errors.Add(new ValidationError(field, $"{value} is not a {typeof(TEnum).Name}; use one of {string.Join(", ", Enum.GetNames<TEnum>())}."));
        }

        return this;
    }

    public Validation Check(bool ok, string field, string message) => ok ? this : Error(field, message);

    /// <summary>Records an error; for checks on hot paths, whose field names are formatted only when they fail.</summary>
    public Validation Error(string field, string message)
    {
        Errors.Add(new ValidationError(field, message));
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
            Errors.Add(new ValidationError(field, "an actor is required: every command names who issues it."));
            return this;
        }

        // The field names are formatted only for an error: this runs on every command.
        if (string.IsNullOrWhiteSpace(actor.Id.Value))
        {
            Error($"{field}.Id", "the actor's id is required.");
        }

        return actor.Roles is not null ? this : Error($"{field}.Roles", "must be a list (it may be empty).");
    }

    private List<ValidationError> Errors => _errors ??= [];

    public void ThrowIfAny()
    {
        if (_errors is { Count: > 0 })
        {
            throw new ComplaintValidationException(_errors.ToArray());
        }
    }
}
