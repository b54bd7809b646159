namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// A statement of the command path, prepared once per <see cref="Session"/> and reused: preparing (parsing and planning)
/// the case row's 19-column statement cost more than running it. Parameters are bound by position, in
/// <see cref="Parameters"/>' order. The statements themselves are in <see cref="Sql"/>.
/// </summary>
/// <param name="Slot">The statement's index in a session's cache, below <see cref="Count"/>.</param>
/// <param name="Text">The SQL.</param>
/// <param name="Parameters">The parameter names, in binding order.</param>
internal sealed record Statement(int Slot, string Text, params string[] Parameters)
{
    /// <summary>How many statements a session caches.</summary>
    public const int Count = 26;
}
