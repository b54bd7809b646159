namespace Complaints.Workflow.Notifications;

/// <summary>
/// A notice template, word or format given to <see cref="NoticeTemplates.With"/> is not one the workflow knows: an
/// unknown key, a placeholder the template cannot have, an unclosed brace, or a bad date format. Thrown where the
/// templates are registered, so a host learns of it at start, never when a message is due.
/// </summary>
public sealed class NoticeTemplateException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="culture">The culture the template was given for.</param>
    /// <param name="key">The template's key, e.g. <c>acknowledgement.body</c>.</param>
    /// <param name="placeholder">The placeholder at fault, if one is.</param>
    public NoticeTemplateException(string message, string culture, string key, string? placeholder = null)
        : base(message)
    {
        Culture = culture;
        Key = key;
        Placeholder = placeholder;
    }

    /// <summary>The culture the template was given for (e.g. <c>zh-CN</c>).</summary>
    public string Culture { get; }

    /// <summary>The template's key (e.g. <c>acknowledgement.body</c>).</summary>
    public string Key { get; }

    /// <summary>The placeholder at fault (without braces), or <see langword="null"/> when the fault is not a placeholder's.</summary>
    public string? Placeholder { get; }
}
