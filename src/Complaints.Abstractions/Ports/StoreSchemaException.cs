namespace Complaints.Ports;

/// <summary>
/// A store found its database at a schema version this release cannot use — written by a newer release, or (where the
/// store may not migrate) older than it needs — and changed nothing. The built-in stores throw their own subclass
/// (<c>SqliteSchemaException</c>, <c>PostgreSqlSchemaException</c>), alike in shape; catch this type for either.
/// </summary>
/// <remarks>It is an <see cref="InvalidOperationException"/>: the store cannot work on this database as it is.</remarks>
public abstract class StoreSchemaException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was found, and what to do; names the database, never a case.</param>
    /// <param name="foundVersion">The schema version in the database.</param>
    /// <param name="supportedVersion">The schema version this release reads and writes.</param>
    protected StoreSchemaException(string message, long foundVersion, int supportedVersion)
        : base(message)
    {
        FoundVersion = foundVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The schema version in the database.</summary>
    public long FoundVersion { get; }

    /// <summary>The schema version this release reads and writes (the newest it knows).</summary>
    public int SupportedVersion { get; }
}
