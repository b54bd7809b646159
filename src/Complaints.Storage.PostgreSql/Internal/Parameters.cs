using Npgsql;
using NpgsqlTypes;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>Parameters as the store binds them: named, typed, <see langword="null"/> as <see cref="DBNull"/>.</summary>
internal static class Parameters
{
    /// <summary>A parameter of the given type; typed, so that a <see langword="null"/> still tells PostgreSQL its type.</summary>
    public static NpgsqlParameter Parameter(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
