namespace Complaints.Workflow.Internal;

/// <summary>Collects field errors, then throws them together so the caller can fix everything at once.</summary>
/// <remarks>
/// Messages never repeat the bad value: it may be megabytes long or hold characters a log cannot show. Field names
/// built from parts are formatted only for an error, as these checks run on every command.
/// </remarks>
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

    /// <summary>Free text, if given: at most <paramref name="max"/> characters of valid UTF-16, line breaks and tabs but no other control character.</summary>
    public Validation Text(string? value, int max, string field) =>
        TextProblem(value, max, multiline: true) is { } problem ? Error(field, problem) : this;

    /// <summary>A single-line value (a name, an id, a phone number), if given: no control character at all.</summary>
    public Validation Line(string? value, int max, string field) =>
        TextProblem(value, max, multiline: false) is { } problem ? Error(field, problem) : this;

    /// <summary>Required free text within <paramref name="max"/> characters.</summary>
    public Validation RequiredText(string? value, int max, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? Error(field, $"{what} is required.") : Text(value, max, field);

    /// <summary>A required identifier (an actor, a department, a role): not blank, one line, at most <see cref="ComplaintLimits.IdLength"/>.</summary>
    public Validation Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? Error(field, "is required and must not be blank.") : Line(value, ComplaintLimits.IdLength, field);

    /// <summary>A list's size: at most <paramref name="max"/> items. Returns whether the items are worth checking one by one.</summary>
    public bool Count(int count, int max, string field)
    {
        if (count <= max)
        {
            return true;
        }

        Error(field, $"must have at most {max} items (has {count}).");
        return false;
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
        else if (money.Amount > ComplaintLimits.MaxAmount)
        {
            // Rewards and penalties are computed from amounts; this bound keeps them from overflowing.
            Error($"{field}.Amount", $"must be at most {ComplaintLimits.MaxAmount:N0} (ComplaintLimits.MaxAmount).");
        }

        if (money.Currency is { Length: 3 } c && char.IsAsciiLetterUpper(c[0]) && char.IsAsciiLetterUpper(c[1]) && char.IsAsciiLetterUpper(c[2]))
        {
            return this;
        }

        // Quote the code only when it is short and printable: the message must stay readable whatever was sent.
        var shown = money.Currency is { Length: <= 8 } s && !s.Any(char.IsControl) && !s.Any(char.IsSurrogate) ? $"'{s}' is not" : "is not";
        return Error($"{field}.Currency", $"{shown} an ISO 4217 code; use three upper-case letters such as CNY, USD or GBP.");
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
        else if (TextProblem(actor.Id.Value, ComplaintLimits.IdLength, multiline: false) is { } id)
        {
            Error($"{field}.Id", id);
        }

        if (actor.Name is null)
        {
            Error($"{field}.Name", "is required (it may be empty): timelines show it.");
        }
        else if (TextProblem(actor.Name, ComplaintLimits.NameLength, multiline: false) is { } name)
        {
            Error($"{field}.Name", name);
        }

        if (actor.Department is { } department && (string.IsNullOrWhiteSpace(department.Value) || TextProblem(department.Value, ComplaintLimits.IdLength, multiline: false) is not null))
        {
            Id(department.Value, $"{field}.Department");
        }

        return Roles(actor.Roles, field);
    }

    private Validation Roles(IReadOnlyList<string>? roles, string field)
    {
        if (roles is null)
        {
            return Error($"{field}.Roles", "must be a list (it may be empty).");
        }

        if (roles.Count > ComplaintLimits.ListCount)
        {
            Count(roles.Count, ComplaintLimits.ListCount, $"{field}.Roles");
            return this;
        }

        for (var i = 0; i < roles.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(roles[i]) || TextProblem(roles[i], ComplaintLimits.IdLength, multiline: false) is not null)
            {
                Id(roles[i], $"{field}.Roles[{i}]");
            }
        }

        return this;
    }

    /// <summary>
    /// What is wrong with a text, or <see langword="null"/>: too long, a control character (line breaks and tabs are
    /// allowed in free text), or a lone surrogate, which is not text (SQLite and PostgreSQL would each change it).
    /// </summary>
    internal static string? TextProblem(string? value, int max, bool multiline)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > max)
        {
            return $"must be at most {max} characters (has {value.Length}).";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < '\u0020' || c is >= '\u007f' and <= '\u009f')
            {
                if (multiline && c is '\n' or '\r' or '\t')
                {
                    continue;
                }

                return multiline
                    ? $"contains the control character U+{(int)c:X4} at position {i}; only line breaks and tabs are allowed."
                    : $"contains the control character U+{(int)c:X4} at position {i}; it must be a single line of text.";
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return $"is not valid Unicode: a lone surrogate U+{(int)c:X4} at position {i}; send the text as valid UTF-16.";
            }
        }

        return null;
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
