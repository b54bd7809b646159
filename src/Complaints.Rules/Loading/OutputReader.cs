using System.Globalization;
using System.Text.Json;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>
/// Reads a rule's <c>Properties</c> (its output) and reports every missing, mistyped or unknown value. A number may be
/// written as <c>"settings.name"</c>, read from the pack's settings at load, so a number lives in one place.
/// </summary>
internal sealed class OutputReader
{
    /// <summary>How an output names a pack setting instead of giving a number: <c>"settings.resolveDays"</c>.</summary>
    public const string SettingPrefix = "settings.";

    private readonly Dictionary<string, object> _properties;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly Action<string> _problem;
    private readonly IReadOnlyDictionary<string, decimal>? _settings;
    private readonly ISet<string>? _settingsRead;

    /// <param name="properties">The rule's Properties.</param>
    /// <param name="problem">Reports a problem.</param>
    /// <param name="settings">The pack's settings, for numbers written <c>"settings.name"</c>; <see langword="null"/> when pack.json could not be read (such numbers are then not checked).</param>
    /// <param name="settingsRead">Collects the settings read.</param>
    public OutputReader(Dictionary<string, object>? properties, Action<string> problem, IReadOnlyDictionary<string, decimal>? settings = null, ISet<string>? settingsRead = null)
    {
        _properties = new Dictionary<string, object>(properties ?? [], StringComparer.OrdinalIgnoreCase);
        _problem = problem;
        _settings = settings;
        _settingsRead = settingsRead;
    }

    public string? Text(string key, bool required = false)
    {
        _read.Add(key);
        if (!_properties.TryGetValue(key, out var value) || value is JsonElement { ValueKind: JsonValueKind.Null })
        {
            if (required)
            {
                _problem($"output '{key}' is required in its Properties.");
            }

            return null;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.String } s && !string.IsNullOrWhiteSpace(s.GetString()))
        {
            return s.GetString();
        }

        if (value is string text && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        _problem($"output '{key}' must be a non-empty string.");
        return null;
    }

    public decimal? Number(string key, bool required = false)
    {
        _read.Add(key);
        if (!_properties.TryGetValue(key, out var value))
        {
            if (required)
            {
                _problem($"output '{key}' is required in its Properties.");
            }

            return null;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value is IConvertible c and not string)
        {
            return c.ToDecimal(CultureInfo.InvariantCulture);
        }

        var text = value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } s => s.GetString(),
            string t => t,
            _ => null,
        };
        if (text is not null && text.StartsWith(SettingPrefix, StringComparison.Ordinal))
        {
            return Setting(key, text[SettingPrefix.Length..]);
        }

        _problem($"output '{key}' must be a number, or \"{SettingPrefix}<name>\" to read one of pack.json's settings.");
        return null;
    }

    private decimal? Setting(string key, string name)
    {
        if (_settings is null)
        {
            return null; // pack.json could not be read; its problems are reported already
        }

        var found = _settings.FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.Ordinal));
        if (found.Key is null)
        {
            _problem($"output '{key}' reads setting '{name}', which pack.json settings does not have{Nearest.Hint(name, _settings.Keys)}; add it to settings or correct the name.");
            return null;
        }

        _settingsRead?.Add(found.Key);
        return found.Value;
    }

    public bool? Flag(string key)
    {
        _read.Add(key);
        if (!_properties.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } b)
        {
            return b.GetBoolean();
        }

        if (value is bool flag)
        {
            return flag;
        }

        _problem($"output '{key}' must be true or false.");
        return null;
    }

    public TEnum? Enum<TEnum>(string key, bool required = false)
        where TEnum : struct, Enum
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (Names.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        _problem($"output '{key}' is '{text}'; use one of {Names.List<TEnum>()}.");
        return null;
    }

    /// <summary>A list of strings: a JSON array, or one string.</summary>
    public string[]? Texts(string key, bool required = false)
    {
        _read.Add(key);
        if (!_properties.TryGetValue(key, out var value))
        {
            if (required)
            {
                _problem($"output '{key}' is required in its Properties.");
            }

            return null;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.String } one && !string.IsNullOrWhiteSpace(one.GetString()))
        {
            return [one.GetString()!];
        }

        if (value is JsonElement { ValueKind: JsonValueKind.Array } array &&
            array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())))
        {
            return array.EnumerateArray().Select(e => e.GetString()!).ToArray();
        }

        _problem($"output '{key}' must be a string or an array of non-empty strings.");
        return null;
    }

    /// <summary>An array of objects, each read by <paramref name="item"/>.</summary>
    public List<T>? Objects<T>(string key, Func<OutputReader, T?> item)
        where T : class
    {
        _read.Add(key);
        if (!_properties.TryGetValue(key, out var value) || value is not JsonElement { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            _problem($"output '{key}' is required: a non-empty array of objects.");
            return null;
        }

        var result = new List<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                _problem($"output '{key}[{index}]' must be an object.");
                continue;
            }

            var fields = element.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.Clone());
            var prefix = $"{key}[{index}].";
            var reader = new OutputReader(fields, message => _problem(message.Replace("output '", "output '" + prefix, StringComparison.Ordinal)), _settings, _settingsRead);
            if (item(reader) is { } parsed)
            {
                result.Add(parsed);
            }

            reader.RejectUnknown();
            index++;
        }

        return result;
    }

    public void Problem(string message) => _problem(message);

    public bool Has(string key) => _properties.ContainsKey(key);

    /// <summary>Reports keys no reader asked for: a misspelt output is an error, not silently ignored.</summary>
    public void RejectUnknown()
    {
        foreach (var key in _properties.Keys)
        {
            if (!_read.Contains(key))
            {
                _problem($"unknown output '{key}'; this decision point reads {string.Join(", ", _read.Order())}.");
            }
        }
    }
}
